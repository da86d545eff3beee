"""The decisions inside one call's retry loop, shared by the sync and async clients.

The clients' loops only send, sleep and close (see `ZaguanClient._send`); whether an
outcome is final, how long to wait, which exception to raise and what to log are
decided here.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

import httpx2

from ._config import provided_key
from ._errors import (
    UNREADABLE,
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    make_decode_error,
    make_status_error,
)
from ._observe._hooks import Observer
from ._observe._log import log_attempt, log_failure, log_rate_wait, log_retry
from ._observe._summary import summarize
from ._raw import record
from ._redact import scrub, secrets_in
from ._request import Bounds, Call
from ._results import stamp
from ._retry import (
    DEFAULT_RETRY_BUDGET,
    RetryState,
    is_retryable_exception,
    is_retryable_status,
    server_delay,
)

if TYPE_CHECKING:
    from ._limiter import Limiter

T = TypeVar("T")

RATE_WAIT_SLICE = 1.0
"""Seconds a call waits for its rate limit before looking again: a client closed meanwhile
releases its waiters within this time."""


class Attempts(Generic[T]):
    """The retries left to one `Call`, and what each attempt's outcome means."""

    __slots__ = ("_attempt_start", "_timeouts", "call", "elapsed", "observer", "state")

    def __init__(self, call: Call[T], observer: Observer | None = None) -> None:
        self.call = call
        self.observer = observer
        """The call's hooks (None without any: then each event costs one ``if``)."""
        left = call.bounds.left()
        # A deadline replaces the default retry budget: no retry starts that would end past it.
        budget = DEFAULT_RETRY_BUDGET if left is None else left
        self.state = RetryState(max_retries=call.max_retries, budget=budget)
        self._timeouts: dict[str, float | None] = call.request.extensions["timeout"]
        self._attempt_start = time.monotonic()
        self.elapsed = 0.0
        """Seconds from sending the final attempt to its response. Our own clock, not
        ``response.elapsed``: httpx2 sets that only once the body is closed, which a
        `httpx2.MockTransport` response built with ``json=`` never is."""

    def request(self) -> httpx2.Request:
        """The request to send now: with the key a key function returns now, and, with a
        deadline, every timeout of this attempt cut to the time left (none left: an
        `APITimeoutError` before sending)."""
        if self.call.key is not None:
            self.call.request.headers["Authorization"] = f"Bearer {provided_key(self.call.key)}"
        left = self.call.bounds.left()
        if left is not None and left <= 0:
            raise self._failed(
                APITimeoutError(
                    self.call.bounds.deadline_error_text(
                        f"before attempt {self.state.retries_done + 1}"
                    ),
                    request_id=self.call.request_id,
                )
            )
        if left is not None:
            # The same request object every attempt, so that retries are byte-identical.
            self.call.request.extensions["timeout"] = {
                phase: left if limit is None else min(limit, left)
                for phase, limit in self._timeouts.items()
            }
        if self.observer is not None:
            self.observer.request(self.call.request)
        return self.call.request

    def rate_waits(self, http: httpx2.Client | httpx2.AsyncClient) -> Iterable[float]:
        """The waits (seconds) before the next attempt may go under the client's rate limit:
        the client sleeps each, then sends (none without a rate limit, or once ``http`` is
        closed). A wait that would end past the call's deadline raises `APITimeoutError`
        instead. An attempt that is not sent (that error, a cancelled task) gives its
        reservation back."""
        limiter = self.call.limiter
        return () if limiter is None else self._rate_waits(limiter, http)

    def _rate_waits(
        self, limiter: Limiter, http: httpx2.Client | httpx2.AsyncClient
    ) -> Iterator[float]:
        reservation = limiter.reserve(self.call.request)
        if self.observer is not None:  # always, with a limiter: it is one of the hooks
            self.observer.info.state[limiter] = reservation
        sent = False
        try:
            delay = limiter.delay(reservation)
            if delay > 0:
                request = self.call.request
                log_rate_wait(request.method, request.url.path, delay, self.call.request_id)
            while delay > 0 and not http.is_closed:
                self._check_rate_wait(delay)
                yield min(delay, RATE_WAIT_SLICE)
                delay = limiter.delay(reservation)
            sent = not http.is_closed  # closed: the send fails as on any closed client
            self._attempt_start = time.monotonic()
        finally:
            if not sent:
                limiter.cancel(reservation)

    def _check_rate_wait(self, delay: float) -> None:
        """Fail now if waiting ``delay`` seconds would end past the call's deadline."""
        left = self.call.bounds.left()
        if left is not None and delay >= left:
            raise self._failed(
                APITimeoutError(
                    f"The call's deadline of {self.call.bounds.deadline:g} s would pass while "
                    f"it waits {delay:.2f} s for its rate limit; attempt "
                    f"{self.state.retries_done + 1} was not sent.",
                    request_id=self.call.request_id,
                )
            )

    @property
    def streamed(self) -> bool:
        """Whether to send with httpx2's ``stream=True``: for a stream, and for any call with a
        deadline, whose body is then read here, chunk by chunk, against the clock."""
        return self.call.stream or self.call.bounds.deadline_at is not None

    def must_read(self, response: httpx2.Response) -> bool:
        """Whether the client must read ``response``'s body now (a failure's, or a whole
        answer sent with ``stream=True``); with a deadline, every read is held to it."""
        if self.call.bounds.deadline_at is not None:
            response.stream = DeadlineStream(response, self.call.bounds)
        return self.streamed and (not self.call.stream or not response.is_success)

    def on_exception(self, exc: httpx2.HTTPError) -> float:
        """Seconds to wait before retrying after a transport failure; raises when final."""
        if isinstance(exc, httpx2.HTTPStatusError):  # a caller's hook ran raise_for_status()
            delay = self.on_response(exc.response)  # raises, or retries, a failed response
            if delay is not None:
                return delay
            # A hook that raised on a 2xx: report it rather than guess.
        self._log(type(exc).__name__)
        delay = self.state.next_delay() if is_retryable_exception(exc) else None
        if delay is None:
            bounds = self.call.bounds
            text = (
                bounds.deadline_error_text(f"({type(exc).__name__})") if bounds.passed() else None
            )
            raise self._failed(connection_error(exc, self.call.request, timeout_text=text)) from exc
        return self._waiting(delay, type(exc).__name__)

    def on_response(self, response: httpx2.Response) -> float | None:
        """None when ``response`` is a success to hand over; else seconds to wait before
        retrying. Raises the status error when the failure is final. The body of a
        failed response must have been read."""
        self._log(response.status_code)
        if self.observer is not None:
            self.observer.response(response)
        if response.is_success:
            self.elapsed = time.monotonic() - self._attempt_start
            if self.observer is not None and self.call.stream and self.call.raw:
                # A download: the call's end for hooks is its response (the body is the
                # caller's to read).
                self.observer.ended(response, lambda: None, lambda: summarize(None))
            return None
        error = make_status_error(response, request_id=self.call.request_id)
        if is_retryable_status(response.status_code):
            # A 429's delay was read into the error (headers, then body); any other status
            # has only the headers to ask.
            server = (
                error.retry_after
                if isinstance(error, RateLimitError)
                else server_delay(response.headers, None)
            )
            delay = self.state.next_delay(server=server)
            if delay is not None:
                return self._waiting(delay, str(response.status_code))
        raise self._failed(error)

    def result(self, response: httpx2.Response) -> T:
        """The successful ``response``'s parsed body, recorded (`RawResponse`) and reported
        to the hooks: the end of a call that is not a stream."""
        try:
            parsed = parse_body(self.call, response)
        except Exception as exc:
            self._failed(exc)
            raise
        record(parsed, response, self.call.request_id, self.elapsed)
        if self.observer is not None:
            self.observer.ended(response, lambda: parsed, lambda: summarize(parsed))
        return parsed

    def _waiting(self, delay: float, reason: str) -> float:
        self._attempt_start = time.monotonic() + delay
        request, state = self.call.request, self.state
        log_retry(
            request.method, request.url.path, reason, self.call.request_id,
            attempt=state.retries_done, of=state.max_retries + 1, delay=delay,
        )  # fmt: skip
        if self.observer is not None:
            self.observer.retry(delay, reason)
        return delay

    def _failed(self, error: BaseException) -> BaseException:
        """``error``, the call's final one, logged and reported to the hooks."""
        log_failure(self.call.request.method, self.call.request.url.path, error,
                    self.call.request_id)  # fmt: skip
        if self.observer is not None:
            self.observer.failed(error)
        return error

    def _log(self, outcome: int | str) -> None:
        request = self.call.request
        log_attempt(
            request.method, request.url.raw_path.decode("ascii"), outcome, self.call.request_id,
            started=self._attempt_start, now=time.monotonic(),
        )  # fmt: skip


