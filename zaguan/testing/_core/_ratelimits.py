"""Per-key rate limits: OpenAI's ``x-ratelimit-*`` headers, and 429s when a key goes too fast.

``LocalCoreX(rate_limits={key: (rpm, tpm)})`` (either may be None: no such limit; ``zaguan
local --rpm R --tpm T`` limits every key). Each limit is a bucket holding one minute of its
rate, as OpenAI's do: full at first, refilled continuously by the server's ``clock`` (a test
moves a fake clock instead of waiting). A request of a limited key (any path but ``/health``):

* is refused with a 429 ``rate_limit_exceeded`` while the requests bucket holds less than one
  request, or the tokens bucket less than one token; ``Retry-After`` and ``error.retry_after``
  say when that ends (seconds, fractions kept);
* otherwise takes one request as it arrives, and its tokens when it is charged: the usage of
  the answer (the token rule of the usage, one per word, prompt plus completion), so a stream
  takes them at its end and the bucket may go into debt;
* gets, on every answer (429s too), ``x-ratelimit-limit-``, ``-remaining-`` and ``-reset-``
  ``requests`` (and ``tokens``) for each limit of its key: the limit per minute, what the
  bucket holds (whole units, 0 in debt), and the time until it is full (``6m0s``, ``12ms``).

`LocalCoreX.rate_limited` counts the 429s a key was sent.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._credits._ledger import Clock
from ._errors import ApiError

__all__ = [
    "RateLimitMiddleware",
    "RateLimitSpec",
    "RateLimits",
    "check_rate_limits",
    "format_duration",
    "spend_tokens",
]

#: (requests per minute, tokens per minute) of one key; None: no such limit.
RateLimitSpec = tuple[int | None, int | None]

_BUCKET = "zaguan.rate_bucket"  # the scope key where the middleware leaves the key's limits
_DIMENSIONS = ("requests", "tokens")


def check_rate_limits(
    limits: Mapping[str, RateLimitSpec] | None, keys: Mapping[str, str]
) -> dict[str, RateLimitSpec]:
    """``limits`` checked against the server's ``keys``: a `ValueError` names what is wrong."""
    if limits is None:
        return {}
    if not isinstance(limits, Mapping):
        raise ValueError(f"rate_limits must map API keys to (rpm, tpm), got {limits!r}")
    checked: dict[str, RateLimitSpec] = {}
    for key, spec in limits.items():
        if key not in keys:
            raise ValueError(f"rate_limits names a key the server does not have: {key!r}")
        if not isinstance(spec, tuple) or len(spec) != 2:
            raise ValueError(f"rate_limits[{key!r}] must be a pair (rpm, tpm), got {spec!r}")
        for name, value in zip(("rpm", "tpm"), spec, strict=True):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 1
            ):
                raise ValueError(
                    f"rate_limits[{key!r}] {name} must be a whole number >= 1 or None, "
                    f"got {value!r}"
                )
        checked[key] = spec
    return checked


def format_duration(seconds: float) -> str:
    """OpenAI's form of a duration, rounded up to the millisecond: ``12ms``, ``1s``, ``6m0s``,
    ``1h2m3.5s``."""
    millis = max(math.ceil(seconds * 1000 - 1e-6), 0)
    if millis < 1000:
        return f"{millis}ms"
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    text = f"{rest / 1000:.3f}".rstrip("0").rstrip(".") + "s"
    if hours:
        return f"{hours}h{minutes}m{text}"
    return f"{minutes}m{text}" if minutes else text


class _Bucket:
    """One limit: ``per_minute`` units, refilled continuously, holding a minute's worth."""

    def __init__(self, per_minute: int, now: float) -> None:
        self.per_minute = per_minute
        self.rate = per_minute / 60.0
        self.level = float(per_minute)
        self.updated = now

    def refill(self, now: float) -> None:
        if now > self.updated:  # a clock set back refills nothing
            self.level = min(self.per_minute, self.level + self.rate * (now - self.updated))
            self.updated = now

    def wait(self) -> float:
        """Seconds until the bucket holds one unit (0: it does)."""
        return max(1 - self.level, 0.0) / self.rate

    def headers(self, name: str) -> dict[str, str]:
        full_in = (self.per_minute - self.level) / self.rate
        return {
            f"x-ratelimit-limit-{name}": str(self.per_minute),
            f"x-ratelimit-remaining-{name}": str(max(math.floor(self.level), 0)),
            f"x-ratelimit-reset-{name}": format_duration(full_in),
        }


