"""A streamed response's body as the SDK reads it: each read held to the call's deadline, and
the whole of it ended from any thread.

httpx2 gives every read of a body the read timeout fixed when the request was sent: a read
that starts late (the server sent a few bytes, then stalled) waited that long again, so a
``deadline=0.5`` call ended after ~0.95 s. And a sync read blocked in ``recv`` is not woken
when its socket is closed (Linux), only when it is shut down: `close()` from another thread
left a reader waiting for its whole read timeout.

`Body` ends both. `Body.end` shuts the connection's socket down (httpcore2's public
``network_stream`` response extension), which wakes a read blocked on it in any thread, and
records why; the read then raises that reason, `ClientClosed` or `DeadlinePassed`, which
`_attempts.connection_error` turns into `ClientClosedError` or `APITimeoutError`. A deadline
ends an async read by `asyncio.timeout`, a sync one by the `_watchdog` thread calling `end`.
Without a socket (a mock transport, whose reads do not block) the reason is checked between
reads.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx2

from ._request import Bounds
from ._watchdog import WATCHDOG, Timer


class ClientClosed(httpx2.ReadError):
    """The client was closed while this body was read (the SDK's own signal)."""


class DeadlinePassed(httpx2.ReadTimeout):
    """The call's deadline passed while this body was read (the SDK's own signal)."""


Ended = type[ClientClosed] | type[DeadlinePassed]


def shutdown(sock: Any) -> None:
    """Shut ``sock`` down both ways: a read blocked on it returns at once, in any thread.
    On a TLS socket, the plain socket's shutdown: `ssl.SSLSocket.shutdown` would also unwrap
    it under the reader's feet."""
    if sock is None:
        return
    with contextlib.suppress(OSError):  # closed already, or never connected
        if isinstance(sock, ssl.SSLSocket):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        else:
            sock.shutdown(socket.SHUT_RDWR)


def _socket_of(response: httpx2.Response) -> Any:
    stream = response.extensions.get("network_stream")
    get_extra_info = getattr(stream, "get_extra_info", None)
    sock = get_extra_info("socket") if get_extra_info is not None else None
    return sock if hasattr(sock, "shutdown") else None


class Body(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """``response``'s body, as its stream: reads held to ``bounds``' deadline, `end` from any
    thread, `close` once whoever calls it. ``opener`` is the client that sent the request."""

    def __init__(self, response: httpx2.Response, bounds: Bounds, opener: object = None) -> None:
        self._stream = response.stream
        self.request = response.request
        self.opener = opener
        self._socket = _socket_of(response)
        self._lock = threading.Lock()
        self._ended: Ended | None = None
        self._closed = False
        self._bounds = bounds
        self._deadline_at = bounds.deadline_at
        self._timer: Timer | None = None
        if bounds.deadline_at is not None and isinstance(self._stream, httpx2.SyncByteStream):
            self._timer = WATCHDOG.call_at(bounds.deadline_at, _weakly(self._expire))

    def end(self, why: Ended = ClientClosed) -> None:
        """End the body, from any thread: a read blocked on it wakes and raises ``why``, as
        does any later read. Nothing happens to a body closed already."""
        with self._lock:
            if self._closed or self._ended is not None:
                return
            self._ended = why
            shutdown(self._socket)  # under the lock: `close` cannot hand the socket back first

    def _expire(self) -> None:
        self.end(DeadlinePassed)

    def _check(self) -> None:
        """Raise the reason the body was ended, or end it now if its deadline has passed (a
        server trickling bytes keeps every read short)."""
        deadline = self._deadline_at
        if deadline is not None and self._ended is None and time.monotonic() >= deadline:
            self.end(DeadlinePassed)
        if self._ended is not None:
            raise self._error()

    def _deadline_passed(self) -> DeadlinePassed:
        text = self._bounds.deadline_error_text("while the answer was read")
        return DeadlinePassed(text, request=self.request)

    def _error(self) -> httpx2.TransportError:
        if self._ended is DeadlinePassed:
            return self._deadline_passed()
        return ClientClosed("The client was closed while the answer was read.",
                            request=self.request)  # fmt: skip

    def _ended_by_us(self, exc: Exception) -> bool:
        """Whether ``exc``, raised by a read, comes of `end` (the shut-down socket makes the
        read fail in the transport's own way, even a TLS ``ValueError``)."""
        return self._ended is not None and not isinstance(exc, ClientClosed | DeadlinePassed)

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._stream, httpx2.SyncByteStream)  # for mypy: a sync response
        try:
            self._check()
            for chunk in self._stream:
                self._check()
                yield chunk
        except Exception as exc:
            if self._ended_by_us(exc):
                raise self._error() from exc
            raise

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._stream, httpx2.AsyncByteStream)  # for mypy: an async response
        chunks = aiter(self._stream) if self._deadline_at is None else self._timed()
        try:
            self._check()
            async for chunk in chunks:
                self._check()
                yield chunk
        except Exception as exc:
            if self._ended_by_us(exc):
                raise self._error() from exc
            raise

    async def _timed(self) -> AsyncIterator[bytes]:
        """The body's chunks, each read cancelled at the deadline."""
        import asyncio  # noqa: PLC0415  # loaded already in async code; ~13 ms for sync users

        assert isinstance(self._stream, httpx2.AsyncByteStream)  # for mypy: an async response
        chunks = aiter(self._stream)
        while True:
            try:
                async with asyncio.timeout(_left(self._deadline_at)):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except TimeoutError:  # asyncio.timeout's, not the transport's (an httpx2 error)
                self.end(DeadlinePassed)
                raise self._deadline_passed() from None
            yield chunk

    def close(self) -> None:
        assert isinstance(self._stream, httpx2.SyncByteStream)  # for mypy: a sync response
        if self._mark_closed():
            self._stream.close()

    async def aclose(self) -> None:
        assert isinstance(self._stream, httpx2.AsyncByteStream)  # for mypy: an async response
        if self._mark_closed():
            try:
                await self._stream.aclose()
            except BaseException:  # cancelled: a later `aclose()` tries again, as httpx2's
                self._closed = False
                raise

    def _mark_closed(self) -> bool:
        """Whether this call is the one that closes the body (the first)."""
        with self._lock:
            if self._closed:
                return False
            self._closed = True
        if self._timer is not None:
            WATCHDOG.cancel(self._timer)
        return True


def _left(deadline_at: float | None) -> float | None:
    return None if deadline_at is None else deadline_at - time.monotonic()


def _weakly(method: Callable[[], None]) -> Callable[[], None]:
    """``method`` (a bound method), called only while its object lives: the watchdog must not
    keep a body dropped by its reader alive until its deadline."""
    ref = weakref.WeakMethod(method)

    def call() -> None:
        bound = ref()
        if bound is not None:
            bound()

    return call
