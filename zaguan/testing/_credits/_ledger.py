"""The credits ledger of one API key: debits keyed by request id, never twice for one id.

Thread-safe: the server's event loop writes while test code reads from its own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

__all__ = [
    "Clock",
    "Entry",
    "InsufficientCreditsError",
    "Ledger",
    "RequestIdConflictError",
    "Spend",
    "format_time",
    "system_clock",
]

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The default clock: the current time in UTC."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with a `Z`, to the second: `2025-01-01T00:00:00Z`."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class InsufficientCreditsError(Exception):
    """The key has fewer credits left than the request needs."""

    def __init__(self, required: int, remaining: int) -> None:
        super().__init__(f"{required} credits required, {remaining} remaining")
        self.required = required
        self.remaining = remaining


class RequestIdConflictError(Exception):
    """The request id was already charged for a request with another body."""


@dataclass(frozen=True, slots=True)
class Spend:
    """What one chat attempt used, as the app measured it."""

    model: str
    provider: str
    band: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int | None = None
    credits: int = 0
    cost: float = 0.0
    latency_ms: int = 0


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the credits history (`GET /v1/credits/history`)."""

    seq: int
    timestamp: datetime
    request_id: str
    spend: Spend
    status: str = "success"
    error_message: str | None = None
    #: Credits left right after this entry; the request's `promptshield` reports it.
    balance_after: int = 0
    fingerprint: str = field(default="", repr=False)

    @property
    def id(self) -> str:
        return f"ent_{self.seq:06d}"

    @property
    def credits_debited(self) -> int:
        return self.spend.credits if self.status == "success" else 0

    @property
    def total_tokens(self) -> int:
        return self.spend.prompt_tokens + self.spend.completion_tokens

    def to_json(self) -> dict[str, object]:
        spend = self.spend
        body: dict[str, object] = {
            "id": self.id,
            "timestamp": format_time(self.timestamp),
            "request_id": self.request_id,
            "model": spend.model,
            "provider": spend.provider,
            "band": spend.band,
            "prompt_tokens": spend.prompt_tokens,
            "completion_tokens": spend.completion_tokens,
            "total_tokens": self.total_tokens,
            "credits_debited": self.credits_debited,
            "cost": spend.cost,
            "latency_ms": spend.latency_ms,
            "status": self.status,
            "error_message": self.error_message,
        }
        if spend.reasoning_tokens is not None:
            body["reasoning_tokens"] = spend.reasoning_tokens
        return body


class Ledger:
    """The credits account of one API key.

    `entries` is the history, oldest first; `charges_for(request_id)` the debits of one request
    id (at most one: a retry with the same id is recognised and not charged again).
    """

    def __init__(self, credits_total: int, tier: str, clock: Clock = system_clock) -> None:
        self.credits_total = credits_total
        self.tier = tier
        self.clock = clock
        self._lock = threading.Lock()
        self._entries: list[Entry] = []
        self._charged: dict[str, Entry] = {}
        self._used = 0

    def __repr__(self) -> str:
        return f"Ledger(tier={self.tier!r}, balance={self.balance}/{self.credits_total})"

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every recorded attempt, oldest first: successes and failures."""
        with self._lock:
            return tuple(self._entries)

    @property
    def credits_used(self) -> int:
        with self._lock:
            return self._used

    @property
    def balance(self) -> int:
        """Credits remaining."""
        return self.credits_total - self.credits_used

    def charges_for(self, request_id: str) -> tuple[Entry, ...]:
        """The debits recorded under `request_id`: one after a success, however many retries."""
        with self._lock:
            entries = self._entries
            return tuple(e for e in entries if e.request_id == request_id and e.status == "success")

    def charged(self, request_id: str, fingerprint: str) -> Entry | None:
        """The success already recorded for `request_id`, if any.

        Raises `RequestIdConflictError` when it was recorded for a request with another body.
        """
        with self._lock:
            entry = self._charged.get(request_id)
        if entry is not None and entry.fingerprint != fingerprint:
            raise RequestIdConflictError(request_id)
        return entry

    def ensure_affordable(self, credits: int) -> None:
        """Raise `InsufficientCreditsError` unless `credits` are left."""
        remaining = self.balance
        if credits > remaining:
            raise InsufficientCreditsError(credits, remaining)

    def debit(self, request_id: str, spend: Spend, fingerprint: str) -> Entry:
        """Charge a success once per request id; a repeat returns the first entry unchanged."""
        with self._lock:
            existing = self._charged.get(request_id)
            if existing is not None:
                if existing.fingerprint != fingerprint:
                    raise RequestIdConflictError(request_id)
                return existing
            remaining = self.credits_total - self._used
            if spend.credits > remaining:
                raise InsufficientCreditsError(spend.credits, remaining)
            self._used += spend.credits
            entry = self._append(request_id, spend, "success", None, fingerprint)
            self._charged[request_id] = entry
            return entry

    def record_failure(self, request_id: str, spend: Spend, status: str, message: str) -> Entry:
        """Record a failed attempt (`error` or `rate_limited`), debiting nothing."""
        with self._lock:
            return self._append(request_id, spend, status, message, "")

    def _append(
        self, request_id: str, spend: Spend, status: str, message: str | None, fingerprint: str
    ) -> Entry:
        entry = Entry(
            seq=len(self._entries) + 1,
            timestamp=self.clock(),
            request_id=request_id,
            spend=spend,
            status=status,
            error_message=message,
            balance_after=self.credits_total - self._used,
            fingerprint=fingerprint,
        )
        self._entries.append(entry)
        return entry

    # ------------------------------------------------------------------ reports

    def reset_date(self) -> str:
        """Credits reset on the first day of next month (UTC)."""
        now = self.clock().astimezone(UTC)
        year, month = (now.year + 1, 1) if now.month == 12 else (now.year, now.month + 1)
        return format_time(datetime(year, month, 1, tzinfo=UTC))

    def account_json(self, remaining: int) -> dict[str, object]:
        """The fields shared by the balance and a `promptshield`, for `remaining` credits."""
        total = self.credits_total
        low = remaining < total / 10
        return {
            "credits_remaining": remaining,
            "credits_total": total,
            "credits_percent": round(100 * remaining / total, 3) if total else 0.0,
            "reset_date": self.reset_date(),
            "warning": f"Credits running low: {remaining} of {total} left" if low else None,
        }

    def balance_json(self, bands: tuple[str, ...]) -> dict[str, object]:
        used = self.credits_used
        body = self.account_json(self.credits_total - used)
        return {**body, "credits_used": used, "tier": self.tier, "bands": list(bands)}

    def promptshield_json(self, entry: Entry) -> dict[str, object]:
        return {"credits_used": entry.credits_debited, **self.account_json(entry.balance_after)}
