"""`Limiter`: one `RateBudget` shared by a client, its copies, and every thread, task and event
loop that uses them.

Both clients use the same object: its lock is a `threading.Lock` held only inside the budget's
arithmetic, never across a wait, so it is as safe for tasks of one or several event loops as
for threads. The waiting itself is the client's (`Attempts.rate_waits` yields how long, the
client sleeps through its ``_sleep`` seam). What the answers say comes in as hook events, the
same way for JSON answers and streams: `on_response` (the ``x-ratelimit-*`` headers, a 429's
pause) and `on_end` (the usage that corrects the estimate).
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from typing import Final

import httpx2

from ._errors import make_status_error
from ._observe._events import AttemptResponse, CallEnd
from ._observe._log import log_rate_pause
from ._ratelimit import RateBudget, RateLimit, Reservation
from ._ratelimit_headers import server_limits
from ._retry import is_testing

DEFAULT_OUTPUT_TOKENS: Final = 1024
"""Output tokens counted for a chat or a message that sets no ``max_tokens`` (nor
``max_completion_tokens``), until its usage tells."""
NO_RETRY_AFTER_PAUSE: Final = 1.0
"""Seconds every caller waits after a 429 that says nothing of when to retry."""
BYTES_PER_TOKEN: Final = 4
"""The estimate of a prompt: a token per four bytes of the JSON body (English text runs at
about four characters a token; the answer's usage corrects the rest)."""

# The paths whose requests spend tokens (by what follows /v1/, so that a base URL with a path
# works), and whether the answer adds output tokens.
_TOKEN_PATHS: Final = {
    "/v1/chat/completions": True,
    "/v1/completions": True,
    "/v1/messages": True,
    "/v1/embeddings": False,
}
_MAX_TOKENS: Final = re.compile(rb'"(?:max_tokens|max_completion_tokens)"\s*:\s*(\d{1,9})')


def estimate_tokens(request: httpx2.Request) -> tuple[int, int]:
    """(prompt, total) tokens ``request`` is expected to spend, before it is sent."""
    path = request.url.path
    output = _TOKEN_PATHS.get(path[path.rfind("/v1/") :])
    if output is None or "json" not in request.headers.get("content-type", ""):
        return 0, 0
    content = request.content
    prompt = math.ceil(len(content) / BYTES_PER_TOKEN)
    if not output:
        return prompt, prompt
    # The largest, should a nested object have one too: the estimate errs on the safe side.
    limits = [int(value) for value in _MAX_TOKENS.findall(content)]
    return prompt, prompt + (max(limits) if limits else DEFAULT_OUTPUT_TOKENS)


class Limiter:
    """The `RateBudget` of one `RateLimit`, thread-safe, and the hook that feeds it answers."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._budget = RateBudget(limit, clock)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Limiter({self.limit!r})"

    def reserve(self, request: httpx2.Request) -> Reservation:
        prompt, total = estimate_tokens(request)
        with self._lock:
            return self._budget.reserve(total, prompt)

    def delay(self, reservation: Reservation) -> float:
        with self._lock:
            return self._budget.delay(reservation)

    def cancel(self, reservation: Reservation) -> None:
        with self._lock:
            self._budget.cancel(reservation)

    def on_response(self, event: AttemptResponse) -> None:
        """Each attempt's answer: its headers lower the budget, a 429 pauses it, and a refusal
        (4xx) used no tokens."""
        reservation: Reservation | None = event.call.state.get(self)
        response = event.response
        limits = server_limits(response.headers)
        pause = _pause_after(response) if response.status_code == 429 else None
        with self._lock:
            if reservation is not None:
                self._budget.observe(reservation, limits)
                if 400 <= response.status_code < 500:
                    self._budget.settle(reservation, 0)
            if pause is not None:
                self._budget.pause(pause)
        if pause is not None:
            log_rate_pause(event.call.method, event.call.path, pause, event.request_id)

    def on_end(self, event: CallEnd) -> None:
        """The call's usage, when the answer reports any, replaces its estimate."""
        reservation: Reservation | None = event.call.state.get(self)
        summary = event.summary
        if reservation is None or (summary.input_tokens is None and summary.output_tokens is None):
            return
        prompt = reservation.prompt if summary.input_tokens is None else summary.input_tokens
        with self._lock:
            self._budget.settle(reservation, prompt + (summary.output_tokens or 0))


def _pause_after(response: httpx2.Response) -> float | None:
    """How long a 429 holds every caller: the server's delay as the retry reads it (headers,
    then the body's ``retry_after``, capped), else `NO_RETRY_AFTER_PAUSE`; None (no pause)
    while `zaguan.testing.set_testing` has turned waiting off."""
    if is_testing():
        return None
    delay = getattr(make_status_error(response, request_id=None), "retry_after", None)
    return NO_RETRY_AFTER_PAUSE if delay is None else float(delay)
