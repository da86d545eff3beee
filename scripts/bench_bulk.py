"""The bulk runner's benchmark: ``zaguan run`` against the same loop written by hand.

    python scripts/bench_bulk.py [--quick] [--out docs]

Every run is a fresh process (``--worker``), the server another one:
(1) throughput: N chat lines (Batch API request lines) at concurrency 64 against
    ``scripts/bench_server.py``, through `zaguan.bulk.arun` and through a loop written by hand
    over raw httpx2 (and aiohttp, when installed) with no limiter and no checks: read a line,
    POST its body, write an output line. Rounds alternate the order; medians; ratios to the
    hand loop over httpx2 (target: zaguan >= 0.8x).
(2) rate limit: ``zaguan run --rpm R`` against the local CoreX (`LocalCoreX`, its own
    process) limiting the key to 1.25 R: the rate achieved (target: within 5 % of R) and the
    429s the server sent (target: 0).
(3) memory: the peak RSS of ``zaguan run`` over a 1,000,000-line input (target: < 200 MB).
The load average is printed before and after. The report is printed, and written as its own
section of OUT/benchmarks.md (between the ``bench_bulk`` marker comments, the rest of the file
kept) with ``--out``, or without ``--quick``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import datetime
import json
import math
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
KEY = "sk-bench"
START, END = "<!-- bench_bulk:start -->", "<!-- bench_bulk:end -->"
CONCURRENCY = 64
BODY = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello"}]}


@dataclass(frozen=True)
class Counts:
    lines: int = 10_000
    rounds: int = 5
    rpm: int = 1200
    rpm_seconds: float = 90.0  # how long the rate-limited run lasts
    memory_lines: int = 1_000_000


QUICK = Counts(lines=200, rounds=1, rpm=600, rpm_seconds=4.0, memory_lines=1_000)


# -- Workers: each measure runs in a fresh process and prints one JSON object.


def write_lines(path: Path, count: int, model: str = BODY["model"]) -> Path:
    """``count`` chat request lines, custom ids ``line-0000001``, ..."""
    body = {**BODY, "model": model}
    with path.open("w") as file:
        for i in range(1, count + 1):
            line = {"custom_id": f"line-{i:07d}", "method": "POST",
                    "url": "/v1/chat/completions", "body": body}  # fmt: skip
            file.write(json.dumps(line) + "\n")
    return path


async def run_zaguan(base: str, source: Path, target: Path) -> dict[str, Any]:
    from zaguan import AsyncZaguanClient  # noqa: PLC0415  # a worker loads what it measures only
    from zaguan.bulk import arun  # noqa: PLC0415  # a worker loads what it measures only

    started, cpu = time.perf_counter(), time.process_time()
    summary = await arun(
        source, target, concurrency=CONCURRENCY,
        client=lambda http: AsyncZaguanClient(KEY, base_url=base, http_client=http, max_retries=0),
    )  # fmt: skip
    return _timed(started, cpu, summary.done, summary.failed)


def _timed(started: float, cpu: float, done: int, failed: int = 0) -> dict[str, Any]:
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "done": done, "failed": failed}


async def run_httpx2(base: str, source: Path, target: Path) -> dict[str, Any]:
    import httpx2  # noqa: PLC0415  # a worker loads what it measures only

    limits = httpx2.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    started, cpu = time.perf_counter(), time.process_time()
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=60) as http:

        async def send(custom_id: str, body: dict[str, Any]) -> tuple[int, Any]:
            response = await http.post(
                "/v1/chat/completions", json=body, headers=_headers(custom_id)
            )
            return response.status_code, response.json()

        done = await _hand_loop(source, target, send)
    return _timed(started, cpu, done)


async def run_aiohttp(base: str, source: Path, target: Path) -> dict[str, Any]:
    import aiohttp  # noqa: PLC0415  # a worker loads what it measures only

    started, cpu = time.perf_counter(), time.process_time()
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(base_url=base, connector=connector) as http:

        async def send(custom_id: str, body: dict[str, Any]) -> tuple[int, Any]:
            async with http.post("/v1/chat/completions", json=body,
                                 headers=_headers(custom_id)) as response:  # fmt: skip
                return response.status, await response.json()

        done = await _hand_loop(source, target, send)
    return _timed(started, cpu, done)


def _headers(custom_id: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEY}", "X-Request-Id": f"hand:{custom_id}"}


async def _hand_loop(source: Path, target: Path, send: Callable[[str, dict[str, Any]], Any]) -> int:
    """The loop users write: a bounded queue, CONCURRENCY workers, one output line each."""
    queue: asyncio.Queue[tuple[str, dict[str, Any]] | None] = asyncio.Queue(CONCURRENCY)
    done = 0
    with target.open("w") as out:

        async def worker() -> None:
            nonlocal done
            while (item := await queue.get()) is not None:
                custom_id, body = item
                status, answer = await send(custom_id, body)
                response = {
                    "status_code": status,
                    "request_id": f"hand:{custom_id}",
                    "body": answer,
                }
                out.write(json.dumps({"id": custom_id, "custom_id": custom_id,
                                      "response": response, "error": None}) + "\n")  # fmt: skip
                out.flush()
                done += 1

        workers = [asyncio.create_task(worker()) for _ in range(CONCURRENCY)]
        with source.open() as lines:
            for line in lines:
                row = json.loads(line)
                await queue.put((row["custom_id"], row["body"]))
        for _ in workers:
            await queue.put(None)
        await asyncio.gather(*workers)
    return done


async def run_limited(base: str, source: Path, target: Path, rpm: int) -> dict[str, Any]:
    """``zaguan run --rpm``'s library call, timing each request sent and counting 429s."""
    import zaguan  # noqa: PLC0415  # a worker loads what it measures only
    from zaguan.bulk import arun  # noqa: PLC0415  # a worker loads what it measures only

    sent: list[float] = []
    refused = 0

    class Count(zaguan.Hooks):
        def on_request(self, event: zaguan.AttemptStart) -> None:
            sent.append(time.monotonic())

        def on_response(self, event: zaguan.AttemptResponse) -> None:
            nonlocal refused
            refused += event.status_code == 429

    limit = zaguan.RateLimit(requests_per_minute=rpm)
    summary = await arun(
        source, target, concurrency=CONCURRENCY,
        client=lambda http: zaguan.AsyncZaguanClient(
            "zk-local-pro", base_url=base, http_client=http, rate_limit=limit, hooks=[Count()]
        ),
    )  # fmt: skip
    span = sent[-1] - sent[0] if len(sent) > 1 else 0.0
    burst = math.ceil(rpm / 60)  # the limiter's first second goes at once
    steady = sent[-1] - sent[burst] if len(sent) > burst + 1 else 0.0
    return {"sent": len(sent), "span": span, "refused": refused, "done": summary.done,
            "rate": (len(sent) - 1) / span * 60 if span else 0.0,
            "steady": (len(sent) - burst - 1) / steady * 60 if steady else 0.0}  # fmt: skip


