"""A client's connection pool, shared with its copies (`with_options`): the httpx2 client,
the bodies being read on it, and, for the async client, the event loop its connections
belong to.

Closing the pool first ends every body still read on it (`_body.Body.end`), so that no reader
waits out its read timeout on a connection that is gone, whichever thread it reads in.

An async pool serves one event loop: its connections are that loop's sockets. When a client
is used in a new loop after its loop was closed (a second ``asyncio.run()``), a pool the SDK
made is replaced by a new one (`adopt`); a caller's ``http_client`` cannot be remade: a
`ConfigurationError` says what to do, instead of httpx2's ``RuntimeError: Event loop is
closed``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import httpx2

from ._body import Body
from ._errors import ConfigurationError

if TYPE_CHECKING:
    import asyncio

H = TypeVar("H", httpx2.Client, httpx2.AsyncClient)


class Connections(Generic[H]):
    """``http`` and what is open on it; ``owned``: the SDK made it (no ``http_client=``)."""

    __slots__ = ("_bodies", "_lock", "_loop", "generation", "http", "owned")

    def __init__(self, http: H, *, owned: bool) -> None:
        self.http: H = http
        self.owned = owned
        self.generation = 0
        """How many times a dead loop's pool was replaced (clients drop what they built on
        the old one when it changes)."""
        self._bodies: weakref.WeakSet[Body] = weakref.WeakSet()
        self._lock = threading.Lock()  # adds from any thread, `end` from any other
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None

    def track(self, body: Body) -> None:
        """``body`` is read on this pool until it is closed (or garbage collected)."""
        with self._lock:
            self._bodies.add(body)

    def end(self, opener: object | None = None) -> list[Body]:
        """End every body still open on the pool (or only those ``opener`` sent) and return
        them, for the caller to close: a reader blocked on one wakes at once."""
        with self._lock:
            bodies = [body for body in self._bodies if opener is None or body.opener is opener]
        for body in bodies:
            body.end()
        return bodies

    def adopt(self, loop: asyncio.AbstractEventLoop, remake: Callable[[], H]) -> int:
        """Serve ``loop`` from now on: the first loop is recorded; once it is closed, a pool
        the SDK made is replaced with ``remake()`` and ``loop`` recorded. Returns
        `generation`."""
        before = None if self._loop is None else self._loop()
        if before is loop or (before is not None and not before.is_closed()):
            # Another loop still open keeps the pool: two loops at once should not share one
            # client (httpx2's pool serves one loop), but nothing can be taken from under it.
            return self.generation
        if self._loop is not None and not self.http.is_closed:  # its first loop is gone
            if not self.owned:
                raise ConfigurationError(
                    "The http_client of this AsyncZaguanClient was used in an event loop that "
                    "is now closed (a previous asyncio.run()?); its connections died with it. "
                    "Make the httpx2.AsyncClient, and the AsyncZaguanClient, inside the loop "
                    "that uses them, or leave out http_client= and the client opens a new pool "
                    "itself."
                )
            self.http = remake()
            self.generation += 1
            with self._lock:  # their connections died with their loop
                self._bodies.clear()
        self._loop = weakref.ref(loop)
        return self.generation
