"""`make reliability`'s bounds: how far past its deadline a call ends, and how long `close()`
takes to end a stream that another thread (or task) is reading.

    python scripts/reliability_bounds.py [--rounds 5] [--limit 0.5]

Against the fault suite's byte-level server (`tests/reliability/_scripted.py`, in this
process), every body kind with both clients, each on its own pool:

- deadline slack: ``deadline=1`` on ``late-bytes`` (headers, 0.9 s of silence, a few bytes
  of the body, silence) and on ``hold`` (silence before the headers); the seconds past the
  deadline each call took to raise `APITimeoutError`. All kinds at once, `--rounds` times,
  each after a clean call of its kind (the first call of a process imports the generated
  models before its deadline starts).
- close(): a stream of a server that sent its headers and went silent (30 s read timeout),
  read by another thread (sync) or task (async); the seconds from `close()` to the reader's
  `ClientClosedError`.

Prints the worst of the rounds, in milliseconds; exits 1 if a call ended more than `--limit`
seconds past its deadline or a close took longer (an overshoot of a whole deadline, or a reader
left waiting, is a defect).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the fault suite's server

import httpx2

from tests.reliability._scripted import ScriptedServer
from tests.reliability.conftest import KINDS, STREAMS, consume, open_stream, pieces
from zaguan import (
    APITimeoutError,
    AsyncZaguanClient,
    ClientClosedError,
    ZaguanClient,
)

DEADLINE = 1.0
SCRIPTS = ("late-bytes", "hold")
FLAVOURS = ("sync", "async")
STREAM_KINDS = (*STREAMS, "download")
Client = ZaguanClient | AsyncZaguanClient


def _client(flavour: str, base_url: str, timeout: float, pool: int | None = 1) -> Client:
    limits = httpx2.Limits(max_connections=pool)
    if flavour == "sync":
        return ZaguanClient("zk-test-key", base_url=base_url, timeout=timeout, max_retries=0,
                            http_client=httpx2.Client(limits=limits))  # fmt: skip
    return AsyncZaguanClient("zk-test-key", base_url=base_url, timeout=timeout, max_retries=0,
                             http_client=httpx2.AsyncClient(limits=limits))  # fmt: skip


async def _overshoot(client: Client, kind: str, script: str) -> float:
    await consume(client, kind, "ok")  # warm: imports done, the connection open
    started = time.monotonic()
    try:
        await consume(client, kind, script, deadline=DEADLINE)
    except APITimeoutError:
        return time.monotonic() - started - DEADLINE
    raise AssertionError(f"{kind} on {script}: no APITimeoutError")


def deadline_slack(base_url: str, flavour: str, script: str) -> dict[str, float]:
    """Seconds past the deadline each kind ended, all kinds at once."""
    clients = {kind: _client(flavour, base_url, timeout=30) for kind in KINDS}
    calls = [_overshoot(client, kind, script) for kind, client in clients.items()]
    if flavour == "sync":
        with ThreadPoolExecutor(len(calls)) as pool:
            took = list(pool.map(asyncio.run, calls))
    else:

        async def together() -> list[float]:
            return list(await asyncio.gather(*calls))

        took = asyncio.run(together())
    return dict(zip(clients, took, strict=True))


def close_sync(base_url: str, kind: str) -> float:
    """Seconds from `close()` to the end of a read blocked in another thread."""
    client = ZaguanClient("zk-test-key", base_url=base_url, timeout=30, max_retries=0)
    stream, ended = open_stream(client, kind, "hold-after-headers"), threading.Event()
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in pieces(stream, kind):
                pass
        except ClientClosedError as exc:
            errors.append(exc)
        ended.set()

    threading.Thread(target=read, daemon=True).start()
    time.sleep(0.2)  # the reader blocks in its read
    started = time.monotonic()
    client.close()
    if not ended.wait(30) or not errors:
        raise AssertionError(f"sync {kind}: close() did not end the reader with ClientClosedError")
    return time.monotonic() - started


async def close_async(base_url: str, kind: str) -> float:
    """Seconds from `aclose()` to the end of a read blocked in another task."""
    client = AsyncZaguanClient("zk-test-key", base_url=base_url, timeout=30, max_retries=0)
    stream = await open_stream(client, kind, "hold-after-headers")

    async def read() -> None:
        async for _ in pieces(stream, kind):
            pass

    reader = asyncio.create_task(read())
    await asyncio.sleep(0.2)  # the reader blocks in its read
    started = time.monotonic()
    await client.aclose()
    try:
        await asyncio.wait_for(reader, 30)
    except ClientClosedError:
        return time.monotonic() - started
    raise AssertionError(f"async {kind}: aclose() did not end the reader with ClientClosedError")


def _worst(measures: Sequence[dict[str, float]]) -> dict[str, float]:
    return {key: max(m[key] for m in measures) for key in measures[0]}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def report(rounds: int) -> tuple[str, float]:
    """The two tables, and the worst measure (seconds)."""
    from reliability import table  # noqa: PLC0415  # the sibling script's table format

    with ScriptedServer() as server:
        slack = {
            (flavour, script): _worst(
                [deadline_slack(server.base_url, flavour, script) for _ in range(rounds)]
            )
            for flavour in FLAVOURS
            for script in SCRIPTS
        }
        closing: dict[str, Callable[[str], float]] = {
            "sync": lambda kind: close_sync(server.base_url, kind),
            "async": lambda kind: asyncio.run(close_async(server.base_url, kind)),
        }
        close = {
            flavour: {kind: max(measure(kind) for _ in range(rounds)) for kind in STREAM_KINDS}
            for flavour, measure in closing.items()
        }
    columns = [(f, s) for f in FLAVOURS for s in SCRIPTS]
    slack_rows = [[kind, *(_ms(slack[c][kind]) for c in columns)] for kind in KINDS]
    close_rows = [[kind, *(_ms(close[f][kind]) for f in FLAVOURS)] for kind in STREAM_KINDS]
    load = " ".join(f"{n:.2f}" for n in os.getloadavg())
    text = (
        f"Bounds: worst of {rounds} rounds, in ms; load average {load}.\n\n"
        + table(["deadline=1 s: ms past it", *(f"{f} {s}" for f, s in columns)], slack_rows)
        + "\n\n"
        + table(["close(): ms to end a blocked read", *FLAVOURS], close_rows)
    )
    worst = max(max(by_kind.values()) for by_kind in (*slack.values(), *close.values()))
    return text, worst


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="measures of each bound")
    parser.add_argument("--limit", type=float, default=0.5, help="seconds that fail the run")
    args = parser.parse_args(argv)
    text, worst = report(args.rounds)
    print(text, flush=True)
    if worst > args.limit:
        print(f"\nFAILED: a bound took {worst * 1000:.0f} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
