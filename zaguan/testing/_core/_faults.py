"""Fault specs: parsing `X-CoreX-Fault` values and `test/...` model names into a `Fault`.

The grammar is documented in the package docstring (`zaguan.testing`); this module is pure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace

__all__ = ["FAULT_HEADER", "Fault", "FaultSpecError", "fault_from_model", "parse_fault"]

#: The request header that switches a fault on for one request (and its retries).
FAULT_HEADER = "X-CoreX-Fault"

_MAX_DELAY = 60.0


class FaultSpecError(ValueError):
    """A fault spec that does not follow the grammar; the message says which part."""


@dataclass(frozen=True, slots=True)
class Fault:
    """What to break, and for how many attempts of one request id."""

    status: int | None = None
    times: int | None = None
    retry_after: float | None = None
    delay: float = 0.0
    drop: bool = False
    stream_error_after: int | None = None
    stream_cut_after: int | None = None
    stream_drop_after: int | None = None
    stream_stall_after: int | None = None
    stream_keepalive_after: int | None = None

    def active(self, attempt: int) -> bool:
        """Whether this fault applies to the `attempt`-th try (1-based) of a request id."""
        return self.times is None or attempt <= self.times

    @property
    def breaks_stream(self) -> bool:
        cuts = (
            self.stream_error_after, self.stream_cut_after, self.stream_drop_after,
            self.stream_stall_after, self.stream_keepalive_after,
        )  # fmt: skip
        return any(after is not None for after in cuts)


def _int(key: str, value: str) -> int:
    if not re.fullmatch(r"\d+", value):
        raise FaultSpecError(f"{key}={value!r}: expected a whole number >= 0")
    return int(value)


def _seconds(key: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds <= _MAX_DELAY:
        raise FaultSpecError(f"{key}={value!r}: expected seconds between 0 and {_MAX_DELAY:g}")
    return seconds


def _status(key: str, value: str) -> int:
    status = _int(key, value)
    if not 400 <= status <= 599:
        raise FaultSpecError(f"{key}={value!r}: expected an HTTP error status, 400 to 599")
    return status


def _flag(key: str, value: str) -> bool:
    if value.lower() not in {"0", "1", "true", "false"}:
        raise FaultSpecError(f"{key}={value!r}: expected 1, 0, true or false")
    return value.lower() in {"1", "true"}


_PARSERS = {
    "status": _status,
    "times": _int,
    "retry_after": _seconds,
    "delay": _seconds,
    "drop": _flag,
    "stream_error_after": _int,
    "stream_cut_after": _int,
    "stream_drop_after": _int,
    "stream_stall_after": _int,
    "stream_keepalive_after": _int,
}
assert set(_PARSERS) == {field.name for field in fields(Fault)}


def _complete(fault: Fault) -> Fault:
    """A 429 always says when to retry; a `retry_after` alone means a 429."""
    if fault.retry_after is not None and fault.status is None:
        return replace(fault, status=429)
    if fault.status == 429 and fault.retry_after is None:
        return replace(fault, retry_after=1.0)
    return fault


def parse_fault(spec: str) -> Fault:
    """Parse `key=value;key=value` into a `Fault`: `parse_fault("status=503;times=2")`."""
    values: dict[str, object] = {}
    for item in filter(None, (part.strip() for part in spec.split(";"))):
        key, sep, value = (text.strip() for text in item.partition("="))
        if not sep or key not in _PARSERS:
            known = ", ".join(_PARSERS)
            raise FaultSpecError(f"{item!r}: expected key=value with a key among {known}")
        values[key] = _PARSERS[key](key, value)
    return _complete(Fault(**values))  # type: ignore[arg-type]  # values are typed by _PARSERS


_MODEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"echo"), ""),
    (re.compile(r"fail-(?P<status>\d{3})(?:-(?P<times>\d+))?"), "status={status};times={times}"),
    (re.compile(r"slow-(?P<delay>\d+(?:\.\d+)?)"), "delay={delay}"),
    (re.compile(r"drop(?:-(?P<times>\d+))?"), "drop=1;times={times}"),
    (re.compile(r"stream-error-(?P<n>\d+)"), "stream_error_after={n}"),
    (re.compile(r"stream-cut-(?P<n>\d+)"), "stream_cut_after={n}"),
    (re.compile(r"stream-drop-(?P<n>\d+)"), "stream_drop_after={n}"),
    (re.compile(r"stream-stall-(?P<n>\d+)"), "stream_stall_after={n}"),
    (re.compile(r"stream-keepalive-(?P<n>\d+)"), "stream_keepalive_after={n}"),
)


def fault_from_model(model_id: str) -> Fault | None:
    """The fault a `test/...` model name asks for (`test/fail-503-2`); `None` for `test/echo`.

    Raises `FaultSpecError` for a `test/` name that matches no pattern.
    """
    prefix, _, name = model_id.partition("/")
    if prefix != "test":
        raise FaultSpecError(f"{model_id!r} is not a test/ model name")
    for pattern, template in _MODEL_PATTERNS:
        match = pattern.fullmatch(name)
        if match:
            groups = {key: value or "" for key, value in match.groupdict().items()}
            spec = template.format(**groups).removesuffix(";times=")
            return parse_fault(spec) if spec else None
    raise FaultSpecError(f"unknown test model {model_id!r}")
