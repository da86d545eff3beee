"""A batch's input file, read as OpenAI validates it: every line, or why the batch fails.

Pure, no I/O. A batch reads JSON Lines of the contract's `BatchRequestInput`; blank lines are
skipped, a line may end in ``\\n`` or ``\\r\\n``. What fails the whole batch, each with its code
(the contract's `BatchError`): an ``empty_file``; a file over the byte limit
(``file_too_large``) or the line limit (``too_many_requests``), both from the contract's
`x-zaguan-limits`, checked before any line is read; then per line, numbered from 1: bytes that
are not UTF-8 (``invalid_utf8``), text that is not a JSON object (``invalid_json_line``), a
field of `BatchRequestInput` missing or wrong (``invalid_request``; ``invalid_method`` for
``method``), a ``url`` that is not the batch's ``endpoint`` (``mismatched_url``), a
``custom_id`` seen on an earlier line (``duplicate_custom_id``). At most `MAX_ERRORS` are
reported. The bodies themselves are not checked here: each is checked when its line runs, and a
bad one fails that line alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .._contract._checks import _fail, parse_json
from .._contract._explain import explain
from .._contract._quick import quick_check
from .._contract._spec import load_contract
from .._core._errors import ApiError

__all__ = ["MAX_ERRORS", "BatchLine", "read_input"]

MAX_ERRORS = 100
_Error = dict[str, Any]


@dataclass(frozen=True, slots=True)
class BatchLine:
    """One request of a batch: its line number, `custom_id` and body."""

    number: int
    custom_id: str
    body: dict[str, Any]


def _error(code: str, message: str, line: int | None = None, param: str | None = None) -> _Error:
    return {"code": code, "message": message, "param": param, "line": line}


def read_input(
    content: bytes, endpoint: str, *, max_lines: int, max_bytes: int
) -> tuple[list[BatchLine], list[_Error]]:
    """The requests of an input file for a batch on `endpoint`, or the errors that fail it."""
    if not content.strip():
        return [], [_error("empty_file", "The input file has no requests")]
    if len(content) > max_bytes:
        message = f"The input file is {len(content)} bytes; a batch reads at most {max_bytes}"
        return [], [_error("file_too_large", message)]
    numbered = [(n, raw) for n, raw in enumerate(content.splitlines(), 1) if raw.strip()]
    if len(numbered) > max_lines:
        message = f"The input file has {len(numbered)} requests; a batch runs at most {max_lines}"
        return [], [_error("too_many_requests", message)]
    lines: list[BatchLine] = []
    errors: list[_Error] = []
    seen: dict[str, int] = {}
    for number, raw in numbered:
        try:
            line = _line(number, raw, endpoint, seen)
        except _LineError as problem:
            errors.append(problem.error)
            if len(errors) == MAX_ERRORS:
                break
            continue
        seen[line.custom_id] = number
        lines.append(line)
    return ([], errors) if errors else (lines, [])


class _LineError(Exception):
    def __init__(self, error: _Error) -> None:
        self.error = error


def _line(number: int, raw: bytes, endpoint: str, seen: dict[str, int]) -> BatchLine:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _LineError(_error("invalid_utf8", f"The line is not UTF-8: {exc}", number)) from None
    try:
        value = parse_json(raw)
    except ApiError as error:  # "The request body is not valid JSON: <why>"
        message = f"The line is not valid JSON: {error.message.partition(': ')[2]}"
        raise _LineError(_error("invalid_json_line", message, number)) from None
    if not isinstance(value, dict):
        message = f"The line must be a JSON object, got {json.dumps(value)[:60]}"
        raise _LineError(_error("invalid_json_line", message, number))
    quick = quick_check("BatchRequestInput")
    plain = quick is not None and quick(value) and value["url"] == endpoint
    problems = () if plain else load_contract().schema("BatchRequestInput").iter_errors(value)
    problem = next((p for p in problems if list(p.absolute_path)[:1] != ["url"]), None)
    if problem is not None:  # a wrong `url` is told against the batch's endpoint, below
        told = _fail(None, explain(problem))
        code = "invalid_method" if told.param == "method" else "invalid_request"
        raise _LineError(_error(code, told.message, number, told.param))
    if value["url"] != endpoint:
        message = f"'url' must be the batch's endpoint {endpoint!r}, got {value['url']!r}"
        raise _LineError(_error("mismatched_url", message, number, "url"))
    custom_id = value["custom_id"]
    if custom_id in seen:
        message = f"'custom_id' repeats {custom_id!r} (line {seen[custom_id]})"
        raise _LineError(_error("duplicate_custom_id", message, number, "custom_id"))
    return BatchLine(number, custom_id, value["body"])
