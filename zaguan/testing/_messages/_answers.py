"""Deterministic Anthropic answers: content blocks, usage and stop reason of a Messages request.

The same rules as the chat echo (`_chat`), in Anthropic's shapes: the reply echoes the last user
turn, one token per word, the reasoning sentence becomes a `thinking` block, and a called tool a
`tool_use` block whose `input` is built from its `input_schema`. Nothing here reads a clock or a
random source: the same request id and body always give the same message.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .._catalog._models import Model
from .._chat._answers import _digest as digest
from .._chat._answers import _sample as sample
from .._chat._answers import count_tokens
from .._core._errors import ApiError, bad_request

__all__ = [
    "MessageAnswer",
    "build_message",
    "check_servable",
    "input_tokens",
    "message_fingerprint",
    "message_json",
]


def _compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def _block_text(block: Mapping[str, Any]) -> str:
    """The words a content block stands for: text, thinking, tool calls and tool results."""
    kind = block.get("type")
    if kind == "text":
        return str(block.get("text", ""))
    if kind == "thinking":
        return str(block.get("thinking", ""))
    if kind == "tool_use":
        return f"{block.get('name', '')} {_compact(block.get('input', {}))}"
    if kind == "tool_result":
        return content_text(block.get("content", ""))
    return ""


def content_text(content: object) -> str:
    """A string content, or its blocks' words joined by a space."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = (_block_text(block) for block in content if isinstance(block, dict))
        return " ".join(text for text in texts if text)
    return ""


def _tool_text(tool: Mapping[str, Any]) -> str:
    schema = tool.get("input_schema")
    parts = [tool.get("name", ""), tool.get("description", "")]
    return " ".join([*parts, _compact(schema) if schema is not None else ""])


def input_tokens(body: Mapping[str, Any]) -> int:
    """The input-token rule: the words of `system`, of every message and of every tool (its
    name, description and compact `input_schema`); `thinking` and `tool_choice` add none."""
    texts: list[str] = [content_text(body.get("system", ""))]
    texts += [content_text(message.get("content")) for message in body.get("messages", [])]
    texts += [_tool_text(tool) for tool in body.get("tools", [])]
    return sum(count_tokens(text) for text in texts)


def message_fingerprint(body: Mapping[str, Any]) -> str:
    """What makes two requests the same request: the body without `stream`, so that a stream
    and a JSON answer under one request id are one request, answered and charged once."""
    same = {key: value for key, value in body.items() if key != "stream"}
    return hashlib.sha256(json.dumps(same, sort_keys=True).encode()).hexdigest()


