"""One load phase of `scripts/reliability.py`, run in a fresh process so its peak RSS is its own.

    python scripts/_reliability_load.py async-streams BASE_URL STREAMS
    python scripts/_reliability_load.py threads BASE_URL THREADS PER_THREAD

Prints one JSON line: wall seconds, successes, errors by class, peak RSS (KiB). The clients
use their default settings; every answer is checked against the local CoreX's echo.
"""

from __future__ import annotations

import asyncio
import json
import resource
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


async def async_streams(base_url: str, streams: int) -> tuple[int, Counter[str]]:
    """`streams` concurrent streams from one default `AsyncZaguanClient`, read to the end."""
    async with AsyncZaguanClient(KEY, base_url=base_url) as client:
        prompts = [f"load stream {i}" for i in range(streams)]
        tasks = (_astream(client, prompt) for prompt in prompts)
        results = await asyncio.gather(*tasks, return_exceptions=True)
    return _count(prompts, results)


def _call(client: ZaguanClient, prompt: str, stream: bool) -> str:
    if not stream:
        return client.chat(model=MODEL, messages=_messages(prompt)).choices[0].message.content or ""
    with client.chat_stream(model=MODEL, messages=_messages(prompt)) as chunks:
        for _chunk in chunks:
            pass
    return chunks.get_final_completion().choices[0].message.content or ""


def threads(base_url: str, workers: int, per_thread: int) -> tuple[int, Counter[str]]:
    """`workers` threads sharing one default `ZaguanClient`, each making `per_thread` calls
    and `per_thread` streams, alternately."""
    prompts = [f"load thread {t} item {i}" for t in range(workers) for i in range(2 * per_thread)]
    results: list[Any] = [None] * len(prompts)

    def work(t: int) -> None:
        for i in range(t * 2 * per_thread, (t + 1) * 2 * per_thread):
            try:
                results[i] = _call(client, prompts[i], stream=i % 2 == 1)
            except Exception as exc:
                results[i] = exc

    with ZaguanClient(KEY, base_url=base_url) as client:
        pool = [threading.Thread(target=work, args=(t,)) for t in range(workers)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
    return _count(prompts, results)


def _count(prompts: list[str], results: list[Any]) -> tuple[int, Counter[str]]:
    errors: Counter[str] = Counter()
    for prompt, result in zip(prompts, results, strict=True):
        if isinstance(result, BaseException):
            errors[type(result).__name__] += 1
        elif result != f"Echo: {prompt}":
            errors["wrong answer"] += 1
    return len(prompts) - errors.total(), errors


def main(argv: list[str]) -> None:
    phase, base_url, *numbers = argv
    started = time.perf_counter()
    if phase == "async-streams":
        ok, errors = asyncio.run(async_streams(base_url, int(numbers[0])))
    else:
        ok, errors = threads(base_url, int(numbers[0]), int(numbers[1]))
    wall = time.perf_counter() - started
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "ok": ok, "errors": dict(errors), "rss_kib": rss_kib}))


if __name__ == "__main__":
    main(sys.argv[1:])
