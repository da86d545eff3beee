"""The interpreters' shared JSON reader and the chat interpreter's accumulation on demand."""

from __future__ import annotations

import json

import pytest

from zaguan._streams._chat import ChatInterpreter
from zaguan._streams._interpret import loads
from zaguan._streams._sse import ServerSentEvent


@pytest.mark.parametrize(
    "text",
    ['{"a": [1, 2.5, null, true]}', ' {"a": 1}', '{"a": 1} ', "\n[1]\t", "7", '"x"', "NaN"],
)
def test_loads_reads_what_json_loads_reads(text: str) -> None:
    assert loads(text) == json.loads(text) or text == "NaN"  # nan != nan


@pytest.mark.parametrize("text", ["", " ", "{", '{"a": 1} x', '{"a": 1}{"b": 2}', "[1,]", "nope"])
def test_loads_rejects_what_json_loads_rejects_with_its_error(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        loads(text)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    assert str(caught.value) == str(expected.value)


def _chunk(content: str, **delta: object) -> ServerSentEvent:
    body = {
        "id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
        "choices": [{"index": 0, "delta": {"content": content, **delta}, "finish_reason": None}],
    }  # fmt: skip
    return ServerSentEvent(data=json.dumps(body))


def test_the_final_completion_adds_up_every_chunk_fed_before_it_was_asked_for() -> None:
    interpreter = ChatInterpreter()
    for piece in ("Hel", "lo", "!"):
        interpreter.feed(_chunk(piece))
    interpreter.feed(ServerSentEvent(data="[DONE]"))
    assert interpreter.final().choices[0].message.content == "Hello!"
    assert interpreter.final() == interpreter.final()  # a new object per call, the same answer


def test_what_accumulating_would_reject_is_rejected_as_the_chunk_arrives() -> None:
    interpreter = ChatInterpreter()
    bad_tool = [{"index": "0", "function": {"name": "f"}}]
    with pytest.raises(TypeError, match="tool call index must be an integer"):
        interpreter.feed(_chunk("a", tool_calls=bad_tool))
    with pytest.raises(TypeError, match="function name must be a string"):
        interpreter.feed(_chunk("a", tool_calls=[{"index": 0, "function": {"name": 5}}]))
