"""``client.with_raw_response`` and a caller-supplied ``http_client``."""

from __future__ import annotations

import asyncio
import datetime
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    API_KEY,
    BALANCE_JSON,
    CAPABILITIES_JSON,
    CHAT_PATH,
    HEALTH_JSON,
    MESSAGES,
    MODEL,
    MODEL_JSON,
    STATS_JSON,
    Api,
    MakeApi,
    Reply,
    completion_json,
    error_json,
    event_stream,
    history_json,
    is_uuid4,
    sse,
    text_chunk,
)

import zaguan
from zaguan import AsyncStream, RawResponse, Stream, ZaguanClient
from zaguan_corex_client.models import (
    ChatCompletion,
    CreditsBalance,
    CreditsHistory,
    CreditsStats,
    Health,
    Model,
)

RAW_METHODS: list[tuple[str, tuple[Any, ...], str, dict[str, Any], Any]] = [
    ("list_models", (), "/v1/models", {"data": [MODEL_JSON]}, list),
    ("get_model", (MODEL,), "/v1/models/openai%2Fgpt-4o-mini", MODEL_JSON, Model),
    ("get_capabilities", (), "/v1/capabilities", CAPABILITIES_JSON, list),
    ("get_credits_balance", (), "/v1/credits/balance", BALANCE_JSON, CreditsBalance),
    ("get_credits_history", (), "/v1/credits/history", history_json("e1"), CreditsHistory),
    ("get_credits_stats", (), "/v1/credits/stats", STATS_JSON, CreditsStats),
    ("health", (), "/health", HEALTH_JSON, Health),
]


def _check_raw(raw: RawResponse[Any], route: respx.Route, status: int = 200) -> None:
    assert isinstance(raw, RawResponse)
    assert raw.status_code == status
    assert raw.http_response.status_code == status
    assert raw.request_id == route.calls.last.request.headers["X-Request-Id"]
    assert isinstance(raw.elapsed, datetime.timedelta)
    assert raw.elapsed >= datetime.timedelta(0)


# -- with_raw_response --------------------------------------------------------------------


async def test_raw_chat(api: Api, mock: respx.MockRouter) -> None:
    route = mock.post(CHAT_PATH).respond(
        json=completion_json("raw!"), headers={"X-Served-By": "corex-7"}
    )
    raw = await api.raw("chat", model=MODEL, messages=MESSAGES)
    _check_raw(raw, route)
    assert isinstance(raw.parsed, ChatCompletion)
    assert raw.parsed.choices[0].message.content == "raw!"
    assert raw.headers["X-Served-By"] == "corex-7"
    assert is_uuid4(raw.request_id)


