"""One load phase of `scripts/reliability.py`, run in a fresh process so its peak RSS is its own.

    python scripts/_reliability_load.py async-streams BASE_URL STREAMS
    python scripts/_reliability_load.py threads BASE_URL THREADS PER_THREAD

Prints one JSON line: wall seconds, successes, errors by class, unfinished items, peak RSS
(KiB); on SIGTERM (the time limit) it prints it at once and exits. The clients use their
default settings; every answer is checked against the local CoreX's echo.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import signal
import sys
import threading
import time
from collections import Counter
from typing import Any

from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan_corex_client.models import ChatMessageParam

KEY = "zk-local-pro"
MODEL = "openai/gpt-4o-mini"


def _messages(prompt: str) -> list[ChatMessageParam]:
    return [{"role": "user", "content": prompt}]


async def _astream(client: AsyncZaguanClient, prompt: str) -> str:
    async with client.chat_stream(model=MODEL, messages=_messages(prompt)) as stream:
        async for _chunk in stream:
            pass
    return (await stream.get_final_completion()).choices[0].message.content or ""


class Outcomes:
    """What each item of a phase ended with, filled in as items finish, so that a phase stopped
    at its time limit (SIGTERM) still reports what it saw."""

    def __init__(self, prompts: list[str]) -> None:
        self.prompts = prompts
        self.results: list[Any] = [None] * len(prompts)  # None: not finished
        self.started = time.perf_counter()

    def report(self) -> str:
        """One JSON line: wall seconds, successes, errors by class, unfinished, peak RSS (KiB)."""
        errors: Counter[str] = Counter()
        for prompt, result in zip(self.prompts, self.results, strict=True):
            if isinstance(result, BaseException):
                errors[type(result).__name__] += 1
            elif result is not None and result != f"Echo: {prompt}":
                errors["wrong answer"] += 1
        unfinished = self.results.count(None)
        return json.dumps({
            "wall": time.perf_counter() - self.started,
            "ok": len(self.prompts) - unfinished - errors.total(),
            "errors": dict(errors),
            "unfinished": unfinished,
            "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        })  # fmt: skip


async def async_streams(base_url: str, outcomes: Outcomes) -> None:
    """Every prompt as a concurrent stream from one default `AsyncZaguanClient`."""

    async def one(i: int) -> None:
        try:
            outcomes.results[i] = await _astream(client, outcomes.prompts[i])
        except Exception as exc:
            outcomes.results[i] = exc

    async with AsyncZaguanClient(KEY, base_url=base_url) as client:
        await asyncio.gather(*(one(i) for i in range(len(outcomes.prompts))))


def _call(client: ZaguanClient, prompt: str, stream: bool) -> str:
    if not stream:
        return client.chat(model=MODEL, messages=_messages(prompt)).choices[0].message.content or ""
    with client.chat_stream(model=MODEL, messages=_messages(prompt)) as chunks:
        for _chunk in chunks:
            pass
    return chunks.get_final_completion().choices[0].message.content or ""


def threads(base_url: str, workers: int, outcomes: Outcomes) -> None:
    """`workers` threads sharing one default `ZaguanClient`, each taking an equal share of the
    prompts: calls and streams, alternately."""
    share = len(outcomes.prompts) // workers

    def work(t: int) -> None:
        for i in range(t * share, (t + 1) * share):
            try:
                outcomes.results[i] = _call(client, outcomes.prompts[i], stream=i % 2 == 1)
            except Exception as exc:
                outcomes.results[i] = exc

    with ZaguanClient(KEY, base_url=base_url) as client:
        pool = [threading.Thread(target=work, args=(t,)) for t in range(workers)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()


def main(argv: list[str]) -> None:
    phase, base_url, *numbers = argv
    if phase == "async-streams":
        outcomes = Outcomes([f"load stream {i}" for i in range(int(numbers[0]))])
    else:
        workers, per_thread = int(numbers[0]), int(numbers[1])
        outcomes = Outcomes([f"load thread item {i}" for i in range(2 * workers * per_thread)])

    def stopped(signum: int, frame: object) -> None:
        print(outcomes.report(), flush=True)
        os._exit(0)  # the phase's threads and tasks are abandoned on purpose

    signal.signal(signal.SIGTERM, stopped)
    if phase == "async-streams":
        asyncio.run(async_streams(base_url, outcomes))
    else:
        threads(base_url, workers, outcomes)
    print(outcomes.report(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
