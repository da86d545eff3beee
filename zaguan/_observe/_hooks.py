"""Hooks: the caller's code, called by both clients at each step of a call.

A `Hooks` subclass overrides the events it wants; the client calls them in this order::

    on_request   before each attempt is sent (the request's headers may be changed here)
    on_response  each attempt's response, whatever its status
    on_retry     a retry is scheduled: its delay and the reason
    on_error     the call failed for good (once per call), or
    on_end       the call succeeded: after parsing, or at a stream's end (once per call)

Hooks are plain functions on both clients (the async client calls them inline, so they must
not block: hand slow work to a queue). A hook that raises is logged on ``zaguan.hooks`` and
the call goes on. The dispatch lives here, shared by both clients; the per-attempt sites are
in `_attempts` and the stream end in `_lifecycle`. Without hooks no `Observer` is made, and
each site costs one ``if``.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final

import httpx2

from .._errors import ConfigurationError

hooks_logger = logging.getLogger("zaguan.hooks")

EVENTS: Final = ("on_request", "on_response", "on_retry", "on_error", "on_end")

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


class Hooks:
    """Callbacks a client calls during each call; subclass it and override any of them.

    >>> class Timing(zaguan.Hooks):
    ...     def on_response(self, event: zaguan.AttemptResponse) -> None:
    ...         print(event.attempt, event.status_code, event.latency, event.request_id)
    >>> client = ZaguanClient(hooks=[Timing()])

    Any object with some of these methods works too. See the module docstring for the order.
    """

    def on_request(self, event: AttemptStart) -> None:
        """Before each attempt; may change ``event.request.headers``."""

    def on_response(self, event: AttemptResponse) -> None:
        """After each attempt's response: status, latency, request id, attempt number."""

    def on_retry(self, event: RetryScheduled) -> None:
        """A retry is scheduled: delay and reason."""

    def on_error(self, event: CallFailed) -> None:
        """The call failed for good."""

    def on_end(self, event: CallEnd) -> None:
        """The call succeeded: usage and credits, at a stream's end for a stream."""


class HookSet:
    """The bound hook methods per event, without the `Hooks` base's no-ops."""

    __slots__ = ("given", *EVENTS)

    on_request: tuple[Callable[[AttemptStart], None], ...]
    on_response: tuple[Callable[[AttemptResponse], None], ...]
    on_retry: tuple[Callable[[RetryScheduled], None], ...]
    on_error: tuple[Callable[[CallFailed], None], ...]
    on_end: tuple[Callable[[CallEnd], None], ...]

    def __init__(self, given: tuple[object, ...]) -> None:
        self.given = given
        for name in EVENTS:
            methods = []
            for hook in given:
                method = getattr(hook, name, None)
                if method is None or getattr(type(hook), name, None) is getattr(Hooks, name):
                    continue
                if _is_async(method):
                    raise ConfigurationError(
                        f"hooks: {type(hook).__name__}.{name} is a coroutine function; "
                        "hooks are plain functions on both clients (hand slow work to a queue)"
                    )
                methods.append(method)
            setattr(self, name, tuple(methods))


def _is_async(method: object) -> bool:
    import inspect  # noqa: PLC0415  # ~10 ms of imports, paid only by clients with hooks

    return inspect.iscoroutinefunction(method)


def hook_set(hooks: object, *, telemetry: bool) -> HookSet | None:
    """The caller's ``hooks=`` (one object, or a sequence), with the OpenTelemetry hooks added
    when ``telemetry``; None when there is nothing to call."""
    given = _given(hooks)
    if telemetry:
        from ._otel import OpenTelemetryHooks, default_hooks  # noqa: PLC0415  # lazy

        if not any(isinstance(hook, OpenTelemetryHooks) for hook in given):
            given = (*given, default_hooks())
    found = HookSet(given)
    return found if any(getattr(found, name) for name in EVENTS) else None


def telemetry_on() -> bool:
    """Whether clients report to OpenTelemetry: its API is installed (the ``otel`` extra) and
    ``ZAGUAN_OTEL`` is not ``off``."""
    if os.environ.get("ZAGUAN_OTEL", "").strip().lower() in ("off", "0", "false", "no"):
        return False
    return _otel_installed()


@functools.cache
def _otel_installed() -> bool:
    import importlib.util  # noqa: PLC0415  # asked once, when the first client is made

    try:
        return importlib.util.find_spec("opentelemetry.trace") is not None
    except (ImportError, ValueError):
        return False


def _given(hooks: object) -> tuple[object, ...]:
    if hooks is None:
        return ()
    if isinstance(hooks, Sequence) and not isinstance(hooks, str | bytes):
        return tuple(hooks)
    return (hooks,)


