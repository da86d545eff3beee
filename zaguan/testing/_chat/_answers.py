"""Deterministic answers: content, `<think>` blocks, tool calls and usage, and their stream chunks.

Nothing here reads a clock or a random source: the same request (and request id) always gives
the same answer. The rules are documented in the package docstring.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .._catalog._models import CREATED, Model
from ._request import ChatRequest

__all__ = ["Answer", "ToolCall", "build_answer", "completion_json", "count_tokens", "stream_chunks"]

SYSTEM_FINGERPRINT = "fp_zaguan_local"
_PIECE = re.compile(r"\s*\S+\s*|\s+")
ChunkKind = Literal["role", "piece", "finish", "usage"]


def count_tokens(text: str) -> int:
    """The token rule: one token per whitespace-separated word."""
    return len(text.split())


@dataclass(frozen=True, slots=True)
class ToolCall:
    id: str
    name: str
    arguments: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "type": "function",
            "function": {"name": self.name, "arguments": self.arguments},
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """One choice's answer and the usage of the whole completion."""

    completion_id: str
    model: Model
    content: str | None
    tool_calls: tuple[ToolCall, ...]
    finish_reason: str
    n: int
    prompt_tokens: int
    completion_tokens: int
    reasoning_tokens: int | None

    def usage_json(self) -> dict[str, object]:
        usage: dict[str, object] = {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0},
        }
        if self.reasoning_tokens is not None:
            usage["completion_tokens_details"] = {"reasoning_tokens": self.reasoning_tokens}
        return usage


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


