"""One daemon thread that calls functions at given times: how the sync client ends a read that
a deadline cuts short.

A sync read blocks in ``recv``, with the timeout httpx2 gave it when the request was sent;
nothing in httpx2 shortens it later, and closing the socket does not wake it (Linux). Shutting
the socket down does, from any thread: at a call's deadline this thread asks its body to end
(`_body.Body.end`). The async client needs no thread: `asyncio.timeout` cancels a read.

Started with the first deadline, idle (waiting on its condition) when nothing is due; after
``fork()`` the child starts its own.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

_COMPACT_AT: Final = 256
"""Cancelled entries tolerated in the heap before it is rebuilt without them."""


@dataclass(order=True, slots=True)
class Timer:
    """A pending call; `Watchdog.cancel` it when it is no longer wanted."""

    when: float
    seq: int
    callback: Callable[[], None] | None = field(compare=False)


class Watchdog:
    """Calls each `call_at` callback once, at its time, in the watchdog's thread."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._heap: list[Timer] = []
        self._seq = itertools.count()
        self._cancelled = 0
        self._thread: threading.Thread | None = None

    def call_at(self, when: float, callback: Callable[[], None]) -> Timer:
        """Call ``callback`` at `time.monotonic()` ``when`` (at once if it has passed). It runs
        in the watchdog's thread: it must be quick and must not raise."""
        timer = Timer(when, next(self._seq), callback)
        with self._condition:
            heapq.heappush(self._heap, timer)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="zaguan-watchdog",
                                                daemon=True)  # fmt: skip
                self._thread.start()
            elif self._heap[0] is timer:  # sooner than what the thread waits for
                self._condition.notify()
        return timer

    def cancel(self, timer: Timer) -> None:
        """Forget ``timer`` (a no-op once it ran)."""
        with self._condition:
            if timer.callback is None:
                return
            timer.callback = None
            self._cancelled += 1
            if self._cancelled > _COMPACT_AT and 2 * self._cancelled > len(self._heap):
                self._heap = [t for t in self._heap if t.callback is not None]
                heapq.heapify(self._heap)
                self._cancelled = 0

    def _due(self) -> Callable[[], None]:
        """Wait for the next callback due, and take it."""
        with self._condition:
            while True:
                while self._heap and self._heap[0].callback is None:
                    heapq.heappop(self._heap)
                    self._cancelled -= 1
                wait = self._heap[0].when - time.monotonic() if self._heap else None
                if wait is not None and wait <= 0:
                    timer = heapq.heappop(self._heap)
                    callback, timer.callback = timer.callback, None
                    assert callback is not None  # for mypy: cancelled ones were dropped above
                    return callback
                self._condition.wait(wait)

    def _run(self) -> None:
        while True:
            callback = self._due()
            with contextlib.suppress(Exception):  # one failure must not stop every deadline
                callback()

    def _forget(self) -> None:
        """In a forked child: the thread did not survive; neither do the parent's timers."""
        self.__init__()  # type: ignore[misc]  # a fresh state, as made at import


WATCHDOG: Final = Watchdog()
os.register_at_fork(after_in_child=WATCHDOG._forget)
