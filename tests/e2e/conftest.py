"""End to end: the facade against the local CoreX over real HTTP on 127.0.0.1 (not a live
service), sync and async.

`api` is parametrised over both clients, with one adapter so each test is written once:
``await api("chat", model=...)`` calls the method (awaiting it for the async client), and
``await api.stream(...)`` collects a chat stream's chunks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan.testing import LocalCoreX, corex_server
from zaguan_corex_client.models import ChatCompletionChunk

__all__ = ["corex_server"]  # the fixture, re-exported for pytest


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Every test here retries without waiting, unless it asks for `sleeps`."""


@pytest.fixture
def server(corex_server: LocalCoreX) -> LocalCoreX:
    """The session's local CoreX, reset for this test (`zaguan.testing.corex_server`)."""
    return corex_server


class Api:
    """One interface over `ZaguanClient` and `AsyncZaguanClient`."""

    def __init__(self, client: ZaguanClient | AsyncZaguanClient) -> None:
        self.client = client
        self.is_async = isinstance(client, AsyncZaguanClient)

    async def __call__(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.client, method)(*args, **kwargs)
        return await result if self.is_async else result

    async def stream(self, **kwargs: Any) -> tuple[list[ChatCompletionChunk], Any]:
        """Every chunk of a chat stream, and the stream (closed)."""
        if isinstance(self.client, AsyncZaguanClient):
            async with self.client.chat_stream(**kwargs) as stream:
                return [chunk async for chunk in stream], stream
        with self.client.chat_stream(**kwargs) as sync_stream:
            return list(sync_stream), sync_stream

    async def collect(self, iterator: Any) -> list[Any]:
        """The items of an iterator or async iterator."""
        return [item async for item in iterator] if self.is_async else list(iterator)

    @property
    def pool(self) -> Any:
        """httpcore's connection pool behind the client (for connection-reuse checks)."""
        return self.client._http._transport._pool  # type: ignore[union-attr]


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest, server: LocalCoreX) -> AsyncIterator[Api]:
    if request.param == "sync":
        with ZaguanClient(server.api_key, base_url=server.base_url, timeout=10) as client:
            yield Api(client)
    else:
        aclient = AsyncZaguanClient(server.api_key, base_url=server.base_url, timeout=10)
        async with aclient:
            yield Api(aclient)