def _text(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [p.get("text") for p in content if p.get("type") == "text"]
        return " ".join(text for text in texts if isinstance(text, str))
    return ""


def _message_tokens(message: dict[str, Any]) -> int:
    calls = message.get("tool_calls", [])
    words = [call["function"]["name"] + " " + call["function"]["arguments"] for call in calls]
    return count_tokens(_text(message.get("content"))) + sum(map(count_tokens, words))


def _last_user_text(request: ChatRequest) -> str:
    users = [m for m in request.messages if m["role"] == "user"]
    return _text(users[-1].get("content")) if users else ""


def _sample(schema: object, depth: int = 0) -> object:
    """A deterministic value matching a simple JSON Schema (tool arguments, json_schema replies)."""
    if not isinstance(schema, dict) or depth > 5:
        return None
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    kind = schema.get("type", "object" if "properties" in schema else None)
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if kind == "object":
        properties = schema.get("properties")
        items = properties.items() if isinstance(properties, dict) else ()
        return {name: _sample(sub, depth + 1) for name, sub in items}
    if kind == "array":
        return [_sample(schema["items"], depth + 1)] if "items" in schema else []
    minimum = schema.get("minimum")
    lowest = minimum if isinstance(minimum, int | float) and not isinstance(minimum, bool) else None
    defaults: dict[object, object] = {
        "string": "example",
        "boolean": True,
        "integer": int(lowest or 1),
        "number": lowest or 1.5,
    }
    return defaults.get(kind)


def _tools_to_call(request: ChatRequest, model: Model) -> list[dict[str, Any]]:
    functions = [t["function"] for t in request.tools if t["type"] == "function"]
    choice = request.tool_choice
    if not model.supports_tools or not functions or choice == "none":
        return []
    if isinstance(choice, dict):
        return [f for f in functions if f["name"] == choice["function"]["name"]][:1]
    prompt = _last_user_text(request).lower()
    asked = request.messages[-1]["role"] == "user"
    chosen = [f for f in functions if asked and f["name"] and f["name"].lower() in prompt]
    if choice == "required" and not chosen:
        chosen = functions[:1]
    return chosen if request.parallel_tool_calls else chosen[:1]


def _reply(request: ChatRequest, user_text: str) -> str:
    fmt = (request.response_format or {}).get("type")
    if fmt == "json_object":
        return json.dumps({"echo": user_text})
    if fmt == "json_schema":
        return json.dumps(_sample(request.response_format["json_schema"].get("schema", {})))  # type: ignore[index]  # validated
    return f"Echo: {user_text}" if user_text else "Echo:"


def build_answer(request: ChatRequest, model: Model, request_id: str) -> Answer:
    """The answer to `request`: tool calls when asked for, else an echo of the last user text."""
    user_text = _last_user_text(request)
    reasoning = f"The user wrote {count_tokens(user_text)} words, so I echo them."
    thinks = model.supports_reasoning and request.thinking is not False
    reasoning_words = count_tokens(reasoning) if thinks else 0
    calls = tuple(
        ToolCall(
            f"call_{_digest(request_id, str(i))}",
            f["name"],
            json.dumps(_sample(f.get("parameters", {})), separators=(",", ":")),
        )
        for i, f in enumerate(_tools_to_call(request, model))
    )
    content: str | None = None
    finish = "tool_calls" if calls else "stop"
    if not calls:
        content = _reply(request, user_text)
        if request.max_tokens is not None and count_tokens(content) > request.max_tokens:
            content, finish = " ".join(content.split()[: request.max_tokens]), "length"
        if model.think_tags and thinks:
            content = f"<think>\n{reasoning}\n</think>\n\n{content}"
    visible = count_tokens(content or "") + sum(
        count_tokens(f"{c.name} {c.arguments}") for c in calls
    )
    hidden = reasoning_words if not model.think_tags else 0
    return Answer(
        completion_id=f"chatcmpl-{_digest(request_id)}",
        model=model,
        content=content,
        tool_calls=calls,
        finish_reason=finish,
        n=request.n,
        prompt_tokens=sum(_message_tokens(m) for m in request.messages),
        completion_tokens=(visible + hidden) * request.n,
        reasoning_tokens=reasoning_words * request.n if model.reasoning_tokens else None,
    )


def _envelope(answer: Answer, kind: str) -> dict[str, Any]:
    return {
        "id": answer.completion_id,
        "object": kind,
        "created": CREATED,
        "model": answer.model.id,
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }


def completion_json(answer: Answer) -> dict[str, Any]:
    """The `ChatCompletion` body (without `promptshield`, which the ledger adds)."""
    message: dict[str, object] = {"role": "assistant", "content": answer.content, "refusal": None}
    if answer.tool_calls:
        message["tool_calls"] = [call.to_json() for call in answer.tool_calls]
    choice = {"message": message, "finish_reason": answer.finish_reason, "logprobs": None}
    choices = [{"index": i, **choice} for i in range(answer.n)]
    return {
        **_envelope(answer, "chat.completion"),
        "choices": choices,
        "usage": answer.usage_json(),
    }


def _fragments(text: str) -> list[str]:
    """`text` in three pieces (at least two when it has two characters), to be concatenated."""
    size = max(1, -(-len(text) // 3))
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _deltas(answer: Answer) -> Iterator[dict[str, Any]]:
    for piece in _PIECE.findall(answer.content or ""):
        yield {"content": piece}
    for index, call in enumerate(answer.tool_calls):
        head = {
            "index": index,
            "id": call.id,
            "type": "function",
            "function": {"name": call.name, "arguments": ""},
        }
        yield {"tool_calls": [head]}
        for fragment in _fragments(call.arguments):
            yield {"tool_calls": [{"index": index, "function": {"arguments": fragment}}]}


def stream_chunks(
    answer: Answer, include_usage: bool
) -> Iterator[tuple[ChunkKind, dict[str, Any]]]:
    """The `ChatCompletionChunk`s of `answer`, each tagged with what it carries."""
    envelope = _envelope(answer, "chat.completion.chunk")
    extra = {"usage": None} if include_usage else {}

    def chunk(index: int, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": index, "delta": delta, "finish_reason": finish, "logprobs": None}
        return {**envelope, "choices": [choice], **extra}

    for index in range(answer.n):
        # As OpenAI: "" opens a text answer, null a tool-call answer (its message has no text).
        opening = "" if answer.content is not None else None
        yield "role", chunk(index, {"role": "assistant", "content": opening})
        for delta in _deltas(answer):
            yield "piece", chunk(index, delta)
        yield "finish", chunk(index, {}, answer.finish_reason)
    if include_usage:
        yield "usage", {**envelope, "choices": [], "usage": answer.usage_json()}
