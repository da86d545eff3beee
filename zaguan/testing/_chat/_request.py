"""What a chat answer depends on, read from a body the contract has already accepted.

The contract decides what is valid (`_checks`); this module only adds what this server cannot
serve although the schema allows it, as 422s: `n` above `MAX_CHOICES`, a `tool_choice` naming no
function of `tools`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from .._core._errors import ApiError

__all__ = ["MAX_CHOICES", "ChatRequest", "chat_request"]

MAX_CHOICES = 128  # a server limit beyond the contract's `n >= 1`, as OpenAI's


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """The parts of a valid chat request that decide the answer."""

    model: str
    messages: list[dict[str, Any]]
    fingerprint: str
    stream: bool = False
    include_usage: bool = False
    tools: list[dict[str, Any]] = field(default_factory=list)
    tool_choice: object = None
    parallel_tool_calls: bool = True
    n: int = 1
    max_tokens: int | None = None
    response_format: dict[str, Any] | None = None
    thinking: bool | None = None


def _check_servable(body: dict[str, Any]) -> None:
    if body.get("n", 1) > MAX_CHOICES:
        raise ApiError(422, f"'n' must be at most {MAX_CHOICES} on this server", param="n")
    choice = body.get("tool_choice")
    if isinstance(choice, dict):
        name = choice["function"]["name"]
        if name not in {tool["function"]["name"] for tool in body.get("tools", [])}:
            message = f"'tool_choice.function.name' names no function in 'tools': {name!r}"
            raise ApiError(422, message, param="tool_choice.function.name")


def chat_request(body: dict[str, Any]) -> ChatRequest:
    """The answer's inputs from `body`, which the contract's schema accepted."""
    _check_servable(body)
    limit = body.get("max_completion_tokens", body.get("max_tokens"))
    return ChatRequest(
        model=body["model"],
        messages=body["messages"],
        fingerprint=hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest(),
        stream=body.get("stream") is True,
        include_usage=body.get("stream_options", {}).get("include_usage") is True,
        tools=body.get("tools", []),
        tool_choice=body.get("tool_choice"),
        parallel_tool_calls=body.get("parallel_tool_calls") is not False,
        n=int(body.get("n", 1)),
        max_tokens=None if limit is None else int(limit),
        response_format=body.get("response_format"),
        thinking=body.get("thinking"),
    )
