"""At most as many requests in flight as the async client's pool has connections.

httpcore's pool scans every queued request each time a connection is freed, so a burst of
1,000 streams on a cold pool of 100 connections took ~40 s (the scans add up quadratically,
and a connection was opened per request: 1,001 of them). Waiting here first, on one
`asyncio.Semaphore` sized like the pool, keeps httpcore's queue empty: the same burst takes
seconds on 100 connections.

A permit is taken before a request is sent and given back when its response is closed: read
whole (a non-streamed answer, at once), closed, drained or garbage collected (an abandoned
stream), or at once when sending fails or is cancelled. Waiting for a permit is waiting for
the pool, so the request's pool timeout bounds it, as `httpx2.PoolTimeout`.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator

import httpx2


def pool_size(http: httpx2.AsyncClient) -> int | None:
    """``http``'s ``max_connections`` when its transport is httpx2's own pool; None (no cap)
    for any other transport (a mock, a caller's own) or an unlimited pool."""
    pool = getattr(getattr(http, "_transport", None), "_pool", None)
    size = getattr(pool, "_max_connections", None)
    return size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else None


class Permits:
    """The in-flight cap of one client's ``http``; `send` is ``http.send`` under it."""

    __slots__ = ("_http", "_semaphore")

    def __init__(self, http: httpx2.AsyncClient) -> None:
        self._http = http
        size = pool_size(http)
        self._semaphore = None if size is None else asyncio.Semaphore(size)

    @property
    def free(self) -> int | None:
        """Permits not held now (None: no cap)."""
        return None if self._semaphore is None else self._semaphore._value

    async def send(self, request: httpx2.Request, *, stream: bool) -> httpx2.Response:
        http, semaphore = self._http, self._semaphore
        if semaphore is None:
            return await http.send(request, stream=stream, auth=None)
        await _acquire(semaphore, request)
        release = _Release(semaphore)
        try:
            response = await http.send(request, stream=stream, auth=None)
        except BaseException:  # cancellation included: the permit is never lost
            release()
            raise
        if response.is_closed or not isinstance(response.stream, httpx2.AsyncByteStream):
            release()  # a non-streamed answer, read whole already
            return response
        response.stream = _Releasing(response.stream, release)
        weakref.finalize(response, release)  # an abandoned stream, never closed
        return response


async def _acquire(semaphore: asyncio.Semaphore, request: httpx2.Request) -> None:
    if not semaphore.locked():  # the usual case: no timer to set up
        await semaphore.acquire()
        return
    timeout = (request.extensions.get("timeout") or {}).get("pool")
    try:
        async with asyncio.timeout(timeout):
            await semaphore.acquire()
    except TimeoutError:
        raise httpx2.PoolTimeout(
            "Timed out waiting for a connection of the pool", request=request
        ) from None


class _Release:
    """Gives the permit back once, however many of the paths above reach it."""

    __slots__ = ("_semaphore",)

    def __init__(self, semaphore: asyncio.Semaphore) -> None:
        self._semaphore: asyncio.Semaphore | None = semaphore

    def __call__(self) -> None:
        semaphore, self._semaphore = self._semaphore, None
        if semaphore is not None:
            semaphore.release()


class _Releasing(httpx2.AsyncByteStream):
    """A response body that gives the permit back when it is closed."""

    def __init__(self, stream: httpx2.AsyncByteStream, release: _Release) -> None:
        self._stream = stream
        self._release = release

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._stream.__aiter__()  # the body's own iterator: no layer per chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            self._release()
