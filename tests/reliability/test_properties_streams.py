"""Properties of the stream decoders: bytes -> `SSEDecoder` -> interpreter -> items, final.

Driven through `StreamCore` (the one lifecycle both clients use), with no network:

- a valid chat stream and a valid Anthropic messages stream give the same items, texts and
  final result however their bytes are cut (every single cut, and random sets of cuts; so
  inside multi-byte UTF-8 characters and between the CR and LF of a CRLF too);
- random bytes, and valid streams with one value replaced by random JSON, raise only the
  documented errors, and the same one whatever the cuts.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zaguan import APIConnectionError, APIResponseValidationError, StreamError
from zaguan._streams._chat import ChatInterpreter
from zaguan._streams._lifecycle import StreamCore
from zaguan._streams._messages import MessagesInterpreter
from zaguan_corex_client.models import Message

PROPERTIES = settings.get_profile("properties")
DOCUMENTED = (APIResponseValidationError, StreamError, APIConnectionError)

# Any character UTF-8 can carry (surrogates cannot be encoded, so no server sends them).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=6)
EOLS = ["\n", "\r\n", "\r"]
EOL = st.sampled_from(EOLS)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
CUTS = st.lists(st.integers(min_value=0, max_value=100_000), max_size=12)

# A fixed chat stream with a 3-byte character ("€") and CRLF line ends, for the @examples.
EURO_CRLF = (
    'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":'
    '[{"index":0,"delta":{"role":"assistant","content":"€"},"finish_reason":null}]}\r\n\r\n'
    "data: [DONE]\r\n\r\n"
).encode()
EURO_AT = EURO_CRLF.index("€".encode())
CRLF_AT = EURO_CRLF.index(b"\r\n")


# -- Running a stream ---------------------------------------------------------------------


def pieces(body: bytes, cuts: Iterable[int]) -> list[bytes]:
    """``body`` cut at each of ``cuts`` (taken modulo its length, so any list of ints fits)."""
    points = sorted({cut % (len(body) + 1) for cut in cuts} | {0, len(body)})
    return [body[a:b] for a, b in itertools.pairwise(points)]


def chat() -> StreamCore[Any, Any]:
    return StreamCore(ChatInterpreter(), "req-props")


def messages() -> StreamCore[Any, Any]:
    return StreamCore(MessagesInterpreter(Message.from_dict), "req-props")


def wire(value: Any) -> Any:
    """An item or final result as comparable data."""
    return value.to_dict() if hasattr(value, "to_dict") else value


def run(make: Callable[[], StreamCore[Any, Any]], chunks: Iterable[bytes]) -> tuple[Any, ...]:
    """Everything a caller sees from ``chunks``: items, their texts, and the final result or
    the documented error (anything else propagates and fails the test)."""
    core, seen = make(), []
    try:
        for chunk in chunks:
            for item in core.feed(chunk):
                seen.append((wire(item), core.text(item)))
            if core.done:
                break
        core.end_of_body()
        return seen, wire(core.final())
    except DOCUMENTED as exc:
        return seen, type(exc).__name__, str(exc)


def same_for_every_cut(make: Callable[[], StreamCore[Any, Any]], body: bytes) -> tuple[Any, ...]:
    """The outcome of ``body`` fed whole, after checking byte-by-byte feeding agrees."""
    whole = run(make, [body])
    assert run(make, [body[i : i + 1] for i in range(len(body))]) == whole
    return whole


# -- Valid streams ------------------------------------------------------------------------


def sse(payload: Any, *, event: str | None = None, indent: int | None = None) -> str:
    """One SSE block, lines ending in LF; an ``indent`` spreads the JSON over several
    ``data:`` lines."""
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False,
                                                                indent=indent)  # fmt: skip
    lines = ([f"event: {event}"] if event else []) + [f"data: {line}" for line in text.split("\n")]
    return "\n".join(lines) + "\n\n"


def line_ends(draw: st.DrawFn, text: str) -> bytes:
    """``text`` with each LF replaced by LF, CRLF or CR, drawn line by line (a stream may mix
    them), as UTF-8."""
    *lines, last = text.split("\n")
    out, eol = [], ""
    for line in lines:
        # A CR, then an empty line ended by LF, is one CRLF: not the two line ends meant.
        eol = draw(st.sampled_from(["\r\n", "\r"] if eol == "\r" and not line else EOLS))
        out.append(line + eol)
    return "".join([*out, last]).encode()


def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [choice], **extra}  # fmt: skip


@st.composite
def chat_payloads(draw: st.DrawFn) -> list[Any]:
    """The JSON payloads of a chat stream: role, content, reasoning, a tool call whose
    arguments come in pieces, the finish, and a usage chunk."""
    payloads: list[Any] = [chunk({"role": "assistant", "content": ""})]
    payloads += [chunk({"content": text}) for text in draw(st.lists(TEXT, max_size=5))]
    payloads += [chunk({"reasoning_content": text}) for text in draw(st.lists(TEXT, max_size=2))]
    call = {"index": 0, "id": "call_1", "type": "function"}
    payloads.append(chunk({"tool_calls": [{**call, "function": {"name": draw(TEXT)}}]}))
    for piece in draw(st.lists(TEXT, max_size=3)):
        payloads.append(chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}))
    payloads.append(chunk({}, "tool_calls"))
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    payloads.append({**chunk({}), "choices": [], "usage": usage})
    return payloads


@st.composite
def chat_streams(draw: st.DrawFn, payloads: st.SearchStrategy[list[Any]]) -> bytes:
    blocks = []
    for payload in draw(payloads):
        if draw(st.booleans()):
            blocks.append(": keep-alive\n")
        blocks.append(sse(payload, indent=draw(st.sampled_from([None, 1]))))
    return line_ends(draw, "".join([*blocks, sse("[DONE]")]))


@st.composite
def message_payloads(draw: st.DrawFn) -> list[Any]:
    """The events of a messages stream: a thinking block, a text block, a tool_use block
    whose input JSON comes in pieces, the message delta and the stop."""
    start = {"id": "msg_1", "type": "message", "role": "assistant", "model": "m",
             "content": [], "stop_reason": None, "usage": {"input_tokens": 3}}  # fmt: skip
    events: list[Any] = [{"type": "message_start", "message": start}]

    def block(index: int, content: dict[str, Any], deltas: list[dict[str, Any]]) -> None:
        events.append({"type": "content_block_start", "index": index, "content_block": content})
        events.extend({"type": "content_block_delta", "index": index, "delta": d} for d in deltas)
        events.append({"type": "content_block_stop", "index": index})

    thinking = draw(st.lists(TEXT, max_size=3))
    block(0, {"type": "thinking", "thinking": ""},
          [{"type": "thinking_delta", "thinking": t} for t in thinking])  # fmt: skip
    texts = draw(st.lists(TEXT, max_size=4))
    block(1, {"type": "text", "text": ""}, [{"type": "text_delta", "text": t} for t in texts])
    tool_input = json.dumps(draw(st.dictionaries(TEXT, TEXT, max_size=3)), ensure_ascii=False)
    cut = draw(st.integers(0, len(tool_input)))
    fragments = [tool_input[:cut], tool_input[cut:]]
    block(2, {"type": "tool_use", "id": "tu_1", "name": "f", "input": {}},
          [{"type": "input_json_delta", "partial_json": f} for f in fragments])  # fmt: skip
    events.append({"type": "message_delta", "delta": {"stop_reason": "tool_use"},
                   "usage": {"output_tokens": 7}})  # fmt: skip
    events.append({"type": "message_stop"})
    return events


@st.composite
def message_streams(draw: st.DrawFn, payloads: st.SearchStrategy[list[Any]]) -> bytes:
    """Named events (or, at random, only the payload's ``type``), with pings between."""
    blocks = []
    for payload in draw(payloads):
        if draw(st.booleans()):
            blocks.append(sse({"type": "ping"}, event="ping"))
        named = isinstance(payload, dict) and isinstance(payload.get("type"), str)
        event = payload["type"] if named and draw(st.booleans()) else None
        blocks.append(sse(payload, event=event, indent=draw(st.sampled_from([None, 1]))))
    return line_ends(draw, "".join(blocks))


@PROPERTIES
@given(body=chat_streams(chat_payloads()), cuts=CUTS)
@example(body=EURO_CRLF, cuts=[EURO_AT + 1, EURO_AT + 2])  # inside the 3 bytes of "€"
@example(body=EURO_CRLF, cuts=[CRLF_AT + 1])  # between CR and LF
def test_a_chat_stream_cut_anywhere_gives_the_same_items_and_completion(
    body: bytes, cuts: list[int]
) -> None:
    whole = same_for_every_cut(chat, body)
    assert len(whole) == 2, whole  # a valid stream: items and a final completion, no error
    assert run(chat, pieces(body, cuts)) == whole


@PROPERTIES
@given(body=message_streams(message_payloads()), cuts=CUTS)
def test_a_messages_stream_cut_anywhere_gives_the_same_events_and_message(
    body: bytes, cuts: list[int]
) -> None:
    whole = same_for_every_cut(messages, body)
    assert len(whole) == 2, whole
    assert run(messages, pieces(body, cuts)) == whole


def test_the_fixed_streams_decode_to_what_they_carry() -> None:
    """The properties above compare feedings with each other; this pins what they agree on."""
    items, final = run(chat, [EURO_CRLF])
    assert [text for _, text in items] == ["€"]
    assert final["choices"][0]["message"]["content"] == "€"
    start = {"id": "m", "type": "message", "role": "assistant", "model": "m", "content": [],
             "usage": {"input_tokens": 1, "output_tokens": 0}}  # fmt: skip
    text = {"type": "text_delta", "text": "¿ñ€😀"}
    body = "".join([
        sse({"type": "message_start", "message": start}, event="message_start"),
        sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text"}}),
        sse({"type": "content_block_delta", "index": 0, "delta": text}),
        sse({"type": "message_stop"}, event="message_stop"),
    ])  # fmt: skip
    items, final = run(messages, [body.replace("\n", "\r\n").encode()])
    assert [text for _, text in items] == [None, None, "¿ñ€😀", None]
    assert final["content"] == [{"type": "text", "text": "¿ñ€😀"}]


# -- Invalid streams ----------------------------------------------------------------------


def mutated(draw: st.DrawFn, value: Any) -> Any:
    """``value`` with one value somewhere inside it (maybe itself) replaced by random JSON."""
    if isinstance(value, dict) and value and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(value)))
        return {**value, key: mutated(draw, value[key])}
    if isinstance(value, list) and value and draw(st.booleans()):
        index = draw(st.integers(0, len(value) - 1))
        return [*value[:index], mutated(draw, value[index]), *value[index + 1 :]]
    return draw(JSON_VALUES)