class DeadlineStream(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A response body that ends in `httpx2.ReadTimeout` once the call's deadline has passed.

    Each read is already cut to the time left when the attempt started; this catches a
    server that trickles, every read in time and the whole past the deadline. The clients
    map the timeout as any other (`Attempts.on_exception`, `StreamCore.transport_error`).
    """

    def __init__(self, response: httpx2.Response, bounds: Bounds) -> None:
        self._stream = response.stream
        self._request = response.request
        self._bounds = bounds

    def _timeout(self) -> httpx2.ReadTimeout:
        return httpx2.ReadTimeout("the call's deadline passed", request=self._request)

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._stream, httpx2.SyncByteStream)  # for mypy: a sync response
        for chunk in self._stream:
            if self._bounds.passed():
                self._stream.close()  # the connection goes, rather than wait for the rest
                raise self._timeout()
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._stream, httpx2.AsyncByteStream)  # for mypy: an async response
        async for chunk in self._stream:
            if self._bounds.passed():
                await self._stream.aclose()
                raise self._timeout()
            yield chunk

    def close(self) -> None:
        assert isinstance(self._stream, httpx2.SyncByteStream)
        self._stream.close()

    async def aclose(self) -> None:
        assert isinstance(self._stream, httpx2.AsyncByteStream)
        await self._stream.aclose()


def connection_error(
    exc: httpx2.HTTPError, request: httpx2.Request, *, timeout_text: str | None = None
) -> APIConnectionError:
    """The SDK's exception for an httpx2 failure that brought no response to ``request``;
    ``timeout_text`` says why, for a timeout, when the caller knows better than httpx2.

    A lower layer may quote a header it refused: ``exc``, its chain and the message are
    masked of ``request``'s credentials.
    """
    request_id = request.headers["X-Request-Id"]
    scrub(exc, secrets_in(request.headers))
    if isinstance(exc, httpx2.TimeoutException):
        text = timeout_text or f"Request timed out ({type(exc).__name__})."
        return APITimeoutError(text, request_id=request_id)
    detail = str(exc) or "no detail"
    return APIConnectionError(
        f"Connection error: {type(exc).__name__}: {detail}", request_id=request_id
    )


def parse_body(call: Call[T], response: httpx2.Response) -> T:
    """The successful ``response``'s JSON, parsed into the generated model the call returns,
    with the call's request id on it."""
    try:
        parsed = call.parse(response if call.raw else json.loads(response.content))
    except UNREADABLE as exc:
        raise make_decode_error(response, request_id=call.request_id, cause=exc) from exc
    return stamp(parsed, call.request_id)
