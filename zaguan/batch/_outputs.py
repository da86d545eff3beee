"""A finished batch's results as ``zaguan run``'s output lines (`zaguan.bulk` records), keyed by
``custom_id``: pure, bytes in, records out.

OpenAI batches give an output file (successes) and an error file (failures), both JSON Lines of
``{id, custom_id, response, error}`` in no set order; message batches give one results file of
``{custom_id, result: {type, message | error}}``. Each becomes the record ``zaguan run`` writes
for the same line: its ``request_id`` the batch's own (``derive_request_id(batch id,
custom_id)``, as CoreX charges it), an error as ``{code, message}``. A line the batch never ran
(it expired, was cancelled, or failed as a whole) gets an error record naming why
(``batch_expired``, ``batch_cancelled``, ``batch_failed``), as OpenAI writes expired lines. A file
cut short (a last line that is not whole JSON, fewer lines than the batch's counts) is a
`BatchJobError` naming the batch, never fewer results.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, Final

from .._errors import BatchJobError, status_of_error_type
from .._request import derive_request_id
from ..bulk._records import json_text, record_bytes

__all__ = ["NEVER_RAN", "Result", "anthropic_records", "never_ran", "openai_records"]

Result = tuple[bytes, int | None, str | None]
"""One line's record, its HTTP status (None: no answer) and its error code (None: success)."""

NEVER_RAN: Final = {
    "expired": ("batch_expired", "the batch expired before this line ran"),
    "cancelled": ("batch_cancelled", "the batch was cancelled before this line ran"),
    "failed": ("batch_failed", "the batch failed before running its lines"),
}
"""Why a line has no result, by the state its batch ended in: ``(code, message)``."""


def _lines(content: bytes, batch_id: str, what: str) -> Iterator[dict[str, Any]]:
    """The JSON objects of a results file, each with a string ``custom_id``."""
    pieces = content.split(b"\n")
    for number, piece in enumerate(pieces, 1):
        if not piece.strip():
            continue
        try:
            value = json.loads(piece)
        except (ValueError, RecursionError):
            last = number == len(pieces)
            why = "is cut short (the file ends inside it)" if last else "is not JSON"
            raise BatchJobError(f"batch {batch_id}: line {number} of its {what} {why}") from None
        if not isinstance(value, dict) or not isinstance(value.get("custom_id"), str):
            raise BatchJobError(f"batch {batch_id}: line {number} of its {what} has no custom_id")
        yield value


def _body(value: object) -> bytes:
    return json_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), value)


def _error(value: object) -> tuple[str, str]:
    error = value if isinstance(value, Mapping) else {}
    code, message = error.get("code") or error.get("type"), error.get("message")
    return str(code or "error"), str(message or "")


def _result(
    custom_id: str,
    request_id: str,
    status: int | None = None,
    body: bytes = b"null",
    error: tuple[str, str] | None = None,
) -> Result:
    record = record_bytes(custom_id, request_id, status_code=status, body=body, error=error)
    return record, status, None if error is None else error[0]


def never_ran(batch_id: str, custom_id: str, why: str) -> Result:
    """The record of a line its batch never ran; ``why`` is a key of `NEVER_RAN`."""
    return _result(custom_id, derive_request_id(batch_id, custom_id), error=NEVER_RAN[why])


def _openai_record(batch_id: str, line: Mapping[str, Any]) -> Result:
    custom_id = line["custom_id"]
    response, error = line.get("response"), line.get("error")
    problem = None if error is None else _error(error)
    if not isinstance(response, Mapping) or not isinstance(response.get("status_code"), int):
        request_id = derive_request_id(batch_id, custom_id)
        return _result(custom_id, request_id, error=problem or ("error", "no response"))
    told = response.get("request_id")
    request_id = told if isinstance(told, str) else derive_request_id(batch_id, custom_id)
    status, body = response["status_code"], _body(response.get("body"))
    return _result(custom_id, request_id, status, body, problem)


def openai_records(batch_id: str, files: Mapping[str, bytes], counted: int) -> dict[str, Result]:
    """``custom_id`` -> record of an OpenAI batch's result ``files`` (``"output file"``,
    ``"error file"`` -> content); ``counted``: the lines its ``request_counts`` say ran."""
    records: dict[str, Result] = {}
    for what, content in files.items():
        for line in _lines(content, batch_id, what):
            records[line["custom_id"]] = _openai_record(batch_id, line)
    if len(records) < counted:
        raise BatchJobError(
            f"batch {batch_id}: its result files hold {len(records):,} lines, its counts say "
            f"{counted:,} ran (a file cut short?)"
        )
    return records


def anthropic_records(batch_id: str, content: bytes, counted: int) -> dict[str, Result]:
    """``custom_id`` -> record of a message batch's results file; ``counted``: its requests."""
    records: dict[str, Result] = {}
    for line in _lines(content, batch_id, "results file"):
        custom_id = line["custom_id"]
        request_id = derive_request_id(batch_id, custom_id)
        result = line.get("result")
        kind = result.get("type") if isinstance(result, Mapping) else None
        if kind == "succeeded":
            assert isinstance(result, Mapping)
            records[custom_id] = _result(custom_id, request_id, 200, _body(result.get("message")))
        elif kind == "errored":
            assert isinstance(result, Mapping)
            answer = result.get("error")
            inner = answer.get("error") if isinstance(answer, Mapping) else None
            error_type = inner.get("type") if isinstance(inner, Mapping) else None
            status = status_of_error_type(str(error_type))
            problem = _error(inner)
            records[custom_id] = _result(custom_id, request_id, status, _body(answer), problem)
        elif kind in ("canceled", "expired"):
            why = "cancelled" if kind == "canceled" else "expired"
            records[custom_id] = never_ran(batch_id, custom_id, why)
        else:
            raise BatchJobError(f"batch {batch_id}: result of {custom_id!r} is of no known type")
    if len(records) < counted:
        raise BatchJobError(
            f"batch {batch_id}: its results file holds {len(records):,} results of "
            f"{counted:,} requests (a file cut short?)"
        )
    return records
