"""Micro-benchmark of decoding a streamed chunk: ``json.loads`` + ``ChatCompletionChunk.from_dict``.

Run with ``make bench-micro`` or ``.venv/bin/python scripts/bench_decode.py``. It prints numbers and
asserts nothing (performance claims live in benchmarks, not in timed tests). For each payload,
in the same run, interleaved and best of `REPEATS`:

* ``json.loads`` alone, the floor any client pays;
* ``json.loads`` + ``from_dict``, what the SDK pays per chunk (and per response for
  ``ChatCompletion``), and the ratio of the two. The target is a chunk within 2.5x.

``--package-path DIR`` measures another build of the generated package (a folder holding
``zaguan_corex_client``), e.g. an older commit's, for a before/after comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import timeit
from collections.abc import Callable
from typing import Any

REPEATS = 7
NUMBER = 20_000

CHUNK = (
    '{"id":"chatcmpl-9x2","object":"chat.completion.chunk","created":1764547200,'
    '"model":"openai/gpt-4o-mini","system_fingerprint":"fp_44709d6fcb",'
    '"choices":[{"index":0,"delta":{"content":" world"},"logprobs":null,"finish_reason":null}]}'
)
TOOL_CHUNK = (
    '{"id":"chatcmpl-9x2","object":"chat.completion.chunk","created":1764547200,'
    '"model":"openai/gpt-4o-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,'
    '"function":{"arguments":"{\\"city\\": \\"Li"}}]},"finish_reason":null}]}'
)
COMPLETION = json.dumps(
    {
        "id": "chatcmpl-9x2",
        "object": "chat.completion",
        "created": 1764547200,
        "model": "openai/gpt-4o-mini",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Hello! How can I help you today?"},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 9,
            "completion_tokens": 9,
            "total_tokens": 18,
            "completion_tokens_details": {"reasoning_tokens": 0},
        },
        "promptshield": {
            "credits_used": 1,
            "credits_remaining": 9999,
            "credits_total": 10000,
            "credits_percent": 99.99,
            "reset_date": "2026-12-01T00:00:00Z",
        },
    }
)


def best(*fns: Callable[[], Any]) -> list[float]:
    """Microseconds per call of each of ``fns``, interleaved, best of `REPEATS`."""
    runs = [[timeit.timeit(fn, number=NUMBER) for fn in fns] for _ in range(REPEATS)]
    return [min(times) / NUMBER * 1e6 for times in zip(*runs, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-path", help="folder holding the zaguan_corex_client to measure")
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generated")
    sys.path.insert(0, args.package_path or root)
    from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk  # noqa: PLC0415

    print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")
    print(f"{'payload':<12} {'json.loads':>11} {'+ from_dict':>12} {'ratio':>6}")
    for name, text, cls in (
        ("chunk", CHUNK, ChatCompletionChunk),
        ("tool chunk", TOOL_CHUNK, ChatCompletionChunk),
        ("completion", COMPLETION, ChatCompletion),
    ):
        loads, both = best(
            lambda text=text: json.loads(text),
            lambda text=text, cls=cls: cls.from_dict(json.loads(text)),
        )
        print(f"{name:<12} {loads:>9.2f}µs {both:>10.2f}µs {both / loads:>5.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
