"""A binary answer read as it arrives (``create_speech_stream``): iterate its bytes or write
it to a file without holding the whole body in memory. Sync and async twins differ by
``await``; both close the connection when done, left early, or on error, and when dropped
unread (with a `ResourceWarning`, see `_abandoned`)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncGenerator, Generator

import httpx2

from .._attempts import connection_error
from ._abandoned import release

CHUNK = 64 * 1024


class BinaryStream:
    """A streamed binary answer (the status was a success; the body is unread).

    >>> with client.create_speech_stream(model="openai/tts-1", input="Hi", voice="alloy") as audio:
    ...     audio.write_to("hello.wav")
    """

    def __init__(self, response: httpx2.Response, request_id: str) -> None:
        self.response = response
        """The HTTP response (headers; the body is what `iter_bytes` reads)."""
        self.request_id = request_id
        """The X-Request-Id of the call."""
        self._reading = False  # a reading generator closes the response when collected

    def iter_bytes(self, chunk_size: int = CHUNK) -> Generator[bytes, None, None]:
        """The body, piece by piece; the connection is closed at the end."""
        self._reading = True
        try:
            yield from self.response.iter_bytes(chunk_size)
        except httpx2.HTTPError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            self.response.close()

    def write_to(self, path: str | os.PathLike[str]) -> int:
        """Write the body to ``path`` as it arrives; the number of bytes written. A path that
        cannot be opened raises its `OSError`, the connection closed."""
        try:
            out = open(path, "wb")  # noqa: SIM115  # closed by the `with` below
        except OSError:
            self.close()  # the body will not be read: its connection goes back now
            raise
        with out, contextlib.closing(self.iter_bytes()) as pieces:
            return sum(out.write(piece) for piece in pieces)

    def read(self) -> bytes:
        """The whole body."""
        return b"".join(self.iter_bytes())

    def close(self) -> None:
        """Release the connection without reading the rest; idempotent."""
        self.response.close()

    def __del__(self) -> None:
        if not self.__dict__.get("_reading", True) and not self.response.is_closed:
            release(self.response, None, "download", self.request_id)

    def __enter__(self) -> BinaryStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncBinaryStream:
    """The async `BinaryStream`: ``async for piece in audio.iter_bytes()``, ``await
    audio.write_to(path)``, ``async with``."""

    def __init__(self, response: httpx2.Response, request_id: str) -> None:
        import asyncio  # noqa: PLC0415  # loaded already: made in an event loop

        self.response = response
        self.request_id = request_id
        self._reading = False
        self._loop = asyncio.get_running_loop()  # where `__del__` closes an unread one

    async def iter_bytes(self, chunk_size: int = CHUNK) -> AsyncGenerator[bytes, None]:
        """The body, piece by piece; the connection is closed at the end."""
        self._reading = True
        try:
            async for piece in self.response.aiter_bytes(chunk_size):
                yield piece
        except httpx2.HTTPError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            await self.response.aclose()

    async def write_to(self, path: str | os.PathLike[str]) -> int:
        """Write the body to ``path`` as it arrives; the number of bytes written. A path that
        cannot be opened raises its `OSError`, the connection closed."""
        try:
            out = open(path, "wb")  # noqa: SIM115  # closed by the `with` below
        except OSError:
            await self.close()  # the body will not be read: its connection goes back now
            raise
        written = 0
        with out:  # local disk writes of received pieces
            async with contextlib.aclosing(self.iter_bytes()) as pieces:
                async for piece in pieces:
                    written += out.write(piece)
        return written

    async def read(self) -> bytes:
        """The whole body."""
        return b"".join([piece async for piece in self.iter_bytes()])

    async def close(self) -> None:
        """Release the connection without reading the rest; idempotent."""
        await self.response.aclose()

    def __del__(self) -> None:
        if not self.__dict__.get("_reading", True) and not self.response.is_closed:
            release(self.response, self._loop, "download", self.request_id)

    async def __aenter__(self) -> AsyncBinaryStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
