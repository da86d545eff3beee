"""The side-by-side benchmark: our clients, the raw HTTP libraries and the peers, on one server.

    python scripts/bench.py [--quick] [--only zaguan,openai] [--out docs] [--skip e,g]

`scripts/bench_server.py` runs in its own process (its CPU time is printed per phase, so one
can see it is not the bottleneck); this process is the client. Every measure runs the clients
in rounds, the order rotated each round, and keeps medians; ratios are to THE floor, raw
``httpx2`` + ``json.loads`` (sync for sync clients, async for async ones; always measured).
Measures:
(a) µs per non-streaming call; (b) chunks/s and time to first chunk of a 200-chunk stream,
without and with the client's final-completion helper; (c) ``import`` wall time net of
``python -c pass`` (fresh interpreters) and modules loaded; (d) new TCP connections in 50
streams after a first one; (e) concurrent streams, async clients, in a fresh process each:
N on a cold pool, 5N on a warm one (wall, errors by class, peak RSS); (f) in-process cost per
call and per stream on the HTTP library's MockTransport (no network; aiohttp has none);
(g) requests/s of 1,000 non-streaming calls at 16 and at 128 in flight, async clients (each
transport: httpx2's and aiohttp's), a fresh process each, in 3 rotated rounds (the median),
with the TCP connections the server saw opened during the 1,000 (after a warm-up of as many
calls as are in flight: 0 is no churn); (h) deltas/s of a 200-delta Anthropic Messages stream
(ours `messages_stream`, anthropic's `messages.stream`, raw httpx2).
Every client has its default settings except: retries off, the same generous timeout.
Writes ``OUT/benchmarks.md`` and ``OUT/benchmarks.png`` (with ``--out``, or without
``--quick``). Peers that are not installed are reported as n/a (``make bench`` installs them).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import importlib.metadata
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _bench_peers import BY_NAME, PEERS, NotOffered, Peer
from bench_server import CHUNKS

KEY = "sk-bench"
HERE = Path(__file__).parent
RAW = {"httpx", "httpx2", "aiohttp", "zaguan"}  # the baselines, and ours: not peers of ours
FLOOR = "httpx2"  # the family every ratio is taken to, always measured
DISTRIBUTIONS = ["zaguan-corex", "httpx", "httpx2", "aiohttp", "openai", "anthropic",
                 "zaguan-sdk", "mistralai", "matplotlib"]  # fmt: skip
BULK_MARKERS = ("<!-- bench_bulk:start -->", "<!-- bench_bulk:end -->")
"""The section `scripts/bench_bulk.py` keeps in benchmarks.md: carried over, never rewritten."""
ANALYSIS_MARKERS = ("<!-- bench_analysis:start -->", "<!-- bench_analysis:end -->")
"""The hand-written reading of a run (profiles, what a missed target needs): carried over too,
placed after the targets."""


@dataclass
class Counts:
    """How much of everything; ``--quick`` shrinks it to a smoke test."""

    # Many short rounds rather than a few long ones: on a shared machine the load swings within
    # a minute, and a swing should fall on every client alike, not on one client's block.
    rounds: int = 20
    calls: int = 2000  # per client, over all rounds, after a warm-up
    streams: int = 60  # per client and variant, over all rounds
    imports: int = 5
    cold: int = 1000
    warm: int = 5000
    warm_up: int = 100  # concurrent streams that fill the pool before the warm run
    cold_cap: float = 150.0  # seconds for a whole worker process: import, warm-up, run
    warm_cap: float = 180.0
    timeout: float = 120.0
    burst: int = 1000  # (g) calls per client and concurrency
    in_flight: tuple[int, ...] = (16, 128)
    burst_cap: float = 120.0
    burst_rounds: int = 3  # (g) processes per client and concurrency, rotated; the median


QUICK = Counts(
    rounds=2, calls=60, streams=4, imports=2, cold=20, warm=50, warm_up=10, cold_cap=30.0,
    warm_cap=30.0, burst=40, in_flight=(4,), burst_cap=30.0, burst_rounds=1,
)  # fmt: skip


# -- Results: one row per measure, one cell per client (a number, or the reason it is n/a).


@dataclass
class Measure:
    key: str
    label: str
    better: str  # "lower" or "higher": how to read the ratio; "count": no ratio
    cells: dict[str, float | str] = field(default_factory=dict)
    ratio_to: Callable[[Peer], str] = lambda peer: peer.baseline

    def ratio(self, peer: Peer) -> float | None:
        if self.better == "count":
            return None
        base, value = self.cells.get(self.ratio_to(peer)), self.cells.get(peer.name)
        if isinstance(base, float) and isinstance(value, float) and base > 0:
            return value / base
        return None


@dataclass
class Run:
    peers: list[Peer]
    counts: Counts
    base: str
    server_pid: int
    measures: dict[str, Measure] = field(default_factory=dict)
    phases: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def measure(self, key: str, label: str, better: str = "lower", **kw: Any) -> Measure:
        self.measures[key] = Measure(key, label, better, **kw)
        return self.measures[key]


def rotations(peers: list[Peer], rounds: int) -> Iterator[list[Peer]]:
    """Each round's order: the list rotated by one more place each round."""
    for r in range(rounds):
        k = r % len(peers)
        yield peers[k:] + peers[:k]


