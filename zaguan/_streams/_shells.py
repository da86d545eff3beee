"""The stream classes: thin sync and async I/O shells around one `StreamCore`.

Everything that is not I/O (SSE decoding, what events mean, end-of-stream rules, error
mapping, the final result) lives in `_lifecycle` and the interpreters; the shells open
the response, loop over its bytes, drain and close it, and the sync and async twins
differ by ``await``. A stream is never retried once it has started.

When the request is sent, for both: at the stream's first start, which is the first of
``_start()`` (``await stream`` for async), entering ``with`` / ``async with``, the
first iteration, or ``get_final_*()``; later ones find it open. The sync client starts
its stream in ``chat_stream()`` itself, so that a refused request (a 4xx/5xx before the
first byte) raises there; the async client cannot await inside ``chat_stream()``, so
its refused request raises from the first of ``await``, ``async with`` or iteration.

`Stream` / `AsyncStream` carry chat chunks (`ChatInterpreter`); `MessageStream` /
`AsyncMessageStream` carry Anthropic ``/v1/messages`` events (`MessagesInterpreter`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx2

from .._errors import ZaguanError
from .._observe._hooks import Observer
from .._raw import record
from .._request import NO_BOUNDS, Bounds
from ._interpret import Interpreter
from ._lifecycle import DRAIN_MAX_SECONDS, StreamCore, drain_done

if TYPE_CHECKING:  # the interpreters load the generated models: imported by the first stream
    from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk  # noqa: F401

    from ._messages import MessageEvent  # noqa: F401  # quoted in the bases below


T = TypeVar("T")
F = TypeVar("F")


# -- The loops: module-level generators, not methods. A generator holding its stream would
# form a cycle, and `for chunk in client.chat_stream(...): break` would keep the connection
# until the cycle collector ran; these hold the core and the opener, never the stream.


def _open(
    core: StreamCore[Any, Any], open_response: Callable[[], httpx2.Response]
) -> httpx2.Response:
    response = core.opened(open_response())  # a 2xx: the client raised for anything else
    if not core.is_event_stream():
        response.read()
        raise core.failed(core.not_event_stream_error())
    return response


async def _aopen(
    core: StreamCore[Any, Any], open_response: Callable[[], Awaitable[httpx2.Response]]
) -> httpx2.Response:
    response = core.opened(await open_response())
    if not core.is_event_stream():
        await response.aread()
        raise core.failed(core.not_event_stream_error())
    return response


def _iterate(
    core: StreamCore[T, Any], open_response: Callable[[], httpx2.Response]
) -> Generator[T, None, None]:
    response = core.response or _open(core, open_response)
    chunks = response.iter_bytes()
    try:
        for data in chunks:
            yield from core.feed(data)
            if core.done:
                break
        core.end_of_body()
    except httpx2.HTTPError as exc:
        raise core.failed(core.transport_error(exc)) from exc
    except ZaguanError as exc:
        core.failed(exc)
        raise
    else:  # the answer is whole: nothing below may spoil it
        _drain(chunks)
    finally:
        response.close()
        core.closed()


async def _aiterate(
    core: StreamCore[T, Any], open_response: Callable[[], Awaitable[httpx2.Response]]
) -> AsyncGenerator[T, None]:
    response = core.response or await _aopen(core, open_response)
    chunks = response.aiter_bytes()
    try:
        async for data in chunks:
            for item in core.feed(data):
                yield item
            if core.done:
                break
        core.end_of_body()
    except httpx2.HTTPError as exc:
        raise core.failed(core.transport_error(exc)) from exc
    except ZaguanError as exc:
        core.failed(exc)
        raise
    else:  # the answer is whole: nothing below may spoil it
        await _adrain(chunks)
    finally:
        await response.aclose()
        core.closed()


def _drain(chunks: Iterator[bytes]) -> None:
    """Read the rest of the body within bounds, so the connection goes back to the pool;
    a failure there is no failure of the answer, which is whole."""
    started, total = time.monotonic(), 0
    with contextlib.suppress(httpx2.HTTPError):
        for data in chunks:
            total += len(data)
            if drain_done(total, started):
                break


async def _adrain(chunks: AsyncIterator[bytes]) -> None:
    # The one difference beyond `await`: an async read can be given a deadline, a sync one
    # only the client's read timeout.
    import asyncio  # noqa: PLC0415  # loaded already in async code; ~13 ms for sync users

    started, total = time.monotonic(), 0
    with contextlib.suppress(httpx2.HTTPError, TimeoutError):
        async with asyncio.timeout(DRAIN_MAX_SECONDS):
            async for data in chunks:
                total += len(data)
                if drain_done(total, started):
                    break


def _nothing() -> Generator[Any, None, None]:
    yield from ()  # a closed stream iterates as empty


async def _anothing() -> AsyncGenerator[Any, None]:
    return
    yield  # a closed stream iterates as empty


class _Shell(Generic[T, F]):
    """What the twins share without I/O."""

    _core: StreamCore[T, F]

    @property
    def request_id(self) -> str:
        """The X-Request-Id this stream was requested with."""
        return self._core.request_id

    @property
    def response(self) -> httpx2.Response:
        """The HTTP response, once the stream has started (its body is what iteration reads)."""
        if self._core.response is None:
            raise RuntimeError("The stream has not started: iterate or enter it, or await it.")
        return self._core.response


class EventStream(_Shell[T, F]):
    """A sync stream of ``T`` items adding up to an ``F``; see `Stream`, `MessageStream`."""

    def __init__(
        self,
        open_response: Callable[[], httpx2.Response],
        request_id: str,
        interpreter: Interpreter[T, F],
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        self._open_response = open_response
        self._core = StreamCore(interpreter, request_id, bounds, observer)
        self._iterator: Generator[T, None, None] | None = None

    def _start(self) -> Self:
        """Send the request, unless sent already: a refused request raises here."""
        if self._core.response is None:
            started = time.monotonic()
            response = _open(self._core, self._open_response)
            record(self, response, self.request_id, time.monotonic() - started)
        return self

    def __iter__(self) -> Generator[T, None, None]:
        if self._iterator is None:
            self._iterator = _iterate(self._core, self._open_response)
        return self._iterator

    def __next__(self) -> T:
        return next(iter(self))

    def __enter__(self) -> Self:
        return self._start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection; idempotent."""
        if self._iterator is not None:
            self._iterator.close()
        self._iterator = _nothing()
        if self._core.response is not None:
            self._core.response.close()
        self._core.closed()

    @property
    def text_stream(self) -> Iterator[str]:
        """The answer's text pieces only, read from this stream as it goes."""
        return _texts(self.__iter__(), self._core)

    def until_done(self) -> Self:
        """Read the stream to its end (the answer is then in the final result); returns it."""
        for _ in self:
            pass
        return self

    def _final(self) -> F:
        return self.until_done()._core.final()


