"""When to retry a failed call and how long to wait first: pure policy, no I/O.

The clients own the loop (send, catch, sleep, resend with the *same*
``X-Request-Id``, so CoreX can tell a retry from a new request); every decision
inside it lives here or in `_attempts.Attempts`, which the twins' ``_send`` loops ask
(``on_exception``, ``on_response``), so the sync and async clients cannot drift apart
and each rule is tested without a network. The server's own word on the delay is read
once, by `server_delay` (the same value `RateLimitError.retry_after` reports), and
`RetryState.next_delay` turns it, or a backoff, into the sleep.

A stream is retried only before its first chunk reached the caller: that rule
belongs to the client, which alone knows whether a chunk was handed out.
"""

from __future__ import annotations

import math
import random
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Final

import httpx2

DEFAULT_MAX_RETRIES: Final = 2
"""Retries after the first attempt, so at most three requests per call."""
INITIAL_RETRY_DELAY: Final = 0.5
"""Seconds before the first retry when the server gives no delay."""
MAX_RETRY_DELAY: Final = 8.0
"""Cap on the computed exponential backoff, in seconds."""
MAX_RETRY_AFTER: Final = 60.0
"""Cap on a server-sent delay, in seconds. A longer one is waited *capped* rather
than refused: one more attempt is cheap, the caller's wait stays bounded, and
`RetryState`'s time budget still ends the loop."""
JITTER: Final = 0.25
"""Backoff is shortened by up to this fraction, so clients that failed together
do not all come back in the same instant."""
DEFAULT_RETRY_BUDGET: Final = 120.0
"""Seconds, from the first attempt, after which no retry starts."""
RETRYABLE_STATUS: Final = frozenset({408, 409, 429, 500, 502, 503, 504})
"""Statuses worth another try (any other status >= 500 is too, see `is_retryable_status`).
409 is here because CoreX answers it while the same request id is still in flight."""

# Exceptions raised before a response arrived that a resend can cure. Resending is
# safe even after the request left (read/timeout errors) because the retry carries the
# same X-Request-Id, which CoreX uses for idempotency. Left out on purpose: CloseError
# (the response was already received), LocalProtocolError, UnsupportedProtocol and
# ProxyError (our own or the caller's configuration; a resend fails the same way), and a
# ConnectError from a certificate that failed verification (see `_is_certificate_error`).
_RETRYABLE_EXCEPTIONS: Final = (
    httpx2.ConnectError,
    httpx2.ReadError,
    httpx2.WriteError,
    httpx2.RemoteProtocolError,
    httpx2.TimeoutException,  # ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout
)

# RFC 9110 delay-seconds is digits only; fractions are accepted because servers send them.
# A regex instead of float() keeps out "-1", "nan", "inf", "1e3" and "1_0".
_DELAY_SECONDS: Final = re.compile(r"\d+(?:\.\d*)?|\.\d+")


class _Testing:
    """Holds the test switch (a class attribute, so no ``global`` statement)."""

    enabled = False


def set_testing(enabled: bool) -> None:
    """Turn backoff off (``True``) or back on (``False``) for a test suite, as
    ``stamina.set_testing`` does; public as `zaguan.testing.set_testing`.

    While on, every retry's delay is 0.0 (the server's ``Retry-After`` included), so tests
    still run every retry, with the real counts and request ids, but never sleep. It patches
    no sleep function, so nothing else in the process (a local CoreX included) is affected.
    Flip it back in a fixture::

        @pytest.fixture(autouse=True)
        def no_backoff():
            set_testing(True)
            yield
            set_testing(False)
    """
    if not isinstance(enabled, bool):
        raise TypeError(f"set_testing takes True or False, got {enabled!r}")
    _Testing.enabled = enabled


def is_testing() -> bool:
    """Whether `set_testing` has turned backoff off."""
    return _Testing.enabled


def is_retryable_status(status_code: int) -> bool:
    """Whether a response with this status is worth sending again.

    >>> is_retryable_status(429), is_retryable_status(520), is_retryable_status(402)
    (True, True, False)
    """
    return status_code in RETRYABLE_STATUS or status_code >= 500


def is_retryable_exception(exc: BaseException) -> bool:
    """Whether a transport failure (no response) is worth sending again.

    >>> is_retryable_exception(httpx2.ConnectError("refused"))
    True
    >>> is_retryable_exception(httpx2.UnsupportedProtocol("ftp://"))
    False
    """
    return isinstance(exc, _RETRYABLE_EXCEPTIONS) and not _is_certificate_error(exc)


def _is_certificate_error(exc: BaseException) -> bool:
    """Whether ``exc`` was caused by a TLS certificate that failed verification.

    httpx2 reports it as a `httpx2.ConnectError` chained (through httpcore) to the
    `ssl.SSLCertVerificationError`; a resend would make the same handshake against the
    same certificate, so it fails at once instead of being retried as a network blip.
    """
    # Both links of every exception: a wrapper (respx, a hook) may chain the ssl error by
    # context only, and chains can loop, hence `seen`.
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        cause = todo.pop()
        if cause is None or id(cause) in seen:
            continue
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        seen.add(id(cause))
        todo += (cause.__cause__, cause.__context__)
    return False


