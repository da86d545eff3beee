"""The events a client hands to hooks, one class per event (see `_hooks` for the order).

Plain data, built by the dispatch (`_hooks.Observer`); `CallEnd` reads its result and summary
on first access, so a hook that does not look pays nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final

import httpx2

EVENTS: Final = ("on_request", "on_response", "on_retry", "on_error", "on_end")
"""The hook methods, in the order a call reaches them."""

# Paths that are GenAI operations, by the OpenTelemetry GenAI conventions' names.
_OPERATIONS: Final = {
    "/v1/chat/completions": "chat",
    "/v1/messages": "chat",
    "/v1/embeddings": "embeddings",
}


@dataclass(eq=False)
class CallInfo:
    """One logical call, the same object in each of its events."""

    request_id: str
    method: str
    url: httpx2.URL
    stream: bool
    max_attempts: int
    started: float = field(default_factory=time.monotonic)
    """`time.monotonic()` when the call was made."""
    state: dict[Any, Any] = field(default_factory=dict)
    """Room for the hooks' own per-call state (key it by the hook object)."""
    _content: bytes = b""

    @property
    def path(self) -> str:
        return self.url.path

    @property
    def operation(self) -> str | None:
        """``"chat"`` or ``"embeddings"`` for a GenAI operation, else None."""
        return _OPERATIONS.get(self.path)

    @cached_property
    def body(self) -> Mapping[str, Any] | None:
        """The request's JSON body (None for none, or a multipart upload); parsed on demand."""
        try:
            body = json.loads(self._content) if self._content else None
        except ValueError:  # multipart bytes
            return None
        return body if isinstance(body, Mapping) else None


@dataclass(frozen=True, slots=True)
class AttemptStart:
    """`Hooks.on_request`: attempt number ``attempt`` (1 first) is about to send ``request``."""

    call: CallInfo
    attempt: int
    request: httpx2.Request
    """The request to send; a hook may change its headers (they stay for later attempts)."""


@dataclass(frozen=True, slots=True)
class AttemptResponse:
    """`Hooks.on_response`: an attempt's response (its body may not be read yet)."""

    call: CallInfo
    attempt: int
    response: httpx2.Response
    latency: float
    """Seconds from sending the attempt to its response headers."""

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def request_id(self) -> str:
        """The request id CoreX echoed, else the one sent."""
        return self.response.headers.get("X-Request-Id") or self.call.request_id


@dataclass(frozen=True, slots=True)
class RetryScheduled:
    """`Hooks.on_retry`: attempt ``attempt`` failed; the next starts after ``delay`` seconds."""

    call: CallInfo
    attempt: int
    delay: float
    reason: str
    """The failed attempt's status code (``"503"``) or transport error (``"ConnectError"``)."""


@dataclass(frozen=True, slots=True)
class CallFailed:
    """`Hooks.on_error`: the call failed for good with ``error`` (what the caller gets)."""

    call: CallInfo
    attempt: int
    error: BaseException
    duration: float
    """Seconds from the call's start to its failure."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What a result says about itself, read defensively (None when absent or malformed)."""

    response_id: str | None = None
    response_model: str | None = None
    finish_reasons: tuple[str, ...] = ()
    input_tokens: int | None = None
    output_tokens: int | None = None
    credits_used: float | None = None
    credits_remaining: float | None = None
    band: str | None = None


class CallEnd:
    """`Hooks.on_end`: the call succeeded (for a stream: its end marker came, or the caller
    closed it early, ``completed`` False). Usage and credits are read on first access."""

    def __init__(
        self,
        call: CallInfo,
        attempt: int,
        response: httpx2.Response | None,
        result: Callable[[], Any],
        summary: Callable[[], Summary],
        *,
        completed: bool = True,
    ) -> None:
        self.call = call
        self.attempt = attempt
        self.response = response
        self.completed = completed
        self.duration = time.monotonic() - call.started
        """Seconds from the call's start to now: every attempt, back-off and stream read."""
        self._result = result
        self._summary = summary

    @cached_property
    def result(self) -> Any:
        """What the call returned (a stream's whole answer, built on first access)."""
        return self._result()

    @cached_property
    def summary(self) -> Summary:
        """Response id and model, finish reasons, token usage and CoreX credits."""
        try:
            return self._summary()
        except Exception:  # a malformed answer the caller will see anyway; hooks get None
            return Summary()

    @property
    def input_tokens(self) -> int | None:
        return self.summary.input_tokens

    @property
    def output_tokens(self) -> int | None:
        return self.summary.output_tokens

    @property
    def credits_used(self) -> float | None:
        """CoreX ``promptshield.credits_used`` of this call."""
        return self.summary.credits_used

    @property
    def credits_remaining(self) -> float | None:
        return self.summary.credits_remaining