class AsyncEventStream(_Shell[T, F]):
    """The async `EventStream`: ``async for``, ``async with``, or ``await`` it to start it."""

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx2.Response]],
        request_id: str,
        interpreter: Interpreter[T, F],
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        self._open_response = open_response
        self._core = StreamCore(interpreter, request_id, bounds, observer)
        self._iterator: AsyncGenerator[T, None] | None = None

    async def _start(self) -> Self:
        """Send the request, unless sent already: a refused request raises here."""
        if self._core.response is None:
            started = time.monotonic()
            response = await _aopen(self._core, self._open_response)
            record(self, response, self.request_id, time.monotonic() - started)
        return self

    def __await__(self) -> Generator[Any, None, Self]:
        return self._start().__await__()

    def __aiter__(self) -> AsyncGenerator[T, None]:
        if self._iterator is None:
            self._iterator = _aiterate(self._core, self._open_response)
        return self._iterator

    async def __anext__(self) -> T:
        return await anext(aiter(self))

    async def __aenter__(self) -> Self:
        return await self._start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection; idempotent."""
        if self._iterator is not None:
            await self._iterator.aclose()
        self._iterator = _anothing()
        if self._core.response is not None:
            await self._core.response.aclose()
        self._core.closed()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The answer's text pieces only, read from this stream as it goes."""
        return _atexts(self.__aiter__(), self._core)

    async def until_done(self) -> Self:
        """Read the stream to its end (the answer is then in the final result); returns it."""
        async for _ in self:
            pass
        return self

    async def _final(self) -> F:
        return (await self.until_done())._core.final()


def _texts(items: Generator[T, None, None], core: StreamCore[T, Any]) -> Iterator[str]:
    # Closing `items` when this ends or is abandoned releases the connection at once, as
    # breaking out of the stream itself does (an async generator would otherwise wait for
    # its finalizer).
    with contextlib.closing(items):
        for item in items:
            text = core.text(item)
            if text:
                yield text


