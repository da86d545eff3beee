"""`/v1/batches...`: OpenAI batches, run line by line by the server's own handlers.

Creating checks the body against the contract, the test switches in ``metadata``
(`_store`), and the input file: another key's or an unknown id is a 404 naming
``input_file_id``, a file whose purpose is not ``batch`` a 400. The batch answers
``validating``; each read (get, or a list that shows it) moves it one step
(`_store` has the table), validating its file (`_input`), running its lines
(`_run`: each charged once, under the request id derived from the batch id and its
``custom_id``) and writing its result files (`FileStore`, purpose ``batch_output``). The output
and error files are JSON Lines of the contract's `BatchRequestOutput`, sorted by the line's
``id`` (a hash), not in input order, as OpenAI promises no order. Reading again never runs a
line again. A retried creation with the same request id answers the same batch (409 with
another body). Lists are newest first, ``after`` a batch id (else 400), ``limit`` default 20.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from .._contract._spec import load_contract
from .._core._call import Call, json_response
from .._core._errors import ApiError, bad_request
from .._credits._charge import conflict_error, fingerprint
from .._credits._ledger import Ledger
from ._file_store import StoredFile
from ._files import find_file
from ._input import read_input
from ._lists import list_json, page
from ._run import never_ran, run_line
from ._store import OpenAIBatch, check_switches

__all__ = ["advance", "cancel_batch", "create_batch", "get_batch", "list_batches"]

DEFAULT_LIMIT = 20
EXPIRED = "This request could not be executed before the completion window expired."


def _now(call: Call) -> int:
    return int(call.state.clock().timestamp())


async def create_batch(call: Call) -> Response:
    body: dict[str, Any] = call.body
    problem = check_switches(body.get("metadata"))
    if problem is not None:
        raise bad_request(problem.partition(":")[0], problem)
    stored = find_file(call, body["input_file_id"], "input_file_id")
    if stored.purpose != "batch":
        message = f"'input_file_id' names a file of purpose {stored.purpose!r}, not 'batch'"
        raise bad_request("input_file_id", message)
    key, now = fingerprint(body), _now(call)

    def make(batch_id: str) -> OpenAIBatch:
        metadata = body.get("metadata")
        return OpenAIBatch(
            batch_id, call.ledger, key, body["endpoint"], stored.id, stored.content,
            dict(metadata) if metadata is not None else None, now,
        )  # fmt: skip

    batch, new = call.state.openai_batches.create(call.request_id, make)
    if not new and (batch.fingerprint != key or batch.owner is not call.ledger):
        raise conflict_error(call.request_id)
    return json_response(batch.to_json())


def _batch(call: Call) -> OpenAIBatch:
    batch_id = call.request.path_params["batch_id"]
    batch = call.state.openai_batches.find(call.ledger, batch_id)
    if batch is None:
        raise ApiError(404, f"No such batch: {batch_id!r}", param="batch_id")
    return batch


async def get_batch(call: Call) -> Response:
    batch = _batch(call)
    await advance(call, batch)
    return json_response(batch.to_json())


async def cancel_batch(call: Call) -> Response:
    batch = _batch(call)
    call.state.openai_batches.cancel(batch, _now(call))
    return json_response(batch.to_json())


async def list_batches(call: Call) -> Response:
    batches = call.state.openai_batches.owned(call.ledger)[::-1]  # newest first
    shown, more = page(batches, call.request.query_params, DEFAULT_LIMIT, "batch")
    for batch in shown:
        await advance(call, batch)
    return json_response(list_json(shown, more, OpenAIBatch.to_json))


async def advance(call: Call, batch: OpenAIBatch) -> None:
    """Move `batch` one step, unless another read is moving it now."""
    store = call.state.openai_batches
    if not store.begin_step(batch):
        return
    try:
        await _step(call, batch, _now(call))
    finally:
        store.end_step(batch)


async def _step(call: Call, batch: OpenAIBatch, now: int) -> None:
    if batch.expiring(now):
        _finish(call, batch, "expired", now)
    elif batch.status == "validating":
        _validate(batch, now)
    elif batch.status == "in_progress":
        await _run(call, batch, now)
    elif batch.status in ("finalizing", "cancelling"):
        _finish(call, batch, "completed" if batch.status == "finalizing" else "cancelled", now)


def _validate(batch: OpenAIBatch, now: int) -> None:
    limits = load_contract().limits("BatchCreateRequest", "input_file_id")
    lines, errors = read_input(
        batch.content, batch.endpoint,
        max_lines=limits["max_lines"], max_bytes=limits["max_bytes"],
    )  # fmt: skip
    batch.lines, batch.errors = lines, errors
    batch.move("failed" if errors else "in_progress", now)


async def _run(call: Call, batch: OpenAIBatch, now: int) -> None:
    assert isinstance(batch.owner, Ledger)
    for line in batch.next_lines():
        if batch.status != "in_progress":  # cancelled meanwhile: what runs now is in flight
            return
        batch.outputs.append(await run_line(call, batch.owner, batch.id, batch.endpoint, line))
    if batch.expiring(now):
        _finish(call, batch, "expired", now)
    elif batch.status == "in_progress" and len(batch.outputs) == len(batch.lines):
        batch.move("finalizing", now)


def _finish(call: Call, batch: OpenAIBatch, status: str, now: int) -> None:
    """Write what ran to the output and error files and end the batch as `status`."""
    succeeded = [line for line in batch.outputs if line["error"] is None]
    failed = [line for line in batch.outputs if line["error"] is not None]
    if status == "expired":
        unrun = batch.lines[len(batch.outputs) :]
        failed += [never_ran(batch.id, line.custom_id, "batch_expired", EXPIRED) for line in unrun]
    batch.output_file_id = _write(call, batch, "output", succeeded, now)
    batch.error_file_id = _write(call, batch, "error", failed, now)
    batch.move(status, now)


def _write(
    call: Call, batch: OpenAIBatch, kind: str, lines: list[dict[str, Any]], now: int
) -> str | None:
    """A result file of `lines` in the order of their ids (not the input's); None if empty."""
    if not lines:
        return None
    ordered = sorted(lines, key=lambda line: str(line["id"]))
    content = "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in ordered)

    def make(file_id: str) -> StoredFile:
        name = f"{batch.id}_{kind}.jsonl"
        return StoredFile(file_id, batch.owner, name, "batch_output", content.encode(), now)

    return call.state.files.create(None, make)[0].id
