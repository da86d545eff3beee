"""At most ``size`` requests in flight on a transport whose size the SDK knows.

The aiohttp transport waits here for a connection (`zaguan._aiohttp`): aiohttp's own queue
would report a wait that outlasts the pool timeout as a connect timeout, this one reports it
as `httpx2.PoolTimeout`, as httpx2's pool does. The size is the ``limits`` the transport was
made with (``DefaultAioHttpClient(limits=...)``), never read from another library.

A permit is taken before a request is sent and given back once, when its response is
closed: read whole, closed early, garbage collected (an abandoned stream), or at once when
sending fails or is cancelled.
"""

from __future__ import annotations

import asyncio

import httpx2


class Permits:
    """``size`` permits on one event loop; `acquire` waits at most the pool timeout."""

    __slots__ = ("_semaphore", "held", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self.held = 0
        """Permits taken and not given back yet (counted here: the semaphore's own count is
        private to asyncio)."""
        self._semaphore = asyncio.Semaphore(size)

    async def acquire(self, request: httpx2.Request) -> Release:
        """A permit for ``request``, as the `Release` that gives it back; `httpx2.PoolTimeout`
        when none frees up within the request's pool timeout."""
        semaphore = self._semaphore
        if not semaphore.locked():  # the usual case: no timer to set up
            await semaphore.acquire()
        else:
            timeout = (request.extensions.get("timeout") or {}).get("pool")
            try:
                async with asyncio.timeout(timeout):
                    await semaphore.acquire()
            except TimeoutError:
                raise httpx2.PoolTimeout(
                    "Timed out waiting for a connection of the pool", request=request
                ) from None
        self.held += 1
        return Release(self)

    def _give_back(self) -> None:
        self.held -= 1
        self._semaphore.release()


class Release:
    """Gives one permit back, once, however many of the paths above reach it."""

    __slots__ = ("_permits",)

    def __init__(self, permits: Permits) -> None:
        self._permits: Permits | None = permits

    def __call__(self) -> None:
        permits, self._permits = self._permits, None
        if permits is not None:
            permits._give_back()