def _client_tools(body: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Tools the caller runs (server tools carry a `type` and are the provider's)."""
    return [tool for tool in body.get("tools", []) if "type" not in tool]


def check_servable(body: Mapping[str, Any]) -> None:
    """What the contract states but its schema cannot: a thinking budget below `max_tokens`
    (400); and what this server cannot serve: a `tool_choice` naming no tool (422)."""
    thinking = body.get("thinking") or {}
    if thinking.get("type") == "enabled" and thinking["budget_tokens"] >= body["max_tokens"]:
        raise bad_request(
            "thinking.budget_tokens", "'thinking.budget_tokens' must be less than 'max_tokens'"
        )
    choice = body.get("tool_choice") or {}
    names = {tool["name"] for tool in _client_tools(body)}
    if choice.get("type") == "tool" and choice.get("name") not in names:
        message = f"'tool_choice.name' names no tool in 'tools': {choice.get('name')!r}"
        raise ApiError(422, message, param="tool_choice.name")
    if choice.get("type") == "any" and not names:
        raise ApiError(422, "'tool_choice' 'any' needs at least one tool", param="tool_choice")


def _last_user(body: Mapping[str, Any]) -> Mapping[str, Any]:
    users = [m for m in body["messages"] if m.get("role") == "user"]
    return users[-1] if users else {}


def _answers_a_tool(message: Mapping[str, Any]) -> bool:
    content = message.get("content")
    return isinstance(content, list) and any(
        isinstance(block, dict) and block.get("type") == "tool_result" for block in content
    )


def _tools_to_call(body: Mapping[str, Any], model: Model) -> list[Mapping[str, Any]]:
    tools = _client_tools(body)
    choice = body.get("tool_choice") or {"type": "auto"}
    if not model.supports_tools or not tools or choice["type"] == "none":
        return []
    if choice["type"] == "tool":
        return [tool for tool in tools if tool["name"] == choice["name"]][:1]
    last = _last_user(body)
    asked = body["messages"][-1] is last and not _answers_a_tool(last)
    prompt = content_text(last.get("content")).lower()
    chosen = [tool for tool in tools if asked and tool["name"].lower() in prompt]
    if choice["type"] == "any" and not chosen:
        chosen = tools[:1]
    return chosen[:1] if choice.get("disable_parallel_tool_use") else chosen


def _stop_at(text: str, sequences: Iterable[str]) -> tuple[str, str | None]:
    """`text` cut before the earliest stop sequence in it, and that sequence."""
    found = [(text.find(s), s) for s in sequences if s and s in text]
    if not found:
        return text, None
    at, sequence = min(found)
    return text[:at], sequence


@dataclass(frozen=True, slots=True)
class MessageAnswer:
    """One message: its blocks in order, why it stopped, and its usage."""

    message_id: str
    model: Model
    blocks: tuple[dict[str, Any], ...]
    stop_reason: str
    stop_sequence: str | None
    input_tokens: int
    output_tokens: int
    thinking_tokens: int | None

    def usage_json(self) -> dict[str, int]:
        return {
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
        }


def _thinking_block(text: str, request_id: str) -> dict[str, Any]:
    signature = hashlib.sha256(f"{request_id}\x00{text}".encode()).digest()
    return {"type": "thinking", "thinking": text, "signature": base64.b64encode(signature).decode()}


def _text(body: Mapping[str, Any], budget: int) -> tuple[str, str, str | None]:
    """The reply, cut by a stop sequence or the token budget; its stop reason and sequence."""
    user_text = content_text(_last_user(body).get("content"))
    reply = f"Echo: {user_text}" if user_text else "Echo:"
    reply, sequence = _stop_at(reply, body.get("stop_sequences", []))
    if count_tokens(reply) > budget:
        return " ".join(reply.split()[:budget]), "max_tokens", None
    return reply, ("stop_sequence" if sequence is not None else "end_turn"), sequence


def build_message(body: Mapping[str, Any], model: Model, request_id: str) -> MessageAnswer:
    """The answer to a Messages request the contract accepted and `check_servable` passed."""
    blocks: list[dict[str, Any]] = []
    thinking_tokens = None
    if (body.get("thinking") or {}).get("type") == "enabled":
        words = count_tokens(content_text(_last_user(body).get("content")))
        block = _thinking_block(f"The user wrote {words} words, so I echo them.", request_id)
        blocks.append(block)
        thinking_tokens = count_tokens(block["thinking"])
    calls = _tools_to_call(body, model)
    stop, sequence = "tool_use", None
    for index, tool in enumerate(calls):
        made = sample(tool.get("input_schema", {}))
        tool_input = made if isinstance(made, dict) else {}
        call_id = f"toolu_{digest(request_id, str(index))}"
        block = {"type": "tool_use", "id": call_id, "name": tool["name"], "input": tool_input}
        blocks.append(block)
    if not calls:
        text, stop, sequence = _text(body, body["max_tokens"] - (thinking_tokens or 0))
        blocks.append({"type": "text", "text": text})
    return MessageAnswer(
        message_id=f"msg_{digest(request_id)}",
        model=model,
        blocks=tuple(blocks),
        stop_reason=stop,
        stop_sequence=sequence,
        input_tokens=input_tokens(body),
        output_tokens=sum(count_tokens(_block_text(block)) for block in blocks),
        thinking_tokens=thinking_tokens,
    )


def message_json(answer: MessageAnswer, *, started: bool = False) -> dict[str, Any]:
    """The `Message`; `started`: as `message_start` carries it (no content, no stop reason,
    no output tokens yet)."""
    usage = answer.usage_json() | ({"output_tokens": 0} if started else {})
    return {
        "id": answer.message_id,
        "type": "message",
        "role": "assistant",
        "model": answer.model.id,
        "content": [] if started else [dict(block) for block in answer.blocks],
        "stop_reason": None if started else answer.stop_reason,
        "stop_sequence": None if started else answer.stop_sequence,
        "usage": usage,
    }
