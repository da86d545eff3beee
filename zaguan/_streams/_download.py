"""A binary answer read as it arrives (``create_speech_stream``): iterate its bytes or write
it to a file without holding the whole body in memory. Sync and async twins differ by
``await``; both close the connection when done, left early, or on error."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import httpx2

from .._attempts import connection_error

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

    def iter_bytes(self, chunk_size: int = CHUNK) -> Iterator[bytes]:
        """The body, piece by piece; the connection is closed at the end."""
        try:
            yield from self.response.iter_bytes(chunk_size)
        except httpx2.HTTPError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            self.response.close()

    def write_to(self, path: str | os.PathLike[str]) -> int:
        """Write the body to ``path`` as it arrives; the number of bytes written."""
        written = 0
        with open(path, "wb") as out:
            for piece in self.iter_bytes():
                written += out.write(piece)
        return written

    def read(self) -> bytes:
        """The whole body."""
        return b"".join(self.iter_bytes())

    def close(self) -> None:
        """Release the connection without reading the rest; idempotent."""
        self.response.close()

    def __enter__(self) -> BinaryStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncBinaryStream:
    """The async `BinaryStream`: ``async for piece in audio.iter_bytes()``, ``await
    audio.write_to(path)``, ``async with``."""

    def __init__(self, response: httpx2.Response, request_id: str) -> None:
        self.response = response
        self.request_id = request_id

    async def iter_bytes(self, chunk_size: int = CHUNK) -> AsyncIterator[bytes]:
        """The body, piece by piece; the connection is closed at the end."""
        try:
            async for piece in self.response.aiter_bytes(chunk_size):
                yield piece
        except httpx2.HTTPError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            await self.response.aclose()

    async def write_to(self, path: str | os.PathLike[str]) -> int:
        """Write the body to ``path`` as it arrives; the number of bytes written."""
        written = 0
        with open(path, "wb") as out:  # local disk writes of received pieces
            async for piece in self.iter_bytes():
                written += out.write(piece)
        return written

    async def read(self) -> bytes:
        """The whole body."""
        return b"".join([piece async for piece in self.iter_bytes()])

    async def close(self) -> None:
        """Release the connection without reading the rest; idempotent."""
        await self.response.aclose()

    async def __aenter__(self) -> AsyncBinaryStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
