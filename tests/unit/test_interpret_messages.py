"""The Anthropic messages stream without a network: bytes through `StreamCore` and
`MessagesInterpreter`, as both stream shells drive them.

``tests/data/anthropic_messages_stream.sse`` follows the events of Anthropic's documented
streaming examples (extended thinking with its signature, text, a tool_use whose input
arrives as input_json_delta fragments, pings, a comment line), with non-ASCII text so that
byte splits cut UTF-8 characters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zaguan import APIConnectionError, APIResponseValidationError, StreamError
from zaguan._streams._lifecycle import StreamCore
from zaguan._streams._messages import MessagesInterpreter

BODY = (Path(__file__).parents[1] / "data" / "anthropic_messages_stream.sse").read_bytes()

FINAL_MESSAGE: dict[str, Any] = {
    "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5-20250929",
    "content": [
        {
            "type": "thinking",
            "thinking": "The user wants the weather in Lima. I should call get_weather"
            " \u2014 \u00bfsunny? \u2600\ufe0f",
            "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds2c7nl0A"
            "6TvgrJK3sz8Dw==",
        },
        {"type": "text", "text": "Let me check the weather in Lima, Per\u00fa \U0001f326."},
        {
            "type": "tool_use",
            "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
            "name": "get_weather",
            "input": {"location": "Lima, Per\u00fa", "unit": "celsius"},
        },
    ],
    "stop_reason": "tool_use",
    "stop_sequence": None,
    "usage": {
        "input_tokens": 472,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
        "output_tokens": 89,
        "service_tier": "standard",
    },
    "container": None,
}


def _wire_events(body: bytes) -> list[dict[str, Any]]:
    """The body's events read the naive way (whole body, LF only), pings left out."""
    events = []
    for block in body.decode().split("\n\n"):
        data = [line[6:] for line in block.splitlines() if line.startswith("data: ")]
        if data and json.loads(data[0])["type"] != "ping":
            events.append(json.loads("\n".join(data)))
    return events


EVENTS = _wire_events(BODY)


def _core() -> StreamCore[dict[str, Any], dict[str, Any]]:
    return StreamCore(MessagesInterpreter(dict), "rid-messages")


def _run(*pieces: bytes, core: StreamCore[Any, Any] | None = None) -> tuple[list[Any], Any]:
    """Feed ``pieces`` as successive reads, end the body; the items and the final result."""
    core = core or _core()
    items = [item for piece in pieces for item in core.feed(piece)]
    core.end_of_body()
    return items, core.final()


def _sse(name: str, payload: object) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return f"event: {name}\ndata: {data}\n\n".encode()


def _stop() -> bytes:
    return _sse("message_stop", {"type": "message_stop"})


def _body(*blocks: bytes, stop: bool = True) -> bytes:
    """The recorded stream's first event, then ``blocks``, then message_stop."""
    return BODY.split(b"\n\n", 1)[0] + b"\n\n" + b"".join(blocks) + (_stop() if stop else b"")


# -- The recording, over arbitrary reads ---------------------------------------------------


def test_the_recording_gives_its_events_and_the_final_message() -> None:
    events, final = _run(BODY)
    assert events == EVENTS
    types = [event["type"] for event in events]
    assert types.count("content_block_delta") == 9
    assert BODY.count(b"event: ping") == 2
    assert "ping" not in types
    assert final == FINAL_MESSAGE


def test_every_split_point_gives_the_same_events_and_message() -> None:
    for cut in range(len(BODY) + 1):
        assert _run(BODY[:cut], BODY[cut:]) == (EVENTS, FINAL_MESSAGE), cut


@pytest.mark.parametrize("size", [1, 2, 3, 5, 64])
def test_reads_of_a_few_bytes(size: int) -> None:
    pieces = [BODY[i : i + size] for i in range(0, len(BODY), size)]
    assert _run(*pieces) == (EVENTS, FINAL_MESSAGE)


