"""How far a bulk run is: the counters the runner keeps, and the `Progress` it reports."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = ["Progress", "StopReason", "Tally"]

StopReason = Literal["stopped", "abandoned", "max_credits", "error"]
"""Why a run ended before its last line: ``stopped`` (asked to, e.g. a first Ctrl-C: the lines
in flight were finished), ``abandoned`` (cancelled, e.g. a second Ctrl-C: the lines in flight
were dropped), ``max_credits`` (its budget is spent), ``error`` (CoreX refused the key or the
credits, or could not be reached)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """A bulk run's progress; the last one, ``finished``, is its summary.

    Counts are of this invocation, but ``skipped`` (the lines an earlier, interrupted one
    wrote, left alone by ``resume=True``) and ``credits``, which is the whole run's.
    """

    total: int
    """The lines to send: the input's, less those already in the output."""
    done: int = 0
    """Lines written to the output, successes and failures."""
    failed: int = 0
    """Lines written with an error."""
    in_flight: int = 0
    skipped: int = 0
    credits: float = 0.0
    """Credits the answers report (``promptshield.credits_used``), the resumed parts too, and
    answers not written (a run stopped in ordered mode, or by an error, holds some)."""
    elapsed: float = 0.0
    """Seconds since the run started sending."""
    by_status: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))
    """Lines written per HTTP status of their answer (lines without one are not counted)."""
    by_error: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    """Failed lines per error class (``"BadRequestError"``, ``"APITimeoutError"``, ...)."""
    stopped: StopReason | None = None
    """Why the run ended early; None while it runs and when it did every line."""
    finished: bool = False

    @property
    def succeeded(self) -> int:
        return self.done - self.failed

    @property
    def rate(self) -> float:
        """Lines written per second, so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far (None before a first line is done)."""
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None


class Tally:
    """The counters behind `Progress`, updated by the runner as lines end."""

    def __init__(self, total: int, skipped: int, credits: float) -> None:
        self.total, self.skipped, self.credits = total, skipped, credits
        self.done = self.failed = self.in_flight = 0
        self.by_status: Counter[int] = Counter()
        self.by_error: Counter[str] = Counter()
        self.started = time.monotonic()

    def written(self, status: int | None, error: str | None) -> None:
        """Count one line written."""
        self.done += 1
        if status is not None:
            self.by_status[status] += 1
        if error is not None:
            self.failed += 1
            self.by_error[error] += 1

    def snapshot(self, stopped: StopReason | None = None, *, finished: bool = False) -> Progress:
        return Progress(
            self.total, self.done, self.failed, self.in_flight, self.skipped, self.credits,
            time.monotonic() - self.started, MappingProxyType(dict(self.by_status)),
            MappingProxyType(dict(self.by_error)), stopped, finished,
        )  # fmt: skip
