"""Reading a bulk input file as a stream of lines, and the pass that checks it before a run.

The file is read line by line, in blocks, never whole: a million lines take the memory of
one. The checking pass reads it once before anything is sent, so that a bad line (not JSON,
a missing field, a repeated ``custom_id``, ...) stops the run before its first request, with
the line numbers; the same pass counts the lines (the progress bar's total) and takes the
file's SHA-256 (how ``--resume`` knows the input is the one the run started with).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator, Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from .._errors import BulkInputError
from ._lines import MAX_LINE_BYTES, Line, is_blank, parse_line

__all__ = ["InputFacts", "check_input", "read_lines"]

MAX_PROBLEMS: Final = 10
"""Bad lines reported before the checking pass gives up."""
_BLOCK: Final = 1 << 20


def _raw_lines(
    file: BinaryIO, max_bytes: int, digest: hashlib._Hash | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for each line of ``file``, from 1; the line is None when it is longer
    than ``max_bytes`` (its bytes are read past, not kept). ``digest`` sees every byte."""
    number = 0
    while True:
        raw = file.readline(max_bytes + 2)  # room for "\r\n"
        if not raw:
            return
        number += 1
        if digest is not None:
            digest.update(raw)
        if raw.endswith(b"\n") or len(raw) < max_bytes + 2:
            yield number, raw
            continue
        while raw and not raw.endswith(b"\n"):  # the rest of an overlong line
            raw = file.readline(_BLOCK)
            if digest is not None:
                digest.update(raw)
        yield number, None


def read_lines(
    path: Path, endpoint: str | None = None, *, max_line_bytes: int = MAX_LINE_BYTES
) -> Generator[Line, None, None]:
    """Every `Line` of the file at ``path``, read as they are needed (see `parse_line`; blank
    lines are skipped); `BulkInputError` at the first bad line."""
    with path.open("rb", buffering=_BLOCK) as file:
        for number, raw in _raw_lines(file, max_line_bytes):
            if raw is None:
                raise BulkInputError([(number, _too_long(max_line_bytes))], where=str(path))
            if is_blank(raw):
                continue
            try:
                yield parse_line(raw, number, endpoint)
            except BulkInputError as exc:
                raise BulkInputError(exc.problems, where=str(path)) from None


@dataclass(frozen=True, slots=True)
class InputFacts:
    """What the checking pass learnt of an input file."""

    lines: int
    """Request lines (every line of a valid file but blank ones)."""
    size: int
    sha256: str
    done: int
    """Lines whose ``custom_id`` is in the ``done`` set given to `check_input`."""


def check_input(
    path: Path,
    endpoint: str | None = None,
    *,
    done: Set[str] = frozenset(),
    unique: bool = True,
    max_line_bytes: int = MAX_LINE_BYTES,
    each: Callable[[Line], None] | None = None,
) -> InputFacts:
    """Read the file at ``path`` once, checking every line; `BulkInputError` lists the first
    `MAX_PROBLEMS` bad ones. ``done``: ``custom_id`` s already answered (``--resume``), of
    which `InputFacts.done` counts those in the file. ``unique``: check that no ``custom_id``
    repeats (a set of them all: a resumed run, whose file was checked when the run began and
    must have the same SHA-256, leaves it out and keeps that memory for ``done``). ``each``:
    a further check of every good line, raising `BulkInputError` (a server-side batch's
    limits)."""
    check = _Check(endpoint, done, unique, each)
    digest = hashlib.sha256()
    with path.open("rb", buffering=_BLOCK) as file:
        for number, raw in _raw_lines(file, max_line_bytes, digest):
            check.line(number, raw, max_line_bytes)
            if len(check.problems) >= MAX_PROBLEMS:
                check.problems.append((None, f"stopped checking after {MAX_PROBLEMS} bad lines"))
                break
        size = file.tell()
    if check.problems:
        raise BulkInputError(check.problems, where=str(path))
    return InputFacts(check.lines, size, digest.hexdigest(), check.found)


class _Check:
    """The checking pass's findings so far."""

    def __init__(
        self,
        endpoint: str | None,
        done: Set[str],
        unique: bool,
        each: Callable[[Line], None] | None,
    ) -> None:
        self.endpoint, self.done, self.unique, self.each = endpoint, done, unique, each
        self.problems: list[tuple[int | None, str]] = []
        self.seen: set[str] = set()
        self.lines = self.found = 0

    def line(self, number: int, raw: bytes | None, max_line_bytes: int) -> None:
        if raw is not None and is_blank(raw):
            return
        self.lines += 1
        if raw is None:
            self.problems.append((number, _too_long(max_line_bytes)))
            return
        try:
            line = parse_line(raw, number, self.endpoint)
            if self.each is not None:
                self.each(line)
        except BulkInputError as exc:
            self.problems.extend(exc.problems)
            return
        custom_id = line.custom_id
        if self.unique:
            if custom_id in self.seen:
                problem = f"custom_id {custom_id!r} is on an earlier line too"
                self.problems.append((number, problem))
                return
            self.seen.add(custom_id)
        self.found += custom_id in self.done


def _too_long(max_bytes: int) -> str:
    return f"longer than {max_bytes:,} bytes, the longest line a run reads"