class KeyLimits:
    """The buckets of one key, and the 429s they caused; thread-safe."""

    def __init__(self, spec: RateLimitSpec, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        now = clock()
        self._buckets = {
            name: _Bucket(per_minute, now)
            for name, per_minute in zip(_DIMENSIONS, spec, strict=True)
            if per_minute is not None
        }
        self.refused = 0

    def admit(self) -> float | None:
        """Take one request and return None; or, when a bucket is short, count a refusal and
        return the seconds until it is not."""
        with self._lock:
            self._refill()
            wait = max(bucket.wait() for bucket in self._buckets.values())
            if wait > 0:
                self.refused += 1
                return wait
            if "requests" in self._buckets:
                self._buckets["requests"].level -= 1
            return None

    def spend(self, tokens: int) -> None:
        with self._lock:
            bucket = self._buckets.get("tokens")
            if bucket is not None:
                self._refill()
                bucket.level -= tokens

    def headers(self) -> dict[str, str]:
        with self._lock:
            self._refill()
            return {k: v for n, b in self._buckets.items() for k, v in b.headers(n).items()}

    def _refill(self) -> None:
        now = self._clock()
        for bucket in self._buckets.values():
            bucket.refill(now)


class RateLimits:
    """Every limited key's `KeyLimits` (made anew by each `CoreXState.reset`)."""

    def __init__(self, spec: Mapping[str, RateLimitSpec], clock: Clock) -> None:
        def seconds() -> float:
            return clock().timestamp()

        self.keys = {key: KeyLimits(limits, seconds) for key, limits in spec.items()}

    def of(self, authorization: str | None) -> KeyLimits | None:
        """The limits of the key in ``Authorization: Bearer <key>``; None: not limited."""
        scheme, _, key = (authorization or "").partition(" ")
        return self.keys.get(key.strip()) if scheme.lower() == "bearer" else None

    def refused(self, key: str) -> int:
        limits = self.keys.get(key)
        return 0 if limits is None else limits.refused


class RateLimitMiddleware:
    """Refuse, or let through and take from, a limited key's budget; add its headers."""

    def __init__(self, app: ASGIApp, state: Any) -> None:
        self.app = app
        self.state = state  # a CoreXState: its `rate_limits` are replaced by each reset

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limits = None
        if scope["type"] == "http" and scope["path"] != "/health":
            limits = self.state.rate_limits.of(Headers(scope=scope).get("authorization"))
        if limits is None:
            await self.app(scope, receive, send)
            return
        wait = limits.admit()
        if wait is not None:
            error = _refusal(wait, limits)
            response = JSONResponse(error.to_json(), error.status, error.headers)
            await response(scope, receive, send)
            return
        scope[_BUCKET] = limits

        async def send_with_limits(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(limits.headers())
            await send(message)

        await self.app(scope, receive, send_with_limits)


def _refusal(wait: float, limits: KeyLimits) -> ApiError:
    seconds = math.ceil(wait * 1000) / 1000
    text = f"{seconds:.3f}".rstrip("0").rstrip(".")
    return ApiError(
        429,
        f"Rate limit exceeded: retry after {text} s",
        extra={"retry_after": seconds},
        headers={"Retry-After": text, **limits.headers()},
    )


def spend_tokens(request: Request, tokens: int) -> None:
    """Take a charged answer's ``tokens`` from its key's budget (a key without limits: none)."""
    limits: KeyLimits | None = request.scope.get(_BUCKET)
    if limits is not None:
        limits.spend(tokens)