def memory_worker(base: str, source: Path, target: Path) -> dict[str, Any]:
    """``zaguan run`` itself, in this process; its peak RSS."""
    from zaguan._cli import main  # noqa: PLC0415  # a worker loads what it measures only

    os.environ.update(ZAGUAN_BASE_URL=base, ZAGUAN_API_KEY=KEY)
    started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):
        status = main(["run", str(source), "-o", str(target), "-c", str(CONCURRENCY)])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status_file = Path("/proc/self/status").read_text()
    now = next(
        int(line.split()[1]) for line in status_file.splitlines() if line.startswith("VmRSS")
    )
    return {"status": status, "peak_mb": peak, "end_mb": now / 1024,
            "seconds": time.perf_counter() - started}  # fmt: skip


WORKERS: dict[str, Callable[..., Any]] = {
    "zaguan": run_zaguan, "httpx2": run_httpx2, "aiohttp": run_aiohttp,
}  # fmt: skip


def worker(kind: str, base: str, source: str, target: str, extra: str) -> None:
    paths = Path(source), Path(target)
    if kind == "memory":
        result = memory_worker(base, *paths)
    elif kind == "limited":
        result = asyncio.run(run_limited(base, *paths, int(extra)))
    else:
        result = asyncio.run(WORKERS[kind](base, *paths))
    print(json.dumps(result))


