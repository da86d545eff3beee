"""The caller's own httpx2 client and transport: `httpx2.MockTransport`, its timeout, TLS."""

from __future__ import annotations

import ssl
import warnings
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx2
import pytest
import respx
from facade_support import API_KEY, BASE_URL, HEALTH_JSON, MESSAGES, MODEL, Api, completion_json

import zaguan
from zaguan import AsyncZaguanClient, InsecureTransportWarning, ZaguanClient

CLIENTS = pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])

Handler = Callable[[httpx2.Request], httpx2.Response]
MakeMocked = Callable[..., Api]


@pytest.fixture
async def mocked(flavour: str) -> AsyncIterator[MakeMocked]:
    """``mocked(handler, **client_kwargs)``: an `Api` whose client sends through
    ``httpx2.MockTransport(handler)`` (the pattern httpx2 documents for testing), no respx."""
    made: list[httpx2.Client | httpx2.AsyncClient] = []

    def make(handler: Handler, *, http_kwargs: dict[str, Any] | None = None, **kwargs: Any) -> Api:
        transport = httpx2.MockTransport(handler)
        http: httpx2.Client | httpx2.AsyncClient
        if flavour == "async":
            http = httpx2.AsyncClient(transport=transport, **(http_kwargs or {}))
            client: ZaguanClient | AsyncZaguanClient = AsyncZaguanClient(
                api_key=API_KEY, base_url=BASE_URL, http_client=http, **kwargs
            )
        else:
            http = httpx2.Client(transport=transport, **(http_kwargs or {}))
            client = ZaguanClient(api_key=API_KEY, base_url=BASE_URL, http_client=http, **kwargs)
        made.append(http)
        return Api(client)

    yield make
    for http in made:
        if isinstance(http, httpx2.AsyncClient):
            await http.aclose()
        else:
            http.close()


# -- httpx2.MockTransport ------------------------------------------------------------------


async def test_mock_transport_json_response_for_a_non_streamed_call(mocked: MakeMocked) -> None:
    api = mocked(lambda request: httpx2.Response(200, json=completion_json("Hi there")))
    reply = await api.call("chat", model=MODEL, messages=MESSAGES)
    assert reply.choices[0].message.content == "Hi there"


@pytest.mark.parametrize(
    ("method", "answer"),
    [("health", HEALTH_JSON), ("list_models", {"data": []})],
)
async def test_mock_transport_for_every_kind_of_plain_call(
    mocked: MakeMocked, method: str, answer: dict[str, Any]
) -> None:
    api = mocked(lambda request: httpx2.Response(200, json=answer))
    assert await api.call(method) is not None
    raw = await api.raw(method)
    assert raw.status_code == 200
    assert raw.elapsed.total_seconds() >= 0


async def test_mock_transport_with_the_escape_hatch_and_a_retry(mocked: MakeMocked) -> None:
    answers = iter([httpx2.Response(503, json={}), httpx2.Response(200, json={"ok": True})])
    api = mocked(lambda request: next(answers))
    assert await api.call("request", "GET", "/v1/new") == {"ok": True}


# -- The caller's headers, cookies and query ---------------------------------------------


def _seen_requests(seen: list[httpx2.Request]) -> Handler:
    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=completion_json("Hi"))

    return handler


async def test_the_http_clients_own_headers_travel_and_ours_win(mocked: MakeMocked) -> None:
    """Headers are merged once per client (`_prepare`): a change to the http client's
    headers after that is still seen, and the SDK's and the caller's extras still win."""
    seen: list[httpx2.Request] = []
    own = {"X-Team": "a", "user-agent": "theirs", "ACCEPT": "text/plain"}
    api = mocked(_seen_requests(seen), http_kwargs={"headers": own})
    await api.call("chat", model=MODEL, messages=MESSAGES)
    api.client._http.headers["X-Team"] = "b"
    await api.call("chat", model=MODEL, messages=MESSAGES, extra_headers={"x-team": "c"})
    await api.call("chat", model=MODEL, messages=MESSAGES)
    assert [r.headers["x-team"] for r in seen] == ["a", "c", "b"]
    for request in seen:
        assert request.headers.get_list("user-agent") == [zaguan._config.USER_AGENT]
        assert request.headers.get_list("accept") == ["application/json"]
        assert request.headers["authorization"] == f"Bearer {API_KEY}"
        assert len(request.headers.get_list("x-request-id")) == 1


