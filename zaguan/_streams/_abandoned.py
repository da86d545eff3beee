"""A stream or download dropped unread and unclosed: its connection is freed, with the
`ResourceWarning` Python's own files and sockets give when garbage collected open.

One read from, then dropped, is not abandoned: its reading generator closes the response
when it is collected, as breaking out of a ``for`` loop is documented to. One never read
held its connection until the process ended (a pool of one then failed every later call):
``__del__`` (`StreamCore`'s, the downloads') calls `release`.
"""

from __future__ import annotations

import contextlib
import warnings
from typing import TYPE_CHECKING, Any, Final

import httpx2

from .._body import Body

if TYPE_CHECKING:
    import asyncio

_CLOSING: Final[set[Any]] = set()
"""The closing tasks of abandoned async responses, held until done (the loop keeps only a
weak reference to a task)."""


def release(
    response: httpx2.Response, loop: asyncio.AbstractEventLoop | None, what: str, request_id: str
) -> None:
    """Close ``response``, dropped unread by ``what`` (a stream, a download): a sync one at
    once, an async one (``loop``: its event loop) by `aclose_soon`; then warn."""
    with contextlib.suppress(Exception):  # at interpreter exit, closing may find modules gone
        if loop is None:
            response.close()
        else:
            aclose_soon(response, loop)
    warnings.warn(
        f"unclosed {what} (request id {request_id}): close it, or read it in a `with` "
        "block; its connection was freed when it was garbage collected",
        ResourceWarning,
        stacklevel=3,  # the __del__ that released it
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
