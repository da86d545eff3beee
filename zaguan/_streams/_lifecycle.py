"""Everything about a stream that is not I/O, for both clients and every kind of stream.

`StreamCore` turns network bytes into items: bytes -> `SSEDecoder` -> events ->
`Interpreter` -> items. It owns the rules every stream keeps, whatever it carries:

- nothing is read past the interpreter's end marker; a body that ends before it is an
  `APIConnectionError` (a cut-off answer is never passed off as a whole one);
- an error event is a `StreamError`, an unreadable event an `APIResponseValidationError`,
  a transport failure an `APIConnectionError` / `APITimeoutError`: translated here, once,
  with the request id and the response on each;
- a 2xx that is not ``text/event-stream`` is an `APIResponseValidationError`;
- the final result exists only once the end marker came, and carries the request id;
- after the end, the rest of the body is drained within bounds (`drain_done`);
- a stream that goes ``stream_idle_timeout`` seconds without an event (keep-alive comments
  and ``ping`` events do not count), or runs past the call's ``deadline``, is an
  `APITimeoutError`. A silent server is cut by the read timeout, which the request was
  given no longer than the idle bound; one that sends only keep-alives, by the clock here.

The shells in `_streaming` only open the response, loop over its bytes and close it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Final, Generic, TypeVar

import httpx2

from .._attempts import connection_error
from .._errors import (
    UNREADABLE,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    StreamError,
    make_decode_error,
    make_stream_error,
)
from .._observe._events import Summary
from .._observe._hooks import Observer
from .._observe._log import log_failure
from .._observe._summary import summarize, summarize_chunks
from .._redact import scrub, secrets_of
from .._request import NO_BOUNDS, Bounds
from .._results import stamp
from ._interpret import ErrorEvent, Interpreter, Unreadable
from ._sse import ServerSentEvent, SSEDecoder

T = TypeVar("T")
F = TypeVar("F")

# After the end marker the rest of the body (normally just the chunked-encoding trailer) is
# read so that httpx2 can put the connection back in the pool; a server that keeps talking
# past these bounds costs a new connection instead of an unbounded wait.
DRAIN_MAX_BYTES: Final = 64 * 1024
DRAIN_MAX_SECONDS: Final = 1.0
KEEPALIVE_EVENTS: Final = frozenset({"ping"})
"""Event types that show the connection is alive, not that the answer progresses."""


def drain_done(total: int, started: float) -> bool:
    """Whether draining should stop, having read ``total`` bytes since ``started``."""
    return total > DRAIN_MAX_BYTES or time.monotonic() - started > DRAIN_MAX_SECONDS


def _events(decoder: SSEDecoder, data: bytes) -> Iterator[ServerSentEvent]:
    """The events ``data`` completes. A read holding several (one that caught up with many
    events, a body given whole) is fed in two pieces, cut after the first blank line: the
    first event is handed over before the others are decoded, which the decoder then does
    in one go (faster than piece by piece). The decoder is incremental, so where a read is
    cut cannot change what it decodes."""
    end = data.find(b"\n\n")
    if end < 0 or end == len(data) - 2:  # the usual read: one event, or part of one
        yield from decoder.feed(data)
        return
    yield from decoder.feed(data[: end + 2])
    yield from decoder.feed(data[end + 2 :])


class StreamCore(Generic[T, F]):
    """One stream's state: its decoder, its interpreter, its request id and response."""

    __slots__ = (
        "_idle", "_read_from", "_sse", "bounds", "interpreter", "observer", "request_id",
        "response",
    )  # fmt: skip

    def __init__(
        self,
        interpreter: Interpreter[T, F],
        request_id: str,
        bounds: Bounds = NO_BOUNDS,
        observer: Observer | None = None,
    ) -> None:
        self.observer = observer
        self._sse = SSEDecoder()
        self.interpreter = interpreter
        self.request_id = request_id
        self.bounds = bounds
        self.response: httpx2.Response | None = None  # set once the request has a 2xx answer
        self._idle = 0.0  # seconds spent waiting for reads that brought no event
        self._read_from = 0.0  # when the current read started (the consumer's time is not idle)

    @property
    def done(self) -> bool:
        return self.interpreter.done

    def opened(self, response: httpx2.Response) -> httpx2.Response:
        """Take the 2xx ``response`` (the client raised for anything else)."""
        self.response = response
        self._read_from = time.monotonic()
        return response

    def is_event_stream(self) -> bool:
        assert self.response is not None  # for mypy: only called once opened
        return "text/event-stream" in self.response.headers.get("content-type", "")

    def not_event_stream_error(self) -> APIResponseValidationError:
        """The error for a 2xx that is no event stream; its body must have been read."""
        assert self.response is not None  # for mypy: only called once opened
        ctype = self.response.headers.get("content-type")
        cause = ValueError(f"a stream was asked for, the response is {ctype!r}")
        return make_decode_error(self.response, request_id=self.request_id, cause=cause)

    def feed(self, data: bytes) -> Iterator[T]:
        """The items completed by ``data``, in order (a generator, so that an error event
        raises only after the items before it were handed over)."""
        self._idle += time.monotonic() - self._read_from
        interpreter = self.interpreter  # the loop runs per event: no lookups it can skip
        for event in _events(self._sse, data):
            if interpreter.done:
                return
            if event.event not in KEEPALIVE_EVENTS:
                self._idle = 0.0
            try:
                item = interpreter.feed(event)
            except ErrorEvent as exc:
                # The ErrorEvent is our own signal, no cause worth showing.
                raise self._stream_error(exc) from None
            except UNREADABLE as exc:
                raise self._unreadable("stream event", exc, event.data) from exc
            if item is not None:
                yield item
        self._check_time()
        self._read_from = time.monotonic()

    def _check_time(self) -> None:
        bounds = self.bounds
        if bounds.idle is not None and self._idle > bounds.idle:
            raise APITimeoutError(
                f"The stream sent no event for {bounds.idle:g} s (stream_idle_timeout), "
                "only keep-alives.",
                request_id=self.request_id,
            )

    def text(self, item: T) -> str | None:
        """The answer text ``item`` adds (``text_stream``), translated as `feed` is: the
        interpreter reads fields of the item that the server may have sent wrongly typed."""
        try:
            return self.interpreter.text(item)
        except UNREADABLE as exc:
            raise self._unreadable("stream event", exc, "") from exc

    def end_of_body(self) -> None:
        """The body ended: fine after the end marker, an error before it."""
        if not self.done:
            raise APIConnectionError(
                f"The stream ended before {self.interpreter.end_marker}: the answer is incomplete.",
                request_id=self.request_id,
            )

    def transport_error(self, exc: httpx2.HTTPError) -> APIConnectionError:
        assert self.response is not None  # for mypy: the body is read once opened
        request = self.response.request
        text: str | None
        if self.bounds.passed():
            text = self.bounds.deadline_error_text(
                f"while the stream was read ({type(exc).__name__})"
            )
        else:
            read = request.extensions.get("timeout", {}).get("read")
            text = (
                f"The stream sent nothing for {read:g} s ({type(exc).__name__})." if read else None
            )
        return connection_error(exc, request, timeout_text=text)

    def final(self) -> F:
        """The whole answer, with the request id; only once the end marker has come."""
        if not self.done:
            raise APIConnectionError(
                f"The stream was closed before {self.interpreter.end_marker}: no final result.",
                request_id=self.request_id,
            )
        try:
            result = self.interpreter.final()
        except UNREADABLE as exc:
            raise self._unreadable("final result", exc, "") from exc
        # A plain dict (no generated model plugged in) has no attribute to carry it.
        with contextlib.suppress(AttributeError):
            stamp(result, self.request_id)
        return result

    def snapshot(self) -> F | None:
        """What the items so far add up to (None before the first), with the request id;
        unreadable as `final` is."""
        try:
            result = self.interpreter.snapshot()
        except UNREADABLE as exc:
            raise self._unreadable("snapshot", exc, "") from exc
        with contextlib.suppress(AttributeError):  # a plain dict has no attribute for it
            stamp(result, self.request_id)
        return result

    def failed(self, error: BaseException) -> BaseException:
        """``error``, which ends the stream, logged and reported to the hooks."""
        if self.response is not None:
            request = self.response.request
            log_failure(request.method, request.url.path, error, self.request_id)
        if self.observer is not None:
            self.observer.failed(error)
        return error

    def closed(self) -> None:
        """The stream is over, read to its end or closed early: the hooks' end of the call."""
        observer = self.observer
        if observer is not None and not observer.finished:
            observer.ended(
                self.response, lambda: self.final() if self.done else None, self._summary,
                completed=self.done,
            )  # fmt: skip

    def _summary(self) -> Summary:
        chunks = getattr(self.interpreter, "chunks", None)  # a chat stream: no accumulation
        if isinstance(chunks, list):
            return summarize_chunks(chunks)
        return summarize(self.interpreter.final() if self.done else None)

    def _stream_error(self, exc: ErrorEvent) -> StreamError:
        return make_stream_error(exc.payload, request_id=self.request_id, response=self.response)

    def _unreadable(self, what: str, exc: Exception, text: str) -> APIResponseValidationError:
        scrub(exc, secrets_of(self.response))  # it may quote a value the server echoed
        return APIResponseValidationError(
            f"Unexpected {what} ({type(exc).__name__}: {exc})",
            request_id=self.request_id, response=self.response,
            body=exc.text if isinstance(exc, Unreadable) and exc.text else text,
            status_code=200,
        )  # fmt: skip
