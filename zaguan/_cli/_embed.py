"""``zaguan embed``: one text's embedding vector."""

from __future__ import annotations

from argparse import Namespace

from ._connect import client
from ._output import cell, emit_json, fields

_SHOWN = 4  # values of the vector shown in the readable form; --json has them all


def run(args: Namespace) -> int:
    """Embed ``args.text`` with ``args.model``; print a summary (or the whole JSON)."""
    with client(args) as zaguan:
        result = zaguan.create_embeddings(model=args.model, input=args.text).to_dict()
    if args.json:
        emit_json(result)
        return 0
    data = result.get("data") or [{}]
    vector = data[0].get("embedding")
    values = vector if isinstance(vector, list) else []
    head = ", ".join(cell(value) for value in values[:_SHOWN])
    usage = result.get("usage") or {}
    summary = {
        "model": result.get("model"),
        "dimensions": len(values),
        "vector": f"[{head}{', ...' if len(values) > _SHOWN else ''}]",
        "tokens": usage.get("total_tokens") if isinstance(usage, dict) else None,
    }
    fields(summary)
    return 0
