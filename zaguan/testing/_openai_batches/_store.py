"""The OpenAI batches one server holds: what each was asked, where it stands, what ran.

A batch moves one step each time it is read (get, or a list that shows it), never with the
wall clock, so tests drive it and never race it:

=============  ==================================================================
status         the next read
=============  ==================================================================
validating     checks the input file: ``in_progress``, or ``failed`` with ``errors``
in_progress    runs its lines (all, or the test switch's share): ``finalizing``
finalizing     writes the output and error files: ``completed``
cancelling     writes what finished: ``cancelled``
=============  ==================================================================

Cancelling (`cancel`) acts on a ``validating`` or ``in_progress`` batch only. A batch expires
(``expired``, its files written at once, the lines that never ran in the error file as
``batch_expired``) when a read finds the server's clock past ``expires_at`` (24 hours after
``created_at``) while it is ``validating`` or ``in_progress``, or when the test switch says so.

Test switches, in the batch's ``metadata`` (strings, as metadata are; a bad value is a 400):
``zaguan_test_lines_per_read`` runs that many lines per read while ``in_progress`` (default:
all of them in one read), so a test can see a batch part-way and cancel it there;
``zaguan_test_expire_after`` expires the batch once that many lines have run (``"0"``: before
any). Thread-safe; `CoreXState.reset` replaces the store, ids starting again from
``batch_local_000001``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._core._owned import OwnedStore
from ._input import BatchLine

__all__ = [
    "ACTIVE",
    "EXPIRE_AFTER",
    "LINES_PER_READ",
    "SWITCHES",
    "OpenAIBatch",
    "OpenAIBatchStore",
    "check_switches",
]

WINDOW = 24 * 3600  # seconds: the contract's only `completion_window`, "24h"
LINES_PER_READ = "zaguan_test_lines_per_read"
EXPIRE_AFTER = "zaguan_test_expire_after"
SWITCHES = {LINES_PER_READ: 1, EXPIRE_AFTER: 0}
"""Each test switch and its least value."""
_TIMES = ("in_progress", "finalizing", "completed", "failed", "expired", "cancelling", "cancelled")
ACTIVE = frozenset({"validating", "in_progress"})
"""The statuses a batch can be cancelled, or expire, in."""


@dataclass(slots=True)
class OpenAIBatch:
    id: str
    owner: object  # the ledger of the key that created it: batches are per key
    fingerprint: str
    endpoint: str
    input_file_id: str
    content: bytes  # the input file as it was at creation: deleting the file changes nothing
    metadata: dict[str, str] | None
    created_at: int  # Unix seconds
    status: str = "validating"
    lines: list[BatchLine] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    outputs: list[dict[str, Any]] = field(default_factory=list)  # in the order the lines ran
    output_file_id: str | None = None
    error_file_id: str | None = None
    times: dict[str, int] = field(default_factory=dict)  # "<status>" -> when it got there
    stepping: bool = False  # a read is moving it on: another read answers it as it stands

    @property
    def expires_at(self) -> int:
        return self.created_at + WINDOW

    def switch(self, name: str) -> int | None:
        value = (self.metadata or {}).get(name)
        return None if value is None else int(value)

    def next_lines(self) -> list[BatchLine]:
        """The lines the next read runs (``in_progress``), the test switches applied."""
        start = len(self.outputs)
        count = self.switch(LINES_PER_READ) or len(self.lines)
        expire_after = self.switch(EXPIRE_AFTER)
        if expire_after is not None:
            count = min(count, max(0, expire_after - start))
        return self.lines[start : start + count]

    def expiring(self, now: int) -> bool:
        """Whether the batch must expire now, before running anything more."""
        if self.status not in ACTIVE:
            return False
        expire_after = self.switch(EXPIRE_AFTER)
        ran_enough = expire_after is not None and self.status == "in_progress"
        return now >= self.expires_at or (ran_enough and len(self.outputs) >= (expire_after or 0))

    def move(self, status: str, now: int) -> None:
        self.status = status
        if status in _TIMES:
            self.times[status] = now

    def counts(self) -> dict[str, int]:
        failed = sum(1 for line in self.outputs if line["error"] is not None)
        return {"total": len(self.lines), "completed": len(self.outputs) - failed, "failed": failed}

    def to_json(self) -> dict[str, Any]:
        errors = {"object": "list", "data": self.errors} if self.errors else None
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": self.endpoint,
            "errors": errors,
            "input_file_id": self.input_file_id,
            "completion_window": "24h",
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            **{f"{status}_at": self.times.get(status) for status in _TIMES},
            "request_counts": self.counts(),
            "metadata": self.metadata,
        }


class OpenAIBatchStore(OwnedStore[OpenAIBatch]):
    """Every batch of one server, oldest first, the request ids that created them, and which
    are being moved on."""

    def __init__(self) -> None:
        super().__init__("batch_local_")

    def begin_step(self, batch: OpenAIBatch) -> bool:
        """Claim the right to move `batch` on; False while another read holds it."""
        with self._lock:
            if batch.stepping:
                return False
            batch.stepping = True
            return True

    def end_step(self, batch: OpenAIBatch) -> None:
        with self._lock:
            batch.stepping = False

    def cancel(self, batch: OpenAIBatch, now: int) -> None:
        """``cancelling`` when it is validating or in progress; otherwise unchanged."""
        with self._lock:
            if batch.status in ACTIVE:
                batch.move("cancelling", now)


def check_switches(metadata: Mapping[str, Any] | None) -> str | None:
    """Why the test switches in `metadata` are unreadable (the key at fault first), or None."""
    for name, least in SWITCHES.items():
        value = (metadata or {}).get(name)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) >= least):
            return f"metadata.{name}: must be a whole number of at least {least}, got {value!r}"
    return None
