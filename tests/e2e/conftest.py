"""End to end: the facade against the local CoreX over real HTTP on 127.0.0.1 (not a live
service), sync and async.

`api` is parametrised over both clients, with one adapter so each test is written once:
``await api("chat", model=...)`` calls the method (awaiting it for the async client), and
``await api.stream(...)`` collects a chat stream's chunks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.adapter import Api
from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan.testing import LocalCoreX, corex_server

__all__ = ["Api", "corex_server"]  # the fixture, re-exported for pytest; the adapter for tests


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Every test here retries without waiting, unless it asks for `sleeps`."""


@pytest.fixture
def server(corex_server: LocalCoreX) -> LocalCoreX:
    """The session's local CoreX, reset for this test (`zaguan.testing.corex_server`)."""
    return corex_server


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest, server: LocalCoreX) -> AsyncIterator[Api]:
    if request.param == "sync":
        with ZaguanClient(server.api_key, base_url=server.base_url, timeout=10) as client:
            yield Api(client)
    else:
        aclient = AsyncZaguanClient(server.api_key, base_url=server.base_url, timeout=10)
        async with aclient:
            yield Api(aclient)
