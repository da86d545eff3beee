"""`POST /v1/messages` and `POST /v1/messages/count_tokens`: the Anthropic side of the server.

A message goes through the same steps as a chat (`_completions`): the contract's checks, what
the server cannot serve, the model (404), the request id (409), the band (403), the credits
(402), the fault; it is charged once per request id, when the JSON answer is sent or when the
stream reaches its end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

from starlette.responses import Response, StreamingResponse

from .._chat._routes import StreamDialect, _stream_break, break_stream
from .._core._call import Call, json_response
from .._core._errors import ApiError
from .._core._faults import Fault
from .._credits._charge import admit, check_access, debit, flat_spend, resolve
from .._credits._ledger import Spend
from ._answers import (
    MessageAnswer,
    build_message,
    check_servable,
    input_tokens,
    message_fingerprint,
    message_json,
)
from ._stream import error_event, message_events, sse_event

__all__ = ["count_message_tokens", "create_message", "message_spend"]


def message_spend(answer: MessageAnswer, delay: float = 0.0) -> Spend:
    """What a message costs: its model's band in credits, its tokens at the model's prices."""
    return flat_spend(
        answer.model, answer.input_tokens, answer.output_tokens, answer.thinking_tokens, delay
    )


async def create_message(call: Call) -> Response:
    body: dict[str, Any] = call.body
    check_servable(body)
    model, model_fault = resolve(body["model"])
    fingerprint = message_fingerprint(body)
    fault = await admit(call, model, fingerprint, model_fault)
    answer = build_message(body, model, call.request_id)
    spend = message_spend(answer, fault.delay if fault else 0.0)
    if body.get("stream") is True:
        events = _events(call, answer, spend, fingerprint, fault)
        return StreamingResponse(
            events, media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )
    debit(call, spend, fingerprint)
    return json_response(message_json(answer))


_DIALECT = StreamDialect(
    "deltas",
    lambda error: error_event(error.to_json()["error"]),  # type: ignore[arg-type]  # a dict
    sse_event({"type": "ping"}),
)


async def _events(
    call: Call, answer: MessageAnswer, spend: Spend, fingerprint: str, fault: Fault | None
) -> AsyncIterator[bytes]:
    sent = 0
    for kind, event in message_events(answer):
        how = _stream_break(fault, kind, sent)
        if how is not None:
            async for chunk in break_stream(call, how, answer.model, sent, _DIALECT):
                yield chunk
            return
        if kind == "finish":
            try:
                debit(call, spend, fingerprint)
            except ApiError as error:
                yield error_event(error.to_json()["error"])  # type: ignore[arg-type]  # a dict
                return
        yield sse_event(event)
        sent += kind == "piece"


def _count_body(body: Mapping[str, Any]) -> dict[str, Any]:
    return {key: body[key] for key in ("system", "messages", "tools") if key in body}


async def count_message_tokens(call: Call) -> Response:
    """The input tokens `create_message` would report for the same fields; free of charge."""
    body: dict[str, Any] = call.body
    model, _ = resolve(body["model"])
    check_access(call.ledger, model)
    return json_response({"input_tokens": input_tokens(_count_body(body))})
