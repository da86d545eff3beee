"""End to end: the facade against the local CoreX over real HTTP on 127.0.0.1 (not a live
service), sync and async, the async client on both of its transports.

`api` is parametrised over `TRANSPORTS` (the sync client; the async client on httpx2's pool;
the async client on aiohttp's, `DefaultAioHttpClient`), with one adapter so each test is
written once: ``await api("chat", model=...)`` calls the method (awaiting it for the async
client), and ``await api.stream(...)`` collects a chat stream's chunks. `make_api(...)` makes
more clients of the test's transport, on a pool of their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

import httpx2
import pytest

from tests.adapter import Api
from zaguan import (
    AsyncZaguanClient,
    DefaultAioHttpClient,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
    ZaguanClient,
)
from zaguan.testing import LocalCoreX, corex_server

__all__ = ["Api", "corex_server"]  # the fixture, re-exported for pytest; the adapter for tests


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Every test here retries without waiting, unless it asks for `sleeps`."""


@pytest.fixture
def server(corex_server: LocalCoreX) -> LocalCoreX:
    """The session's local CoreX, reset for this test (`zaguan.testing.corex_server`)."""
    return corex_server


TRANSPORTS = ["sync", "async", "aiohttp"]
"""``sync``: `ZaguanClient`; ``async``: `AsyncZaguanClient` on httpx2's pool; ``aiohttp``:
`AsyncZaguanClient` on `DefaultAioHttpClient`."""
MakeApi = Callable[..., Awaitable[Api]]


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make_api(transport: str, server: LocalCoreX) -> AsyncIterator[MakeApi]:
    """``await make_api(max_connections=None, pool=None, **client_options)``: an `Api` on a
    client of the test's transport, closed after the test. By default the client makes its
    own pool (`DefaultAioHttpClient()` for aiohttp); with ``max_connections`` or ``pool``
    (seconds to wait for a connection) it gets a pool of that size (`DefaultHttpxClient`,
    `DefaultAsyncHttpxClient`, `DefaultAioHttpClient`), closed after it too."""
    async with AsyncExitStack() as stack:

        async def make(
            max_connections: int | None = None, pool: float | None = None, **options: Any
        ) -> Api:
            key, url = server.api_key, server.base_url
            options.setdefault("timeout", httpx2.Timeout(10, pool=pool or 10))
            settings: dict[str, Any] = {}
            if max_connections is not None or pool is not None:
                settings["limits"] = httpx2.Limits(max_connections=max_connections or 100)
            if transport == "sync":
                http = stack.enter_context(DefaultHttpxClient(**settings)) if settings else None
                client = ZaguanClient(key, base_url=url, http_client=http, **options)
                return Api(stack.enter_context(client))
            ahttp: httpx2.AsyncClient | None = None
            if transport == "aiohttp":
                ahttp = DefaultAioHttpClient(**settings)
            elif settings:
                ahttp = DefaultAsyncHttpxClient(**settings)
            if ahttp is not None:
                await stack.enter_async_context(ahttp)
            aclient = AsyncZaguanClient(key, base_url=url, http_client=ahttp, **options)
            return Api(await stack.enter_async_context(aclient))

        yield make


@pytest.fixture
async def api(make_api: MakeApi) -> Api:
    """A client of the test's transport on the session's local CoreX (10 s timeouts)."""
    return await make_api()
