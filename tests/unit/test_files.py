"""File arguments of multipart operations, normalised to the generated `File` (zaguan._files)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from zaguan._errors import RequestValidationError
from zaguan._files import to_file
from zaguan_corex_client.types import File

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt "


def parts(file: File) -> tuple[bytes, str | None, str | None]:
    return file.payload.read(), file.file_name, file.mime_type


def test_a_path_is_read_and_named_by_its_base_name(tmp_path: Path) -> None:
    path = tmp_path / "hello.wav"
    path.write_bytes(WAV)
    for given in (path, str(path)):
        content, name, kind = parts(to_file(given))
        assert (content, name) == (WAV, "hello.wav")
        assert kind in ("audio/wav", "audio/x-wav")


def test_bytes_get_a_default_name_and_type() -> None:
    assert parts(to_file(WAV)) == (WAV, "upload", "application/octet-stream")


def test_an_open_binary_file_keeps_its_name(tmp_path: Path) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(b"\x89PNG")
    with path.open("rb") as handle:
        assert parts(to_file(handle)) == (b"\x89PNG", "cat.png", "image/png")
    assert parts(to_file(io.BytesIO(b"x"))) == (b"x", "upload", "application/octet-stream")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (("a.mp3", b"ID3"), (b"ID3", "a.mp3", "audio/mpeg")),
        (("a.bin", io.BytesIO(b"1"), "audio/webm"), (b"1", "a.bin", "audio/webm")),
        ((None, b"1"), (b"1", "upload", "application/octet-stream")),
    ],
)
def test_a_tuple_names_the_file_and_may_type_it(given: Any, expected: Any) -> None:
    assert parts(to_file(given)) == expected


def test_the_content_can_be_read_again_for_a_retry() -> None:
    file = to_file(("a.wav", io.BytesIO(WAV)))
    assert file.payload.read() == WAV
    file.payload.seek(0)
    assert file.payload.read() == WAV


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("/no/such/file.wav", "cannot read '/no/such/file.wav'"),
        (io.StringIO("text"), "opened in binary mode"),
        (5, "expected a path, bytes, an open binary file or a (filename, content) tuple, got int"),
        (("a", b"1", "t", "x"), "got a tuple of 4"),
        ((5, b"1"), "got a tuple of 2"),
        (("a", b"1", 5), "the content type must be a string, got 5"),
    ],
)
def test_anything_else_is_refused_with_what_went_wrong(given: Any, message: str) -> None:
    with pytest.raises(RequestValidationError, match=re.escape(message)):
        to_file(given)


def _closed(tmp_path: Path) -> Any:
    path = tmp_path / "gone.wav"
    path.write_bytes(WAV)
    with path.open("rb") as handle:
        return handle


def _at_its_end() -> io.BytesIO:
    handle = io.BytesIO(WAV)
    handle.read()
    return handle


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_closed, "the file 'gone.wav' is closed"),
        (lambda _: ("a.wav", _closed_bytes()), "the file is closed"),
        (lambda _: _at_its_end(), f"the file is at its end (position {len(WAV)}, nothing to"),
        (lambda _: ("a.wav", _at_its_end()), "the file is at its end"),
    ],
    ids=["closed", "tuple-closed", "at-end", "tuple-at-end"],
)
def test_a_file_that_cannot_give_its_content_is_refused_before_sending(
    tmp_path: Path, make: Any, message: str
) -> None:
    with pytest.raises(RequestValidationError, match=re.escape(message)):
        to_file(make(tmp_path))


def _closed_bytes() -> io.BytesIO:
    handle = io.BytesIO(WAV)
    handle.close()
    return handle


def test_a_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with path.open() as handle:
        with pytest.raises(RequestValidationError, match=re.escape("binary mode ('rb')")):
            to_file(handle)
        assert handle.tell() == 0  # nothing was consumed


def test_a_file_is_read_from_where_it_stands() -> None:
    """As ``openai`` and httpx2 send it: a caller who skipped a header sends the rest; an
    empty file (nothing read from it) is sent empty."""
    handle = io.BytesIO(WAV)
    handle.seek(4)
    assert parts(to_file(handle))[0] == WAV[4:]
    assert parts(to_file(io.BytesIO(b"")))[0] == b""
