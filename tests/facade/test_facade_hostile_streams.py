"""Whatever a server streams ends as a documented error: wrongly typed fields, deep nesting.

Each case is a stream that parses as SSE and (mostly) as JSON but whose fields have the wrong
JSON types; each is read three ways (iteration, the final result, ``text_stream``) by both
clients, and must end as `APIResponseValidationError` with the request id, never as a raw
`TypeError`, `KeyError`, `RecursionError` or other Python exception.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx
from facade_support import CHAT_PATH, MESSAGES, MODEL, Api, chunk_json, event_stream, sse

import zaguan

DEEP = 100_000  # far past the interpreter's recursion limit


def _chunk(choice: dict[str, Any]) -> dict[str, Any]:
    return {**chunk_json(), "choices": [choice]}


def _tool(piece: dict[str, Any]) -> dict[str, Any]:
    return _chunk({"index": 0, "delta": {"tool_calls": [piece]}})


CHAT_CASES: dict[str, list[dict[str, Any] | str]] = {
    "index is a list": [_chunk({"index": [0], "delta": {"content": "a"}})],
    "index is an object": [_chunk({"index": {"i": 0}, "delta": {"content": "a"}})],
    "mixed index types": [
        _chunk({"index": 0, "delta": {"content": "a"}}),
        _chunk({"index": "1", "delta": {"content": "b"}}),
    ],
    "index null then int": [
        _chunk({"index": None, "delta": {"content": "a"}}),
        _chunk({"index": 0, "delta": {"content": "b"}}),
    ],
    "tool index is a list": [_tool({"index": [1], "function": {"name": "f"}})],
    "mixed tool index types": [
        _tool({"index": 0, "function": {"name": "f"}}),
        _tool({"index": "a", "function": {"name": "g"}}),
    ],
    "function name is a number": [_tool({"index": 0, "function": {"name": 5}})],
    "function name is a list": [_tool({"index": 0, "function": {"name": ["f"]}})],
    "function name string then number": [
        _tool({"index": 0, "function": {"name": "f"}}),
        _tool({"index": 0, "function": {"name": 5}}),
    ],
    "choices is an object": [{**chunk_json(), "choices": {"0": {}}}],
    "choices is a string": [{**chunk_json(), "choices": "abc"}],
    "delta is a string": [_chunk({"index": 0, "delta": "a"})],
    "choice is a number": [{**chunk_json(), "choices": [7]}],
    "chunk is a list": ["[1, 2]"],
    "chunk is a number": ["42"],
    "deeply nested event": ["[" * DEEP + "]" * DEEP],
    "deeply nested field": ['{"id": ' + "[" * DEEP + "]" * DEEP + "}"],
}


def _deep_object(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


def _anthropic(*events: tuple[str, Any]) -> bytes:
    return "".join(
        f"event: {name}\ndata: {data if isinstance(data, str) else json.dumps(data)}\n\n"
        for name, data in events
    ).encode()


START = ("message_start", {"type": "message_start", "message": {"id": "m", "content": []}})
STOP = ("message_stop", {"type": "message_stop"})


def _block(index: Any, block: Any = None) -> tuple[str, Any]:
    block = {"type": "text", "text": ""} if block is None else block
    data = {"type": "content_block_start", "index": index, "content_block": block}
    return ("content_block_start", data)


def _delta(index: Any, delta: Any) -> tuple[str, Any]:
    return ("content_block_delta", {"type": "content_block_delta", "index": index, "delta": delta})


MESSAGE_CASES: dict[str, bytes] = {
    "block index is a list": _anthropic(START, _block([0]), STOP),
    "mixed block index types": _anthropic(START, _block(0), _block("1"), STOP),
    "delta index is an object": _anthropic(
        START, _block(0), _delta({"i": 0}, {"type": "text_delta", "text": "a"}), STOP
    ),
    "text delta is a number": _anthropic(
        START, _block(0), _delta(0, {"type": "text_delta", "text": 5}), STOP
    ),
    "block text is a number": _anthropic(
        START,
        _block(0, {"type": "text", "text": 5}),
        _delta(0, {"type": "text_delta", "text": "a"}),
        STOP,
    ),
    "partial json is a number": _anthropic(
        START,
        _block(0, {"type": "tool_use", "input": {}}),
        _delta(0, {"type": "input_json_delta", "partial_json": 5}),
        STOP,
    ),
    "delta is a string": _anthropic(START, _block(0), _delta(0, "a"), STOP),
    "delta type is a list": _anthropic(START, _block(0), _delta(0, {"type": ["x"]}), STOP),
    "message is a list": _anthropic(
        ("message_start", {"type": "message_start", "message": [1]}), STOP
    ),
    "message delta is a list": _anthropic(
        START, ("message_delta", {"type": "message_delta", "delta": [1]}), STOP
    ),
    "usage is a list": _anthropic(
        START, ("message_delta", {"type": "message_delta", "delta": {}, "usage": [1]}), STOP
    ),
    "event type is an object": _anthropic(START, ("message", {"type": {"a": 1}}), STOP),
    "citations is a string": _anthropic(
        START,
        _block(0, {"type": "text", "text": "", "citations": "x"}),
        _delta(0, {"type": "citations_delta", "citation": {}}),
        STOP,
    ),
    "deeply nested event": _anthropic(START, ("content_block_delta", "[" * DEEP + "]" * DEEP)),
    "deeply nested block": _anthropic(START, _block(0, _deep_object(DEEP)), STOP),
}

READS = ["iterate", "final", "text"]


async def _read_chat(api: Api, how: str) -> None:
    stream = await api.start(model=MODEL, messages=MESSAGES)
    if how == "iterate":
        await api.read(stream)
    elif how == "final":
        await api.final(stream)
    elif isinstance(stream, zaguan.AsyncStream):
        _ = [text async for text in stream.text_stream]
    else:
        _ = list(stream.text_stream)


async def _read_messages(api: Api, how: str) -> None:
    stream: Any = await api.call(
        "messages_stream", model="anthropic/claude-sonnet-4-5", max_tokens=64, messages=MESSAGES
    )
    if api.is_async:
        await stream
    if how == "iterate":
        _ = [e async for e in stream] if api.is_async else list(stream)
    elif how == "final":
        _ = await stream.get_final_message() if api.is_async else stream.get_final_message()
    elif api.is_async:
        _ = [text async for text in stream.text_stream]
    else:
        _ = list(stream.text_stream)


def _assert_documented(error: zaguan.APIResponseValidationError, request_id: str) -> None:
    assert error.request_id == request_id
    assert error.response is not None
    assert len(str(error)) < 400  # one readable line, even for a 200 kB event


@pytest.mark.parametrize("how", READS)
@pytest.mark.parametrize("case", CHAT_CASES)
async def test_a_chat_stream_with_wrongly_typed_fields_ends_as_a_documented_error(
    api: Api, mock: respx.MockRouter, case: str, how: str
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=event_stream(sse(*CHAT_CASES[case])))
    with pytest.raises(zaguan.APIResponseValidationError) as caught:
        await _read_chat(api, how)
    _assert_documented(caught.value, route.calls.last.request.headers["X-Request-Id"])


@pytest.mark.parametrize("how", READS)
@pytest.mark.parametrize("case", MESSAGE_CASES)
async def test_a_messages_stream_with_wrongly_typed_fields_ends_as_a_documented_error(
    api: Api, mock: respx.MockRouter, case: str, how: str
) -> None:
    route = mock.post("/v1/messages").mock(return_value=event_stream(MESSAGE_CASES[case]))
    with pytest.raises(zaguan.APIResponseValidationError) as caught:
        await _read_messages(api, how)
    _assert_documented(caught.value, route.calls.last.request.headers["X-Request-Id"])
