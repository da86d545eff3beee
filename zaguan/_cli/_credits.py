"""``zaguan credits balance|history|stats``: the key's credits."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Mapping
from itertools import islice
from typing import Any

from .._client import ZaguanClient
from ._connect import client
from ._output import emit_json, fields, pick, table

_BALANCE = ("tier", "credits_remaining", "credits_total", "credits_used", "credits_percent",
            "bands", "reset_date", "warning")  # fmt: skip
_HISTORY = {
    "TIME": "timestamp",
    "MODEL": "model",
    "STATUS": "status",
    "TOKENS": "total_tokens",
    "CREDITS": "credits_debited",
    "REQUEST ID": "request_id",
}
_STATS = ("period", "start_date", "end_date", "total_requests", "total_credits_used",
          "total_tokens", "total_cost", "average_latency_ms")  # fmt: skip
_BY_MODEL = {"REQUESTS": "requests", "TOKENS": "tokens", "CREDITS": "credits_used", "COST": "cost"}
_PAGE_MAX = 100  # the contract's bound on a history page's `limit`


def run(args: Namespace) -> int:
    """Print the balance, the history (page after page) or the stats."""
    with client(args) as zaguan:
        data = _read(zaguan, args)
    if args.json:
        emit_json(data)
    elif args.what == "history":
        table(_HISTORY, (pick(entry, _HISTORY.values()) for entry in data))
    elif args.what == "stats":
        _stats(data)
    else:
        fields(data, _BALANCE)
    return 0


def _read(zaguan: ZaguanClient, args: Namespace) -> Any:
    if args.what == "balance":
        return zaguan.get_credits_balance().to_dict()
    dates = _given({"start_date": args.since, "end_date": args.until})
    if args.what == "stats":
        return zaguan.get_credits_stats(**dates, **_given({"period": args.period})).to_dict()
    filters = _given({key: getattr(args, key) for key in ("model", "provider", "band", "status")})
    if args.all:
        entries = zaguan.iter_credits_history(**dates, **filters, limit=_PAGE_MAX)
        return [entry.to_dict() for entry in entries]
    pages = zaguan.iter_credits_history(**dates, **filters, limit=min(args.limit, _PAGE_MAX))
    return [entry.to_dict() for entry in islice(pages, args.limit)]


def _given(options: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in options.items() if value is not None}


def _stats(stats: Mapping[str, Any]) -> None:
    fields(stats, _STATS)
    by_model = stats.get("by_model")
    if isinstance(by_model, Mapping) and by_model:
        print()
        rows = ([model, *pick(usage, _BY_MODEL.values())] for model, usage in by_model.items())
        table(("MODEL", *_BY_MODEL), rows)
