"""Chat streams: `Stream` and `AsyncStream` around one pure `ChunkDecoder`.

Bytes from the network go through the SSE decoder; each event becomes a
`ChatCompletionChunk` (also fed to the accumulator behind `get_final_completion`),
``data: [DONE]`` ends the stream, an ``error`` payload raises `StreamError`, and a
body that ends before ``[DONE]`` raises `APIConnectionError`: a cut-off answer is
never passed off as a whole one. A stream is never retried once it has started.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Final

import httpx

from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk

from ._accumulate import ChunkAccumulator
from ._attempts import connection_error
from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    make_decode_error,
    make_stream_error,
)
from ._raw import record
from ._results import stamp
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
        return stamp(self.accumulator.completion(), self.request_id)

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


def _drain_done(total: int, started: float) -> bool:
    return total > DRAIN_MAX_BYTES or time.monotonic() - started > DRAIN_MAX_SECONDS


def _is_event_stream(response: httpx.Response) -> bool:
    return "text/event-stream" in response.headers.get("content-type", "")


def _not_event_stream_error(decoder: ChunkDecoder, response: httpx.Response) -> Exception:
    ctype = response.headers.get("content-type")
    cause = ValueError(f"a stream was asked for, the response is {ctype!r}")
    return make_decode_error(response, request_id=decoder.request_id, cause=cause)


def _iterate(decoder: ChunkDecoder, response: httpx.Response) -> Iterator[ChatCompletionChunk]:
    # A module-level generator, not a method: a generator holding its Stream would form a
    # cycle, and `for chunk in client.chat_stream(...): break` would keep the connection
    # until the cycle collector ran.
    chunks = response.iter_bytes()
    try:
        for data in chunks:
            yield from decoder.feed(data)
            if decoder.done:
                break
        decoder.end_of_body()
    except httpx.HTTPError as exc:
        raise decoder.transport_error(exc) from exc
    else:  # the answer is whole: nothing below may spoil it
        started, total = time.monotonic(), 0
        with contextlib.suppress(httpx.HTTPError):
            for data in chunks:
                total += len(data)
                if _drain_done(total, started):
                    break
    finally:
        response.close()


async def _aiterate(
    decoder: ChunkDecoder, open_response: Callable[[], Awaitable[httpx.Response]]
) -> AsyncIterator[ChatCompletionChunk]:
    response = decoder.response or await _aopen(decoder, open_response)
    chunks = response.aiter_bytes()
    try:
        async for data in chunks:
            for chunk in decoder.feed(data):
                yield chunk
            if decoder.done:
                break
        decoder.end_of_body()
    except httpx.HTTPError as exc:
        raise decoder.transport_error(exc) from exc
    else:
        import asyncio  # noqa: PLC0415  # loaded already in async code; ~13 ms for sync users

        started, total = time.monotonic(), 0
        with contextlib.suppress(httpx.HTTPError, TimeoutError):
            async with asyncio.timeout(DRAIN_MAX_SECONDS):
                async for data in chunks:
                    total += len(data)
                    if _drain_done(total, started):
                        break
    finally:
        await response.aclose()


async def _nothing() -> AsyncIterator[ChatCompletionChunk]:
    return
    yield  # an async generator that yields nothing


def _open(decoder: ChunkDecoder, open_response: Callable[[], httpx.Response]) -> httpx.Response:
    response = open_response()  # a 2xx: the client raised for anything else
    decoder.response = response
    if not _is_event_stream(response):
        response.read()
        raise _not_event_stream_error(decoder, response)
    return response


async def _aopen(
    decoder: ChunkDecoder, open_response: Callable[[], Awaitable[httpx.Response]]
) -> httpx.Response:
    response = await open_response()
    decoder.response = response
    if not _is_event_stream(response):
        await response.aread()
        raise _not_event_stream_error(decoder, response)
    return response


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
        self._iterator: Iterator[ChatCompletionChunk] | None = None

    @property
    def request_id(self) -> str:
        """The X-Request-Id this stream was requested with."""
        return self._decoder.request_id

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (headers available; the body is what iteration reads)."""
        if self._decoder.response is None:
            started = time.monotonic()
            response = _open(self._decoder, self._open_response)
            record(self, response, self.request_id, time.monotonic() - started)
            return response
        return self._decoder.response

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        if self._iterator is None:
            self._iterator = _iterate(self._decoder, self.response)
        return self._iterator

    def __next__(self) -> ChatCompletionChunk:
        return next(iter(self))

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection; idempotent."""
        if isinstance(self._iterator, Generator):
            self._iterator.close()
        self._iterator = iter([])  # a closed stream iterates as empty
        if self._decoder.response is not None:
            self._decoder.response.close()

    def get_final_completion(self) -> ChatCompletion:
        """Read what is left, then the whole answer as one `ChatCompletion`: content and
        reasoning joined, tool-call argument fragments concatenated, usage included."""
        for _ in self:
            pass
        return self._decoder.final_completion()


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
        self._iterator: AsyncIterator[ChatCompletionChunk] | None = None

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

    def __await__(self) -> Generator[Any, None, AsyncStream]:
        return self._start().__await__()

    async def _start(self) -> AsyncStream:
        if self._decoder.response is None:
            started = time.monotonic()
            response = await _aopen(self._decoder, self._open_response)
            record(self, response, self.request_id, time.monotonic() - started)
        return self

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        if self._iterator is None:
            self._iterator = _aiterate(self._decoder, self._open_response)
        return self._iterator

    async def __anext__(self) -> ChatCompletionChunk:
        return await self.__aiter__().__anext__()

    async def __aenter__(self) -> AsyncStream:
        return await self._start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection; idempotent."""
        if self._iterator is not None:
            await self._iterator.aclose()  # type: ignore[attr-defined]  # an async generator
        self._iterator = _nothing()  # a closed stream iterates as empty
        if self._decoder.response is not None:
            await self._decoder.response.aclose()

    async def get_final_completion(self) -> ChatCompletion:
        """Read what is left, then the whole answer as one `ChatCompletion`."""
        async for _ in self:
            pass
        return self._decoder.final_completion()
