"""What a run keeps next to its output so that ``--resume`` can carry on: a small state file.

``OUTPUT.zaguan-run.json`` holds the run's id (every request id of the run derives from it),
the input file it started with (path, size, SHA-256) and its endpoint. It is written, whole and
atomically, before the first line is sent, and never changes after. The output file itself
stays pure Batch API output, any tool reads it; ``--resume`` reads it back (`scan_output`) to
learn which lines are done, and refuses when the two disagree: an output line whose request id
is not of this run, a ``custom_id`` written twice, or not in the input.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from .._errors import BulkInputError

try:
    import fcntl
except ImportError:  # Windows: no lock, as with any tool that writes a file there
    fcntl = None  # type: ignore[assignment]
from ._input import InputFacts
from ._records import read_record

__all__ = [
    "OutputFacts",
    "RunState",
    "load_state",
    "lock_state",
    "release",
    "save_state",
    "scan_output",
    "state_path",
]  # fmt: skip

STATE_SUFFIX: Final = ".zaguan-run.json"
_FORMAT: Final = "zaguan-bulk-run/1"


def state_path(output: Path) -> Path:
    """Where the state of the run writing ``output`` lives: beside it, its name plus
    ``.zaguan-run.json``."""
    return output.with_name(output.name + STATE_SUFFIX)


@dataclass(frozen=True, slots=True)
class RunState:
    """The facts of a run that ``--resume`` must find unchanged."""

    run_id: str
    input: str
    """The input file's absolute path, when the run started."""
    input_size: int
    input_sha256: str
    endpoint: str | None
    """The endpoint path bare bodies go to (None: the input has only request lines)."""

    def mismatch(self, facts: InputFacts, input_path: Path) -> str | None:
        """Why the input checked as ``facts`` is not the one this run started with."""
        if facts.sha256 == self.input_sha256:
            return None
        now, then = (
            _describe(facts.size, facts.sha256),
            _describe(self.input_size, self.input_sha256),
        )
        return (
            f"{input_path} is not the input this run started with ({self.input}): "
            f"{now} now, {then} then"
        )


def _describe(size: int, sha256: str) -> str:
    return f"{size:,} bytes, sha256 {sha256[:12]}..."


def save_state(state: RunState, path: Path) -> int | None:
    """Write ``state`` to ``path``, whole or not at all (a crash leaves no half file) and only
    if no file is there (another run starting at the same moment); the file descriptor that
    holds the run's lock on it (`lock_state`), to close when the run ends."""
    data = json.dumps({"format": _FORMAT, **asdict(state)}, indent=2).encode() + b"\n"
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    try:
        lock = lock_state(temporary)  # locked before it has its name: no one else gets it
        try:
            os.link(temporary, path)  # fails if the name is taken, unlike a rename
        except FileExistsError:
            release(lock)
            raise BulkInputError([(None, f"{path} exists: another run started")]) from None
    finally:
        temporary.unlink()
    return lock


def lock_state(path: Path) -> int | None:
    """An exclusive lock on the state file at ``path``, held while the run writes its output,
    so that a second ``--resume`` of the same run refuses instead of writing lines twice; the
    descriptor holding it (None where the system has no ``flock``)."""
    if fcntl is None:  # Windows
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise BulkInputError(
            [(None, f"another run is writing this output now (it holds {path}); wait for it")]
        ) from None
    return fd


def release(lock: int | None) -> None:
    if lock is not None:
        os.close(lock)


def load_state(path: Path) -> RunState:
    """The state saved at ``path``; `BulkInputError` when it is missing or unreadable."""
    try:
        data: Any = json.loads(path.read_bytes())
        if data.pop("format") != _FORMAT:
            raise ValueError("unknown format")
        return RunState(**data)
    except FileNotFoundError:
        raise BulkInputError(
            [(None, f"--resume: no run to resume, {path} is missing (start a new run instead)")]
        ) from None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BulkInputError([(None, f"{path} is not the state of a run: {exc}")]) from None


@dataclass(frozen=True, slots=True)
class OutputFacts:
    """What the output of an interrupted run holds."""

    done: set[str]
    """The ``custom_id`` of every line written."""
    credits: float
    """The credits its answers report."""
    keep: int
    """Bytes of whole lines: a last line cut short by a crash starts here and is dropped."""


def scan_output(path: Path, run_id: str) -> OutputFacts:
    """Read the output of run ``run_id`` at ``path`` (missing: nothing done yet);
    `BulkInputError` when a line is not a result line of this run."""
    done: set[str] = set()
    credits, keep, number = 0.0, 0, 0
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return OutputFacts(done, 0.0, 0)
    with file:
        for raw in file:
            number += 1
            if not raw.endswith(b"\n"):  # cut short by a crash: to be written again
                break
            problem, custom_id, debit = _read(raw, run_id, done)
            if problem:
                raise BulkInputError([(number, problem)], where=str(path))
            done.add(custom_id)
            credits += debit
            keep += len(raw)
    return OutputFacts(done, credits, keep)


def _read(raw: bytes, run_id: str, done: set[str]) -> tuple[str, str, float]:
    """``(problem, custom_id, credits)`` of one output line; ``problem`` is "" when it is a
    line of this run."""
    try:
        record = read_record(raw)
    except (ValueError, RecursionError) as exc:
        return f"not a result line ({exc})", "", 0.0
    if record.request_id is not None and not record.request_id.startswith(f"{run_id}:"):
        return (
            f"written by another run (request id {record.request_id!r}; this run's start with "
            f"{run_id + ':'!r})",
            "",
            0.0,
        )
    if record.custom_id in done:
        return f"custom_id {record.custom_id!r} is on an earlier line too", "", 0.0
    return "", record.custom_id, record.credits
