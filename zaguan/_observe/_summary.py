"""What a result says about itself: response id and model, finish reasons, tokens, credits.

Read from generated models and plain dicts alike, never trusting types: a malformed answer is
the caller's to see, the hooks and OpenTelemetry get None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._events import Summary


def summarize(result: object) -> Summary:
    """The `Summary` of a JSON result (a chat completion, a message, embeddings, a dict)."""
    usage = field_of(result, "usage")
    shield = field_of(result, "promptshield")
    reasons = [field_of(choice, "finish_reason") for choice in _list(field_of(result, "choices"))]
    reasons.append(field_of(result, "stop_reason"))
    return Summary(
        response_id=_str(field_of(result, "id")),
        response_model=_str(field_of(result, "model")),
        finish_reasons=tuple(r for r in map(_str, reasons) if r),
        input_tokens=_int(field_of(usage, "prompt_tokens"), field_of(usage, "input_tokens")),
        output_tokens=_int(field_of(usage, "completion_tokens"), field_of(usage, "output_tokens")),
        credits_used=_number(field_of(shield, "credits_used")),
        credits_remaining=_number(field_of(shield, "credits_remaining")),
        band=_str(field_of(shield, "band")),
    )


def summarize_chunks(chunks: Sequence[object]) -> Summary:
    """The `Summary` of a chat stream, from its chunks (without accumulating the answer)."""
    first = chunks[0] if chunks else None
    usage = next((c for c in reversed(chunks) if field_of(c, "usage") is not None), None)
    shield = next((c for c in reversed(chunks) if field_of(c, "promptshield") is not None), None)
    reasons = [
        field_of(choice, "finish_reason")
        for c in chunks
        for choice in _list(field_of(c, "choices"))
    ]
    merged = {
        "id": field_of(first, "id"), "model": field_of(first, "model"),
        "usage": field_of(usage, "usage"), "promptshield": field_of(shield, "promptshield"),
        "choices": [{"finish_reason": r} for r in reasons if r],
    }  # fmt: skip
    return summarize(merged)


def field_of(obj: object, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    value = getattr(obj, name, None)
    if value is None:  # a field the contract does not know yet
        extra = getattr(obj, "additional_properties", None)
        value = extra.get(name) if isinstance(extra, dict) else None
    return value


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _str(value: object) -> str | None:
    if isinstance(value, str):
        return value
    inner = getattr(value, "value", None)  # a generated enum
    return inner if isinstance(inner, str) else None


def _int(*values: object) -> int | None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
