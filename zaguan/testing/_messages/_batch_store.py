"""The message batches one server holds: what was asked, where each batch stands, its results.

A batch moves on only when it is looked at, so tests never wait and never race a clock: it is
`in_progress` in the answer that creates it (or `canceling` in the answer that cancels it) and
has `ended` for every request that reads it afterwards (get, list, results), which is when its
requests run. Times come from the server's clock. Thread-safe; `CoreXState.reset` replaces it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .._core._errors import ApiError
from .._credits._ledger import format_time

__all__ = ["Batch", "BatchItem", "BatchStore"]

EXPIRY = timedelta(hours=24)
_COUNTS = ("processing", "succeeded", "errored", "canceled", "expired")


@dataclass(frozen=True, slots=True)
class BatchItem:
    custom_id: str
    params: dict[str, Any]
    error: ApiError | None = None  # the params broke the contract: an `errored` result


@dataclass(slots=True)
class Batch:
    id: str
    owner: object  # the ledger of the key that created it: batches are per key
    fingerprint: str
    items: tuple[BatchItem, ...]
    created_at: datetime
    status: str = "in_progress"
    cancel_initiated_at: datetime | None = None
    ended_at: datetime | None = None
    results: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(_COUNTS, 0)
        if self.status != "ended":
            counts["processing"] = len(self.items)
        for line in self.results:
            counts[line["result"]["type"]] += 1
        return counts

    def to_json(self, base_url: str) -> dict[str, Any]:
        def time(moment: datetime | None) -> str | None:
            return None if moment is None else format_time(moment)

        ended = self.status == "ended"
        return {
            "id": self.id,
            "type": "message_batch",
            "processing_status": self.status,
            "request_counts": self.counts(),
            "created_at": time(self.created_at),
            "ended_at": time(self.ended_at),
            "expires_at": time(self.created_at + EXPIRY),
            "cancel_initiated_at": time(self.cancel_initiated_at),
            "archived_at": None,
            "results_url": f"{base_url}/v1/messages/batches/{self.id}/results" if ended else None,
        }


Runner = Callable[[Batch], list[dict[str, Any]]]


class BatchStore:
    """Every batch of one server, oldest first, and the request ids that created them."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._batches: list[Batch] = []
        self._by_request: dict[str, Batch] = {}

    def create(self, request_id: str, make: Callable[[str], Batch]) -> tuple[Batch, bool]:
        """The batch `request_id` created before (a retry), or a new one from `make(id)`;
        and whether it is new."""
        with self._lock:
            existing = self._by_request.get(request_id)
            if existing is not None:
                return existing, False
            batch = make(f"msgbatch_local_{len(self._batches) + 1:06d}")
            self._batches.append(batch)
            self._by_request[request_id] = batch
            return batch, True

    def owned(self, owner: object) -> list[Batch]:
        """The batches of one key, newest first."""
        with self._lock:
            return [batch for batch in reversed(self._batches) if batch.owner is owner]

    def find(self, owner: object, batch_id: str) -> Batch | None:
        with self._lock:
            found = (b for b in self._batches if b.id == batch_id and b.owner is owner)
            return next(found, None)

    def settle(self, batch: Batch, run: Runner, now: datetime) -> None:
        """Run a batch that has not ended: its requests, or none once it is being cancelled."""
        with self._lock:
            if batch.status == "ended":
                return
            if batch.status == "canceling":
                batch.results = [
                    {"custom_id": item.custom_id, "result": {"type": "canceled"}}
                    for item in batch.items
                ]
            else:
                batch.results = run(batch)
            batch.status, batch.ended_at = "ended", now

    def cancel(self, batch: Batch, now: datetime) -> None:
        with self._lock:
            if batch.status == "in_progress":
                batch.status, batch.cancel_initiated_at = "canceling", now
