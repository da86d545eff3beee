"""The bulk runner: lines read, sent ``concurrency`` at a time, and written as they end.

One reader, ``concurrency`` workers and the output, joined by a queue of ``concurrency`` lines:
memory stays that of a few lines whatever the file's length. In ``ordered`` mode the output
writes a line once every line before it is written, holding at most `WINDOW` x ``concurrency``
answers (the reader waits when the oldest line in flight is that far behind).

Stopping, every way ends with each line written once, whole, or not at all (``resume=True``
then sends it again, under the same request id: answered from CoreX's record, not charged
again): ``stop`` set (or `max_credits` spent, or an error that fails every line) stops the
reading, lets the lines in flight end and writes them; cancelling the task drops the lines in
flight. An ordered output stays a run of the first lines, so that a resumed run, ordered too,
carries on in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypedDict, Unpack

import httpx2

from .._async_client import AsyncZaguanClient
from .._http import DefaultAsyncHttpxClient
from ._input import read_lines
from ._lines import MAX_LINE_BYTES, Line
from ._plan import DEFAULT_CONCURRENCY, PROGRESS_INTERVAL, Plan, Settings, plan_run
from ._progress import Progress, StopReason, Tally
from ._send import LineResult, send_line

__all__ = ["RunOptions", "arun"]

WINDOW: Final = 4
"""Answers held per worker, at most, in ordered mode."""
_YIELD_EVERY: Final = 4096  # lines skipped (resume) between two turns of the event loop

logger = logging.getLogger("zaguan.bulk")


class RunOptions(TypedDict, total=False):
    """The options of `arun` and `run`, all optional."""

    client: AsyncZaguanClient | Callable[[httpx2.AsyncClient], AsyncZaguanClient] | None
    """The client every line is sent with (its key, base URL, retries, rate limit, hooks), left
    open; or a function that makes one on the connection pool the run gives it, sized for
    ``concurrency`` and closed at the end (``lambda http: AsyncZaguanClient(http_client=http,
    ...)``: what `run` needs, as a client serves one event loop). None: the default
    `AsyncZaguanClient` (``ZAGUAN_API_KEY``, ``ZAGUAN_BASE_URL``) on such a pool."""
    endpoint: str | None
    """Where bare request bodies go: ``"chat"``, ``"embeddings"``, ``"messages"`` or the
    path; request lines name theirs (``url``) and must agree."""
    concurrency: int
    """Lines in flight at once, 1 to 1,000 (default 32)."""
    ordered: bool
    """Write the output in input order (default: as each line ends)."""
    resume: bool
    """Carry on the run that wrote ``output``: the lines already in it are skipped."""
    max_credits: float | None
    """Stop sending new lines once the run's answers report this many credits."""
    deadline: float | None
    """Seconds one line may take, retries included; then it fails with `APITimeoutError`
    (default None: the client's own bounds)."""
    run_id: str | None
    """The run's id (new runs; default: a fresh one): request ids are ``<run_id>:<custom_id>``."""
    on_progress: Callable[[Progress], object] | None
    """Called with a `Progress` every ``progress_interval`` seconds, and with the summary
    (``finished=True``) at the end; it must not block (the event loop runs it)."""
    progress_interval: float
    """Seconds between two `on_progress` calls (default 1)."""
    max_line_bytes: int
    """The longest input line (default 8 MiB)."""


