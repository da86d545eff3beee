"""The output lines of a bulk run, in the format of OpenAI's Batch API: pure, no I/O.

One line per request::

    {"id": "batch_req_...", "custom_id": "a-1",
     "response": {"status_code": 200, "request_id": "run:a-1", "body": {...}},
     "error": null}

``response`` is what CoreX answered, its ``body`` the answer's JSON as CoreX sent it (byte for
byte, but for line breaks between tokens); it is null when no answer came (a timeout, a
connection that broke). ``error`` is null for a success, else ``{"code", "message"}``: the
SDK's exception class and its one-line message (which never holds a credential), also when
CoreX answered with an error status. `zaguan run` writes these, CoreX's server-side batches
write the same, and ``--resume`` reads them back (`read_record`).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Record", "credits_of", "json_text", "read_record", "record_bytes", "record_id"]

_BOM = b"\xef\xbb\xbf"


def record_id(request_id: str) -> str:
    """The output line's ``id``: derived from the request id, so a line written again after a
    crash is the same line."""
    return "batch_req_" + hashlib.sha256(request_id.encode("utf-8")).hexdigest()[:32]


def json_text(content: bytes, parsed: Any = None) -> bytes:
    """``content``, a JSON answer's bytes, as one JSON value on one line: the bytes themselves
    when they are UTF-8 (line breaks, which valid JSON only has between tokens, become
    spaces); else ``parsed`` (or the text, for a body that is not JSON) written anew."""
    body = content.strip()
    if body and not body.startswith(_BOM) and _is_utf8(body):
        try:
            if parsed is None:
                json.loads(body)
            return body.replace(b"\r", b" ").replace(b"\n", b" ")
        except ValueError:  # not JSON: a proxy's HTML page
            return _dumps(body.decode("utf-8"))
    if not body:
        return b"null"
    if parsed is None:
        try:
            parsed = json.loads(body)
        except ValueError:
            return _dumps(body.decode("utf-8", "replace"))
    return _dumps(parsed)


def record_bytes(
    custom_id: str,
    request_id: str,
    *,
    status_code: int | None = None,
    body: bytes = b"null",
    error: tuple[str, str] | None = None,
) -> bytes:
    """One output line, its line break included: ``status_code`` None for no answer (then
    ``body`` is left out), ``body`` the answer's `json_text`, ``error`` ``(code, message)``."""
    response = b"null"
    if status_code is not None:
        response = b'{"status_code":%d,"request_id":%s,"body":%s}' % (
            status_code,
            _dumps(request_id),
            body,
        )
    problem = b"null" if error is None else _dumps({"code": error[0], "message": error[1]})
    return b'{"id":%s,"custom_id":%s,"response":%s,"error":%s}\n' % (
        _dumps(record_id(request_id)), _dumps(custom_id), response, problem
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Record:
    """What ``--resume`` needs of an output line."""

    custom_id: str
    request_id: str | None
    """The answer's request id (None when no answer came)."""
    credits: float
    """The credits the answer reports (``promptshield.credits_used``), else 0."""


def read_record(raw: bytes) -> Record:
    """The `Record` of one output line; `ValueError` (saying why) when it is not one."""
    value = json.loads(raw)
    if not isinstance(value, dict) or not isinstance(value.get("custom_id"), str):
        raise ValueError("not a result line (no custom_id)")
    response = value.get("response")
    if response is None:
        return Record(value["custom_id"], None, 0.0)
    if not isinstance(response, dict) or not isinstance(response.get("request_id"), str):
        raise ValueError("not a result line (a response without its request_id)")
    return Record(value["custom_id"], response["request_id"], credits_of(response.get("body")))


def credits_of(body: object) -> float:
    """The credits an answer's JSON reports (``promptshield.credits_used``; chat, messages and
    embeddings alike), 0 when it reports none or nonsense."""
    shield = body.get("promptshield") if isinstance(body, Mapping) else None
    used = shield.get("credits_used") if isinstance(shield, Mapping) else None
    if isinstance(used, int | float) and not isinstance(used, bool) and math.isfinite(used):
        return max(float(used), 0.0)
    return 0.0


def _dumps(value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (JSON's "\ud800"): escaped, as JSON allows
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
