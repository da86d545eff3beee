"""Micro-benchmark of zaguan._streams._sse.SSEDecoder on a realistic chat stream.

Run with ``.venv/bin/python scripts/bench_sse.py``. It prints numbers and
asserts nothing. It compares, on the same in-memory body cut into 4 KiB and
64 KiB pieces:

* ``bytes.split``: splitting on b"\\n\\n" only, a lower bound on the work;
* ``zaguan``: our decoder, fed bytes;
* ``httpx-sse``: if installed (``pip install httpx-sse``, for this comparison
  only), its path inside ``iter_sse()``: httpx's incremental text decoder, its
  ``SSELineDecoder`` and its ``SSEDecoder`` fed one line at a time.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from httpx._decoders import TextDecoder

from zaguan._streams._sse import SSEDecoder

try:
    from httpx_sse import _decoders as httpx_sse_decoders

    HAVE_HTTPX_SSE = True
except ImportError:  # optional: installed by hand, for this comparison only
    HAVE_HTTPX_SSE = False

EVENTS = 20_000
PIECE_SIZES = (4 * 1024, 64 * 1024)
REPEATS = 7

Decoder = Callable[[Sequence[bytes]], int]


def build_body(count: int = EVENTS) -> bytes:
    """Return ``count`` chat-completion chunk events (~200 bytes each) and [DONE]."""
    events = []
    for i in range(count):
        chunk = {
            "id": "chatcmpl-9f8e7d6c5b4a39281706f5e4",
            "object": "chat.completion.chunk",
            "created": 1732233600,
            "model": "openai/gpt-4o-mini",
            "choices": [
                {"index": 0, "delta": {"content": f" token{i % 97}"}, "finish_reason": None}
            ],
        }
        events.append(b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n")
    events.append(b"data: [DONE]\n\n")
    return b"".join(events)


def split_pieces(body: bytes, size: int) -> list[bytes]:
    """Cut ``body`` into network-like pieces of ``size`` bytes."""
    return [body[i : i + size] for i in range(0, len(body), size)]


def run_split(pieces: Sequence[bytes]) -> int:
    """Lower bound: find event boundaries only, no field parsing or decoding."""
    count, buffer = 0, b""
    for piece in pieces:
        parts = (buffer + piece).split(b"\n\n")
        buffer = parts.pop()
        count += len(parts)
    return count


def run_zaguan(pieces: Sequence[bytes]) -> int:
    """Our decoder, as the facade's stream loop drives it."""
    decoder, count = SSEDecoder(), 0
    for piece in pieces:
        count += len(decoder.feed(piece))
    return count + len(decoder.flush())


def run_httpx_sse(pieces: Sequence[bytes]) -> int:
    """httpx-sse's path: mirrors its ``_iter_sse_lines`` and ``EventSource.iter_sse``."""
    text_decoder = TextDecoder()  # what httpx's Response.iter_text() uses
    line_decoder = httpx_sse_decoders.SSELineDecoder()
    decoder = httpx_sse_decoders.SSEDecoder()
    count = 0
    for piece in pieces:
        for line in line_decoder.decode(text_decoder.decode(piece)):
            count += decoder.decode(line.rstrip("\n")) is not None
    for line in line_decoder.decode(text_decoder.flush()) + line_decoder.flush():
        count += decoder.decode(line.rstrip("\n")) is not None
    return count


def best_time(run: Decoder, pieces: Sequence[bytes]) -> tuple[float, int]:
    """Return the best wall time of ``REPEATS`` runs and the event count."""
    best, count = float("inf"), 0
    for _ in range(REPEATS):
        start = time.perf_counter()
        count = run(pieces)
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> None:
    """Time every decoder on every piece size and print a table."""
    body = build_body()
    decoders: dict[str, Decoder] = {"bytes.split": run_split, "zaguan": run_zaguan}
    if HAVE_HTTPX_SSE:
        decoders["httpx-sse"] = run_httpx_sse
    print(f"python {sys.version.split()[0]}, {EVENTS + 1} events, {len(body) / 1e6:.2f} MB")
    print(f"average event {len(body) / (EVENTS + 1):.0f} bytes, best of {REPEATS} runs")
    for size in PIECE_SIZES:
        pieces = split_pieces(body, size)
        print(f"\n{size // 1024} KiB pieces ({len(pieces)} feeds)")
        seconds = {}
        for name, run in decoders.items():
            seconds[name], count = best_time(run, pieces)
            rate = count / seconds[name]
            mbps = len(body) / seconds[name] / 1e6
            print(f"  {name:12} {count:6d} events {rate:12,.0f} events/s {mbps:9.1f} MB/s")
        if "httpx-sse" in seconds:
            print(f"  zaguan / httpx-sse speed: {seconds['httpx-sse'] / seconds['zaguan']:.2f}x")
    if not HAVE_HTTPX_SSE:
        print("\nhttpx-sse not installed: pip install httpx-sse to compare")


if __name__ == "__main__":
    main()