async def arun(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    stop: asyncio.Event | None = None,
    **options: Unpack[RunOptions],
) -> Progress:
    """Send every line of the JSON Lines file ``input`` to CoreX, writing each answer to
    ``output`` as a Batch API output line; the summary (the last `Progress`).

    >>> summary = await zaguan.bulk.arun("prompts.jsonl", "answers.jsonl", endpoint="chat")
    >>> summary.done, summary.failed, summary.credits

    A line that fails is written with its error and the run goes on; a failure that would fail
    every line (the key refused, the credits spent, CoreX out of reach) stops it and is raised
    once the lines in flight are written. ``stop``, once set, stops the run as Ctrl-C does.
    `BulkInputError` before anything is sent: a bad line, an output that exists (without
    ``resume``), ...; see `RunOptions` for the rest.
    """
    settings = Settings(
        concurrency=options.get("concurrency", DEFAULT_CONCURRENCY),
        ordered=options.get("ordered", False),
        max_credits=options.get("max_credits"),
        deadline=options.get("deadline"),
        progress_interval=options.get("progress_interval", PROGRESS_INTERVAL),
    )
    client = options.get("client")
    if isinstance(client, AsyncZaguanClient):
        return await _Run(client, settings, options, stop).run(input, output)
    # One connection per line in flight: httpcore scans its pool per request, a bigger one
    # costs time for nothing.
    size = settings.concurrency
    limits = httpx2.Limits(max_connections=size, max_keepalive_connections=size)
    async with DefaultAsyncHttpxClient(limits=limits) as http:
        # Made before the files are touched: a client set up wrongly leaves no state behind.
        made = AsyncZaguanClient(http_client=http) if client is None else client(http)
        return await _Run(made, settings, options, stop).run(input, output)


