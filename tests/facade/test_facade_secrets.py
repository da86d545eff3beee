"""No credential reaches an exception's text, its causes and contexts, or a repr.

Every test asserts on the whole chain (`assert_no_secret`): ``str``, ``repr``, the
formatted traceback, and each ``__cause__`` / ``__context__``.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    API_KEY,
    BASE_URL,
    MESSAGES,
    MODEL,
    Api,
    MakeApi,
    event_stream,
    history_json,
    sse,
    text_chunk,
)

import zaguan
from zaguan import AsyncZaguanClient, ConfigurationError, ZaguanClient

CLIENTS = pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])
OTHER_SECRET = "sk-other-credential-9876543210"


def chain_of(exc: BaseException) -> list[BaseException]:
    """``exc`` and every exception linked to it, by cause or context."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        todo += (current.__cause__, current.__context__)
    return seen


def assert_no_secret(exc: BaseException, *secrets: str) -> None:
    shown = "".join(traceback.format_exception(exc))
    for link in chain_of(exc):
        shown += f"{link!s} {link!r} {link.args!r}"
    for secret in secrets or (API_KEY,):
        assert secret not in shown
        assert secret.strip() not in shown


# -- A bad key: refused at construction, named but never shown -----------------------------


@CLIENTS
@pytest.mark.parametrize(
    ("key", "problem"),
    [
        (API_KEY + "\n", "CR or LF"),
        (API_KEY + "\r\n", "CR or LF"),
        (" " + API_KEY, "whitespace"),
        (API_KEY + " ", "whitespace"),
        (API_KEY + "\t", "control character"),
        ("sk-zaguan-t\u00e9st-0123456789abcdef", "non-ASCII"),
        ("sk-zaguan test-0123456789abcdef", "space"),
        (b"sk-zaguan-test-0123456789abcdef", "not a string"),
    ],
)
def test_an_unsendable_key_is_a_configuration_error_naming_the_problem(
    cls: type[ZaguanClient], key: Any, problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem) as caught:
        cls(api_key=key, base_url=BASE_URL)
    assert_no_secret(caught.value, str(key), API_KEY, "0123456789abcdef")


@CLIENTS
def test_an_empty_key_names_the_argument(cls: type[ZaguanClient]) -> None:
    with pytest.raises(ConfigurationError, match="api_key"):
        cls(api_key="", base_url=BASE_URL)


# -- A credential among the caller's headers ----------------------------------------------

BAD_AUTH = [
    f"Bearer {OTHER_SECRET}\n",
    f"Bearer {OTHER_SECRET}\r\nX-Evil: 1",
    f" Bearer {OTHER_SECRET}",
    f"Bearer {OTHER_SECRET}\u00e9",
    f"Bearer {OTHER_SECRET}\x00",
]


@CLIENTS
@pytest.mark.parametrize("value", BAD_AUTH)
@pytest.mark.parametrize("name", ["Authorization", "X-Api-Key", "X-Anything"])
def test_an_unsendable_default_header_never_shows_its_value(
    cls: type[ZaguanClient], name: str, value: str
) -> None:
    with pytest.raises(ConfigurationError, match=name) as caught:
        cls(api_key=API_KEY, base_url=BASE_URL, default_headers={name: value})
    assert_no_secret(caught.value, OTHER_SECRET, API_KEY)


@pytest.mark.parametrize("value", BAD_AUTH)
async def test_an_unsendable_extra_header_never_shows_its_value(
    api: Api, mock: respx.MockRouter, value: str
) -> None:
    route = mock.get("/health").respond(json={})
    with pytest.raises(zaguan.RequestValidationError, match="Authorization") as caught:
        await api.call("health", extra_headers={"Authorization": value})
    assert not route.called
    assert_no_secret(caught.value, OTHER_SECRET, API_KEY)


# -- A lower layer quoting the key: masked wherever the SDK wraps it ------------------------


def _quoting_transport_error(request: httpx2.Request) -> httpx2.Response:
    """As h11 words a header it refuses, the whole value quoted (a cause chained too)."""
    value = request.headers["Authorization"]
    try:
        raise ValueError(f"Illegal header value {value.encode()!r}")
    except ValueError as exc:
        raise httpx2.LocalProtocolError(f"Illegal header value {value!r}") from exc


@pytest.fixture
def through(flavour: str) -> Callable[[Callable[[httpx2.Request], httpx2.Response]], Api]:
    def make(handler: Callable[[httpx2.Request], httpx2.Response]) -> Api:
        transport = httpx2.MockTransport(handler)
        if flavour == "async":
            http: Any = httpx2.AsyncClient(transport=transport)
            return Api(AsyncZaguanClient(api_key=API_KEY, base_url=BASE_URL, http_client=http))
        http = httpx2.Client(transport=transport)
        return Api(ZaguanClient(api_key=API_KEY, base_url=BASE_URL, http_client=http))

    return make