def test_crlf_line_ends() -> None:
    assert _run(BODY.replace(b"\n", b"\r\n")) == (EVENTS, FINAL_MESSAGE)


def test_parse_final_receives_the_message_and_the_request_id_is_stamped() -> None:
    class Message:
        _request_id: str | None = None

        def __init__(self, body: dict[str, Any]) -> None:
            self.body = body

    core = StreamCore(MessagesInterpreter(Message), "rid-model")
    _, final = _run(BODY, core=core)
    assert isinstance(final, Message)
    assert final.body == FINAL_MESSAGE
    assert final._request_id == "rid-model"


def test_the_final_message_is_a_new_object_each_time_and_events_stay_apart() -> None:
    core = _core()
    events, final = _run(BODY, core=core)
    final["content"][1]["text"] = "changed"
    events[0]["message"]["id"] = "changed too"
    assert core.final() == FINAL_MESSAGE


def test_text_of_each_item_is_the_text_deltas_only() -> None:
    interpreter = MessagesInterpreter(dict)
    texts = [interpreter.text(event) for event in EVENTS]
    assert [t for t in texts if t is not None] == ["Let me check ", "the weather in Lima, Perú 🌦."]


# -- What is skipped, passed through, and where the stream ends -----------------------------


def test_pings_are_skipped_with_or_without_an_event_line() -> None:
    ping = b'data: {"type": "ping"}\n\n'
    events, final = _run(_body(ping, _sse("ping", "not even JSON")))
    assert [event["type"] for event in events] == ["message_start", "message_stop"]
    assert final["content"] == []


def test_events_without_an_event_line_are_named_by_their_type() -> None:
    text = b"".join(b"data: " + json.dumps(event).encode() + b"\n\n" for event in EVENTS)
    assert _run(text) == (EVENTS, FINAL_MESSAGE)


def test_an_event_line_names_a_payload_without_type() -> None:
    block = {"index": 0, "content_block": {"type": "text", "text": "hi"}}
    events, final = _run(_body(_sse("content_block_start", block)))
    assert events[1] == {"type": "content_block_start", **block}
    assert final["content"] == [{"type": "text", "text": "hi"}]


def test_unknown_events_reach_the_caller_but_not_the_message() -> None:
    unknown = {"type": "message_annotation", "index": 0, "note": "new in some API version"}
    events, final = _run(_body(_sse("message_annotation", unknown)))
    assert events[1] == unknown
    assert final == _run(_body())[1]


def test_unknown_delta_types_and_fields_are_kept_where_they_belong() -> None:
    start = {
        "type": "content_block_start", "index": 0,
        "content_block": {"type": "text", "text": "", "provider_extra": {"k": 1}},
    }  # fmt: skip
    citation = {"type": "char_location", "cited_text": "Lima", "document_index": 0}
    deltas = [
        {"type": "text_delta", "text": "Hello"},
        {"type": "future_delta", "whatever": 1},
        {"type": "citations_delta", "citation": citation},
    ]
    blocks = [_sse("content_block_start", start)] + [
        _sse("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": d})
        for d in deltas
    ]
    events, final = _run(_body(*blocks))
    assert events[3]["delta"] == deltas[1]  # passed through
    assert final["content"] == [
        {"type": "text", "text": "Hello", "provider_extra": {"k": 1}, "citations": [citation]}
    ]


def test_message_delta_merges_usage_and_keeps_unknown_fields() -> None:
    delta = {
        "type": "message_delta",
        "delta": {"stop_reason": "end_turn", "stop_sequence": None, "container": {"id": "c1"}},
        "usage": {"output_tokens": 15, "input_tokens": None, "server_tool_use": {"n": 1}},
    }
    _, final = _run(_body(_sse("message_delta", delta)))
    assert final["stop_reason"] == "end_turn"
    assert final["container"] == {"id": "c1"}
    assert final["usage"]["input_tokens"] == 472  # a null does not erase
    assert final["usage"]["output_tokens"] == 15
    assert final["usage"]["server_tool_use"] == {"n": 1}


