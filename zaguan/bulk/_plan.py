"""Before a bulk run sends anything: its options checked, its files checked, its state saved
(a new run) or read back with the output (``resume=True``). Blocking I/O, no network."""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NoReturn

from .._config import check_seconds
from .._errors import BulkInputError, ConfigurationError, RequestValidationError
from .._request import check_request_id
from ._input import check_input
from ._lines import MAX_LINE_BYTES, endpoint_url
from ._state import (
    RunState,
    load_state,
    lock_state,
    release,
    save_state,
    scan_output,
    state_path,
)

__all__ = [
    "DEFAULT_CONCURRENCY",
    "MAX_CONCURRENCY",
    "PROGRESS_INTERVAL",
    "Plan",
    "Settings",
    "plan_run",
]

DEFAULT_CONCURRENCY: Final = 32
PROGRESS_INTERVAL: Final = 1.0
MAX_CONCURRENCY: Final = 1000
"""One connection per line in flight: more would run into the usual limit of 1,024 open files."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How a run sends: checked once, before anything else."""

    concurrency: int = DEFAULT_CONCURRENCY
    ordered: bool = False
    max_credits: float | None = None
    deadline: float | None = None
    progress_interval: float = PROGRESS_INTERVAL

    def __post_init__(self) -> None:
        concurrency = self.concurrency
        if isinstance(concurrency, bool) or not isinstance(concurrency, int):
            _bad(f"concurrency must be a whole number, got {concurrency!r}")
        if not 1 <= concurrency <= MAX_CONCURRENCY:
            _bad(f"concurrency must be from 1 to {MAX_CONCURRENCY:,}, got {concurrency}")
        credits = self.max_credits
        if credits is not None and (
            isinstance(credits, bool)
            or not isinstance(credits, int | float)
            or not 0 <= credits < math.inf
        ):
            _bad(f"max_credits must be a finite number >= 0 or None, got {credits!r}")
        try:
            check_seconds(self.deadline, "deadline")
            check_seconds(self.progress_interval, "progress_interval")
        except ConfigurationError as exc:
            _bad(str(exc))
        if not isinstance(self.ordered, bool):
            _bad(f"ordered must be True or False, got {self.ordered!r}")


def _bad(text: str) -> NoReturn:
    raise BulkInputError([(None, text)])


@dataclass(frozen=True, slots=True)
class Plan:
    """What a run is to do, once its files are checked."""

    input: Path
    output: Path
    run_id: str
    endpoint: str | None
    done: Set[str]
    """The ``custom_id`` s already in the output (``resume=True``), not to send again."""
    total: int
    """The lines to send."""
    credits: float
    """Credits the lines already done report."""
    max_line_bytes: int = MAX_LINE_BYTES
    lock: int | None = None
    """The descriptor holding the run's lock (`lock_state`): `release` it when the run ends."""

    def release(self) -> None:
        release(self.lock)


def new_run_id() -> str:
    """A fresh run id: every request id of the run derives from it."""
    return f"bulk_{uuid.uuid4().hex}"


def plan_run(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    endpoint: str | None = None,
    resume: bool = False,
    run_id: str | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Plan:
    """Check the files and start the run's state (or read it back, with ``resume``);
    `BulkInputError` for anything that stops the run before it sends."""
    source, target = _paths(input, output)
    url = None if endpoint is None else endpoint_url(endpoint)
    state_file = state_path(target)
    if resume:
        return _resumed(source, target, url, run_id, max_line_bytes)
    for existing in (target, state_file):
        if existing.exists():
            _bad(f"{existing} exists: resume=True (--resume) carries on its run; or choose "
                 "another output")  # fmt: skip
    if run_id is not None:
        try:
            check_request_id(run_id)
        except RequestValidationError as exc:
            _bad(f"run_id: {exc}")
    run_id = run_id or new_run_id()
    facts = check_input(source, url, max_line_bytes=max_line_bytes)
    state = RunState(run_id, str(source.resolve()), facts.size, facts.sha256, url)
    lock = save_state(state, state_file)
    return Plan(source, target, run_id, url, frozenset(), facts.lines, 0.0, max_line_bytes, lock)


def _resumed(
    source: Path, target: Path, url: str | None, run_id: str | None, max_line_bytes: int
) -> Plan:
    state_file = state_path(target)
    if not state_file.exists() and target.exists():
        _bad(f"--resume: {target} has no run state ({state_file.name} is missing): it was not "
             "written by a bulk run, or its state was deleted")  # fmt: skip
    state = load_state(state_file)
    lock = lock_state(state_file)  # before the output is read: its writer may still run
    try:
        if url is not None and url != state.endpoint:
            _bad(f"--resume: endpoint {url} now, {state.endpoint or 'none'} when the run started")
        if run_id is not None and run_id != state.run_id:
            _bad(f"--resume: run_id {run_id!r} now, {state.run_id!r} when the run started")
        written = scan_output(target, state.run_id)
        facts = check_input(
            source, state.endpoint, done=written.done, unique=False, max_line_bytes=max_line_bytes
        )
        mismatch = state.mismatch(facts, source)
        if mismatch:
            _bad(f"--resume: {mismatch}")
        if facts.done < len(written.done):
            missing = len(written.done) - facts.done
            _bad(f"--resume: {missing} custom_id(s) of {target} are not in {source}")
        if target.exists() and target.stat().st_size > written.keep:
            os.truncate(target, written.keep)  # a line cut short by a crash: it is sent again
    except BaseException:
        release(lock)
        raise
    return Plan(
        source, target, state.run_id, state.endpoint, written.done, facts.lines - facts.done,
        written.credits, max_line_bytes, lock,
    )  # fmt: skip


def _paths(input: str | os.PathLike[str], output: str | os.PathLike[str]) -> tuple[Path, Path]:
    source, target = Path(input), Path(output)
    if source.is_dir():
        _bad(f"the input {source} is a directory, not a file")
    try:
        with source.open("rb"):
            pass
    except OSError as exc:
        _bad(f"cannot read the input: {exc}")
    if not source.is_file():
        _bad(f"the input {source} is not a regular file (it is read twice: checked, then sent)")
    if target.is_dir():
        _bad(f"the output {target} is a directory, not a file")
    folder = target.parent
    if not folder.is_dir():
        _bad(f"the output's folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        _bad(f"cannot write to the output's folder {folder}")
    for written in (target, state_path(target)):
        if written.resolve() == source.resolve() or (written.exists() and written.samefile(source)):
            _bad(f"the output {written} is the input: choose another file")
    return source, target