def reason(exc: BaseException) -> str:
    """A failed cell's text; blank for a feature the client does not have."""
    if isinstance(exc, NotOffered):
        return ""
    return f"n/a ({type(exc).__name__}: {str(exc).splitlines()[0][:80] if str(exc) else ''})"


# -- Server and process accounting.


def start_server() -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, str(HERE / "bench_server.py")], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    port = int(server.stdout.readline().split()[1])
    return server, f"http://127.0.0.1:{port}"


def cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid`` from /proc (Linux), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def connections(base: str) -> int:
    with urllib.request.urlopen(f"{base}/__stats") as response:
        return int(json.load(response)["connections"])


@contextlib.contextmanager
def phase(run: Run, name: str) -> Iterator[None]:
    """Print and keep the phase's wall time, the server's CPU and this process's CPU."""
    print(f"... {name}", flush=True)
    wall, server, me = time.perf_counter(), cpu_seconds(run.server_pid), time.process_time()
    yield
    wall = time.perf_counter() - wall
    server = cpu_seconds(run.server_pid) - server
    line = (
        f"{name}: {wall:.1f} s wall; server CPU {server:.2f} s ({100 * server / wall:.0f}%); "
        f"client process CPU {time.process_time() - me:.2f} s"
    )
    run.phases.append(line)
    print("   ", line, flush=True)


# -- (a), (b), (f): timed blocks in this process, sync and async clients alike.


class Adapters:
    """One adapter per peer (built once), and one event loop for the async ones."""

    def __init__(self, run: Run, mock: bool) -> None:
        self.loop = asyncio.new_event_loop()
        self.made: dict[str, Any] = {}
        self.failed: dict[str, str] = {}
        for peer in run.peers:
            try:
                self.made[peer.name] = peer.make(
                    run.base, KEY, mock=mock, timeout=run.counts.timeout
                )
            except Exception as exc:
                self.failed[peer.name] = reason(exc)

    def do(self, peer: Peer, method: str, *args: Any) -> Any:
        result = getattr(self.made[peer.name], method)(*args)
        return self.loop.run_until_complete(result) if peer.is_async else result

    def close(self) -> None:
        for name in self.made:
            with contextlib.suppress(Exception):
                self.do(BY_NAME[name], "close")
        self.loop.close()


def interleave(
    run: Run, adapters: Adapters, block: Callable[[Peer], list[float]], *measures: Measure
) -> None:
    """Run ``block`` for each peer in rotated rounds; each block returns one sample per measure;
    each cell is the median of its samples, or n/a with the first failure."""
    samples: dict[str, list[list[float]]] = {}
    for order in rotations(run.peers, run.counts.rounds):
        for peer in order:
            if peer.name in adapters.failed or isinstance(measures[0].cells.get(peer.name), str):
                continue
            try:
                samples.setdefault(peer.name, []).append(block(peer))
            except Exception as exc:
                for m in measures:
                    m.cells[peer.name] = reason(exc)
    for m in measures:
        m.cells.update(adapters.failed)
    for name, rows in samples.items():
        if not isinstance(measures[0].cells.get(name), str):
            for i, m in enumerate(measures):
                m.cells[name] = statistics.median(row[i] for row in rows)