async def test_a_transport_error_quoting_the_key_is_masked(through: Any) -> None:
    api = through(_quoting_transport_error)
    with pytest.raises(zaguan.APIConnectionError, match="LocalProtocolError") as caught:
        await api.call("list_models")
    assert "***" in str(caught.value)
    assert_no_secret(caught.value)


async def test_a_stream_transport_error_quoting_the_key_is_masked(
    api: Api, mock: respx.MockRouter
) -> None:
    error = httpx2.ReadError(f"peer said: Bearer {API_KEY}")
    mock.post("/v1/chat/completions").mock(
        return_value=event_stream([sse(text_chunk("Hi"), done=False)], error=error)
    )
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await api.stream_into([], model=MODEL, messages=MESSAGES)
    assert_no_secret(caught.value)


# -- A server echoing the key --------------------------------------------------------------


async def test_a_key_echoed_in_an_error_body_is_masked(api: Api, mock: respx.MockRouter) -> None:
    body = {
        "error": {
            "message": f"Incorrect API key provided: {API_KEY}",
            "type": "invalid_request_error",
            "param": API_KEY,
            "code": f"bad:{API_KEY}",
        }
    }
    mock.get("/v1/models").respond(400, json=body)
    with pytest.raises(zaguan.BadRequestError) as caught:
        await api.call("list_models")
    error = caught.value
    assert_no_secret(error)
    assert API_KEY not in error.message
    assert (error.param, error.code) == ("***", "bad:***")


async def test_a_key_echoed_into_a_typed_field_of_a_2xx_is_masked(
    api: Api, mock: respx.MockRouter
) -> None:
    page = history_json("h1")
    page["entries"][0]["timestamp"] = API_KEY  # the generated model quotes what it refuses
    mock.get("/v1/credits/history").respond(json=page)
    with pytest.raises(zaguan.APIResponseValidationError) as caught:
        await api.call("get_credits_history")
    assert isinstance(caught.value.__cause__, ValueError)
    assert API_KEY not in caught.value.message
    assert_no_secret(caught.value)


async def test_a_key_echoed_into_a_stream_event_is_masked(api: Api, mock: respx.MockRouter) -> None:
    chunk = text_chunk("Hi")
    chunk["choices"][0]["index"] = {"echo": API_KEY}
    mock.post("/v1/chat/completions").mock(return_value=event_stream(sse(chunk)))
    with pytest.raises(zaguan.APIResponseValidationError) as caught:
        await api.stream_into([], model=MODEL, messages=MESSAGES)
    assert_no_secret(caught.value)


async def test_a_key_echoed_in_a_stream_error_event_is_masked(
    api: Api, mock: respx.MockRouter
) -> None:
    event = {"error": {"message": f"bad key {API_KEY}", "type": "server_error"}}
    mock.post("/v1/chat/completions").mock(return_value=event_stream(sse(event)))
    with pytest.raises(zaguan.StreamError) as caught:
        await api.stream_into([], model=MODEL, messages=MESSAGES)
    assert API_KEY not in caught.value.message
    assert_no_secret(caught.value)


async def test_the_key_sent_in_a_header_of_the_callers_choice_is_masked_too(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    api = make_api(default_headers={"X-Api-Key": OTHER_SECRET})
    body = {"error": {"message": f"unknown {OTHER_SECRET}"}}
    mock.get("/v1/models").respond(401, json=body)
    with pytest.raises(zaguan.AuthenticationError) as caught:
        await api.call("list_models")
    assert_no_secret(caught.value, OTHER_SECRET, API_KEY)


async def test_a_binary_stream_transport_error_quoting_the_key_is_masked(
    api: Api, mock: respx.MockRouter
) -> None:
    error = httpx2.ReadError(f"peer said: Bearer {API_KEY}")
    response = event_stream([b"RIFF"], error=error)
    response.headers["content-type"] = "audio/wav"
    mock.post("/v1/audio/speech").mock(return_value=response)
    fields = {"model": "openai/tts-1", "input": "hi", "voice": "alloy"}
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await _read_speech(api, fields)
    assert_no_secret(caught.value)


async def _read_speech(api: Api, fields: dict[str, Any]) -> bytes:
    if isinstance(api.client, AsyncZaguanClient):
        async with await api.client.create_speech_stream(**fields) as stream:
            return await stream.read()
    with api.client.create_speech_stream(**fields) as sync_stream:
        return sync_stream.read()