def test_nothing_is_read_after_message_stop() -> None:
    after = _sse("error", {"type": "error", "error": {"type": "api_error", "message": "late"}})
    events, _ = _run(BODY + after + b"data: [DONE]\n\n")
    assert events == EVENTS


# -- Tool input ------------------------------------------------------------------------------


def _tool(*fragments: str) -> bytes:
    tool_use = {"type": "tool_use", "id": "t1", "name": "f", "input": {}}
    start = {"type": "content_block_start", "index": 0, "content_block": tool_use}
    deltas = [
        _sse("content_block_delta", {"type": "content_block_delta", "index": 0,
                                     "delta": {"type": "input_json_delta", "partial_json": f}})
        for f in fragments
    ]  # fmt: skip
    return _body(_sse("content_block_start", start), *deltas)


@pytest.mark.parametrize("fragments", [(), ("",), ("", " ")])
def test_tool_input_is_an_empty_object_without_fragments(fragments: tuple[str, ...]) -> None:
    _, final = _run(_tool(*fragments))
    assert final["content"][0]["input"] == {}


def test_tool_input_that_does_not_join_into_json() -> None:
    core = _core()
    events = list(core.feed(_tool("", '{"city": "Li', 'ma"')))
    core.end_of_body()
    assert len(events) == 6  # every event reached the caller
    with pytest.raises(APIResponseValidationError, match="content block 0") as caught:
        core.final()
    assert caught.value.body == '{"city": "Lima"'
    assert caught.value.request_id == "rid-messages"


# -- Errors ----------------------------------------------------------------------------------


def test_error_event_raises_stream_error_after_the_events_before_it() -> None:
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    core = _core()
    got: list[Any] = []
    with pytest.raises(StreamError) as caught:
        got.extend(core.feed(_body(_sse("error", error), stop=False)))
    assert [event["type"] for event in got] == ["message_start"]
    assert caught.value.type == "overloaded_error"
    assert caught.value.message == "Overloaded"
    assert caught.value.body == error
    assert caught.value.request_id == "rid-messages"


def test_error_event_without_an_event_line_or_json() -> None:
    error = {"type": "error", "error": {"type": "api_error", "message": "Internal"}}
    with pytest.raises(StreamError, match="Internal"):
        list(_core().feed(b"data: " + json.dumps(error).encode() + b"\n\n"))
    with pytest.raises(StreamError) as caught:
        list(_core().feed(b"event: error\ndata: upstream went away\n\n"))
    assert caught.value.body == "upstream went away"


def test_a_body_ending_before_message_stop_is_an_incomplete_answer() -> None:
    core = _core()
    events = list(core.feed(BODY.rsplit(b"event: message_stop", 1)[0]))
    assert events == EVENTS[:-1]
    with pytest.raises(APIConnectionError, match="message_stop") as caught:
        core.end_of_body()
    assert caught.value.request_id == "rid-messages"
    with pytest.raises(APIConnectionError, match="message_stop"):
        core.final()


@pytest.mark.parametrize(
    "block",
    [
        b"data: [1, 2]\n\n",
        b"data: {not json\n\n",
        _sse("content_block_delta", {"type": "content_block_delta", "index": 7,
                                     "delta": {"type": "text_delta", "text": "x"}}),
        _sse("content_block_start", {"type": "content_block_start"}),
    ],
    ids=["not-an-object", "not-json", "delta-of-no-block", "no-index"],
)  # fmt: skip
def test_unreadable_events(block: bytes) -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        _run(_body(block))
    assert caught.value.body == block.decode().partition("data: ")[2].strip()
    assert caught.value.request_id == "rid-messages"


def test_message_stop_without_message_start() -> None:
    with pytest.raises(APIResponseValidationError, match="message_start"):
        _run(_stop())
