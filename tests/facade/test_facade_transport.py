"""The caller's own httpx client and transport: `httpx.MockTransport`, its timeout, TLS."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from facade_support import API_KEY, BASE_URL, HEALTH_JSON, MESSAGES, MODEL, Api, completion_json

from zaguan import AsyncZaguanClient, ZaguanClient

Handler = Callable[[httpx.Request], httpx.Response]
MakeMocked = Callable[..., Api]


@pytest.fixture
async def mocked(flavour: str) -> AsyncIterator[MakeMocked]:
    """``mocked(handler, **client_kwargs)``: an `Api` whose client sends through
    ``httpx.MockTransport(handler)`` (the pattern httpx documents for testing), no respx."""
    made: list[httpx.Client | httpx.AsyncClient] = []

    def make(handler: Handler, *, http_kwargs: dict[str, Any] | None = None, **kwargs: Any) -> Api:
        transport = httpx.MockTransport(handler)
        http: httpx.Client | httpx.AsyncClient
        if flavour == "async":
            http = httpx.AsyncClient(transport=transport, **(http_kwargs or {}))
            client: ZaguanClient | AsyncZaguanClient = AsyncZaguanClient(
                api_key=API_KEY, base_url=BASE_URL, http_client=http, **kwargs
            )
        else:
            http = httpx.Client(transport=transport, **(http_kwargs or {}))
            client = ZaguanClient(api_key=API_KEY, base_url=BASE_URL, http_client=http, **kwargs)
        made.append(http)
        return Api(client)

    yield make
    for http in made:
        if isinstance(http, httpx.AsyncClient):
            await http.aclose()
        else:
            http.close()


# -- httpx.MockTransport ------------------------------------------------------------------


async def test_mock_transport_json_response_for_a_non_streamed_call(mocked: MakeMocked) -> None:
    api = mocked(lambda request: httpx.Response(200, json=completion_json("Hi there")))
    reply = await api.call("chat", model=MODEL, messages=MESSAGES)
    assert reply.choices[0].message.content == "Hi there"


@pytest.mark.parametrize(
    ("method", "answer"),
    [("health", HEALTH_JSON), ("list_models", {"data": []})],
)
async def test_mock_transport_for_every_kind_of_plain_call(
    mocked: MakeMocked, method: str, answer: dict[str, Any]
) -> None:
    api = mocked(lambda request: httpx.Response(200, json=answer))
    assert await api.call(method) is not None
    raw = await api.raw(method)
    assert raw.status_code == 200
    assert raw.elapsed.total_seconds() >= 0


async def test_mock_transport_with_the_escape_hatch_and_a_retry(mocked: MakeMocked) -> None:
    answers = iter([httpx.Response(503, json={}), httpx.Response(200, json={"ok": True})])
    api = mocked(lambda request: next(answers))
    assert await api.call("request", "GET", "/v1/new") == {"ok": True}


# -- The caller's timeout -----------------------------------------------------------------


def _timeout_seen(seen: list[dict[str, float]]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json=HEALTH_JSON)

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
    api = mocked(_timeout_seen(seen))  # httpx.Client(): 5 s is httpx's, not the caller's
    await api.call("health")
    assert seen == [{"connect": 10.0, "read": 600.0, "write": 600.0, "pool": 600.0}]
