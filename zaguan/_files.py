"""File arguments of multipart operations (audio, images): whatever the caller has, as the
generated `File` the request model sends. Pure, no network.

Accepted (the generated ``FileInput``), as ``openai`` accepts them: a path (``str`` or
``os.PathLike``), ``bytes``, an open binary file, or a ``(filename, content[,
content_type])`` tuple whose content is ``bytes`` or an open binary file. The content is read
once, here: the body can then be sent again, byte for byte, by a retry.

A file is read from where it stands, as ``openai`` and httpx2 read it. Refused before sending,
with `RequestValidationError`: a closed file, a text-mode file (before anything is read from
it), and a file already read to its end (0 bytes from a position past 0: almost always a file
read once before; ``seek(0)`` sends it whole). An empty file is sent empty.
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
    if not callable(getattr(value, "read", None)):
        raise RequestValidationError(
            "expected a path, bytes, an open binary file or a (filename, content) tuple,"
            f" got {type(value).__name__}"
        )
    content, problem = _read(value)
    if problem is None:
        return content
    name = _name_of(value)  # "the file" names it when it can
    raise RequestValidationError(problem.replace("the file", f"the file {name!r}", 1)
                                 if name else problem)  # fmt: skip


def _read(value: Any) -> tuple[bytes, str | None]:
    """An open file's content, or what makes it unusable (nothing read from a text file)."""
    problem = _file_problem(value)
    if problem is not None:
        return b"", problem
    start = _position(value)
    try:
        content = value.read()
    except (OSError, ValueError) as exc:  # not readable ('wb'), closed meanwhile
        return b"", f"cannot read the file ({exc})"
    if not isinstance(content, bytes):
        return b"", "the file must be opened in binary mode ('rb')"
    if not content and start:
        return b"", (
            f"the file is at its end (position {start}, nothing to send): it was read "
            "before; seek(0) to send it whole"
        )
    return content, None


def _file_problem(value: Any) -> str | None:
    """What makes an open file unusable before anything is read from it."""
    if getattr(value, "closed", False) is True:
        return "the file is closed: pass it while it is open (inside its `with` block)"
    if isinstance(value, io.TextIOBase) or "b" not in getattr(value, "mode", "b"):
        return "the file must be opened in binary mode ('rb')"
    return None


def _position(value: Any) -> int | None:
    try:
        return int(value.tell())
    except (AttributeError, OSError, ValueError, TypeError):  # a pipe, a socket file
        return None


def _name_of(value: Any) -> str | None:
    name = getattr(value, "name", None)
    return os.path.basename(name) if isinstance(name, str) else None


def _file(content: bytes, name: str | None, content_type: str | None) -> File:
    name = name or DEFAULT_NAME
    guessed = mimetypes.guess_type(name)[0]
    return File(io.BytesIO(content), name, content_type or guessed or DEFAULT_TYPE)
