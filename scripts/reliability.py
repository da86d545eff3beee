"""`make reliability`: the idempotency table and the load table, measured against the local CoreX.

    python scripts/reliability.py [--seed N] [--calls 1000] [--streams 5000]
                                  [--threads 32] [--per-thread 100] [--workers 16]

Idempotency: `--calls` calls per client (sync `ZaguanClient`, then `AsyncZaguanClient`), each
with a fault drawn from a seeded schedule (5xx, 429, drops, timeouts, broken streams), counted
from the server's records: retries, outcomes, and debits per request id. Double debits, wrong
answers and escaped non-SDK exceptions must be 0.
Load: a `LocalCoreX` in its own process; `--streams` concurrent async streams from one default
client, then `--threads` threads sharing one default sync client (`--per-thread` calls and as
many streams each), each phase in a fresh process. Errors must be 0.
Exits 1 when an invariant fails.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import _reliability_calls as calls
import httpx2

from zaguan.testing import LocalCoreX

LOAD_SCRIPT = Path(__file__).with_name("_reliability_load.py")
SERVER_CREDITS = 100_000_000  # the load phases debit one credit per call and per stream


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table: the first column left-aligned, the others right-aligned."""
    cells = [[str(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        first, *rest = row
        parts = [first.ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ------------------------------------------------------------------------------ idempotency


def idempotency(seed: int, n: int, workers: int) -> tuple[str, int]:
    """Run both clients; return the printed report and the number of defects."""
    drawn = calls.schedule(seed, n)
    tallies = []
    with LocalCoreX(credits=SERVER_CREDITS) as server:
        for name in ("sync", "async"):
            server.reset()
            todo = calls.plans(drawn, f"rel-{name}")
            if name == "sync":
                outcomes = calls.run_sync(server, todo, workers)
            else:
                outcomes = asyncio.run(calls.run_async(server, todo, workers))
            tallies.append(calls.measure(server, todo, outcomes))
    intro = (
        f"Idempotency: {n:,} calls per client, seed {seed}; LocalCoreX in this process (a thread);"
        f" {workers} calls at a time; back-off waits capped at {calls.BACKOFF_CAP * 1000:.0f} ms"
        f" through each client's _sleep seam; timeout scenarios: timeout={calls.CALL_TIMEOUT}s."
    )
    report = "\n\n".join([textwrap.fill(intro, 100), _schedule_table(drawn), _tally_table(tallies)])
    return report, sum(t.defects for t in tallies)


def _schedule_table(drawn: Sequence[tuple[str, calls.Scenario]]) -> str:
    kinds = Counter(kind for kind, _ in drawn)
    faults = Counter(scenario.name for _, scenario in drawn)
    rows: list[list[object]] = [[f"call: {k}", kinds[k]] for k in calls.KINDS]
    rows += [[f"fault: {s.name}", faults[s.name]] for s in calls.SCENARIOS]
    return table(["schedule (same for both clients)", "calls"], rows)


def _tally_table(tallies: Sequence[calls.Tally]) -> str:
    sync, async_ = tallies
    classes = sorted(set(sync.failures) | set(async_.failures))
    charged = sorted(set(sync.charged_failures) | set(async_.charged_failures))
    rows: list[list[object]] = [
        ["calls", sync.calls, async_.calls],
        ["retries (attempts - 1, from the server)", sync.retries, async_.retries],
        ["successes", sync.successes, async_.successes],
        ["failures", sync.failures.total(), async_.failures.total()],
        *([f"  {c}", sync.failures[c], async_.failures[c]] for c in classes),
        ["double debits (must be 0)", sync.double_debits, async_.double_debits],
        ["successes not debited (must be 0)", sync.uncharged_successes, async_.uncharged_successes],
        ["debits for calls reported failed", *(t.charged_failures.total() for t in tallies)],
        *([f"  {c}", sync.charged_failures[c], async_.charged_failures[c]] for c in charged),
        ["  recovered by a retry with the same id", sync.recovered, async_.recovered],
        ["  new debits from that retry (must be 0)", sync.recovery_debits, async_.recovery_debits],
    ]
    return table(["per client", "sync", "async"], rows)


# ------------------------------------------------------------------------------ load


@contextmanager
def server_process() -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`python -m zaguan.testing` on a free port, in its own process, until it answers."""
    command = [sys.executable, "-m", "zaguan.testing", "--port", "0", "--log-level", "warning"]
    command += ["--credits", str(SERVER_CREDITS)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        match = re.search(r"http://\S+", process.stdout.readline())
        if match is None:
            raise RuntimeError("the local CoreX did not say where it serves")
        url = match.group(0)
        _wait_healthy(url)
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx2.get(f"{url}/health", timeout=5).status_code == 200:
                return
        except httpx2.HTTPError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc/PID/stat (fields 14 and 15)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # fields from the 3rd on; comm may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def debited(url: str) -> int:
    response = httpx2.get(
        f"{url}/v1/credits/balance", headers={"Authorization": "Bearer zk-local-pro"}, timeout=30
    )
    return int(response.json()["credits_used"])


def load_phase(pid: int, url: str, args: Sequence[str], limit: float) -> dict[str, Any]:
    """Run one phase in a fresh client process; add the server's CPU, debits and load.

    A phase still running after `limit` seconds is stopped (SIGTERM) and reports what it saw:
    the items not finished by then count as errors."""
    before = (os.getloadavg()[0], cpu_seconds(pid), debited(url))
    command = [sys.executable, str(LOAD_SCRIPT), args[0], url, *args[1:]]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        process.terminate()
        out, err = process.communicate(timeout=120)
    if process.returncode != 0 or not out.strip():
        sys.stderr.write(err)
        raise RuntimeError(f"load phase {args[0]} failed with exit code {process.returncode}")
    result: dict[str, Any] = json.loads(out.splitlines()[-1])
    result["load"] = (before[0], os.getloadavg()[0])
    result["server_cpu"] = cpu_seconds(pid) - before[1]
    result["debits"] = debited(url) - before[2]
    if result["unfinished"]:
        result["errors"][f"unfinished after {limit:.0f} s"] = result["unfinished"]
    return result


def load(streams: int, threads: int, per_thread: int, limit: float) -> tuple[str, int]:
    """Run both load phases; return the printed report and the number of errors."""
    each = threads * per_thread
    phases = [
        (f"{streams:,} concurrent async streams", ["async-streams", str(streams)]),
        (
            f"{threads} threads: {each:,} calls + {each:,} streams",
            ["threads", str(threads), str(per_thread)],
        ),
    ]
    rows, errors = [], 0
    with server_process() as (process, url):
        for name, args in phases:
            result = load_phase(process.pid, url, args, limit)
            errors += sum(result["errors"].values())
            # Every success charged once (a stopped phase may leave charged streams unread).
            errors += not result["unfinished"] and result["debits"] != result["ok"]
            rows.append(_load_row(name, result))
        pid = process.pid
    intro = (
        f"Load: LocalCoreX in its own process (pid {pid}); each phase in a fresh client process"
        " with default client settings (the threads share one sync client); peak RSS is that"
        " process's (ru_maxrss); debits are the server's; load is the 1-minute load average."
    )
    header = ["phase", "wall s", "done per s", "peak RSS MiB", "errors", "debits"]
    header += ["server CPU s", "load before/after"]
    return f"{textwrap.fill(intro, 100)}\n\n{table(header, rows)}", errors


def _load_row(name: str, result: dict[str, Any]) -> list[object]:
    errors = ", ".join(f"{n} {c}" for c, n in sorted(result["errors"].items())) or "0"
    return [
        name,
        f"{result['wall']:.1f}",
        f"{result['ok'] / result['wall']:,.0f}",
        f"{result['rss_kib'] / 1024:.0f}",
        errors,
        result["debits"],
        f"{result['server_cpu']:.1f}",
        "{:.2f} / {:.2f}".format(*result["load"]),
    ]


# ------------------------------------------------------------------------------ main


def _load_average() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, help="fault schedule seed (default: random)")
    parser.add_argument("--calls", type=int, default=1000, help="idempotency calls per client")
    parser.add_argument("--workers", type=int, default=16, help="idempotency calls at a time")
    parser.add_argument("--streams", type=int, default=5000, help="concurrent async streams")
    parser.add_argument("--threads", type=int, default=32, help="threads sharing a sync client")
    parser.add_argument("--per-thread", type=int, default=100, help="calls (and streams) each")
    parser.add_argument(
        "--phase-limit", type=float, default=1800, help="seconds before a load phase is stopped"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"Python {platform.python_version()}, {os.cpu_count()} CPUs"
    print(f"{now}, {machine}, load average {_load_average()}", flush=True)
    report, defects = idempotency(seed, args.calls, args.workers)
    print(report, end="\n\n", flush=True)
    report, errors = load(args.streams, args.threads, args.per_thread, args.phase_limit)
    print(report, flush=True)
    if defects or errors:
        print(f"\nFAILED: {defects} idempotency defects, {errors} load errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
