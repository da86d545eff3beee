"""Client-side rate limits: `RateLimit`, what the caller asks for, and `RateBudget`, the
policy both clients share. Pure: no I/O, no sleeping, no lock; the clock is injected.

The budget answers "when may this request go?" and records what each request took; the
clients wait (`_limiter`). Its rules:

* Each limit is a bucket refilled continuously at its rate, holding `BURST_SECONDS` of it:
  ``requests_per_minute=600`` lets 10 requests go at once, then one every 0.1 s. A request
  takes one request and its token estimate, and is given the earliest time at which every
  bucket holds them, in the order requests arrive (each waiter is given its own time, so a
  thousand waiters never race for a refill: each wakes at its time).
* A request larger than a whole bucket (more tokens than `BURST_SECONDS` of
  ``tokens_per_minute``) waits until the bucket is full, goes, and leaves it in debt: it never
  waits forever, and the average rate stays the limit.
* `settle` replaces an estimate by the answer's usage: the difference is taken or given back.
* The server's ``x-ratelimit-*`` headers lower the budget until their reset: ``remaining``
  more, less the requests the server may not have counted yet (`observe`), refilled as the
  server's bucket refills (from ``remaining`` to ``limit`` by the reset; with no limit sent,
  nothing before the reset). A reset further away than `MAX_SERVER_WAIT` is held that long.
* `pause` (after a 429) holds every request until the server's ``Retry-After``.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from ._errors import ConfigurationError

if TYPE_CHECKING:
    from ._ratelimit_headers import ServerLimit

DIMENSIONS: Final = ("requests", "tokens")
"""What a limit counts, as the ``x-ratelimit-*`` headers name it."""

BURST_SECONDS: Final = 1.0
"""How much of its rate a bucket holds: requests that arrive together go at once up to one
second's worth, then one by one. Small, so that the achieved rate is the limit even over a
short run, and a server counting per minute never sees more than the limit."""
ADMISSION_WINDOW: Final = 10.0
"""Seconds after its time to go during which a request not yet answered may still be unknown
to the server (on its way, or queued for a connection); after it, the server has counted it."""
MAX_SERVER_WAIT: Final = 60.0
"""Cap, in seconds, on a wait the server's headers ask for (a daily limit's reset): after it,
the next answer (or 429) tells again. The same cap as on ``Retry-After``."""


@dataclass(frozen=True, slots=True)
class RateLimit:
    """A client's rate budget, shared by every call of the client and of its
    ``with_options()`` copies, across threads (sync) or tasks (async).

    >>> client = ZaguanClient(rate_limit=RateLimit(requests_per_minute=500,
    ...                                            tokens_per_minute=200_000))

    A call waits until the budget allows it (its ``deadline``, if any, bounds the wait: a
    call that would wait past it fails at once with `APITimeoutError`). Tokens are estimated
    before sending (a quarter of the JSON body's bytes, plus ``max_tokens`` or
    ``max_completion_tokens``, else 1,024 for a chat or a message) and corrected by the
    answer's ``usage``. With or without numbers, the client follows the
    server: CoreX's ``x-ratelimit-*`` headers lower the budget until their reset, and a 429
    holds every caller of the budget until its ``Retry-After``. ``RateLimit()`` follows the
    server only.
    """

    requests_per_minute: float | None = None
    """Requests per minute (None: no limit of the client's own)."""
    tokens_per_minute: float | None = None
    """Prompt and output tokens per minute (None: no limit of the client's own)."""

    def __post_init__(self) -> None:
        for name in ("requests_per_minute", "tokens_per_minute"):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigurationError(
                    f"RateLimit {name} must be a positive number or None, "
                    f"got {type(value).__name__} {value!r}"
                )
            if not 0 < value < math.inf:
                raise ConfigurationError(
                    f"RateLimit {name} must be a positive, finite number or None, got {value!r}"
                )

    def per_minute(self) -> dict[str, float]:
        """The limits set, by dimension (``requests``, ``tokens``)."""
        values = (self.requests_per_minute, self.tokens_per_minute)
        return {name: float(v) for name, v in zip(DIMENSIONS, values, strict=True) if v}


class _Bucket:
    """One limit, kept as the time at which the bucket is full again (the generic cell rate
    algorithm): the level at ``t`` is ``capacity - rate * (full_at - t)``, never above capacity;
    below zero, the bucket is in debt."""

    __slots__ = ("capacity", "full_at", "rate")

    def __init__(self, per_minute: float) -> None:
        self.rate = per_minute / 60.0
        self.capacity = self.rate * BURST_SECONDS
        self.full_at = -math.inf

    def ready_at(self, amount: float) -> float:
        """The earliest time the bucket holds ``amount`` (a whole bucket, for more)."""
        return self.full_at - (self.capacity - min(amount, self.capacity)) / self.rate

    def take(self, amount: float, at: float) -> None:
        self.full_at = max(self.full_at, at) + amount / self.rate

    def give(self, amount: float, now: float) -> None:
        self.full_at = max(self.full_at - amount / self.rate, now)


@dataclass(slots=True)
class _ServerView:
    """What the latest answer said about one dimension, until ``until``: ``left`` at
    ``since``, refilled at ``rate`` (the server's bucket fills from ``remaining`` to its limit
    by the reset; with no limit given, nothing comes back before the reset)."""

    left: float
    since: float
    rate: float
    until: float

    def ready_at(self, amount: float, at: float) -> float:
        """The earliest time from ``at`` the server allows ``amount`` more."""
        if at >= self.until or self.left + self.rate * (at - self.since) >= amount:
            return at
        if self.rate <= 0:
            return self.until
        return min(self.since + (amount - self.left) / self.rate, self.until)


@dataclass(slots=True, eq=False)
class Reservation:
    """One request's place in the budget: when it may go and what it holds."""

    at: float
    """The clock time from which it may go (a pause may hold it longer)."""
    tokens: int
    """The tokens it holds: its estimate, then its usage once `RateBudget.settle` ran."""
    prompt: int = 0
    """The prompt part of the estimate (kept when an answer reports output tokens only)."""
    ends: dict[str, float] = field(default_factory=dict)
    """Each bucket's ``full_at`` just after it took its share (see `RateBudget.cancel`)."""
    pending: bool = True
    """Neither answered nor cancelled: the server may not have counted it yet."""
    cancelled: bool = False


class RateBudget:
    """The budget of one `RateLimit`: not thread-safe (the caller holds a lock)."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._buckets = {name: _Bucket(value) for name, value in limit.per_minute().items()}
        self._server: dict[str, _ServerView] = {}
        self._paused_until = -math.inf
        # Reservations the server may not have counted yet, oldest first, and their sums.
        self._pending: deque[Reservation] = deque()
        self._uncounted = {"requests": 0, "tokens": 0}

    def reserve(self, tokens: int, prompt: int = 0) -> Reservation:
        """Take one request and ``tokens`` for a request, from the earliest time the budget
        holds them (see `delay`)."""
        now = self.clock()
        need = {"requests": 1, "tokens": tokens}
        at = max(now, self._paused_until)
        for name, bucket in self._buckets.items():
            if need[name]:
                at = max(at, bucket.ready_at(need[name]))
        for name, view in self._server.items():
            if need[name]:
                at = view.ready_at(need[name], at)
        reservation = Reservation(at, tokens, prompt)
        for name, bucket in self._buckets.items():
            if need[name]:
                bucket.take(need[name], at)
                reservation.ends[name] = bucket.full_at
        for name, view in self._server.items():
            if at < view.until:
                view.left -= need[name]
        self._pending.append(reservation)
        self._count(reservation, 1)
        return reservation

    def delay(self, reservation: Reservation) -> float:
        """Seconds until ``reservation`` may go (0: now; under a microsecond is float
        rounding in the bucket's arithmetic, not a wait)."""
        delay = max(reservation.at, self._paused_until) - self.clock()
        return delay if delay > 1e-6 else 0.0

    def cancel(self, reservation: Reservation) -> None:
        """``reservation`` will not be sent: what it took goes back where nothing was promised
        after it (a bucket's last reservation); elsewhere its time stays unused. Once only."""
        if reservation.cancelled:
            return
        reservation.cancelled = True
        self._answered(reservation)
        now = self.clock()
        need = {"requests": 1, "tokens": reservation.tokens}
        for name, end in reservation.ends.items():
            bucket = self._buckets[name]
            if bucket.full_at == end:
                bucket.give(need[name], now)

    def settle(self, reservation: Reservation, tokens: int) -> None:
        """The answer used ``tokens``: take or give back the difference from the estimate."""
        if reservation.cancelled:
            return
        difference, reservation.tokens = tokens - reservation.tokens, tokens
        bucket = self._buckets.get("tokens")
        if bucket is not None and difference > 0:
            bucket.take(difference, self.clock())
        elif bucket is not None and difference < 0:
            bucket.give(-difference, self.clock())

    def observe(self, reservation: Reservation, limits: Mapping[str, ServerLimit]) -> None:
        """``reservation`` was answered, saying how much the server still allows and until
        when (``limits``, possibly empty). That view replaces the last one, less what the
        server may not have counted when it answered: every other reservation not yet
        answered, sent less than `ADMISSION_WINDOW` ago or still waiting to go."""
        self._answered(reservation)
        now = self.clock()
        while self._pending and (
            not self._pending[0].pending or self._pending[0].at < now - ADMISSION_WINDOW
        ):
            self._answered(self._pending.popleft())
        for name, limit in limits.items():
            # remaining is rounded down: up to one more unit is already on its way back.
            back = 0 if limit.limit is None else max(limit.limit - limit.remaining - 1, 0)
            until = now + min(limit.reset, MAX_SERVER_WAIT)
            left = limit.remaining - self._uncounted[name]
            self._server[name] = _ServerView(left, now, back / limit.reset, until)

    def pause(self, seconds: float) -> None:
        """Hold every request, those already waiting included, for ``seconds`` from now."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def _answered(self, reservation: Reservation) -> None:
        if reservation.pending:
            reservation.pending = False
            self._count(reservation, -1)

    def _count(self, reservation: Reservation, sign: int) -> None:
        self._uncounted["requests"] += sign
        self._uncounted["tokens"] += sign * reservation.tokens