def parse_retry_after(headers: httpx2.Headers, *, now: float | None = None) -> float | None:
    """The delay, in seconds, that the server asked for; None when absent or unusable.

    ``retry-after-ms`` (milliseconds, as OpenAI-compatible servers send it) is read
    first, then ``Retry-After`` as delay-seconds or an HTTP-date. A negative value,
    garbage, or a date already past gives None, so the caller falls back to its own
    backoff; a past date most likely means clock skew, not "hammer me now".
    ``now`` (a Unix time) is for tests.

    >>> parse_retry_after(httpx2.Headers({"Retry-After": "2.5"}))
    2.5
    """
    millis = _delay_seconds(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _delay_seconds(value)
    return seconds if seconds is not None else _seconds_until(value, now)


def server_delay(headers: httpx2.Headers | None, body_retry_after: float | None) -> float | None:
    """The wait the server asked for, as the SDK honours it; None when it asked for none.

    The one rule, read once per failed response: it is `RateLimitError.retry_after`, and
    what `retry_delay` sleeps, so that the error says what the SDK waited (or would
    wait). The headers come first (`parse_retry_after`: ``retry-after-ms``, then
    ``Retry-After``), as the HTTP standard (RFC 9110, section 10.2.3) has every client
    read them; the error body's ``retry_after`` only when no usable header came. Capped
    at `MAX_RETRY_AFTER`.

    >>> server_delay(httpx2.Headers({"Retry-After": "5"}), body_retry_after=2.0)
    5.0
    """
    server = parse_retry_after(headers) if headers is not None else None
    if server is None:
        server = _valid_seconds(body_retry_after)
    return None if server is None else min(server, MAX_RETRY_AFTER)


def retry_delay(
    attempt: int,
    *,
    server: float | None = None,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before retry number ``attempt`` (0 for the first retry).

    ``server``, the delay the server asked for (`server_delay`: headers first, then the
    body; capped at `MAX_RETRY_AFTER`), is honoured exactly. Otherwise exponential
    backoff with jitter::

        min(INITIAL_RETRY_DELAY * 2**attempt, MAX_RETRY_DELAY) * (1 - JITTER * rand())

    that is 0.5, 1, 2, 4, 8, 8, ... seconds, each shortened by up to 25 %.
    ``rand`` returns a float in [0, 1); tests pass a fixed one.

    >>> [retry_delay(n, rand=lambda: 0.0) for n in range(6)]
    [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    """
    if _Testing.enabled:
        return 0.0
    if server is not None:
        return server
    # Clamp the exponent: 2**attempt for a huge attempt overflows a float.
    backoff = min(INITIAL_RETRY_DELAY * 2.0 ** min(max(attempt, 0), 32), MAX_RETRY_DELAY)
    return backoff * (1 - JITTER * rand())


@dataclass
class RetryState:
    """The retries left to one logical call, bounded in count *and* in time.

    Make one per call, not per attempt. `next_delay` answers how long to sleep
    before the next retry, or None when the call must give up: `max_retries`
    are spent, or sleeping would end past ``budget`` seconds after the state
    was made (None: no time bound). ``clock`` is for tests.

    >>> state = RetryState(max_retries=2)
    >>> [state.next_delay(rand=lambda: 0.0) for _ in range(3)]
    [0.5, 1.0, None]
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    budget: float | None = DEFAULT_RETRY_BUDGET
    clock: Callable[[], float] = time.monotonic
    retries_done: int = field(default=0, init=False)
    deadline: float | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.budget is not None:
            self.deadline = self.clock() + self.budget

    @property
    def retries_left(self) -> int:
        """How many more retries `max_retries` allows."""
        return max(self.max_retries - self.retries_done, 0)

    def next_delay(
        self, *, server: float | None = None, rand: Callable[[], float] = random.random
    ) -> float | None:
        """Seconds to sleep before the next retry, counting it; None to give up.
        ``server`` is the delay the server asked for (`server_delay`), if any."""
        if self.retries_left == 0:
            return None
        delay = retry_delay(self.retries_done, server=server, rand=rand)
        if self.deadline is not None and self.clock() + delay > self.deadline:
            return None
        self.retries_done += 1
        return delay


def _delay_seconds(value: str | None) -> float | None:
    """A non-negative decimal number of seconds, or None."""
    if value is None or not _DELAY_SECONDS.fullmatch(value.strip()):
        return None
    return float(value)


def _seconds_until(http_date: str, now: float | None) -> float | None:
    """Seconds from ``now`` until an HTTP-date in the future, else None."""
    try:
        # Imported here: email.utils costs ~10 ms at import, and few responses carry a date.
        from email.utils import parsedate_to_datetime  # noqa: PLC0415

        when = parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError):  # the errors it raises across 3.11-3.13
        return None
    if when.tzinfo is None:  # "-0000" means UTC with no zone claimed (RFC 5322)
        when = when.replace(tzinfo=UTC)
    delta = when.timestamp() - (time.time() if now is None else now)
    return delta if delta > 0 else None


def _valid_seconds(value: float | None) -> float | None:
    """``value`` as seconds when it is a finite, non-negative number, else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) and value >= 0 else None
    return None
