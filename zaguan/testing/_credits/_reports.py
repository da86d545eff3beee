"""Credits history pages and usage statistics, computed from a ledger's entries (pure).

The query was checked against the contract (types, bounds, enums, date formats) before these
run; what is left here is what a schema cannot say: a cursor this server made, a start before the
end.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from .._core._errors import ApiError, bad_request
from ._ledger import Entry

__all__ = ["history_json", "stats_json"]

_DEFAULT_LIMIT = 20
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
_FILTERS = ("model", "provider", "band", "status")


def _day(entry: Entry) -> date:
    return entry.timestamp.astimezone(UTC).date()


def _parse_date(query: Mapping[str, str], param: str) -> date | None:
    # The contract's `format: date` was checked before the handler ran.
    value = query.get(param)
    return None if value is None else date.fromisoformat(value)


def _encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, seq = raw.partition(":")
        if prefix == "seq" and seq.isdigit():
            return int(seq)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise bad_request("cursor", "'cursor' is not a cursor this server returned")


def _parse_limit(query: Mapping[str, str]) -> int:
    # An integer in the contract's bounds: checked before the handler ran.
    return int(query.get("limit", _DEFAULT_LIMIT))


@dataclass(frozen=True, slots=True)
class _Window:
    start: date | None
    end: date | None

    def __contains__(self, entry: object) -> bool:
        assert isinstance(entry, Entry)
        day = _day(entry)
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _window(query: Mapping[str, str]) -> _Window:
    window = _Window(_parse_date(query, "start_date"), _parse_date(query, "end_date"))
    if window.start and window.end and window.start > window.end:
        raise bad_request("start_date", "'start_date' must not be after 'end_date'")
    return window


def _field(entry: Entry, name: str) -> str:
    return entry.status if name == "status" else str(getattr(entry.spend, name))


def history_json(entries: Sequence[Entry], query: Mapping[str, str]) -> dict[str, object]:
    """One page of history, newest first; `cursor` continues after the last entry it saw."""
    limit = _parse_limit(query)
    window = _window(query)
    after = _decode_cursor(query["cursor"]) if "cursor" in query else None
    wanted = {name: query[name] for name in _FILTERS if name in query}
    matching = [
        entry
        for entry in reversed(entries)
        if entry in window and all(_field(entry, k) == v for k, v in wanted.items())
    ]
    rest = [entry for entry in matching if after is None or entry.seq < after]
    page = rest[:limit]
    has_more = len(rest) > limit
    return {
        "entries": [entry.to_json() for entry in page],
        "total": len(matching),
        "has_more": has_more,
        "next_cursor": _encode_cursor(page[-1].seq) if has_more else None,
    }


def _aggregate(entries: Iterable[Entry]) -> dict[str, object]:
    chosen = list(entries)
    return {
        "credits_used": sum(e.credits_debited for e in chosen),
        "requests": len(chosen),
        "tokens": sum(e.total_tokens for e in chosen),
        "cost": round(sum(e.spend.cost for e in chosen), 10),
    }


def _group(entries: Sequence[Entry], key: str) -> dict[str, object]:
    names = sorted({str(getattr(e.spend, key)) for e in entries})
    return {name: _aggregate(e for e in entries if getattr(e.spend, key) == name) for name in names}


def _by_day(entries: Sequence[Entry]) -> list[dict[str, object]]:
    days = sorted({_day(e) for e in entries})
    rows = ((day, _aggregate(e for e in entries if _day(e) == day)) for day in days)
    return [
        {"date": day.isoformat(), **{k: v for k, v in row.items() if k != "cost"}}
        for day, row in rows
    ]


def stats_json(
    entries: Sequence[Entry], query: Mapping[str, str], now: datetime
) -> dict[str, object]:
    """Usage over `period` (day, week or month, ending today) or `start_date`..`end_date`."""
    period = query.get("period", "month")
    if period not in _PERIOD_DAYS:  # in the contract's enum (checked), but new to this server
        raise ApiError(422, f"'period' {period!r} is not served by this server", param="period")
    window = _window(query)
    # Without `end_date` the window ends today, or on `start_date` if that is later.
    end = window.end or max(now.astimezone(UTC).date(), window.start or date.min)
    span = timedelta(days=_PERIOD_DAYS[period] - 1)
    start = window.start or (end - span if end - date.min > span else date.min)
    chosen = [e for e in entries if e in _Window(start, end)]
    totals = _aggregate(chosen)
    latency = sum(e.spend.latency_ms for e in chosen) / len(chosen) if chosen else 0.0
    return {
        "period": period,
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "total_credits_used": totals["credits_used"],
        "total_requests": totals["requests"],
        "total_tokens": totals["tokens"],
        "total_cost": totals["cost"],
        "average_latency_ms": round(latency, 3),
        "by_provider": _group(chosen, "provider"),
        "by_model": _group(chosen, "model"),
        "by_band": _group(chosen, "band"),
        "by_day": _by_day(chosen),
    }