class Observer:
    """One call's dispatch to the hooks; made only when the client has hooks."""

    __slots__ = ("_sent", "attempt", "finished", "hooks", "info")

    def __init__(self, hooks: HookSet, request: httpx2.Request, request_id: str, *,
                 stream: bool, max_retries: int) -> None:  # fmt: skip
        self.hooks = hooks
        self.info = CallInfo(
            request_id, request.method, request.url, stream, max_retries + 1,
            _content=_json_bytes(request),
        )  # fmt: skip
        self.attempt = 0
        self.finished = False
        self._sent = 0.0

    def request(self, request: httpx2.Request) -> None:
        self.attempt += 1
        self._sent = time.monotonic()
        _emit(self.hooks.on_request, AttemptStart(self.info, self.attempt, request))

    def response(self, response: httpx2.Response) -> None:
        latency = time.monotonic() - self._sent
        _emit(self.hooks.on_response, AttemptResponse(self.info, self.attempt, response, latency))

    def retry(self, delay: float, reason: str) -> None:
        _emit(self.hooks.on_retry, RetryScheduled(self.info, self.attempt, delay, reason))

    def failed(self, error: BaseException) -> None:
        if not self.finished:
            self.finished = True
            _emit(
                self.hooks.on_error,
                CallFailed(self.info, self.attempt, error, time.monotonic() - self.info.started),
            )

    def ended(
        self,
        response: httpx2.Response | None,
        result: Callable[[], Any],
        summary: Callable[[], Summary],
        *,
        completed: bool = True,
    ) -> None:
        if not self.finished:
            self.finished = True
            event = CallEnd(self.info, self.attempt, response, result, summary,
                            completed=completed)  # fmt: skip
            _emit(self.hooks.on_end, event)


def _json_bytes(request: httpx2.Request) -> bytes:
    """A JSON body's bytes (a multipart upload's stream is not read here)."""
    if "json" not in request.headers.get("content-type", ""):
        return b""
    return request.content


def _emit(methods: tuple[Callable[[Any], None], ...], event: object) -> None:
    for method in methods:
        try:
            method(event)
        except Exception:  # the caller's code must not break the call it watches
            hooks_logger.warning(
                "hook %s raised; the call goes on", getattr(method, "__qualname__", method),
                exc_info=True,
            )  # fmt: skip


# -- What a result says: read from attrs models and dicts alike, never trusting types.


def summarize(result: object) -> Summary:
    """The `Summary` of a JSON result (a chat completion, a message, embeddings, a dict)."""
    usage = field_of(result, "usage")
    shield = field_of(result, "promptshield")
    reasons = [field_of(choice, "finish_reason") for choice in _list(field_of(result, "choices"))]
    reasons.append(field_of(result, "stop_reason"))
    return Summary(
        response_id=_str(field_of(result, "id")),
        response_model=_str(field_of(result, "model")),
        finish_reasons=tuple(r for r in map(_str, reasons) if r),
        input_tokens=_int(field_of(usage, "prompt_tokens"), field_of(usage, "input_tokens")),
        output_tokens=_int(field_of(usage, "completion_tokens"), field_of(usage, "output_tokens")),
        credits_used=_number(field_of(shield, "credits_used")),
        credits_remaining=_number(field_of(shield, "credits_remaining")),
        band=_str(field_of(shield, "band")),
    )


def summarize_chunks(chunks: Sequence[object]) -> Summary:
    """The `Summary` of a chat stream, from its chunks (without accumulating the answer)."""
    first = chunks[0] if chunks else None
    usage = next((c for c in reversed(chunks) if field_of(c, "usage") is not None), None)
    shield = next((c for c in reversed(chunks) if field_of(c, "promptshield") is not None), None)
    reasons = [
        field_of(choice, "finish_reason")
        for c in chunks
        for choice in _list(field_of(c, "choices"))
    ]
    merged = {
        "id": field_of(first, "id"), "model": field_of(first, "model"),
        "usage": field_of(usage, "usage"), "promptshield": field_of(shield, "promptshield"),
        "choices": [{"finish_reason": r} for r in reasons if r],
    }  # fmt: skip
    return summarize(merged)


def field_of(obj: object, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    value = getattr(obj, name, None)
    if value is None:  # a field the contract does not know yet
        extra = getattr(obj, "additional_properties", None)
        value = extra.get(name) if isinstance(extra, dict) else None
    return value


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _str(value: object) -> str | None:
    if isinstance(value, str):
        return value
    inner = getattr(value, "value", None)  # a generated enum
    return inner if isinstance(inner, str) else None


def _int(*values: object) -> int | None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