class _Run:
    """One invocation of a run: the tasks, the counters, and why it stopped."""

    plan: Plan
    tally: Tally
    output: _Output

    def __init__(
        self,
        client: AsyncZaguanClient,
        settings: Settings,
        options: RunOptions,
        stop: asyncio.Event | None,
    ) -> None:
        self.client, self.settings, self.options = client, settings, options
        self.on_progress, self.stop = options.get("on_progress"), stop
        self.stopped: StopReason | None = None
        self.error: BaseException | None = None
        self.wake = asyncio.Event()
        """Set when the output moves on or the run stops: what a waiting reader waits for."""

    async def run(self, input: str | os.PathLike[str], output: str | os.PathLike[str]) -> Progress:
        options = self.options
        planning = asyncio.ensure_future(asyncio.to_thread(
            plan_run, input, output,
            endpoint=options.get("endpoint"), resume=options.get("resume", False),
            run_id=options.get("run_id"),
            max_line_bytes=options.get("max_line_bytes", MAX_LINE_BYTES),
        ))  # fmt: skip
        try:
            self.plan = await asyncio.shield(planning)
        except asyncio.CancelledError:  # the thread goes on: its lock is given back when done
            planning.add_done_callback(_release_plan)
            raise
        try:
            return await self._send()
        finally:
            self.plan.release()

    async def _send(self) -> Progress:
        settings, plan = self.settings, self.plan
        self.tally = Tally(plan.total, len(plan.done), plan.credits)
        queue: asyncio.Queue[tuple[int, Line] | None] = asyncio.Queue(settings.concurrency)
        with _Output(self.plan.output, settings.ordered, self._written) as output:
            self.output = output
            self._spent()  # a resumed run may have spent its budget already
            if self.stop is not None and self.stop.is_set():  # Ctrl-C while the input was checked
                self._halt("stopped")
            workers = [asyncio.create_task(self._work(queue)) for _ in range(settings.concurrency)]
            helpers = [asyncio.create_task(self._read(queue))]
            if self.on_progress is not None:
                helpers.append(asyncio.create_task(self._tick()))
            if self.stop is not None:
                helpers.append(asyncio.create_task(self._watch(self.stop)))
            try:
                await asyncio.gather(helpers[0], *workers)
            except asyncio.CancelledError:
                if self.stopped != "error":
                    self.stopped = "abandoned"  # after a stop too: the lines in flight are gone
                raise
            except BaseException as exc:
                self._halt("error")
                self.error = self.error or exc
            finally:
                for task in (*workers, *helpers):
                    task.cancel()
                await asyncio.gather(*workers, *helpers, return_exceptions=True)
                if self.stopped == "max_credits" and self.tally.done == self.plan.total:
                    self.stopped = None  # the budget ran out with the last line: all done
                summary = self.tally.snapshot(self.stopped, finished=True)
                self._report(summary)
        if self.error is not None:
            raise self.error
        return summary

    async def _read(self, queue: asyncio.Queue[tuple[int, Line] | None]) -> None:
        """Queue the lines to send, numbered in input order; then one None per worker."""
        plan, sequence = self.plan, 0
        lines = read_lines(plan.input, plan.endpoint, max_line_bytes=plan.max_line_bytes)
        with contextlib.closing(lines):  # the file closes now when the run stops early
            for index, line in enumerate(lines):
                if self.stopped:
                    break
                if line.custom_id in plan.done:
                    if index % _YIELD_EVERY == 0:
                        await asyncio.sleep(0)  # a long resumed head must not freeze the loop
                    continue
                if self.settings.ordered and not await self._window(sequence):
                    break
                await queue.put((sequence, line))
                sequence += 1
        for _ in range(self.settings.concurrency):
            await queue.put(None)

    async def _window(self, sequence: int) -> bool:
        """Wait until ``sequence`` is within the reorder window; False when the run stops."""
        while sequence - self.output.next >= WINDOW * self.settings.concurrency:
            if self.stopped:
                return False
            self.wake.clear()
            await self.wake.wait()
        return not self.stopped

    async def _work(self, queue: asyncio.Queue[tuple[int, Line] | None]) -> None:
        while (item := await queue.get()) is not None:
            sequence, line = item
            if self.stopped:  # queued, never sent: left for resume
                self.output.drop(sequence)
                continue
            self.tally.in_flight += 1
            try:
                result = await send_line(
                    self.client, line, self.plan.run_id, deadline=self.settings.deadline
                )
            finally:
                self.tally.in_flight -= 1
            self._settle(sequence, result)

    def _settle(self, sequence: int, result: LineResult) -> None:
        if result.fatal:  # it would fail every line: unwritten, for resume
            self.error = self.error or result.error
            self._halt("error")
            self.output.drop(sequence)
            return
        self.tally.credits += result.credits
        self.output.put(sequence, result)
        self._spent()

    def _written(self, result: LineResult) -> None:
        error = None if result.error is None else type(result.error).__name__
        self.tally.written(result.status_code, error)
        self.wake.set()

    def _spent(self) -> None:
        budget = self.settings.max_credits
        if budget is not None and self.tally.credits >= budget:
            self._halt("max_credits")

    def _halt(self, reason: StopReason) -> None:
        if self.stopped is None:
            self.stopped = reason
        self.wake.set()

    async def _watch(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._halt("stopped")

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self.settings.progress_interval)
            self._report(self.tally.snapshot(self.stopped))

    def _report(self, progress: Progress) -> None:
        if self.on_progress is None:
            return
        try:
            self.on_progress(progress)
        except Exception:  # the caller's display must not stop a run that is charged
            logger.exception("on_progress raised; the run goes on")


def _release_plan(planning: asyncio.Future[Plan]) -> None:
    if not planning.cancelled() and planning.exception() is None:
        planning.result().release()


class _Output:
    """The output file, appended to one whole line at a time; in ``ordered`` mode, each line
    once the lines before it are written."""

    def __init__(self, path: Path, ordered: bool, written: Callable[[LineResult], None]) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._ordered = ordered
        self._written = written
        self._held: dict[int, LineResult | None] = {}
        self.next = 0
        """In ordered mode, the number of the next line to write."""

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            os.fsync(self._fd)
        finally:
            os.close(self._fd)

    def put(self, sequence: int, result: LineResult) -> None:
        if not self._ordered:
            self._write(result)
            return
        self._held[sequence] = result
        while (held := self._held.get(self.next)) is not None:
            del self._held[self.next]
            self._write(held)
            self.next += 1

    def drop(self, sequence: int) -> None:
        """``sequence`` will not be written: in ordered mode, nor will any line after it."""
        if self._ordered:
            self._held[sequence] = None

    def _write(self, result: LineResult) -> None:
        data = memoryview(result.record())
        while data:  # one write() for a line, but a regular file may take it in parts
            data = data[os.write(self._fd, data) :]
        self._written(result)
