"""Hooks: the caller's code, called by both clients at each step of a call.

A `Hooks` subclass overrides the events it wants; the client calls them in this order::

    on_request   before each attempt is sent (the request's headers may be changed here)
    on_response  each attempt's response, whatever its status
    on_retry     a retry is scheduled: its delay and the reason
    on_error     the call failed for good (once per call), or
    on_end       the call succeeded: after parsing, or at a stream's end (once per call)

Hooks are plain functions on both clients (the async client calls them inline, so they must
not block: hand slow work to a queue). A hook that raises is logged on ``zaguan.hooks`` and
the call goes on. The dispatch lives here, shared by both clients (the events are in
`_events`); the per-attempt sites are
in `_attempts` and the stream end in `_lifecycle`. Without hooks no `Observer` is made, and
each site costs one ``if``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import httpx2

from .._errors import ConfigurationError
from ._events import (
    EVENTS,
    AttemptResponse,
    AttemptStart,
    CallEnd,
    CallFailed,
    CallInfo,
    RetryScheduled,
    Summary,
)

hooks_logger = logging.getLogger("zaguan.hooks")


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