async def _atexts(items: AsyncGenerator[T, None], core: StreamCore[T, Any]) -> AsyncIterator[str]:
    async with contextlib.aclosing(items):
        async for item in items:
            text = core.text(item)
            if text:
                yield text


# -- The public kinds: a name for the final result, and the interpreter each one takes.


class Stream(EventStream["ChatCompletionChunk", "ChatCompletion"]):
    """A streamed chat answer: iterate it for `ChatCompletionChunk`s.

    >>> with client.chat_stream(model="openai/gpt-4o-mini", messages=msgs) as stream:
    ...     for chunk in stream:
    ...         print(chunk.choices[0].delta.content or "", end="")
    >>> stream.get_final_completion().choices[0].message.content

    ``stream.text_stream`` yields the content pieces alone. Leaving the ``with`` block,
    breaking out of the loop and `close` all free the connection.
    """

    def __init__(
        self,
        open_response: Callable[[], httpx2.Response],
        request_id: str,
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        from ._chat import ChatInterpreter  # noqa: PLC0415  # see TYPE_CHECKING

        super().__init__(open_response, request_id, ChatInterpreter(), bounds, observer)

    def get_final_completion(self) -> ChatCompletion:
        """Read what is left, then the whole answer as one `ChatCompletion`: content and
        reasoning joined, tool-call argument fragments concatenated, usage included."""
        return self._final()

    @property
    def current_completion_snapshot(self) -> ChatCompletion | None:
        """The answer so far, as a `ChatCompletion` (None before the first chunk); built
        when asked, so plain iteration never pays for it."""
        return self._core.snapshot()


class AsyncStream(AsyncEventStream["ChatCompletionChunk", "ChatCompletion"]):
    """The async `Stream`: ``async for``, ``async with``, or ``await`` it to start it early.

    >>> async with client.chat_stream(model="openai/gpt-4o-mini", messages=msgs) as stream:
    ...     async for chunk in stream:
    ...         print(chunk.choices[0].delta.content or "", end="")
    """

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx2.Response]],
        request_id: str,
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        from ._chat import ChatInterpreter  # noqa: PLC0415  # see TYPE_CHECKING

        super().__init__(open_response, request_id, ChatInterpreter(), bounds, observer)

    async def get_final_completion(self) -> ChatCompletion:
        """Read what is left, then the whole answer as one `ChatCompletion`."""
        return await self._final()

    @property
    def current_completion_snapshot(self) -> ChatCompletion | None:
        """The answer so far, as a `ChatCompletion` (None before the first chunk); built
        when asked, so plain iteration never pays for it."""
        return self._core.snapshot()


class MessageStream(EventStream["MessageEvent", F]):
    """A streamed Anthropic ``/v1/messages`` answer: iterate it for its events (dicts with
    ``type``: ``message_start``, ``content_block_delta``, ...; ``ping`` skipped).

    ``parse_final`` turns the rebuilt message (a plain dict) into ``F``, the result of
    `get_final_message`; ``text_stream`` yields the ``text_delta`` pieces alone.
    """

    def __init__(
        self,
        open_response: Callable[[], httpx2.Response],
        request_id: str,
        parse_final: Callable[[dict[str, Any]], F],
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        from ._messages import MessagesInterpreter  # noqa: PLC0415  # see TYPE_CHECKING

        super().__init__(
            open_response, request_id, MessagesInterpreter(parse_final), bounds, observer
        )

    def get_final_message(self) -> F:
        """Read what is left, then the whole message: text and thinking joined, signatures
        set, tool inputs parsed from their JSON fragments, stop reason and usage final."""
        return self._final()

    @property
    def current_message_snapshot(self) -> F | None:
        """The message so far, as `get_final_message` would make it (None before
        ``message_start``); built when asked."""
        return self._core.snapshot()


class AsyncMessageStream(AsyncEventStream["MessageEvent", F]):
    """The async `MessageStream`."""

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx2.Response]],
        request_id: str,
        parse_final: Callable[[dict[str, Any]], F],
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        from ._messages import MessagesInterpreter  # noqa: PLC0415  # see TYPE_CHECKING

        super().__init__(
            open_response, request_id, MessagesInterpreter(parse_final), bounds, observer
        )

    async def get_final_message(self) -> F:
        """Read what is left, then the whole message (see `MessageStream.get_final_message`)."""
        return await self._final()

    @property
    def current_message_snapshot(self) -> F | None:
        """The message so far, as `get_final_message` would make it (None before
        ``message_start``); built when asked."""
        return self._core.snapshot()
