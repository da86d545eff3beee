"""`run`, the bulk runner for code without an event loop, with Ctrl-C as a terminal user
expects it: the first stops reading and lets the lines in flight end, the second drops them."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from typing import Unpack

from .._errors import ConfigurationError
from ._progress import Progress
from ._runner import RunOptions, arun

__all__ = ["run"]


def run(
    input: str | os.PathLike[str], output: str | os.PathLike[str], **options: Unpack[RunOptions]
) -> Progress:
    """`arun` in an event loop of its own, for code that has none; the summary.

    >>> summary = zaguan.bulk.run("prompts.jsonl", "answers.jsonl", endpoint="chat")

    Ctrl-C (in the main thread): the first stops reading new lines and lets those in flight
    end and be written, the second drops them; either way, once the output is closed,
    `KeyboardInterrupt` is raised (``on_progress`` has the summary) and ``resume=True``
    carries on. A ``client`` given must be an `AsyncZaguanClient` that no other event loop
    has used.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # none: the usual case
        pass
    else:
        raise ConfigurationError(
            "zaguan.bulk.run() cannot run inside a running event loop (async code, Jupyter): "
            "use 'await zaguan.bulk.arun(...)' there"
        )
    summary = asyncio.run(_interruptible(input, output, options))
    if summary is None:
        raise KeyboardInterrupt
    return summary


async def _interruptible(
    input: str | os.PathLike[str], output: str | os.PathLike[str], options: RunOptions
) -> Progress | None:
    """`arun`'s summary; None after Ctrl-C."""
    stop = asyncio.Event()
    task = asyncio.current_task()
    presses = 0

    def on_interrupt() -> None:
        nonlocal presses
        presses += 1
        if presses == 1:
            stop.set()
        elif task is not None:
            task.cancel()

    with _sigint(on_interrupt):
        try:
            summary = await arun(input, output, stop=stop, **options)
        except asyncio.CancelledError:
            if presses < 2 or task is None:
                raise
            task.uncancel()  # our own cancellation, done with
    return None if presses else summary


@contextlib.contextmanager
def _sigint(handler: object) -> Iterator[None]:
    """SIGINT calls ``handler`` in the event loop while inside; nothing changes where Python
    would not see Ctrl-C as `KeyboardInterrupt` anyway (another thread, SIGINT ignored, as in
    a background job, or a handler of the caller's own)."""
    loop = asyncio.get_running_loop()
    current = signal.getsignal(signal.SIGINT)
    method = getattr(current, "func", current)  # asyncio.run's own is a partial of its Runner's
    ours = current is signal.default_int_handler or isinstance(
        getattr(method, "__self__", None), asyncio.Runner
    )
    installed = False
    if ours and threading.current_thread() is threading.main_thread():
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl-C cancels, as usual
            loop.add_signal_handler(signal.SIGINT, handler)  # type: ignore[arg-type]
            installed = True
    try:
        yield
    finally:
        if installed:
            loop.remove_signal_handler(signal.SIGINT)