@st.composite
def broken(draw: st.DrawFn, payloads: st.SearchStrategy[list[Any]]) -> list[Any]:
    """Valid payloads, one of them changed in one place, or an error event's random body."""
    events = list(draw(payloads))
    index = draw(st.integers(0, len(events) - 1))
    if draw(st.integers(0, 4)) == 0:
        events.insert(index, {"type": "error", "error": draw(JSON_VALUES)})
    else:
        events[index] = mutated(draw, events[index])
    return events


@PROPERTIES
@given(body=chat_streams(broken(chat_payloads())), cuts=CUTS)
def test_a_chat_stream_with_wrong_values_raises_only_documented_errors(
    body: bytes, cuts: list[int]
) -> None:
    assert run(chat, pieces(body, cuts)) == run(chat, [body])


@PROPERTIES
@given(body=message_streams(broken(message_payloads())), cuts=CUTS)
def test_a_messages_stream_with_wrong_values_raises_only_documented_errors(
    body: bytes, cuts: list[int]
) -> None:
    assert run(messages, pieces(body, cuts)) == run(messages, [body])


# Random bytes mostly miss the SSE syntax: half of them get a "data: " line, and an event
# name from the dialects, to reach the interpreters.
RANDOM_BODIES = st.binary(max_size=200) | st.builds(
    lambda name, data, eol: f"event: {name}{eol}data: ".encode() + data + f"{eol}{eol}".encode(),
    st.sampled_from(["message", "error", "ping", "message_start", "content_block_delta"]),
    st.binary(max_size=200),
    EOL,
)


@PROPERTIES
@given(body=RANDOM_BODIES, cuts=CUTS)
@example(body=b"data: " + b"[" * 100_000 + b"\n\n", cuts=[])  # nesting beyond the recursion limit
@example(body=b"data: \xff\xfe{\n\n", cuts=[7])  # invalid UTF-8
@example(body=b'data: {"choices": 1e400}\n\n', cuts=[])  # a float that overflows
def test_random_bytes_raise_only_documented_errors(body: bytes, cuts: list[int]) -> None:
    for make in (chat, messages):
        assert run(make, pieces(body, cuts)) == run(make, [body])
