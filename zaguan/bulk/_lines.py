"""One line of a bulk input file, read into a `Line`: pure, bytes in, a `Line` or an error out.

Two shapes are accepted, as OpenAI's Batch API and CoreX's server-side batches read them:

* a Batch API request line, ``{"custom_id": "a-1", "method": "POST", "url":
  "/v1/chat/completions", "body": {...}}``;
* a bare request body, ``{"model": ..., "messages": [...]}``, sent to the run's endpoint
  (``endpoint="chat"``, ``"embeddings"`` or ``"messages"``), its ``custom_id`` its line number.

`zaguan run`, the server-side batch job and the Ray stage all read lines here, so that one file
means the same everywhere.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, NoReturn

from .._errors import BulkInputError

__all__ = [
    "BATCH_FIELDS", "MAX_LINE_BYTES", "Line", "endpoint_url", "is_blank", "line_of", "parse_line",
]  # fmt: skip

MAX_LINE_BYTES: Final = 8 * 1024 * 1024
"""The longest line read (8 MiB, newline excluded): a longer one is an input error, so that one
line cannot take the memory of a run that streams its file."""
BATCH_FIELDS: Final = ("custom_id", "method", "url", "body")
"""The fields of a Batch API request line; a line with any of them is read as one."""


@functools.cache
def _urls() -> dict[str, str]:
    """Endpoint name -> path (``"chat"`` -> ``"/v1/chat/completions"``): the contract's batch
    endpoints (``BatchEndpoint``), each named by its path's first segment after ``/v1``."""
    from zaguan_corex_client.models.batch_endpoint import BATCH_ENDPOINT_VALUES  # noqa: PLC0415

    return {url.split("/")[2]: url for url in sorted(BATCH_ENDPOINT_VALUES)}


def endpoint_url(endpoint: str) -> str:
    """The path of ``endpoint``, a name (``"chat"``, ``"embeddings"``, ``"messages"``) or the
    path itself (``"/v1/chat/completions"``)."""
    urls = _urls()
    if endpoint in urls.values():
        return endpoint
    if isinstance(endpoint, str) and endpoint in urls:
        return urls[endpoint]
    names = ", ".join(f"{name} ({url})" for name, url in urls.items())
    raise BulkInputError([(None, f"endpoint must be one of {names}; got {endpoint!r}")])


@dataclass(frozen=True, slots=True)
class Line:
    """One request of a bulk run: where it is in the input, its ``custom_id``, and what to send
    (``POST url`` with the JSON ``body``)."""

    number: int
    """Its line number in the input file, from 1 (0 for a line that came from elsewhere)."""
    custom_id: str
    url: str
    body: dict[str, Any]


def parse_line(raw: bytes, number: int, endpoint: str | None = None) -> Line:
    """The `Line` in ``raw`` (one line of the file, its line break included or not), the
    ``number``-th; ``endpoint`` (a path, see `endpoint_url`) is where a bare body goes.
    Raises `BulkInputError` naming the line and what is wrong with it."""
    text = raw[:-1] if raw.endswith(b"\n") else raw
    text = text[:-1] if text.endswith(b"\r") else text
    if not text.strip():  # the file's readers skip these (`is_blank`): a caller's own
        _fail(number, "blank line (every line must be one JSON object)")
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail(number, f"not UTF-8 text (byte {exc.start + 1} is 0x{text[exc.start]:02x})")
    try:
        value = json.loads(decoded, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        _fail(number, f"not JSON: {exc.msg} (column {exc.colno})")
    except ValueError as exc:  # NaN or Infinity, which JSON does not have
        _fail(number, f"not JSON: {exc}")
    except RecursionError:
        _fail(number, "not JSON this reader can hold: nested too deeply")
    return line_of(value, number, endpoint)


def is_blank(raw: bytes) -> bool:
    """Whether ``raw`` is a blank line, which input files may have and readers skip (as
    CoreX's server-side batches do); it still counts in the numbering of the lines."""
    return not raw.strip()


def line_of(value: object, number: int, endpoint: str | None = None) -> Line:
    """The `Line` a parsed JSON value stands for (a Batch API request line or a bare body, as
    `parse_line` reads them); for rows that come parsed already, as in a Ray dataset. A request
    line's other fields are ignored, as CoreX's server-side batches ignore them."""
    if not isinstance(value, dict):
        _fail(number, f"expected a JSON object, got {_json_type(value)}")
    if not any(name in value for name in BATCH_FIELDS):
        if endpoint is None:
            _fail(number, _NO_ENDPOINT)
        return _checked(Line(number, str(number), endpoint, value))
    missing = [name for name in BATCH_FIELDS if name not in value]
    if missing:
        _fail(number, f"missing {missing[0]!r} (a request line has {_fields()})")
    custom_id, method, url, body = (value[name] for name in BATCH_FIELDS)
    if not isinstance(custom_id, str) or not custom_id:
        _fail(number, f"custom_id must be a non-empty string, got {_json_type(custom_id)}")
    if method != "POST":
        _fail(number, f"method must be 'POST', got {method!r}")
    if url not in _urls().values():
        _fail(number, f"url must be one of {', '.join(_urls().values())}; got {url!r}")
    if endpoint is not None and url != endpoint:
        _fail(number, f"url {url} is not the run's endpoint, {endpoint}")
    if not isinstance(body, dict):
        _fail(number, f"body must be a JSON object, got {_json_type(body)}")
    return _checked(Line(number, custom_id, url, body))


_NO_ENDPOINT: Final = (
    "a bare request body needs the run's endpoint (chat, embeddings or messages); "
    "or write the line as {custom_id, method, url, body}"
)


def _checked(line: Line) -> Line:
    if line.body.get("stream") is True:
        _fail(line.number, '"stream": true is not for a bulk run (each line gets one answer)')
    return line


def _fields() -> str:
    return ", ".join(BATCH_FIELDS)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


_JSON_TYPES: Final[Mapping[type, str]] = {
    dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
    bool: "a boolean", type(None): "null",
}  # fmt: skip


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _fail(number: int, text: str) -> NoReturn:
    raise BulkInputError([(number, text)])
