"""`POST /v1/chat/completions`: checks, faults, the answer, its debit, and its stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from starlette.responses import Response, StreamingResponse

from .._catalog._models import Model
from .._core._call import Call, json_response
from .._core._errors import ApiError
from .._core._faults import Fault
from .._credits._charge import admit, debit, failed, flat_spend, resolve
from .._credits._ledger import Spend
from ._answers import Answer, build_answer, completion_json, stream_chunks
from ._request import ChatRequest, chat_request

__all__ = ["chat"]


def _spend(answer: Answer, delay: float = 0.0) -> Spend:
    return flat_spend(
        answer.model, answer.prompt_tokens, answer.completion_tokens,
        answer.reasoning_tokens, delay,
    )  # fmt: skip


async def chat(call: Call) -> Response:
    request = chat_request(call.body)
    model, model_fault = resolve(request.model)
    fault = await admit(call, model, request.fingerprint, model_fault)
    answer = build_answer(request, model, call.request_id)
    spend = _spend(answer, fault.delay if fault else 0.0)
    if request.stream:
        events = _events(call, request, answer, spend, fault)
        return StreamingResponse(
            events, media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )
    body = completion_json(answer)
    body["promptshield"] = debit(call, spend, request.fingerprint)
    return json_response(body)


def _event(data: object) -> bytes:
    return f"data: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def _stream_break(fault: Fault | None, kind: str, sent: int) -> str | None:
    """Which stream fault fires before this chunk, once `sent` content chunks went out."""
    if fault is None or kind not in ("piece", "finish"):
        return None
    afters = {
        "error": fault.stream_error_after,
        "cut": fault.stream_cut_after,
        "drop": fault.stream_drop_after,
        "stall": fault.stream_stall_after,
        "keepalive": fault.stream_keepalive_after,
    }
    due = [(after, name) for name, after in afters.items() if after is not None and sent >= after]
    return min(due)[1] if due else None


HOLD_SECONDS = 60.0
"""How long a stalled or keep-alive-only stream is held open at most (the client normally
gives up first: that is what the fault is for)."""
KEEPALIVE_EVERY = 0.05


async def hold_stream(how: str, keepalive: bytes) -> AsyncIterator[bytes]:
    """A stream that stopped progressing: silent (``stall``), or sending only ``keepalive``
    every `KEEPALIVE_EVERY` seconds (``keepalive``), until the client leaves."""
    loop = asyncio.get_running_loop()
    end = loop.time() + HOLD_SECONDS
    while loop.time() < end:
        await asyncio.sleep(KEEPALIVE_EVERY)
        if how == "keepalive":
            yield keepalive


async def break_stream(
    call: Call, how: str, model: Model, sent: int, dialect: StreamDialect
) -> AsyncIterator[bytes]:
    """The end of a stream that a fault breaks after ``sent`` content pieces, in the
    ``dialect`` of its endpoint (how an error event and a keep-alive are written)."""
    message = f"Injected fault: stream {how} after {sent} content {dialect.pieces}"
    call.ledger.record_failure(call.request_id, failed(model), "error", message)
    if how == "error":
        error = ApiError(502, message, code="stream_error", extra={"provider": model.provider})
        yield dialect.error(error)
    elif how == "drop":
        dropper = call.state.dropper
        if dropper is None or not dropper(call.request.scope):
            raise ConnectionAbortedError(message)
        await asyncio.sleep(0.05)  # let the server see the closed socket before the body ends
    elif how in ("stall", "keepalive"):
        async for chunk in hold_stream(how, dialect.keepalive):
            yield chunk


@dataclass(frozen=True, slots=True)
class StreamDialect:
    """How one endpoint's stream writes what a fault sends."""

    pieces: str  # what its content pieces are called in a failure's message
    error: Callable[[ApiError], bytes]
    keepalive: bytes


CHAT_DIALECT = StreamDialect("chunks", lambda error: _event(error.to_json()), b": ping\n\n")


async def _events(
    call: Call, request: ChatRequest, answer: Answer, spend: Spend, fault: Fault | None
) -> AsyncIterator[bytes]:
    yield b": ping\n\n"
    chunks = list(stream_chunks(answer, request.include_usage))
    sent = 0
    for index, (kind, chunk) in enumerate(chunks):
        how = _stream_break(fault, kind, sent)
        if how is not None:
            async for event in break_stream(call, how, answer.model, sent, CHAT_DIALECT):
                yield event
            return
        data = chunk
        if index == len(chunks) - 1:
            try:
                data = {**chunk, "promptshield": debit(call, spend, request.fingerprint)}
            except ApiError as error:
                yield _event(error.to_json())
                return
        yield _event(data)
        sent += kind == "piece"
    yield b"data: [DONE]\n\n"
