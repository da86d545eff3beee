"""The decisions inside one call's retry loop, shared by the sync and async clients.

The clients' loops only send, sleep and close (see `ZaguanClient._send`); whether an
outcome is final, how long to wait, which exception to raise and what to log are
decided here.
"""

from __future__ import annotations

import json
import time
from typing import Any, TypeVar

import httpx

from ._config import provided_key
from ._errors import (
    UNREADABLE,
    APIConnectionError,
    APITimeoutError,
    make_decode_error,
    make_status_error,
)
from ._log import log_attempt
from ._redact import scrub, secrets_in
from ._request import Call
from ._results import stamp
from ._retry import DEFAULT_RETRY_BUDGET, RetryState, is_retryable_exception, is_retryable_status

T = TypeVar("T")


class Attempts:
    """The retries left to one `Call`, and what each attempt's outcome means."""

    __slots__ = ("_attempt_start", "_timeouts", "call", "elapsed", "state")

    def __init__(self, call: Call[Any]) -> None:
        self.call = call
        left = call.bounds.left()
        # A deadline replaces the default retry budget: no retry starts that would end past it.
        budget = DEFAULT_RETRY_BUDGET if left is None else left
        self.state = RetryState(max_retries=call.max_retries, budget=budget)
        self._timeouts: dict[str, float | None] = call.request.extensions["timeout"]
        self._attempt_start = time.monotonic()
        self.elapsed = 0.0
        """Seconds from sending the final attempt to its response. Our own clock, not
        ``response.elapsed``: httpx sets that only once the body is closed, which a
        `httpx.MockTransport` response built with ``json=`` never is."""

    def request(self) -> httpx.Request:
        """The request to send now: with the key a key function returns now, and, with a
        deadline, every timeout of this attempt cut to the time left (none left: an
        `APITimeoutError` before sending)."""
        if self.call.key is not None:
            self.call.request.headers["Authorization"] = f"Bearer {provided_key(self.call.key)}"
        left = self.call.bounds.left()
        if left is None:
            return self.call.request
        if left <= 0:
            raise APITimeoutError(
                self.call.bounds.deadline_error_text(
                    f"before attempt {self.state.retries_done + 1}"
                ),
                request_id=self.call.request_id,
            )
        # The same request object every attempt, so that retries are byte-identical.
        self.call.request.extensions["timeout"] = {
            phase: left if limit is None else min(limit, left)
            for phase, limit in self._timeouts.items()
        }
        return self.call.request

    def on_exception(self, exc: httpx.HTTPError) -> float:
        """Seconds to wait before retrying after a transport failure; raises when final."""
        if isinstance(exc, httpx.HTTPStatusError):  # a caller's hook ran raise_for_status()
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
            raise connection_error(exc, self.call.request, timeout_text=text) from exc
        return self._waiting(delay)

    def on_response(self, response: httpx.Response) -> float | None:
        """None when ``response`` is a success to hand over; else seconds to wait before
        retrying. Raises the status error when the failure is final. The body of a
        failed response must have been read."""
        self._log(response.status_code)
        if response.is_success:
            self.elapsed = time.monotonic() - self._attempt_start
            return None
        error = make_status_error(response, request_id=self.call.request_id)
        if is_retryable_status(response.status_code):
            retry_after = getattr(error, "retry_after", None)
            delay = self.state.next_delay(headers=response.headers, body_retry_after=retry_after)
            if delay is not None:
                return self._waiting(delay)
        raise error

    def _waiting(self, delay: float) -> float:
        self._attempt_start = time.monotonic() + delay
        return delay

    def _log(self, outcome: int | str) -> None:
        request = self.call.request
        log_attempt(
            request.method, request.url.raw_path.decode("ascii"), outcome, self.call.request_id,
            started=self._attempt_start, now=time.monotonic(),
        )  # fmt: skip


def connection_error(
    exc: httpx.HTTPError, request: httpx.Request, *, timeout_text: str | None = None
) -> APIConnectionError:
    """The SDK's exception for an httpx failure that brought no response to ``request``;
    ``timeout_text`` says why, for a timeout, when the caller knows better than httpx.

    A lower layer may quote a header it refused: ``exc``, its chain and the message are
    masked of ``request``'s credentials.
    """
    request_id = request.headers["X-Request-Id"]
    scrub(exc, secrets_in(request.headers))
    if isinstance(exc, httpx.TimeoutException):
        text = timeout_text or f"Request timed out ({type(exc).__name__})."
        return APITimeoutError(text, request_id=request_id)
    detail = str(exc) or "no detail"
    return APIConnectionError(
        f"Connection error: {type(exc).__name__}: {detail}", request_id=request_id
    )


def parse_body(call: Call[T], response: httpx.Response) -> T:
    """The successful ``response``'s JSON, parsed into the generated model the call returns,
    with the call's request id on it."""
    try:
        parsed = call.parse(response if call.raw else json.loads(response.content))
    except UNREADABLE as exc:
        raise make_decode_error(response, request_id=call.request_id, cause=exc) from exc
    return stamp(parsed, call.request_id)
