"""`zaguan._watchdog`: the thread that ends sync reads at their deadline calls each callback
once, in the order of their times, never a cancelled one, and forgets cancelled ones."""

from __future__ import annotations

import threading
import time

from zaguan._watchdog import Watchdog


def test_callbacks_run_in_time_order_and_a_cancelled_one_never() -> None:
    watchdog, ran, done = Watchdog(), [], threading.Event()
    now = time.monotonic()
    with watchdog._condition:  # the thread waits until all are scheduled (the lock re-enters)
        for name, ago in (("third", 0.1), ("first", 0.3), ("second", 0.2)):
            watchdog.call_at(now - ago, lambda name=name: ran.append(name))
        cancelled = watchdog.call_at(now - 0.25, lambda: ran.append("cancelled"))
        watchdog.cancel(cancelled)
        watchdog.call_at(now, done.set)
    assert done.wait(10)
    assert ran == ["first", "second", "third"]


def test_a_failing_callback_does_not_stop_the_next() -> None:
    watchdog, done = Watchdog(), threading.Event()
    watchdog.call_at(0, lambda: 1 / 0)
    watchdog.call_at(0, done.set)
    assert done.wait(10)


def test_cancelled_timers_are_dropped_from_the_heap() -> None:
    watchdog = Watchdog()
    later = time.monotonic() + 3600
    timers = [watchdog.call_at(later, lambda: None) for _ in range(1000)]
    for timer in timers[:900]:
        watchdog.cancel(timer)
    assert len(watchdog._heap) < 600  # rebuilt once cancelled ones were the majority
    for timer in timers[900:]:
        watchdog.cancel(timer)
