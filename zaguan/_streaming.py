"""Chat streams: `Stream` and `AsyncStream` around one pure `ChunkDecoder`.

Bytes from the network go through the SSE decoder; each event becomes a
`ChatCompletionChunk` (also fed to the accumulator behind `get_final_completion`),
``data: [DONE]`` ends the stream, an ``error`` payload raises `StreamError`, and a
body that ends before ``[DONE]`` raises `APIConnectionError`: a cut-off answer is
never passed off as a whole one. A stream is never retried once it has started.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Final

import httpx
from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk

from ._accumulate import ChunkAccumulator
from ._attempts import connection_error
from ._errors import APIConnectionError, APIResponseValidationError, make_stream_error
from ._raw import record
from ._sse import ServerSentEvent, SSEDecoder

# After [DONE] the rest of the body (normally just the chunked-encoding trailer) is read
# so that httpx can put the connection back in the pool; a server that keeps talking
# past these bounds costs a new connection instead of an unbounded wait.
DRAIN_MAX_BYTES: Final = 64 * 1024
DRAIN_MAX_SECONDS: Final = 1.0


class ChunkDecoder:
    """Network bytes in, chunks out; everything about a chat stream that is not I/O."""

    __slots__ = ("_sse", "accumulator", "done", "request_id", "response")

    def __init__(self, request_id: str) -> None:
        self._sse = SSEDecoder()
        self.accumulator = ChunkAccumulator()
        self.done = False
        self.request_id = request_id
        self.response: httpx.Response | None = None

    def feed(self, data: bytes) -> Iterator[ChatCompletionChunk]:
        """The chunks completed by ``data``, in order (a generator, so that an error event
        raises only after the chunks before it were handed over)."""
        for event in self._sse.feed(data):
            if self.done:
                return
            chunk = self._decode(event)
            if chunk is not None:
                yield chunk

    def end_of_body(self) -> None:
        """The body ended: fine after ``[DONE]``, an error before it."""
        if not self.done:
            raise APIConnectionError(
                "The stream ended before 'data: [DONE]': the answer is incomplete.",
                request_id=self.request_id,
            )

    def transport_error(self, exc: httpx.HTTPError) -> APIConnectionError:
        return connection_error(exc, self.request_id)

    def final_completion(self) -> ChatCompletion:
        if not self.done:
            raise APIConnectionError(
                "The stream was closed before 'data: [DONE]': no final completion.",
                request_id=self.request_id,
            )
        return self.accumulator.completion()

    def _decode(self, event: ServerSentEvent) -> ChatCompletionChunk | None:
        data = event.data
        if data == "[DONE]":
            self.done = True
            return None
        try:
            payload = json.loads(data)
            if event.event == "error" or (isinstance(payload, dict) and "error" in payload):
                raise make_stream_error(payload, request_id=self.request_id, response=self.response)
            chunk = ChatCompletionChunk.from_dict(payload)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise APIResponseValidationError(
                f"Unexpected stream event ({type(exc).__name__}: {exc})",
                request_id=self.request_id, response=self.response, body=data, status_code=200,
            ) from exc  # fmt: skip
        self.accumulator.add(chunk)
        return chunk


def _drained(total: int, started: float) -> bool:
    return total > DRAIN_MAX_BYTES or time.monotonic() - started > DRAIN_MAX_SECONDS


class Stream:
    """A streamed chat answer: iterate it for `ChatCompletionChunk`s.

    >>> with client.chat_stream(model="openai/gpt-4o-mini", messages=msgs) as stream:
    ...     for chunk in stream:
    ...         print(chunk.choices[0].delta.content or "", end="")
    >>> stream.get_final_completion().choices[0].message.content

    Leaving the ``with`` block, breaking out of the loop and `close` all free the connection.
    """

    def __init__(self, open_response: Callable[[], httpx.Response], request_id: str) -> None:
        self._open_response = open_response
        self._decoder = ChunkDecoder(request_id)
        self._iterator = self._iterate()

    @property
    def request_id(self) -> str:
        """The X-Request-Id this stream was requested with."""
        return self._decoder.request_id

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (headers available; the body is what iteration reads)."""
        return self._opened()

    def _opened(self) -> httpx.Response:
        if self._decoder.response is None:
            started = time.monotonic()
            response = self._open_response()
            self._decoder.response = response
            record(self, response, self.request_id, time.monotonic() - started)
        return self._decoder.response

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return self._iterator

    def __next__(self) -> ChatCompletionChunk:
        return next(self._iterator)

    def __enter__(self) -> Stream:
        self._opened()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection; idempotent."""
        self._iterator.close()
        if self._decoder.response is not None:
            self._decoder.response.close()

    def get_final_completion(self) -> ChatCompletion:
        """Read what is left, then the whole answer as one `ChatCompletion`: content and
        reasoning joined, tool-call argument fragments concatenated, usage included."""
        for _ in self._iterator:
            pass
        return self._decoder.final_completion()

    def _iterate(self) -> Generator[ChatCompletionChunk, None, None]:
        decoder = self._decoder
        response = self._opened()
        chunks = response.iter_bytes()
        try:
            for data in chunks:
                yield from decoder.feed(data)
                if decoder.done:
                    break
            decoder.end_of_body()
            started, total = time.monotonic(), 0
            for data in chunks:
                total += len(data)
                if _drained(total, started):
                    break
        except httpx.HTTPError as exc:
            raise decoder.transport_error(exc) from exc
        finally:
            chunks.close()  # type: ignore[attr-defined]  # a generator
            response.close()


class AsyncStream:
    """The async `Stream`: ``async for``, ``async with``, or ``await`` it to start it early.

    >>> async with client.chat_stream(model="openai/gpt-4o-mini", messages=msgs) as stream:
    ...     async for chunk in stream:
    ...         print(chunk.choices[0].delta.content or "", end="")
    """

    def __init__(
        self, open_response: Callable[[], Awaitable[httpx.Response]], request_id: str
    ) -> None:
        self._open_response = open_response
        self._decoder = ChunkDecoder(request_id)
        self._iterator = self._iterate()

    @property
    def request_id(self) -> str:
        """The X-Request-Id this stream was requested with."""
        return self._decoder.request_id

    @property
    def response(self) -> httpx.Response:
        """The HTTP response, once the stream has started (after ``await`` or ``async with``)."""
        if self._decoder.response is None:
            raise RuntimeError("The stream has not started: await it or use `async with` first.")
        return self._decoder.response

    async def _opened(self) -> httpx.Response:
        if self._decoder.response is None:
            started = time.monotonic()
            response = await self._open_response()
            self._decoder.response = response
            record(self, response, self.request_id, time.monotonic() - started)
        return self._decoder.response

    def __await__(self) -> Generator[Any, None, AsyncStream]:
        return self._start().__await__()

    async def _start(self) -> AsyncStream:
        await self._opened()
        return self

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        return self._iterator

    async def __anext__(self) -> ChatCompletionChunk:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> AsyncStream:
        return await self._start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection; idempotent."""
        await self._iterator.aclose()
        if self._decoder.response is not None:
            await self._decoder.response.aclose()

    async def get_final_completion(self) -> ChatCompletion:
        """Read what is left, then the whole answer as one `ChatCompletion`."""
        async for _ in self._iterator:
            pass
        return self._decoder.final_completion()

    async def _iterate(self) -> AsyncGenerator[ChatCompletionChunk, None]:
        decoder = self._decoder
        response = await self._opened()
        chunks = response.aiter_bytes()
        try:
            async for data in chunks:
                for chunk in decoder.feed(data):
                    yield chunk
                if decoder.done:
                    break
            decoder.end_of_body()
            started, total = time.monotonic(), 0
            async for data in chunks:
                total += len(data)
                if _drained(total, started):
                    break
        except httpx.HTTPError as exc:
            raise decoder.transport_error(exc) from exc
        finally:
            await chunks.aclose()  # type: ignore[attr-defined]  # an async generator
            await response.aclose()
