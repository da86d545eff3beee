"""Which hooks a client calls: the caller's ``hooks=``, plus OpenTelemetry's when it is on, and
a rate limit's (`zaguan._limiter`).

Apart from `_hooks` so that neither `_hooks` nor `_otel` imports the other's importer: `_otel`
builds on `_hooks`, and this module on both.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence

from ._events import EVENTS
from ._hooks import HookSet


def hook_set(hooks: object, *, telemetry: bool, internal: object = None) -> HookSet | None:
    """The caller's ``hooks=`` (one object, or a sequence), with the OpenTelemetry hooks added
    when ``telemetry`` and the SDK's own ``internal`` one (a rate limit); None when there is
    nothing to call."""
    given = _given(hooks)
    if telemetry:
        from ._otel import OpenTelemetryHooks, default_hooks  # noqa: PLC0415  # lazy

        if not any(isinstance(hook, OpenTelemetryHooks) for hook in given):
            given = (*given, default_hooks())
    found = HookSet(given if internal is None else (*given, internal))
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