async def test_raw_get_model(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/models/openai%2Fgpt-4o-mini").respond(json=MODEL_JSON)
    raw = await api.raw("get_model", MODEL, request_id="raw-model")
    _check_raw(raw, route)
    assert isinstance(raw.parsed, Model)
    assert raw.parsed.id == MODEL
    assert raw.request_id == "raw-model"
    assert route.calls.last.request.url.raw_path == b"/v1/models/openai%2Fgpt-4o-mini"


@pytest.mark.parametrize(
    ("method", "args", "path", "payload", "cls"), RAW_METHODS, ids=[m[0] for m in RAW_METHODS]
)
async def test_raw_of_every_method(
    api: Api, mock: respx.MockRouter, method: str, args: tuple[Any, ...], path: str,
    payload: dict[str, Any], cls: type,
) -> None:  # fmt: skip
    route = mock.get(path).respond(201, json=payload)
    raw = await api.raw(method, *args)
    _check_raw(raw, route, status=201)
    assert isinstance(raw.parsed, cls)
    assert raw.parsed == await api.call(method, *args)  # what the plain method returns


async def test_raw_chat_stream(api: Api, mock: respx.MockRouter) -> None:
    route = mock.post(CHAT_PATH).mock(
        side_effect=[Reply(503), event_stream(sse(text_chunk("a"), text_chunk("b")))]
    )
    raw = await api.raw("chat_stream", model=MODEL, messages=MESSAGES)
    _check_raw(raw, route)
    assert route.call_count == 2
    assert raw.headers["Content-Type"] == "text/event-stream"
    stream = raw.parsed
    assert isinstance(stream, AsyncStream if api.is_async else Stream)
    assert stream.request_id == raw.request_id
    assert [c.choices[0].delta.content for c in await api.read(stream)] == ["a", "b"]
    assert raw.http_response is stream.response


async def test_raw_after_retries_describes_the_last_attempt(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/health").mock(
        side_effect=[Reply(502), Reply(200, json=HEALTH_JSON,
                                                         headers={"X-Attempt": "2"})]
    )  # fmt: skip
    raw = await api.raw("health", request_id="retried")
    _check_raw(raw, route)
    assert raw.headers["X-Attempt"] == "2"
    assert raw.request_id == "retried"


async def test_raw_of_a_failed_call_raises(api: Api, mock: respx.MockRouter) -> None:
    mock.post(CHAT_PATH).respond(404, json=error_json("model_not_found", "No such model."))
    with pytest.raises(zaguan.NotFoundError, match="No such model"):
        await api.raw("chat", model=MODEL, messages=MESSAGES)


async def test_concurrent_raw_calls_get_their_own_response(
    api: Api, mock: respx.MockRouter
) -> None:
    def answer(request: httpx2.Request) -> Reply:
        return Reply(200, json=HEALTH_JSON, headers={"X-Echo": request.url.params["n"]})

    mock.get("/health").mock(side_effect=answer)
    numbers = [str(n) for n in range(8)]
    if isinstance(api.client, ZaguanClient):
        health = api.client.with_raw_response.health
        with ThreadPoolExecutor(4) as pool:
            raws = list(pool.map(lambda n: health(extra_query={"n": n}), numbers))
    else:
        ahealth = api.client.with_raw_response.health
        raws = await asyncio.gather(*(ahealth(extra_query={"n": n}) for n in numbers))
    assert [raw.headers["X-Echo"] for raw in raws] == numbers
    assert len({raw.request_id for raw in raws}) == len(numbers)


# -- A caller's http_client ---------------------------------------------------------------


async def test_callers_http_client_gets_the_sdks_headers_and_retries_keeps_its_timeout(
    make_api: MakeApi, mock: respx.MockRouter, flavour: str
) -> None:
    seen: list[str] = []

    def hook(request: httpx2.Request) -> None:
        seen.append(request.headers["X-Request-Id"])

    async def ahook(request: httpx2.Request) -> None:
        hook(request)

    settings: dict[str, Any] = {
        "headers": {"User-Agent": "theirs/1", "X-Theirs": "kept"},
        "timeout": httpx2.Timeout(1.0),
    }
    http: httpx2.Client | httpx2.AsyncClient
    if flavour == "async":
        http = httpx2.AsyncClient(event_hooks={"request": [ahook]}, **settings)
    else:
        http = httpx2.Client(event_hooks={"request": [hook]}, **settings)
    route = mock.post(CHAT_PATH).mock(side_effect=[Reply(503), Reply(200, json=completion_json())])
    api = make_api(http_client=http)
    await api.call("chat", model=MODEL, messages=MESSAGES)
    assert route.call_count == 2
    for call in route.calls:
        headers = call.request.headers
        assert headers["Authorization"] == f"Bearer {API_KEY}"
        assert headers.get_list("User-Agent") == [f"zaguan-corex-python/{zaguan.__version__}"]
        assert headers["X-Theirs"] == "kept"
        assert call.request.extensions["timeout"] == {  # theirs: no timeout= was given
            "connect": 1.0, "read": 1.0, "write": 1.0, "pool": 1.0,
        }  # fmt: skip
    assert len(seen) == 2  # the caller's own hooks still run, once per attempt
    assert set(seen) == {route.calls[0].request.headers["X-Request-Id"]}
    assert is_uuid4(seen[0])
    await api.aclose()
    assert not http.is_closed
    if isinstance(http, httpx2.AsyncClient):
        await http.aclose()
    else:
        http.close()


async def test_callers_http_client_auth_does_not_replace_the_key(
    make_api: MakeApi, mock: respx.MockRouter, flavour: str
) -> None:
    """An ``auth=`` on the caller's client (say, for a proxy) must not displace the API key,
    nor be sent to /health."""
    auth = ("proxy-user", "proxy-password")
    http = httpx2.AsyncClient(auth=auth) if flavour == "async" else httpx2.Client(auth=auth)
    models = mock.get("/v1/models").respond(json={"data": []})
    health = mock.get("/health").respond(json=HEALTH_JSON)
    api = make_api(http_client=http)
    try:
        await api.call("list_models")
        await api.call("health")
    finally:
        if isinstance(http, httpx2.AsyncClient):
            await http.aclose()
        else:
            http.close()
    assert models.calls.last.request.headers.get_list("Authorization") == [f"Bearer {API_KEY}"]
    assert "Authorization" not in health.calls.last.request.headers