def calls_block(adapters: Adapters, n: int) -> Callable[[Peer], list[float]]:
    def block(peer: Peer) -> list[float]:
        if peer.is_async:
            adapter = adapters.made[peer.name]

            async def many() -> float:
                start = time.perf_counter()
                for _ in range(n):
                    await adapter.call()
                return time.perf_counter() - start

            return [adapters.loop.run_until_complete(many()) / n * 1e6]
        call = adapters.made[peer.name].call
        start = time.perf_counter()
        for _ in range(n):
            call()
        return [(time.perf_counter() - start) / n * 1e6]

    return block


def streams_block(
    adapters: Adapters, n: int, final: bool, method: str = "stream"
) -> Callable[[Peer], list[float]]:
    """Medians over ``n`` streams (``method``: a chat ``stream`` or Anthropic ``messages``)
    of (chunks/s, ms to the first chunk)."""

    def block(peer: Peer) -> list[float]:
        rates, firsts = [], []
        for _ in range(n):
            start = time.perf_counter()
            chunks, first = adapters.do(peer, method, final)
            end = time.perf_counter()
            if chunks != CHUNKS:
                raise RuntimeError(f"{chunks} chunks, not {CHUNKS}")
            rates.append(chunks / (end - start))
            firsts.append((first - start) * 1e3)
        return [statistics.median(rates), statistics.median(firsts)]

    return block


def warm_up(adapters: Adapters, peers: list[Peer]) -> None:
    """20 calls, a stream and a Messages stream per client, each skipped if not offered."""
    for peer in (peer for peer in peers if peer.name in adapters.made):
        for method, times in (("call", 20), ("stream", 1), ("messages", 1)):
            with contextlib.suppress(Exception):
                for _ in range(times):
                    adapters.do(peer, method, *(() if method == "call" else (False,)))


