"""Progress of ``zaguan run`` on stderr: a live bar on a terminal, a JSON line every few seconds
elsewhere; and its summary on stdout.

The bar is our own, some 60 lines: measured with ``python -X importtime`` (best of 10, Python
3.11, 2026-12-06, after ``import zaguan.bulk``), tqdm 4.70 costs 5.5 ms and rich 15's
``rich.progress`` 31 ms of import on top of what the command loads anyway, this module 0.2 ms;
and neither is a dependency of ``zaguan``.
"""

from __future__ import annotations

import json
import shutil
import sys
from typing import TextIO

from ..bulk import Progress

_BAR_INTERVAL = 0.2  # seconds between two redraws of the bar
_LOG_INTERVAL = 5.0  # seconds between two JSON progress lines
_CELLS = "█"
_EMPTY = "░"


class Display:
    """Called with each `Progress` of a run; draws or logs it on ``stream``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.interval = _BAR_INTERVAL if self.live else _LOG_INTERVAL
        """How often the run should call it (``progress_interval``)."""
        self.last: Progress | None = None
        """The latest progress: the summary, once the run has finished."""

    def __call__(self, progress: Progress) -> None:
        self.last = progress
        if self.live:
            end = "\n" if progress.finished else ""
            self.stream.write(f"\r\x1b[K{bar_line(progress, _width(self.stream))}{end}")
        elif not progress.finished:
            self.stream.write(json.dumps(progress_fields(progress)) + "\n")
        self.stream.flush()


def _width(stream: TextIO) -> int:
    return shutil.get_terminal_size().columns if stream.isatty() else 80


def bar_line(progress: Progress, width: int) -> str:
    """One terminal line: a bar, then done/total, failed, rate, credits and ETA."""
    total = progress.total
    share = progress.done / total if total else 1.0
    parts = [
        f"{progress.done:,}/{total:,}",
        f"{share:4.0%}",
        f"{progress.failed:,} failed",
        f"{progress.rate:,.1f}/s",
        f"{credits_text(progress.credits)} credits",
        f"ETA {duration(progress.eta)}" if not progress.finished else duration(progress.elapsed),
    ]
    text = "  ".join(parts)
    cells = max(width - len(text) - 3, 0)
    if cells < 10:
        return text[: max(width - 1, 0)]
    filled = round(cells * share)
    return f"{_CELLS * filled}{_EMPTY * (cells - filled)}  {text}"


def progress_fields(progress: Progress) -> dict[str, object]:
    """The progress as one JSON object (a line on stderr where there is no terminal)."""
    return {
        "event": "summary" if progress.finished else "progress",
        "total": progress.total,
        "done": progress.done,
        "failed": progress.failed,
        "in_flight": progress.in_flight,
        "skipped": progress.skipped,
        "credits": progress.credits,
        "elapsed_s": round(progress.elapsed, 3),
        "rate_per_s": round(progress.rate, 3),
        "eta_s": None if progress.eta is None else round(progress.eta, 1),
    }


def summary_fields(progress: Progress) -> dict[str, object]:
    """The summary as JSON (``--json``): the progress, by status and error, why it stopped."""
    return {
        **progress_fields(progress),
        "succeeded": progress.succeeded,
        "by_status": {str(status): n for status, n in sorted(progress.by_status.items())},
        "by_error": dict(sorted(progress.by_error.items())),
        "stopped": progress.stopped,
    }


def summary_lines(progress: Progress) -> list[str]:
    """The summary for people: counts, by status and error class, credits, time and rate."""
    lines = [
        f"{progress.done:,} of {progress.total:,} lines written in {duration(progress.elapsed)} "
        f"({progress.rate * 60:,.0f}/min): {progress.succeeded:,} succeeded, "
        f"{progress.failed:,} failed",
    ]
    if progress.skipped:
        lines.append(f"{progress.skipped:,} lines were written by the run before (resumed)")
    if progress.by_status:
        statuses = ", ".join(f"{s}: {n:,}" for s, n in sorted(progress.by_status.items()))
        lines.append(f"by status: {statuses}")
    if progress.by_error:
        errors = ", ".join(f"{e}: {n:,}" for e, n in sorted(progress.by_error.items()))
        lines.append(f"by error: {errors}")
    lines.append(f"credits: {credits_text(progress.credits)}")
    return lines


def credits_text(credits: float) -> str:
    return f"{credits:,.0f}" if credits == int(credits) else f"{credits:,.2f}"


def duration(seconds: float | None) -> str:
    """``12.3 s``, ``4:05`` or ``1:02:03``; ``-`` for None."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