async def test_the_http_clients_cookies_and_query_travel(mocked: MakeMocked) -> None:
    seen: list[httpx2.Request] = []
    http_kwargs = {"cookies": {"session": "s1"}, "params": {"tenant": "t1"}}
    api = mocked(_seen_requests(seen), http_kwargs=http_kwargs)
    await api.call("chat", model=MODEL, messages=MESSAGES, extra_query={"q": "1"})
    assert seen[0].headers["cookie"] == "session=s1"
    assert dict(seen[0].url.params) == {"tenant": "t1", "q": "1"}
    assert seen[0].headers["content-type"] == "application/json"


# -- The caller's timeout -----------------------------------------------------------------


def _timeout_seen(seen: list[dict[str, float]]) -> Handler:
    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request.extensions["timeout"])
        return httpx2.Response(200, json=HEALTH_JSON)

    return handler


async def test_the_http_clients_timeout_applies_without_timeout(mocked: MakeMocked) -> None:
    seen: list[dict[str, float]] = []
    api = mocked(_timeout_seen(seen), http_kwargs={"timeout": 0.5})
    await api.call("health")
    assert seen == [{"connect": 0.5, "read": 0.5, "write": 0.5, "pool": 0.5}]


async def test_timeout_argument_beats_the_http_clients(mocked: MakeMocked) -> None:
    seen: list[dict[str, float]] = []
    api = mocked(_timeout_seen(seen), http_kwargs={"timeout": 0.5}, timeout=3)
    await api.call("health")
    await api.call("health", timeout=7)
    assert [t["read"] for t in seen] == [3.0, 7.0]


async def test_an_http_client_left_at_httpx_default_gets_the_sdks(mocked: MakeMocked) -> None:
    seen: list[dict[str, float]] = []
    api = mocked(_timeout_seen(seen))  # httpx2.Client(): 5 s is httpx2's, not the caller's
    await api.call("health")
    assert seen == [{"connect": 10.0, "read": 600.0, "write": 600.0, "pool": 600.0}]


# -- TLS ----------------------------------------------------------------------------------


def _certificate_failure(request: httpx2.Request) -> httpx2.Response:
    """What httpx2 raises for a certificate that fails verification: a ConnectError chained
    to the ssl error (through httpcore's, left out here)."""
    try:
        raise ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] self-signed")
    except ssl.SSLError as exc:
        raise httpx2.ConnectError("certificate verify failed", request=request) from exc


async def test_a_certificate_failure_is_not_retried(mocked: MakeMocked) -> None:
    # A MockTransport, not respx: respx replaces an exception's cause with its own.
    sent: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return _certificate_failure(request)

    with pytest.raises(zaguan.APIConnectionError) as caught:
        await mocked(handler).call("health")
    assert len(sent) == 1  # no second handshake against the same certificate
    assert isinstance(caught.value.__cause__, httpx2.ConnectError)


async def test_a_plain_connect_error_is_still_retried(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/health").mock(side_effect=httpx2.ConnectError("refused"))
    with pytest.raises(zaguan.APIConnectionError):
        await api.call("health")
    assert route.call_count == 3


# -- Plain http:// to another machine -----------------------------------------------------


@CLIENTS
@pytest.mark.parametrize(
    "url", ["http://corex.example.com", "http://10.0.0.7:8080", "http://[2001:db8::1]"]
)
def test_plain_http_to_a_remote_host_warns_once_per_client(
    cls: type[ZaguanClient], url: str
) -> None:
    with pytest.warns(InsecureTransportWarning, match="unencrypted") as caught:
        cls(api_key=API_KEY, base_url=url)
    assert len(caught) == 1
    assert caught[0].filename == __file__  # points at the caller's line, not the SDK's
    assert API_KEY not in str(caught[0].message)


@CLIENTS
@pytest.mark.parametrize(
    "url",
    [
        "https://corex.example.com",
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://[::1]:8080",
    ],
)
def test_https_or_loopback_does_not_warn(cls: type[ZaguanClient], url: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cls(api_key=API_KEY, base_url=url)


def test_the_warning_is_a_user_warning() -> None:
    assert issubclass(InsecureTransportWarning, UserWarning)