def spawn(kind: str, base: str, source: Path, target: Path, extra: str = "") -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", kind, base, str(source), str(target), extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    target.unlink(missing_ok=True)
    Path(str(target) + ".zaguan-run.json").unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} worker failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- Servers


@contextlib.contextmanager
def server(command: list[str], ready: str) -> Iterator[tuple[str, int]]:
    """A server process; its base URL (from the line starting with ``ready``) and pid."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith(ready):
            raise RuntimeError(f"the server said {line!r}")
        address = line.split()[1]
        yield (
            (address if address.startswith("http") else f"http://127.0.0.1:{address}"),
            process.pid,
        )
    finally:
        process.kill()
        process.wait()


LIMITED_SERVER = """
import sys
from zaguan.testing import LocalCoreX
with LocalCoreX(rate_limits={"zk-local-pro": (int(sys.argv[1]), None)}) as server:
    print("URL", server.base_url, flush=True)
    sys.stdin.read()
"""


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of process ``pid`` (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- Measures


def clients() -> list[str]:
    try:
        import aiohttp  # noqa: F401, PLC0415  # an optional peer
    except ImportError:
        return ["zaguan", "httpx2"]
    return ["zaguan", "httpx2", "aiohttp"]


def measure_throughput(counts: Counts, folder: Path, rows: list[str]) -> dict[str, float]:
    """Lines per second (wall) and CPU per line of each client, medians over the rounds."""
    source = write_lines(folder / "throughput.jsonl", counts.lines)
    names = clients()
    seconds: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    command = [sys.executable, str(HERE / "bench_server.py")]
    with server(command, "PORT") as (base, pid):
        spent = cpu_seconds(pid)
        for round_ in range(counts.rounds):
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                result = spawn(name, base, source, folder / f"out-{name}.jsonl")
                assert (result["done"], result["failed"]) == (counts.lines, 0), result
                seconds[name].append(result["seconds"])
                cpu[name].append(result["cpu"])
        spent = cpu_seconds(pid) - spent
    rates = {name: counts.lines / statistics.median(times) for name, times in seconds.items()}
    base_rate = rates["httpx2"]
    rows.append(f"| (1) lines/s, {counts.lines:,} chat lines, concurrency {CONCURRENCY} | "
                + " | ".join(f"{rates[n]:,.0f} ({rates[n] / base_rate:.2f}x)" for n in names)
                + " |")  # fmt: skip
    per_line = {name: statistics.median(times) / counts.lines * 1e6 for name, times in cpu.items()}
    rows.append("| (1) client CPU per line (us): the same, less the machine's load | "
                + " | ".join(f"{per_line[n]:,.0f} ({per_line['httpx2'] / per_line[n]:.2f}x)"
                             for n in names)
                + " |")  # fmt: skip
    rows.append(f"| (1) the server's CPU, all rounds | {spent:.1f} s |" + " |" * (len(names) - 1))
    return rates


def measure_rate_limit(counts: Counts, folder: Path) -> str:
    import zaguan  # noqa: PLC0415  # a worker loads what it measures only

    if not hasattr(zaguan, "RateLimit"):
        return "| (2) `--rpm` | n/a: `zaguan.RateLimit` (issue 19, part 1) is not in this build |"
    rpm = counts.rpm
    lines = max(int(rpm * counts.rpm_seconds / 60), 20)
    source = write_lines(folder / "limited.jsonl", lines, model="openai/gpt-4o-mini")
    command = [sys.executable, "-c", LIMITED_SERVER, str(int(rpm * 1.25))]
    with server(command, "URL") as (base, _):
        result = spawn("limited", base, source, folder / "out-limited.jsonl", str(rpm))
    off = abs(result["rate"] / rpm - 1)
    return (f"| (2) `--rpm {rpm}`, server limit {int(rpm * 1.25)}/min, {lines:,} lines | "
            f"{result['rate']:,.0f}/min ({off:.1%} off R; after the first second's burst "
            f"{result['steady']:,.0f}/min), {result['refused']} 429s | "
            f"{'yes' if off <= 0.05 and result['refused'] == 0 else 'NO'} |")  # fmt: skip


def measure_memory(counts: Counts, folder: Path) -> str:
    source = write_lines(folder / "memory.jsonl", counts.memory_lines)
    size = source.stat().st_size / 1e6
    command = [sys.executable, str(HERE / "bench_server.py")]
    with server(command, "PORT") as (base, _):
        result = spawn("memory", base, source, folder / "out-memory.jsonl")
    source.unlink()
    assert result["status"] == 0, result
    return (f"| (3) peak RSS of `zaguan run`, {counts.memory_lines:,} lines ({size:,.1f} MB) | "
            f"{result['peak_mb']:,.0f} MB ({result['end_mb']:,.0f} MB at the end), "
            f"{result['seconds']:,.0f} s | "
            f"{'yes' if result['peak_mb'] < 200 else 'NO'} |")  # fmt: skip


def report(counts: Counts) -> str:
    load_before = tuple(round(x, 2) for x in os.getloadavg())
    throughput: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rates = measure_throughput(counts, folder, throughput)
        print(*throughput, sep="\n", flush=True)  # as each measure ends: the last one is long
        limited = measure_rate_limit(counts, folder)
        print(limited, flush=True)
        memory = measure_memory(counts, folder)
    load_after = tuple(round(x, 2) for x in os.getloadavg())
    names = clients()
    ratio = rates["zaguan"] / rates["httpx2"]
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    given = sys.argv[1:]  # as typed, less --out's folder
    shown = [a for i, a in enumerate(given) if "--out" not in (a, given[i - 1] if i else "")]
    command = shlex.join(["python", "scripts/bench_bulk.py", *shown])
    return "\n".join([
        "## The bulk runner (`zaguan run`)",
        "",
        f"`{command}`, {date}, {os.cpu_count()} cores, load average {load_before} before, "
        f"{load_after} after. Each run is a fresh process; the server another "
        "(`scripts/bench_server.py`; the local CoreX for (2)). Hand loops: a bounded queue, "
        f"{CONCURRENCY} workers, no limiter, no checks, one output line per answer.",
        "",
        "| measure | " + " | ".join(_column(name) for name in names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
        *throughput,
        "",
        f"zaguan / hand loop over httpx2: **{ratio:.2f}x** (target >= 0.8x: "
        f"{'met' if ratio >= 0.8 else 'NOT met'}).",
        "",
        "| measure | result | target met |",
        "| --- | --- | --- |",
        limited,
        memory,
    ])  # fmt: skip


def _column(name: str) -> str:
    return "`zaguan.bulk`" if name == "zaguan" else f"hand loop, {name}"


def write_section(path: Path, section: str) -> None:
    """Put ``section`` between the markers of ``path``, or append it; the rest stays."""
    text = path.read_text() if path.exists() else ""
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
    path.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke test")
    parser.add_argument("--out", type=Path, help="the folder of the benchmarks.md to update")
    parser.add_argument(
        "--memory-lines", type=int, help="lines of the memory run (default 1,000,000)"
    )
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    counts = QUICK if args.quick else Counts()
    if args.memory_lines:
        counts = dataclasses.replace(counts, memory_lines=args.memory_lines)
    text = report(counts)
    print("\n" + text)
    out = args.out or (None if args.quick else HERE.parent / "docs")
    if out is not None:
        write_section(out / "benchmarks.md", text)
        print(f"\nwritten: {out / 'benchmarks.md'}")


if __name__ == "__main__":
    main()
