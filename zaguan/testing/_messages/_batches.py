"""`/v1/messages/batches...`: Anthropic message batches, run by the rules of `create_message`.

Creating checks the envelope against the contract (a 400 for the whole batch) and each
request's `params` against the Messages request schema: a request that breaks it becomes an
`errored` result, as Anthropic validates params when the batch runs. Custom ids must be unique
in a batch (400). A retry with the same request id returns the batch it created (409 with
another body). When a batch runs (`_batch_store`), each request is answered as
`POST /v1/messages` would answer it and charged under the request id
``derive_request_id(batch id, custom id)``, as OpenAI batches' lines are (`zaguan.batch` names
each result's request id by that rule); what would be an error response there is its `errored`
result here (``test/fail-<status>`` models included), and `"stream": true` is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from starlette.responses import Response

from ..._request import derive_request_id
from .._contract._checks import _fail, parse_json
from .._contract._explain import explain
from .._contract._spec import load_contract
from .._core._call import Call, json_response
from .._core._errors import ApiError, bad_request
from .._credits._charge import check_access, conflict_error, insufficient_error, resolve
from .._credits._ledger import InsufficientCreditsError, Ledger
from ._answers import build_message, check_servable, message_fingerprint, message_json
from ._batch_store import Batch, BatchItem
from ._routes import message_spend

__all__ = [
    "cancel_batch",
    "create_batch",
    "get_batch",
    "get_batch_results",
    "list_batches",
]

DEFAULT_LIMIT = 20


def _base_url(call: Call) -> str:
    return str(call.request.base_url).rstrip("/")


def _in_params(error: ValidationError) -> bool:
    """An error inside one request's `params` (not `params` being no object at all)."""
    path = tuple(error.absolute_path)
    inside = len(path) >= 3 and path[0] == "requests" and path[2] == "params"
    return inside and not (len(path) == 3 and error.validator == "type")


def _body_check(path: str) -> Validator:
    """The contract's check of the JSON body of `POST path`."""
    operation = load_contract().operation("POST", path)
    check = operation.json_body if operation is not None else None
    if check is None:
        raise LookupError(f"the contract has no JSON body for POST {path}")
    return check


def _params_error(params: Mapping[str, Any]) -> ApiError | None:
    error = next(_body_check("/v1/messages").iter_errors(params), None)
    return None if error is None else _fail(None, explain(error))


def _items(body: Any) -> tuple[BatchItem, ...]:
    errors = _body_check("/v1/messages/batches").iter_errors(body)
    error = next((e for e in errors if not _in_params(e)), None)
    if error is not None:
        raise _fail(None, explain(error))
    seen: set[str] = set()
    items = []
    for index, request in enumerate(body["requests"]):
        if request["custom_id"] in seen:
            name = f"requests[{index}].custom_id"
            raise bad_request(name, f"'{name}' repeats {request['custom_id']!r}")
        seen.add(request["custom_id"])
        params = request["params"]
        items.append(BatchItem(request["custom_id"], params, _params_error(params)))
    return tuple(items)


async def create_batch(call: Call) -> Response:
    body = parse_json(await call.request.body())
    items = _items(body)
    fingerprint = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    now = call.state.clock()

    def make(batch_id: str) -> Batch:
        return Batch(batch_id, call.ledger, fingerprint, items, now)

    batch, new = call.state.batches.create(call.request_id, make)
    if not new and (batch.fingerprint != fingerprint or batch.owner is not call.ledger):
        raise conflict_error(call.request_id)
    return json_response(batch.to_json(_base_url(call)))


def _errored(error: ApiError) -> dict[str, Any]:
    return {"type": "errored", "error": {"type": "error", **error.to_json()}}


def _answer(batch_id: str, item: BatchItem, ledger: Ledger) -> dict[str, Any]:
    """One request's result, as `POST /v1/messages` would have answered it."""
    params = item.params
    try:
        if item.error is not None:
            raise item.error
        if params.get("stream") is True:
            raise bad_request("stream", "'stream' is not allowed in a message batch")
        check_servable(params)
        model, fault = resolve(params["model"])
        check_access(ledger, model)
        if fault is not None and fault.status is not None:
            extra = {"provider": model.provider} if fault.status >= 500 else {}
            raise ApiError(fault.status, f"Injected fault: HTTP {fault.status}", extra=extra)
        request_id = derive_request_id(batch_id, item.custom_id)
        answer = build_message(params, model, request_id)
        try:
            ledger.debit(request_id, message_spend(answer), message_fingerprint(params))
        except InsufficientCreditsError as exc:
            raise insufficient_error(ledger, exc) from exc
        return {"type": "succeeded", "message": message_json(answer)}
    except ApiError as error:
        return _errored(error)


def _run(batch: Batch) -> list[dict[str, Any]]:
    assert isinstance(batch.owner, Ledger)
    owner = batch.owner
    return [
        {"custom_id": item.custom_id, "result": _answer(batch.id, item, owner)}
        for item in batch.items
    ]


def _batch(call: Call) -> Batch:
    """The batch named in the path, run if it has not ended yet (reading it ends it)."""
    batch_id = call.request.path_params["batch_id"]
    batch = call.state.batches.find(call.ledger, batch_id)
    if batch is None:
        raise ApiError(404, f"No message batch {batch_id!r}", param="batch_id")
    call.state.batches.settle(batch, _run, call.state.clock())
    return batch


async def get_batch(call: Call) -> Response:
    return json_response(_batch(call).to_json(_base_url(call)))


async def cancel_batch(call: Call) -> Response:
    batch_id = call.request.path_params["batch_id"]
    batch = call.state.batches.find(call.ledger, batch_id)
    if batch is None:
        raise ApiError(404, f"No message batch {batch_id!r}", param="batch_id")
    call.state.batches.cancel(batch, call.state.clock())
    return json_response(batch.to_json(_base_url(call)))


async def get_batch_results(call: Call) -> Response:
    lines = (json.dumps(line, separators=(",", ":")) + "\n" for line in _batch(call).results)
    return Response("".join(lines), media_type="application/x-jsonl")


def _page(batches: list[Batch], query: Mapping[str, str]) -> tuple[list[Batch], bool]:
    """Anthropic's paging over `batches` (newest first): the page and whether more lie beyond
    it in the direction asked (older after `after_id` or by default, newer before `before_id`)."""
    limit = int(query.get("limit", DEFAULT_LIMIT))
    after, before = query.get("after_id"), query.get("before_id")
    if after is not None and before is not None:
        raise bad_request("before_id", "Give 'after_id' or 'before_id', not both")
    ids = [batch.id for batch in batches]
    for name, value in (("after_id", after), ("before_id", before)):
        if value is not None and value not in ids:
            raise bad_request(name, f"'{name}' names no message batch of this key: {value!r}")
    if before is not None:
        end = ids.index(before)
        start = max(0, end - limit)
        return batches[start:end], start > 0
    start = ids.index(after) + 1 if after is not None else 0
    return batches[start : start + limit], start + limit < len(batches)


async def list_batches(call: Call) -> Response:
    batches = call.state.batches.owned(call.ledger)
    for batch in batches:
        call.state.batches.settle(batch, _run, call.state.clock())
    page, more = _page(batches, call.request.query_params)
    base = _base_url(call)
    return json_response(
        {
            "data": [batch.to_json(base) for batch in page],
            "has_more": more,
            "first_id": page[0].id if page else None,
            "last_id": page[-1].id if page else None,
        }
    )
