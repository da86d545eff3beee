"""Micro-benchmark of zaguan._validate.request_body, the check run on every chat() call.

Run with ``.venv/bin/python scripts/bench_validate.py``. It prints numbers and asserts
nothing. For each request it times, in the same run:

* ``request_body``: our validator, on plain dicts as an ``openai`` user writes them;
* ``from_dict().to_dict()``: the generated models' round trip, which checks almost nothing
  (no types, no enums) yet builds every object, a reference for the cost.
"""

from __future__ import annotations

import functools
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zaguan._validate import request_body
from zaguan_corex_client.models import ChatCompletionRequest

REPEATS = 7


def tool(name: str) -> dict[str, Any]:
    """An OpenAI-style function tool with a small JSON Schema."""
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": f"Look up {name}.",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}, "unit": {"enum": ["c", "f"]}},
                "required": ["city"],
            },
        },
    }


def typical() -> dict[str, Any]:
    """System and user message, two tools, a temperature."""
    return {
        "model": "openai/gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "What is the weather in Lima?"},
        ],
        "temperature": 0.2,
        "tools": [tool("get_weather"), tool("get_time")],
    }


def conversation() -> dict[str, Any]:
    """Twenty messages: a system prompt, then user and assistant turns, some with parts."""
    messages: list[dict[str, Any]] = [{"role": "system", "content": "Be brief."}]
    for i in range(19):
        if i % 2:
            messages.append({"role": "assistant", "content": f"Answer {i}."})
        elif i % 4 == 0:
            parts = [{"type": "text", "text": f"Question {i}?"}]
            messages.append({"role": "user", "content": parts})
        else:
            messages.append({"role": "user", "content": f"Question {i}?"})
    return {"model": "anthropic/claude-sonnet-4", "messages": messages, "max_tokens": 512}


def round_trip(fields: dict[str, Any]) -> dict[str, Any]:
    return ChatCompletionRequest.from_dict(fields).to_dict()


def best_us(func: Callable[[], object]) -> float:
    """Best-of-REPEATS microseconds per call, with timeit's own loop count."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(REPEATS, number)) / number * 1e6


def main() -> None:
    request_body(ChatCompletionRequest, typical())  # compile the checkers outside the timing
    print(f"{'request':<26}{'request_body':>14}{'from_dict().to_dict()':>24}")
    for name, fields in (("typical (2 msgs, 2 tools)", typical()), ("20 messages", conversation())):
        ours = best_us(functools.partial(request_body, ChatCompletionRequest, fields))
        theirs = best_us(functools.partial(round_trip, fields))
        print(f"{name:<26}{ours:>11.1f} µs{theirs:>21.1f} µs")


if __name__ == "__main__":
    main()
