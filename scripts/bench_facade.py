"""The facade's overhead against raw httpx, measured in one run against the local CoreX.

    python scripts/bench_facade.py [--requests 300] [--streams 40] [--hook]

Prints, for the same server and the same machine in the same run:
* non-streaming: requests/s of raw ``httpx`` + ``json.loads`` vs ``ZaguanClient.chat``;
* streaming: chunks/s of raw ``httpx`` line iteration + ``json.loads`` vs ``chat_stream``;
* connections opened by 20 streams in a row (1 means every stream reused the connection);
* ``import zaguan`` time in a fresh interpreter.
The local server is in the same process (a thread), so absolute numbers are low and both
sides pay it equally: read the ratios. Two cores, shared and noisy: run it twice.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable

import httpx

from zaguan import AttemptResponse, CallEnd, Hooks, ZaguanClient
from zaguan.testing import LocalCoreX

MESSAGES = [{"role": "user", "content": "benchmark " * 8}]
# Many words, so a stream has many chunks (the local server sends one per word).
LONG = [{"role": "user", "content": " ".join(f"w{i}" for i in range(400))}]


def best_rate(work: Callable[[], int], repeats: int = 3) -> float:
    """Items per second of ``work`` (which returns how many items it handled), best of N."""
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        items = work()
        rates.append(items / (time.perf_counter() - start))
    return max(rates)


def raw_chat(http: httpx.Client, key: str, n: int) -> int:
    for _ in range(n):
        response = http.post(
            "/v1/chat/completions",
            json={"model": "openai/gpt-4o-mini", "messages": MESSAGES},
            headers={"Authorization": f"Bearer {key}", "X-Request-Id": str(uuid.uuid4())},
        )
        json.loads(response.content)
    return n


def sdk_chat(client: ZaguanClient, n: int) -> int:
    for _ in range(n):
        client.chat(model="openai/gpt-4o-mini", messages=MESSAGES)
    return n


def raw_stream(http: httpx.Client, key: str, n: int) -> int:
    chunks = 0
    body = {"model": "openai/gpt-4o-mini", "messages": LONG, "stream": True}
    for _ in range(n):
        headers = {"Authorization": f"Bearer {key}", "X-Request-Id": str(uuid.uuid4())}
        with http.stream("POST", "/v1/chat/completions", json=body, headers=headers) as response:
            for line in response.iter_lines():
                if line.startswith("data: {"):
                    json.loads(line[6:])
                    chunks += 1
    return chunks


def sdk_stream(client: ZaguanClient, n: int) -> int:
    chunks = 0
    for _ in range(n):
        for _chunk in client.chat_stream(model="openai/gpt-4o-mini", messages=LONG):
            chunks += 1
    return chunks


def connections_for_streams(client: ZaguanClient, n: int) -> int:
    pool = client._http._transport._pool  # type: ignore[attr-defined]
    opened: set[int] = set()
    for _ in range(n):
        for _chunk in client.chat_stream(model="openai/gpt-4o-mini", messages=MESSAGES):
            pass
        opened.update(id(c) for c in pool.connections)
    return len(opened)


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import zaguan; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(5)
    ]
    return statistics.median(runs) * 1000


class _Counting(Hooks):
    """A minimal hook on every attempt and call end, for ``--hook`` (its cost is the SDK's)."""

    def __init__(self) -> None:
        self.count = 0

    def on_response(self, event: AttemptResponse) -> None:
        self.count += 1

    def on_end(self, event: CallEnd) -> None:
        self.count += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--streams", type=int, default=20)
    # Hooks' overhead: run once with ZAGUAN_OTEL=off and without --hook (no hook at all), then
    # with --hook; without ZAGUAN_OTEL=off an installed OpenTelemetry API reports every call.
    parser.add_argument("--hook", action="store_true", help="give the client a minimal hook")
    args = parser.parse_args()
    with LocalCoreX(credits=10**9) as server, httpx.Client(base_url=server.base_url) as http:
        hooks = [_Counting()] if args.hook else None
        client = ZaguanClient(server.api_key, base_url=server.base_url, hooks=hooks)
        raw_chat(http, server.api_key, 20)  # warm up both
        sdk_chat(client, 20)
        raw = best_rate(lambda: raw_chat(http, server.api_key, args.requests))
        sdk = best_rate(lambda: sdk_chat(client, args.requests))
        print(f"chat      raw httpx {raw:8.0f} req/s   zaguan {sdk:8.0f} req/s   "
              f"time ratio {raw / sdk:.2f}x (target <= 1.10x)")  # fmt: skip
        raw = best_rate(lambda: raw_stream(http, server.api_key, args.streams))
        sdk = best_rate(lambda: sdk_stream(client, args.streams))
        print(f"stream    raw httpx {raw:8.0f} chunk/s zaguan {sdk:8.0f} chunk/s "
              f"rate ratio {sdk / raw:.2f}x (target >= 0.60x)")  # fmt: skip
        print(f"streams   20 streams in a row opened {connections_for_streams(client, 20)} "
              "connection(s) (target 1)")  # fmt: skip
        client.close()
    print(f"import    import zaguan: {import_time():.0f} ms median of 5 (target < 100 ms)")


if __name__ == "__main__":
    main()
