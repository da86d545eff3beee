"""File arguments of multipart operations (audio, images): whatever the caller has, as the
generated `File` the request model sends. Pure, no network.

Accepted (the generated ``FileInput``), as ``openai`` accepts them: a path (``str`` or
``os.PathLike``), ``bytes``, an open binary file, or a ``(filename, content[,
content_type])`` tuple whose content is ``bytes`` or an open binary file. The content is read
once, here: the body can then be sent again, byte for byte, by a retry.

A field the contract limits (``x-zaguan-limits: {max_bytes}``, 512 MB for `create_file`) is
measured before it is read: a path by its size on disk, a seekable file from where it stands to
its end, anything else read at most one byte past the limit.
"""

from __future__ import annotations

import io
import mimetypes
import os
from typing import Any

from zaguan_corex_client.types import File

from ._errors import RequestValidationError

DEFAULT_NAME = "upload"
DEFAULT_TYPE = "application/octet-stream"


def to_file(value: Any, max_bytes: int | None = None) -> File:
    """``value`` as a `File` with its bytes, file name and content type; a clear error for
    anything else (a text file, a str that names no file, a tuple of the wrong shape, more
    than ``max_bytes``), whose message the caller prefixes with the argument's name."""
    if isinstance(value, File):
        return _file(_content(value.payload, max_bytes), value.file_name, value.mime_type)
    if isinstance(value, tuple):
        return _from_tuple(value, max_bytes)
    if isinstance(value, str | os.PathLike):
        return _from_path(os.fspath(value), max_bytes)
    return _file(_content(value, max_bytes), _name_of(value), None)


def _from_tuple(value: tuple[Any, ...], max_bytes: int | None) -> File:
    if len(value) not in (2, 3) or not isinstance(value[0], str | None):
        raise RequestValidationError(
            "a tuple must be (filename, content) or (filename, content, content_type),"
            f" got a tuple of {len(value)}"
        )
    content_type = value[2] if len(value) == 3 else None
    if content_type is not None and not isinstance(content_type, str):
        raise RequestValidationError(f"the content type must be a string, got {content_type!r}")
    return _file(_content(value[1], max_bytes), value[0], content_type)


def _from_path(path: str, max_bytes: int | None) -> File:
    try:
        with open(path, "rb") as handle:
            content = _content(handle, max_bytes)
    except OSError as exc:
        raise RequestValidationError(f"cannot read {path!r} ({exc.strerror})") from None
    return _file(content, os.path.basename(path), None)


def _content(value: Any, max_bytes: int | None) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        _check_size(memoryview(value).nbytes, max_bytes)
        return bytes(value)
    read = getattr(value, "read", None)
    if read is None:
        raise RequestValidationError(
            "expected a path, bytes, an open binary file or a (filename, content) tuple,"
            f" got {type(value).__name__}"
        )
    left = None if max_bytes is None else _bytes_left(value)
    if max_bytes is None or left is not None:
        _check_size(left or 0, max_bytes, _name_of(value))
        content = read()
    else:
        content = _read_at_most(read, max_bytes, _name_of(value))
    if not isinstance(content, bytes):
        raise RequestValidationError("a file must be opened in binary mode ('rb')")
    return content


def _bytes_left(stream: Any) -> int | None:
    """The bytes from where a seekable binary file stands to its end; None when unknown."""
    try:
        if not stream.seekable():
            return None
        here = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(here)
    except (AttributeError, OSError, ValueError):
        return None
    return end - here if isinstance(end, int) and isinstance(here, int) else None


_PIECE = 1 << 20


def _read_at_most(read: Any, max_bytes: int, name: str | None) -> Any:
    """What ``read`` gives, piece by piece, refused once it passes ``max_bytes``: a stream of
    unknown length is never held in memory beyond the limit."""
    pieces: list[bytes] = []
    size = 0
    while piece := read(_PIECE):
        if not isinstance(piece, bytes):
            return piece  # text: the caller says how to open it
        size += len(piece)
        _check_size(size, max_bytes, name, at_least=True)
        pieces.append(piece)
    return piece if not pieces else b"".join(pieces)  # b"" or "": the caller checks the type


def _check_size(
    size: int, max_bytes: int | None, name: str | None = None, *, at_least: bool = False
) -> None:
    if max_bytes is None or size <= max_bytes:
        return
    what = f"{name!r} " if name else ""
    more = "more than " if at_least else ""
    raise RequestValidationError(
        f"{what}holds {more}{size:,} bytes; CoreX takes at most {max_bytes:,} bytes"
        f" ({_megabytes(max_bytes)}) per upload"
    )


def _megabytes(count: int) -> str:
    return f"{count / (1 << 20):g} MB"


def _name_of(value: Any) -> str | None:
    name = getattr(value, "name", None)
    return os.path.basename(name) if isinstance(name, str) else None


def _file(content: bytes, name: str | None, content_type: str | None) -> File:
    name = name or DEFAULT_NAME
    guessed = mimetypes.guess_type(name)[0]
    return File(io.BytesIO(content), name, content_type or guessed or DEFAULT_TYPE)
