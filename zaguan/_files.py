"""File arguments of multipart operations (audio, images): whatever the caller has, as the
generated `File` the request model sends. Pure, no network.

Accepted (the generated ``FileInput``), as ``openai`` accepts them: a path (``str`` or
``os.PathLike``), ``bytes``, an open binary file, or a ``(filename, content[,
content_type])`` tuple whose content is ``bytes`` or an open binary file. The content is read
once, here: the body can then be sent again, byte for byte, by a retry.
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


def to_file(value: Any) -> File:
    """``value`` as a `File` with its bytes, file name and content type; a clear error for
    anything else (a text file, a str that names no file, a tuple of the wrong shape), whose
    message the caller prefixes with the argument's name."""
    if isinstance(value, File):
        return _file(_content(value.payload), value.file_name, value.mime_type)
    if isinstance(value, tuple):
        return _from_tuple(value)
    if isinstance(value, str | os.PathLike):
        return _from_path(os.fspath(value))
    return _file(_content(value), _name_of(value), None)


def _from_tuple(value: tuple[Any, ...]) -> File:
    if len(value) not in (2, 3) or not isinstance(value[0], str | None):
        raise RequestValidationError(
            "a tuple must be (filename, content) or (filename, content, content_type),"
            f" got a tuple of {len(value)}"
        )
    content_type = value[2] if len(value) == 3 else None
    if content_type is not None and not isinstance(content_type, str):
        raise RequestValidationError(f"the content type must be a string, got {content_type!r}")
    return _file(_content(value[1]), value[0], content_type)


def _from_path(path: str) -> File:
    try:
        with open(path, "rb") as handle:
            content = handle.read()
    except OSError as exc:
        raise RequestValidationError(f"cannot read {path!r} ({exc.strerror})") from None
    return _file(content, os.path.basename(path), None)


def _content(value: Any) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    read = getattr(value, "read", None)
    if read is None:
        raise RequestValidationError(
            "expected a path, bytes, an open binary file or a (filename, content) tuple,"
            f" got {type(value).__name__}"
        )
    content = read()
    if not isinstance(content, bytes):
        raise RequestValidationError("a file must be opened in binary mode ('rb')")
    return content


def _name_of(value: Any) -> str | None:
    name = getattr(value, "name", None)
    return os.path.basename(name) if isinstance(name, str) else None


def _file(content: bytes, name: str | None, content_type: str | None) -> File:
    name = name or DEFAULT_NAME
    guessed = mimetypes.guess_type(name)[0]
    return File(io.BytesIO(content), name, content_type or guessed or DEFAULT_TYPE)
