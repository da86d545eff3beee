"""One line of an OpenAI batch, answered by the server's own handler of its ``url``.

The line runs as a request of its own would: under the request id
``derive_request_id(batch id, custom_id)`` (the SDK's rule, `zaguan._request`: the same line of
the same batch always has the same id, so it is charged once and found in the ledger and the
credits history under it), with the batch owner's key, its body checked against the contract's
body of ``url``, then the handler's own steps (model, band, credits, the fault of a ``test/...``
model or the server-wide one). ``"stream": true`` is refused in a batch. What the handler
answers is the line's ``response``; what it refuses (an `ApiError`, a dropped connection) is
the line's ``error``, with the error answer as ``response`` when there is one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.responses import Response

from ..._request import derive_request_id
from .._chat._routes import chat
from .._contract._checks import _fail
from .._contract._explain import explain
from .._core._call import Call, Dropped
from .._core._errors import ApiError, bad_request
from .._credits._ledger import Ledger
from .._media._embeddings import embeddings
from .._messages._batches import _body_check
from .._messages._routes import create_message
from ._input import BatchLine

__all__ = ["HANDLERS", "line_id", "never_ran", "run_line"]

HANDLERS: dict[str, Callable[[Call], Awaitable[Response]]] = {
    "/v1/chat/completions": chat,
    "/v1/embeddings": embeddings,
    "/v1/messages": create_message,
}
"""The handler of each endpoint a batch may name (the contract's `BatchEndpoint`)."""


def line_id(batch_id: str, custom_id: str) -> str:
    """The ``id`` of a line's output: ``batch_req_<hash>``, the same on every read."""
    digest = hashlib.sha256(f"{batch_id}\x00{custom_id}".encode("utf-8", "surrogatepass"))
    return f"batch_req_{digest.hexdigest()[:24]}"


def _output(
    batch_id: str, custom_id: str, response: dict[str, Any] | None, error: dict[str, Any] | None
) -> dict[str, Any]:
    return {
        "id": line_id(batch_id, custom_id),
        "custom_id": custom_id,
        "response": response,
        "error": error,
    }


def never_ran(batch_id: str, custom_id: str, code: str, message: str) -> dict[str, Any]:
    """The output of a line the batch never ran (``batch_expired``)."""
    return _output(batch_id, custom_id, None, {"code": code, "message": message})


def _checked(url: str, body: dict[str, Any]) -> dict[str, Any]:
    problem = next(_body_check(url).iter_errors(body), None)
    if problem is not None:
        raise _fail(None, explain(problem))
    if body.get("stream") is True:
        raise bad_request("stream", "'stream' is not allowed in a batch")
    return body


async def run_line(
    call: Call, owner: Ledger, batch_id: str, url: str, line: BatchLine
) -> dict[str, Any]:
    """The output line of `line`, run now by `HANDLERS[url]` on behalf of `owner`'s key.

    `call` is the read that runs it: its request is the one a `drop` fault acts on.
    """
    request_id = derive_request_id(batch_id, line.custom_id)
    attempt = call.state.count_attempt(request_id)
    try:
        body = _checked(url, line.body)
        line_call = Call(call.request, call.state, request_id, attempt, owner, None, body)
        answer = await HANDLERS[url](line_call)
        status, payload = answer.status_code, json.loads(bytes(answer.body))
    except ApiError as error:
        status, payload = error.status, error.to_json()
    except Dropped:
        message = "Injected fault: the provider dropped the connection"
        return _output(
            batch_id, line.custom_id, None, {"code": "connection_dropped", "message": message}
        )
    response = {"status_code": status, "request_id": request_id, "body": payload}
    if status == 200:
        return _output(batch_id, line.custom_id, response, None)
    told = payload["error"]
    failure = {"code": told.get("code") or told["type"], "message": told["message"]}
    return _output(batch_id, line.custom_id, response, failure)
