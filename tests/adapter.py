"""The one sync/async adapter of the test suites: each test body is written once and runs for
`ZaguanClient` and `AsyncZaguanClient` alike.

``await api("chat", ...)`` (or ``api.call``) calls a method, awaiting it for the async client;
the other methods do the same for streams, pages and closing. `settle` is the same idea for a
bare value: a result, or the awaitable an async method returned.
"""

from __future__ import annotations

import inspect
from typing import Any

from zaguan import AsyncStream, AsyncZaguanClient, RawResponse, Stream, ZaguanClient
from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk, CreditsHistoryEntry

AnyStream = Stream | AsyncStream


async def settle(value: Any) -> Any:
    """``value``, awaited if an async client's method returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


class Api:
    """Drives either client with the same awaitable calls."""

    def __init__(self, client: ZaguanClient | AsyncZaguanClient) -> None:
        self.client = client
        self.is_async = isinstance(client, AsyncZaguanClient)

    async def __call__(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return await settle(getattr(self.client, method)(*args, **kwargs))

    call = __call__

    async def raw(self, method: str, *args: Any, **kwargs: Any) -> RawResponse[Any]:
        return await settle(getattr(self.client.with_raw_response, method)(*args, **kwargs))  # type: ignore[no-any-return]

    async def collect(self, iterator: Any) -> list[Any]:
        """The items of an iterator or async iterator (pages, events, chunks)."""
        return [item async for item in iterator] if self.is_async else list(iterator)

    async def history(self, **params: Any) -> list[CreditsHistoryEntry]:
        return await self.collect(self.client.iter_credits_history(**params))

    async def start(self, *args: Any, **kwargs: Any) -> AnyStream:
        """A started stream: sync ``chat_stream(...)``, async ``await chat_stream(...)``."""
        return await settle(self.client.chat_stream(*args, **kwargs))  # type: ignore[no-any-return]

    async def stream(self, **kwargs: Any) -> tuple[list[ChatCompletionChunk], Any]:
        """Every chunk of a chat stream read in its ``with`` block, and the stream (closed)."""
        if isinstance(self.client, AsyncZaguanClient):
            async with self.client.chat_stream(**kwargs) as stream:
                return [chunk async for chunk in stream], stream
        with self.client.chat_stream(**kwargs) as sync_stream:
            return list(sync_stream), sync_stream

    async def stream_into(
        self, into: list[ChatCompletionChunk], *args: Any, **kwargs: Any
    ) -> list[ChatCompletionChunk]:
        """``for chunk in client.chat_stream(...)``, appending to ``into`` as chunks arrive
        (so a test sees what came before an exception)."""
        if isinstance(self.client, AsyncZaguanClient):
            async for chunk in self.client.chat_stream(*args, **kwargs):
                into.append(chunk)
        else:
            into.extend(self.client.chat_stream(*args, **kwargs))
        return into

    async def read(
        self, stream: AnyStream, into: list[ChatCompletionChunk] | None = None, limit: int = -1
    ) -> list[ChatCompletionChunk]:
        """Iterate ``stream`` until its end or ``limit`` chunks, then break."""
        got = [] if into is None else into
        if limit == 0:
            return got
        if isinstance(stream, AsyncStream):
            async for chunk in stream:
                got.append(chunk)
                if len(got) == limit:
                    break
        else:
            for chunk in stream:
                got.append(chunk)
                if len(got) == limit:
                    break
        return got

    async def final(self, stream: AnyStream) -> ChatCompletion:
        return await settle(stream.get_final_completion())  # type: ignore[no-any-return]

    async def close(self, stream: AnyStream) -> None:
        await settle(stream.close())

    @property
    def pool(self) -> Any:
        """The connection pool behind the client (for connection-reuse checks)."""
        return self.client._http._transport._pool  # type: ignore[union-attr]

    async def aclose(self) -> None:
        await settle(self.client.aclose() if self.is_async else self.client.close())  # type: ignore[union-attr]
