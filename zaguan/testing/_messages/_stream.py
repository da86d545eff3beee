"""The Anthropic event sequence of one `MessageAnswer`, and its `text/event-stream` encoding.

``message_start`` (the message without content), ``ping``, then per block
``content_block_start`` (empty text or thinking, a `tool_use` with ``input`` ``{}``), its deltas
(``thinking_delta`` word by word then one ``signature_delta``; ``text_delta`` word by word;
``input_json_delta`` in three fragments of the compact JSON input) and ``content_block_stop``;
then ``message_delta`` (stop reason and ``usage.output_tokens``) and ``message_stop``. Joined
by any Anthropic client, the events give back exactly `message_json(answer)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from .._chat._answers import _PIECE as PIECE
from .._chat._answers import _fragments as fragments
from ._answers import MessageAnswer, message_json

__all__ = ["EventKind", "error_event", "message_events", "sse_event"]

#: What an event carries: `piece` is a delta of content, `finish` the `message_delta`.
EventKind = Literal["start", "ping", "block", "piece", "finish", "stop"]


def sse_event(data: dict[str, Any]) -> bytes:
    """One named event: its name is the `type` of its data, as Anthropic sends them."""
    payload = json.dumps(data, separators=(",", ":"))
    return f"event: {data['type']}\ndata: {payload}\n\n".encode()


def error_event(error: dict[str, Any]) -> bytes:
    """The `error` event that ends a failed stream: ``{"type": "error", "error": {...}}``."""
    return sse_event({"type": "error", "error": error})


def _deltas(block: dict[str, Any]) -> Iterator[dict[str, Any]]:
    kind = block["type"]
    if kind == "thinking":
        for piece in PIECE.findall(block["thinking"]):
            yield {"type": "thinking_delta", "thinking": piece}
        yield {"type": "signature_delta", "signature": block["signature"]}
    elif kind == "text":
        for piece in PIECE.findall(block["text"]):
            yield {"type": "text_delta", "text": piece}
    elif kind == "tool_use":
        text = json.dumps(block["input"], separators=(",", ":"))
        for fragment in fragments(text):
            yield {"type": "input_json_delta", "partial_json": fragment}


def _opening(block: dict[str, Any]) -> dict[str, Any]:
    empty = {"thinking": {"thinking": "", "signature": ""}, "text": {"text": ""}}
    if block["type"] == "tool_use":
        return {**block, "input": {}}
    return {"type": block["type"], **empty[block["type"]]}


def message_events(answer: MessageAnswer) -> Iterator[tuple[EventKind, dict[str, Any]]]:
    """The events of `answer`, in order, each tagged with what it carries."""
    yield "start", {"type": "message_start", "message": message_json(answer, started=True)}
    yield "ping", {"type": "ping"}
    for index, block in enumerate(answer.blocks):
        start = {"type": "content_block_start", "index": index, "content_block": _opening(block)}
        yield "block", start
        for delta in _deltas(block):
            yield "piece", {"type": "content_block_delta", "index": index, "delta": delta}
        yield "block", {"type": "content_block_stop", "index": index}
    delta = {"stop_reason": answer.stop_reason, "stop_sequence": answer.stop_sequence}
    usage = {"output_tokens": answer.output_tokens}
    yield "finish", {"type": "message_delta", "delta": delta, "usage": usage}
    yield "stop", {"type": "message_stop"}