def measure_calls_and_streams(run: Run) -> None:
    c = run.counts
    adapters = Adapters(run, mock=False)
    try:
        warm_up(adapters, run.peers)
        with phase(run, "(a) non-streaming calls"):
            calls = run.measure("a", "(a) µs per call")
            interleave(run, adapters, calls_block(adapters, c.calls // c.rounds), calls)
        for final, suffix in ((False, ""), (True, " + final")):
            with phase(run, f"(b) 200-chunk streams{suffix}"):
                tag = "b+" if final else "b"
                rate = run.measure(tag, f"(b) chunks/s{suffix}", "higher")
                first = run.measure(f"{tag}ttfc", f"(b) ms to 1st chunk{suffix}")
                block = streams_block(adapters, max(1, c.streams // c.rounds), final)
                interleave(run, adapters, block, rate, first)
        measure_messages(run, adapters)
    finally:
        adapters.close()


def measure_messages(run: Run, adapters: Adapters) -> None:
    """(h): the clients that have an Anthropic Messages stream, the others left blank."""
    c, offered = run.counts, [peer for peer in run.peers if hasattr(peer.factory, "messages")]
    with phase(run, "(h) 200-delta Messages streams"):
        rate = run.measure("h", "(h) Messages deltas/s", "higher")
        first = run.measure("httfc", "(h) ms to 1st delta")
        block = streams_block(adapters, max(1, c.streams // c.rounds), False, "messages")
        interleave(Run(offered, c, run.base, run.server_pid), adapters, block, rate, first)


def measure_mock(run: Run) -> None:
    c = run.counts
    adapters = Adapters(run, mock=True)
    try:
        warm_up(adapters, run.peers)
        with phase(run, "(f) in-process, on MockTransport"):
            calls = run.measure("f", "(f) µs per call, mock")
            interleave(run, adapters, calls_block(adapters, c.calls // c.rounds), calls)
            rate = run.measure("f+", "(f) chunks/s, mock", "higher")
            first = run.measure("f+ttfc", "(f) ms to 1st chunk, mock")
            block = streams_block(adapters, max(1, c.streams // c.rounds), False)
            interleave(run, adapters, block, rate, first)
    finally:
        adapters.close()


# -- (c) import time, in fresh interpreters.


def import_seconds(module: str | None) -> float:
    code = f"import {module}" if module else "pass"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def modules_loaded(module: str) -> int:
    code = f"import sys; b = len(sys.modules); import {module}; print(len(sys.modules) - b)"
    return int(subprocess.check_output([sys.executable, "-c", code], text=True))


def compile_checkout() -> None:
    """Write the bytecode of this checkout's packages, as pip does at install: an editable
    source tree under ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile at every import,
    while the peers load theirs from site-packages."""
    import compileall  # noqa: PLC0415  # only here

    root = Path(__file__).resolve().parents[1]
    for folder in (root / "zaguan", root / "generated"):
        compileall.compile_dir(folder, quiet=1)


def measure_imports(run: Run) -> None:
    compile_checkout()
    by_module = {peer.module: peer for peer in run.peers}
    ms = run.measure("c", "(c) import ms (net)", ratio_to=lambda peer: FLOOR)
    loaded = run.measure("cmods", "(c) modules loaded", "count")
    samples: dict[str | None, list[float]] = {}
    names: list[str | None] = [None, *by_module]
    with phase(run, "(c) import time"):
        for r in range(run.counts.imports):
            k = r % len(names)
            for module in names[k:] + names[:k]:
                with contextlib.suppress(subprocess.CalledProcessError):
                    samples.setdefault(module, []).append(import_seconds(module))
    bare = statistics.median(samples[None])
    run.notes.append(f"`python -c pass` takes {bare * 1e3:.0f} ms (median), subtracted in (c).")
    for peer in run.peers:
        if peer.module not in samples:
            ms.cells[peer.name] = loaded.cells[peer.name] = "n/a (import failed)"
            continue
        ms.cells[peer.name] = (statistics.median(samples[peer.module]) - bare) * 1e3
        loaded.cells[peer.name] = float(modules_loaded(peer.module))


# -- (d) connections.


def measure_connections(run: Run) -> None:
    new = run.measure("d", "(d) new TCP conns / 50 streams", "count")
    with phase(run, "(d) connections per 50 streams"):
        for peer in run.peers:
            try:
                adapters = Adapters(Run([peer], run.counts, run.base, run.server_pid), mock=False)
                if peer.name in adapters.failed:
                    new.cells[peer.name] = adapters.failed[peer.name]
                    continue
                adapters.do(peer, "stream", False)  # the first connection is not new
                before = connections(run.base)
                for _ in range(50):
                    adapters.do(peer, "stream", False)
                new.cells[peer.name] = float(connections(run.base) - before)
                adapters.close()
            except Exception as exc:
                new.cells[peer.name] = reason(exc)


# -- (e) concurrency: a fresh process per client and scenario.


async def worker(peer: Peer, base: str, n: int, warm: int, timeout: float) -> dict[str, Any]:
    """Run ``n`` concurrent streams (after ``warm`` of them, when warming); report."""
    client = peer.make(base, KEY, timeout=timeout)

    async def one() -> None:
        chunks, _ = await client.stream(False)
        if chunks != CHUNKS:
            raise RuntimeError(f"incomplete stream: {chunks} chunks")

    if warm:
        await asyncio.gather(*(one() for _ in range(warm)), return_exceptions=True)
    start = time.perf_counter()
    results = await asyncio.gather(*(one() for _ in range(n)), return_exceptions=True)
    wall = time.perf_counter() - start
    errors = Counter(
        type(r).__name__ + (f" from {type(r.__cause__).__name__}" if r.__cause__ else "")
        for r in results
        if isinstance(r, BaseException)
    )
    return {"wall": wall, "errors": dict(errors), "rss": peak_rss(os.getpid())}


def peak_rss(pid: int) -> float:
    """VmHWM of ``pid``, in MB: the peak RSS of its own memory since its exec. (Its
    ``ru_maxrss`` would not do: Linux carries the parent's peak over the fork.)"""
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


async def burst_worker(
    peer: Peer, base: str, n: int, in_flight: int, timeout: float
) -> dict[str, Any]:
    """(g): ``n`` non-streaming calls, ``in_flight`` at a time, after a warm-up of as many;
    report the wall time, errors and the connections the server saw opened meanwhile."""
    client = peer.make(base, KEY, timeout=timeout)
    gate = asyncio.Semaphore(in_flight)

    async def one() -> None:
        async with gate:
            await client.call()

    await asyncio.gather(*(one() for _ in range(in_flight)))
    before = connections(base)
    start = time.perf_counter()
    results = await asyncio.gather(*(one() for _ in range(n)), return_exceptions=True)
    wall = time.perf_counter() - start
    opened = connections(base) - before
    await client.close()
    errors = Counter(type(r).__name__ for r in results if isinstance(r, BaseException))
    return {"wall": wall, "errors": dict(errors), "opened": opened}


def run_worker(
    peer: Peer, base: str, n: int, warm: int, cap: float, timeout: float, mode: str = "--worker"
) -> dict[str, Any]:
    """One worker process (``mode``: ``--worker`` for (e), ``--burst`` for (g), where ``warm``
    is the calls in flight), capped at ``cap`` seconds; its peak RSS is watched from here
    too, for when it has to be killed."""
    command = [sys.executable, __file__, mode, peer.name, base, str(n), str(warm)]
    command.append(str(timeout))
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline, rss = time.monotonic() + cap, 0.0
    while proc.poll() is None:
        with contextlib.suppress(OSError, StopIteration):
            rss = peak_rss(proc.pid)
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return {"timed_out": cap, "rss": rss}
        time.sleep(0.1)
    assert proc.stdout is not None
    assert proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    if proc.returncode != 0:
        return {"failed": (err.strip().splitlines() or ["?"])[-1][:100], "rss": rss}
    return {"rss": rss, **json.loads(out.strip().splitlines()[-1])}


def chat_peers(run: Run) -> list[Peer]:
    """The async clients that make chat calls (anthropic's does not)."""
    return [peer for peer in run.peers if peer.is_async and peer.family != "anthropic"]


def measure_throughput(run: Run) -> None:
    """(g) in ``burst_rounds`` rotated rounds of one fresh process per client; the median
    req/s and the most connections opened (a single process per client swung 2x with load)."""
    c = run.counts
    for in_flight in c.in_flight:
        rate = run.measure(f"g{in_flight}", f"(g) req/s, {in_flight} in flight", "higher")
        opened = run.measure(f"g{in_flight}new", f"(g) {in_flight} in flight: new conns", "count")
        rates: dict[str, list[float]] = {}
        conns: dict[str, float] = {}
        with phase(run, f"(g) {c.burst} calls, {in_flight} in flight"):
            for order in rotations(chat_peers(run), c.burst_rounds):
                for peer in order:
                    if isinstance(rate.cells.get(peer.name), str):
                        continue  # failed in an earlier round
                    result = run_worker(
                        peer, run.base, c.burst, in_flight, c.burst_cap, c.timeout, "--burst"
                    )
                    print(f"    {peer.name}: {result}", flush=True)
                    if "wall" not in result:
                        why = result.get("failed") or f"timed out after {c.burst_cap:.0f} s"
                        rate.cells[peer.name] = opened.cells[peer.name] = f"n/a ({why})"
                    elif result["errors"]:
                        rate.cells[peer.name] = f"{sum(result['errors'].values())} errors"
                        opened.cells[peer.name] = float(result["opened"])
                        run.notes.append(f"(g) {in_flight}, {peer.name}: {result['errors']}")
                    else:
                        rates.setdefault(peer.name, []).append(c.burst / result["wall"])
                        conns[peer.name] = max(conns.get(peer.name, 0.0), result["opened"])
        for name, samples in rates.items():
            if not isinstance(rate.cells.get(name), str):
                rate.cells[name] = statistics.median(samples)
                opened.cells[name] = conns[name]


def measure_concurrency(run: Run) -> None:
    c = run.counts
    async_peers = chat_peers(run)
    for tag, n, warm, cap in (("e", c.cold, 0, c.cold_cap), ("e+", c.warm, c.warm_up, c.warm_cap)):
        pool = "warm" if warm else "cold"
        wall = run.measure(tag, f"(e) {n} streams, {pool} pool: wall s")
        errors = run.measure(f"{tag}err", f"(e) {n} streams, {pool}: errors", "count")
        rss = run.measure(f"{tag}rss", f"(e) {n} streams, {pool}: peak RSS MB")
        with phase(run, f"(e) {n} concurrent streams, {pool} pool"):
            for order in rotations(async_peers, 1):
                for peer in order:
                    result = run_worker(peer, run.base, n, warm, cap, c.timeout)
                    rss.cells[peer.name] = float(result["rss"])
                    if "timed_out" in result:
                        wall.cells[peer.name] = errors.cells[peer.name] = (
                            f"timed out after {cap:.0f} s"
                        )
                    elif "failed" in result:
                        wall.cells[peer.name] = errors.cells[peer.name] = (
                            f"n/a ({result['failed']})"
                        )
                    else:
                        wall.cells[peer.name] = result["wall"]
                        errors.cells[peer.name] = float(sum(result["errors"].values()))
                        if result["errors"]:
                            run.notes.append(f"(e) {n} {pool}, {peer.name}: {result['errors']}")
                    print(f"    {peer.name}: {result}", flush=True)


# -- Report.


def fmt(measure: Measure, peer: Peer) -> str:
    value = measure.cells.get(peer.name, "")
    if isinstance(value, str):
        return value
    shown = f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:.2f}"
    ratio = measure.ratio(peer)
    return f"{shown} ({ratio:.2f}x)" if ratio is not None else shown


def table(run: Run) -> str:
    peers = run.peers
    lines = ["| measure | " + " | ".join(peer.name for peer in peers) + " |"]
    lines.append("| --- |" + " ---: |" * len(peers))
    for m in run.measures.values():
        cells = [fmt(m, peer) if m.cells.get(peer.name) is not None else "" for peer in peers]
        lines.append(f"| {m.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def value(run: Run, key: str, name: str) -> float | None:
    cell = run.measures[key].cells.get(name) if key in run.measures else None
    return cell if isinstance(cell, float) else None


def targets(run: Run) -> list[str]:
    """Issue 17's targets, each with the measured value and whether this run met it."""
    out = []

    def ratio(key: str, name: str, base: str) -> float | None:
        a, b = value(run, key, name), value(run, key, base)
        return a / b if a is not None and b else None

    def check(text: str, got: float | None, ok: Callable[[float], bool]) -> None:
        verdict = "n/a" if got is None else ("met" if ok(got) else "MISSED")
        out.append(f"- {verdict}: {text}: {'not measured' if got is None else f'{got:.2f}'}")

    for mine, base in (("zaguan", "httpx2"), ("zaguan-async", "httpx2-async")):
        check(f"{mine} per call ≤ 1.10x {base}", ratio("a", mine, base), lambda r: r <= 1.1)
        check(f"{mine} chunks/s ≥ 0.80x {base}", ratio("b", mine, base), lambda r: r >= 0.8)
        rivals = [
            value(run, "b", p.name)
            for p in run.peers
            if p.is_async == mine.endswith("-async") and p.family not in RAW
        ]
        best = max((r for r in rivals if r is not None), default=None)
        got = value(run, "b", mine)
        check(f"{mine} chunks/s ≥ 1.3x the best peer's", got / best if got and best else None,
              lambda r: r >= 1.3)  # fmt: skip
        check(f"{mine} new connections in 50 streams = 0", value(run, "d", mine), lambda d: d == 0)
    top = max(run.counts.in_flight)
    check(f"(g) {top} in flight: zaguan-async ≥ 0.9x httpx2-async",
          ratio(f"g{top}", "zaguan-async", "httpx2-async"), lambda r: r >= 0.9)  # fmt: skip
    check(f"(g) {top} in flight: zaguan-aiohttp ≥ 3x openai-async",
          ratio(f"g{top}", "zaguan-aiohttp", "openai-async"), lambda r: r >= 3)  # fmt: skip
    check(f"(g) {top} in flight: zaguan-aiohttp ≥ 0.7x raw aiohttp",
          ratio(f"g{top}", "zaguan-aiohttp", "aiohttp"), lambda r: r >= 0.7)  # fmt: skip
    for mine in ("zaguan-async", "zaguan-aiohttp"):
        check(f"(g) {top} in flight: {mine} new connections = 0",
              value(run, f"g{top}new", mine), lambda d: d == 0)  # fmt: skip
    check("import zaguan ≤ 1.2x import httpx2", ratio("c", "zaguan", "httpx2"), lambda r: r <= 1.2)
    for mine in ("zaguan-async", "zaguan-aiohttp"):
        for key, target, ok in (
            ("e", f"{run.counts.cold} streams, cold pool: wall ≤ 1.5x raw httpx2",
             lambda r: r <= 1.5),
            ("e+err", f"{run.counts.warm} streams, warm pool: 0 errors", lambda e: e == 0),
        ):  # fmt: skip
            got = ratio(key, mine, "httpx2-async") if key == "e" else value(run, key, mine)
            cell = run.measures[key].cells.get(mine) if key in run.measures else None
            if isinstance(cell, str):
                out.append(f"- MISSED: {mine} {target}: {cell}")
            else:
                check(f"{mine} {target}", got, ok)
    return out


def machine() -> list[str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor() or "?",
    )  # fmt: skip
    versions = []
    for dist in DISTRIBUTIONS:
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist} not installed")
    return [
        f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        "Versions: " + ", ".join(versions),
    ]


def report(run: Run, command: str, load: tuple[Any, Any], date: str) -> str:
    parts = [
        "# Benchmarks: side by side",
        "",
        f"Made by `{command}` on {date} (`make bench`; re-run it rather than trusting these).",
        "",
        *(f"- {line}" for line in machine()),
        f"- Load average (1, 5, 15 min) before: {load[0]}; after: {load[1]}",
        "",
        "Cells: the median, and in brackets the ratio to the floor, raw `httpx2` + `json.loads` "
        "(sync clients to `httpx2`, async ones to `httpx2-async`; imports to `import httpx2`). "
        "Time and memory: lower is better; chunks/s and req/s: higher is better. A blank cell: "
        "the client has no such feature (no Anthropic stream, no mock transport).",
        "",
        table(run),
        "",
        "## Targets (issue 17), in this run",
        "",
        *targets(run),
        "",
        "## How it was measured",
        "",
        "- Server: `scripts/bench_server.py`, asyncio HTTP/1.1 in its own process, canned bodies "
        "(a chat completion; 200 SSE chunks then `data: [DONE]`), keep-alive. Its CPU per phase:",
        *(f"  - {line}" for line in run.phases),
        "- Clients: default settings, except retries off and the same timeout "
        f"({run.counts.timeout:.0f} s) for all; the same key and request body.",
        f"- (a), (b), (f): {run.counts.rounds} rounds, clients interleaved, order rotated each "
        f"round; (a) {run.counts.calls} calls per client after 20 of warm-up, (b) "
        f"{run.counts.streams} streams per client and variant. '+ final' rebuilds the answer "
        "with the client's own helper (ours and openai's `get_final_completion()`, zaguan-sdk's "
        "`StreamAccumulator`, a join of the deltas for raw httpx; mistralai has none).",
        f"- (c) median of {run.counts.imports} fresh interpreters per module, rotated.",
        "- (d) after one stream, 50 more in a row; connections counted by the server.",
        f"- (g) async clients only, one fresh process each, {run.counts.burst_rounds} rounds "
        f"rotated (the median): {run.counts.burst} calls, "
        f"{' or '.join(map(str, run.counts.in_flight))} at a time, after a warm-up of as "
        "many; new conns: the most TCP connections the server saw opened during them.",
        "- (h) the Messages stream of the clients that have one, measured as (b).",
        f"- (e) async clients only, one fresh process each; warm = after {run.counts.warm_up} "
        "concurrent streams on the same client; each process is capped at "
        f"{run.counts.cold_cap:.0f} s (cold) or {run.counts.warm_cap:.0f} s (warm) in all "
        "(import, warm-up and run); peak RSS is that process's VmHWM (its "
        "`ru_maxrss` would include the parent's peak, carried over the fork).",
        "",
        *(f"- {note}" for note in run.notes),
    ]
    return "\n".join(parts) + "\n"


def chart(run: Run, path: Path) -> str:
    try:
        import matplotlib  # noqa: PLC0415 (optional: the chart is skipped without it)

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        return "matplotlib is not installed: no chart (`make bench` installs it)"
    measures = [m for m in run.measures.values() if any(m.ratio(p) for p in run.peers)]
    fig, ax = plt.subplots(figsize=(max(10, 1.3 * len(measures)), 6))
    width, colors = 0.8 / len(run.peers), plt.get_cmap("tab20").colors  # pairs: sync, async
    for i, peer in enumerate(run.peers):
        # Every bar reads the same way: cost against raw httpx2 (chunks/s turned into s/chunk),
        # drawn from 1, so that a bar going up is worse than raw httpx2 and one going down better.
        costs = [cost(m, peer) for m in measures]
        ax.bar(
            [j + i * width for j in range(len(measures))],
            [c - 1 for c in costs],
            width,
            bottom=1,
            label=peer.name,
            color=colors[PEERS.index(peer) % len(colors)],  # the same colour in every run
        )
    ax.axhline(1, color="black", linewidth=0.8)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(measures))])
    ax.set_xticklabels([m.label for m in measures], rotation=30, ha="right", fontsize=8)
    ax.set_yscale("log")
    ax.set_ylabel("cost relative to raw httpx2 (log): above 1 is worse")
    ax.set_title("Time, memory and time per chunk, each client against raw httpx2 (= 1)")
    ax.legend(fontsize=7, ncol=6)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return f"chart: {path}"


def cost(measure: Measure, peer: Peer) -> float:
    """The ratio to raw httpx2 as a cost (1 when not measured): chunks/s are inverted."""
    ratio = measure.ratio(peer) or 1.0
    return 1 / ratio if measure.better == "higher" else ratio


def write_report(path: Path, text: str) -> None:
    """``text`` as ``path``, with the hand-kept sections of the old file carried over: the
    reading of the last run (after the targets) and the bulk benchmark's (at the end), each
    between its markers; this script writes neither."""
    old = path.read_text() if path.exists() else ""

    def kept(markers: tuple[str, str]) -> str | None:
        start, end = markers
        if start in old and end in old:
            return old[old.index(start) : old.index(end) + len(end)]
        return None

    analysis = kept(ANALYSIS_MARKERS)
    if analysis is not None:
        text = text.replace(
            "\n## How it was measured", f"\n{analysis}\n\n## How it was measured", 1
        )
    bulk = kept(BULK_MARKERS)
    if bulk is not None:
        text = f"{text.rstrip()}\n\n{bulk}\n"
    path.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke test")
    parser.add_argument("--only", help=f"families, comma-separated ({FLOOR} is always in)")
    parser.add_argument("--out", type=Path, help="where to write benchmarks.md and .png")
    parser.add_argument("--skip", default="", help="measures to leave out, e.g. e,g,c")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    parser.add_argument("--burst", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker or args.burst:
        name, base, n, warm, timeout = args.worker or args.burst
        job = worker if args.worker else burst_worker
        result = asyncio.run(job(BY_NAME[name], base, int(n), int(warm), float(timeout)))
        print(json.dumps(result))
        return
    families = set(args.only.split(",")) | {FLOOR} if args.only else None
    peers = [p for p in PEERS if families is None or p.family in families]
    server, base = start_server()
    try:
        counts = QUICK if args.quick else Counts()
        run = Run(peers, counts, base, server.pid)
        command = "python scripts/bench.py " + shlex.join(sys.argv[1:])
        date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        before = tuple(round(x, 2) for x in os.getloadavg())
        skip = set(args.skip.split(","))
        for key, step in (("a", measure_calls_and_streams), ("c", measure_imports),
                          ("d", measure_connections), ("e", measure_concurrency),
                          ("g", measure_throughput), ("f", measure_mock)):  # fmt: skip
            if key not in skip:
                step(run)
        after = tuple(round(x, 2) for x in os.getloadavg())
    finally:
        server.kill()
        server.wait()
    if max(before[0], after[0]) > (os.cpu_count() or 1):
        run.notes.append(
            "The machine was loaded (1-minute load average above its core count): the rounds "
            "share the swings among the clients, but read the ratios with care and re-run on a "
            "quiet machine."
        )
    text = report(run, command.strip(), (before, after), date)
    print("\n" + text)
    out = args.out or (None if args.quick else HERE.parent / "docs")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_report(out / "benchmarks.md", text)
        print(chart(run, out / "benchmarks.png"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak RSS of this process: {peak} MB")


if __name__ == "__main__":
    main()
