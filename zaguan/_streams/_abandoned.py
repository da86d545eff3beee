"""A stream or download dropped unread and unclosed: its connection is freed, with the
`ResourceWarning` Python's own files and sockets give when garbage collected open.

One read from, then dropped, is not abandoned: its reading generator closes the response
when it is collected, as breaking out of a ``for`` loop is documented to. One never read
held its connection until the process ended (a pool of one then failed every later call):
``__del__`` (`StreamCore`'s, the downloads') closes it, and calls `warn_unclosed`.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Final

import httpx2

from .._body import Body

if TYPE_CHECKING:
    import asyncio

_CLOSING: Final[set[Any]] = set()
"""The closing tasks of abandoned async responses, held until done (the loop keeps only a
weak reference to a task)."""


def warn_unclosed(what: str, request_id: str) -> None:
    """The warning of ``what`` (a stream, a download) collected unclosed."""
    warnings.warn(
        f"unclosed {what} (request id {request_id}): close it, or read it in a `with` "
        "block; its connection was freed when it was garbage collected",
        ResourceWarning,
        stacklevel=2,  # its __del__
    )


def aclose_soon(response: httpx2.Response, loop: asyncio.AbstractEventLoop | None) -> None:
    """Close an async ``response`` from ``__del__``, which cannot await: its ``aclose()`` runs
    as a task of its loop (asyncio closes an abandoned async generator the same way). When
    that loop is closed, its connection is shut down instead: the pool died with the loop."""
    try:
        if loop is None:
            raise RuntimeError("no event loop")
        loop.call_soon_threadsafe(_spawn, response)
    except RuntimeError:  # the loop is closed
        if isinstance(response.stream, Body):
            response.stream.end()


def _spawn(response: httpx2.Response) -> None:
    import asyncio  # noqa: PLC0415  # loaded already: this runs in an event loop

    task = asyncio.ensure_future(response.aclose())
    _CLOSING.add(task)
    task.add_done_callback(_CLOSING.discard)
