"""``zaguan models`` and ``zaguan capabilities``: what the key can use, and what it can do."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Mapping
from typing import Any

from ._connect import client
from ._errors import CommandError
from ._output import emit_json, fields, pick, table

_CAPABILITY_COLUMNS = {
    "MODEL": "model_id",
    "CONTEXT": "max_context_tokens",
    "TOOLS": "supports_tools",
    "VISION": "supports_vision",
    "REASONING": "supports_reasoning",
    "STREAMING": "supports_streaming",
    "IN $/1M": "input_cost_per_1m",
    "OUT $/1M": "output_cost_per_1m",
}


def run(args: Namespace) -> int:
    """List models (``--provider``) or capabilities (one ``model`` in full)."""
    with client(args) as zaguan:
        found = zaguan.list_models() if args.what == "models" else zaguan.get_capabilities()
    rows = [item.to_dict() for item in found]
    if args.what == "models":
        _models([row for row in rows if args.provider in (None, provider_of(row))], args.json)
    else:
        _capabilities(rows, args.model, args.json)
    return 0


def provider_of(model: Mapping[str, Any]) -> str | None:
    """The provider of a model: its id's prefix (``openai/gpt-4o-mini``), else ``owned_by``."""
    prefix, slash, _ = str(model.get("id", "")).partition("/")
    return prefix if slash else model.get("owned_by")


def _models(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    table(
        ("ID", "PROVIDER", "DESCRIPTION"),
        ((r.get("id"), provider_of(r), r.get("description")) for r in rows),
    )


def _capabilities(rows: list[dict[str, Any]], model: str | None, as_json: bool) -> None:
    if model is None:
        if as_json:
            emit_json(rows)
        else:
            table(_CAPABILITY_COLUMNS, (pick(r, _CAPABILITY_COLUMNS.values()) for r in rows))
        return
    # Unprefixed names work as in a chat: "gpt-4o-mini" is "openai/gpt-4o-mini".
    named = [
        r for r in rows if model in (r.get("model_id"), str(r.get("model_id")).partition("/")[2])
    ]
    if not named:
        raise CommandError(
            f"zaguan: no capabilities listed for model {model!r} (see 'zaguan models')"
        )
    if as_json:
        emit_json(named[0])
    else:
        fields(named[0])
