"""Tests for the incremental SSE decoder, mostly from the WHATWG spec's examples.

https://html.spec.whatwg.org/multipage/server-sent-events.html
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable

import pytest

from zaguan._streams._sse import ServerSentEvent, SSEDecoder

E = ServerSentEvent
ENDINGS = pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])


def feed_all(pieces: Iterable[bytes]) -> list[ServerSentEvent]:
    """Feed ``pieces`` to a new decoder, then flush; return every event."""
    decoder = SSEDecoder()
    events = [event for piece in pieces for event in decoder.feed(piece)]
    return events + decoder.flush()


def bytewise(stream: bytes) -> list[bytes]:
    return [stream[i : i + 1] for i in range(len(stream))]


def decode(text: str, eol: str = "\n") -> list[ServerSentEvent]:
    """Decode ``text`` with its LFs turned into ``eol``, fed whole and byte by byte."""
    stream = text.replace("\n", eol).encode()
    events = feed_all([stream])
    assert feed_all(bytewise(stream)) == events
    return events


# -- The spec's own examples (9.2.1 Introduction, 9.2.6, 9.2.7 Authoring notes) --


@ENDINGS
def test_spec_introduction_messages(eol: str) -> None:
    text = (
        "data: This is the first message.\n\n"
        "data: This is the second message, it\n"
        "data: has two lines.\n\n"
        "data: This is the third message.\n\n"
    )
    assert decode(text, eol) == [
        E(data="This is the first message."),
        E(data="This is the second message, it\nhas two lines."),
        E(data="This is the third message."),
    ]


@ENDINGS
def test_spec_event_types(eol: str) -> None:
    text = "event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n"
    assert decode(text, eol) == [
        E("add", "73857293"),
        E("remove", "2153"),
        E("add", "113411"),
    ]


@ENDINGS
def test_spec_stock_ticker_multi_line_data(eol: str) -> None:
    assert decode("data: YHOO\ndata: +2\ndata: 10\n\n", eol) == [E(data="YHOO\n+2\n10")]


@ENDINGS
def test_spec_comment_and_last_event_id(eol: str) -> None:
    text = (
        ": test stream\n\n"
        "data: first event\nid: 1\n\n"
        "data:second event\nid\n\n"
        "data:  third event\n\n"
    )
    assert decode(text, eol) == [
        E(data="first event", id="1"),
        E(data="second event", id=""),  # "id" with no value resets the last event ID
        E(data=" third event", id=""),  # only one space after the colon is removed
    ]


@ENDINGS
def test_spec_empty_data_rules(eol: str) -> None:
    # The last block is discarded because it is not followed by a blank line.
    assert decode("data\n\ndata\ndata\n\ndata:", eol) == [E(data=""), E(data="\n")]


@ENDINGS
def test_spec_space_after_colon_is_optional(eol: str) -> None:
    assert decode("data:test\n\ndata: test\n\n", eol) == [E(data="test"), E(data="test")]


@ENDINGS
def test_spec_keep_alive_comments(eol: str) -> None:
    text = ": ping\n\n:\n\ndata: a\n: ping\ndata: b\n\n: ping\n\n"
    assert decode(text, eol) == [E(data="a\nb")]


# -- Line endings and chunk boundaries --


def test_mixed_line_endings() -> None:
    assert decode("data: a\r\ndata: b\rdata: c\n\r\n") == [E(data="a\nb\nc")]


def test_cr_then_lf_across_feeds_is_one_line_end() -> None:
    assert feed_all([b"data: a\r", b"\ndata: b\r\n\r\n"]) == [E(data="a\nb")]


def test_cr_then_cr_across_feeds_is_two_line_ends() -> None:
    assert feed_all([b"data: a\r", b"\rdata: b\r\r"]) == [E(data="a"), E(data="b")]


def test_empty_feed_between_cr_and_lf_changes_nothing() -> None:
    assert feed_all([b"data: a\r", b"", b"\n", b"", b"data: b\r\n\r\n"]) == [E(data="a\nb")]


def test_event_dispatched_on_cr_without_waiting_for_lf() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r\n\r") == [E(data="a")]
    assert decoder.feed(b"\n") == []
    assert decoder.feed(b"data: b\n\n") == [E(data="b")]


def test_long_line_across_many_feeds() -> None:
    stream = b"data: " + b"x" * 100_000 + b"\n\n"
    pieces = [stream[i : i + 1000] for i in range(0, len(stream), 1000)]
    assert feed_all(pieces) == [E(data="x" * 100_000)]


def test_feed_empty_returns_nothing() -> None:
    assert SSEDecoder().feed(b"") == []


MIXED = (
    b"\xef\xbb\xbf: hello\r\nevent: delta\rid: 7\ndata: h\xc3\xa9llo \xf0\x9d\x84\x9e\r\n"
    b"data\r\r\nretry: 250\n\nid: 8\r\n\r\ndata: x\r\rdata: [DONE]\r\n\r\ndata: lost\n"
)
MIXED_EVENTS = [
    E("delta", "h\u00e9llo \U0001d11e\n", "7"),
    E("message", "x", "8", 250),
    E("message", "[DONE]", "8", 250),
]


def test_mixed_stream_fed_whole() -> None:
    assert feed_all([MIXED]) == MIXED_EVENTS


def test_mixed_stream_fed_byte_by_byte() -> None:
    assert feed_all(bytewise(MIXED)) == MIXED_EVENTS


def test_every_two_way_split_gives_same_events() -> None:
    for cut in range(len(MIXED) + 1):
        assert feed_all([MIXED[:cut], MIXED[cut:]]) == MIXED_EVENTS, f"split at {cut}"


# -- Fields --


@ENDINGS
def test_event_type_applies_to_one_event_only(eol: str) -> None:
    assert decode("event: add\ndata: 1\n\ndata: 2\n\n", eol) == [E("add", "1"), E("message", "2")]


@ENDINGS
def test_event_type_of_block_without_data_is_dropped(eol: str) -> None:
    assert decode("event: add\n\ndata: 1\n\n", eol) == [E("message", "1")]


@pytest.mark.parametrize("line", ["event:", "event: ", "event"])
def test_empty_event_type_means_message(line: str) -> None:
    assert decode(f"{line}\ndata: 1\n\n") == [E("message", "1")]


@ENDINGS
def test_id_persists_and_updates_without_data(eol: str) -> None:
    text = "id: 1\ndata: a\n\ndata: b\n\nid: 2\n\ndata: c\n\n"
    assert decode(text, eol) == [E(data="a", id="1"), E(data="b", id="1"), E(data="c", id="2")]


def test_id_containing_nul_is_ignored() -> None:
    assert decode("id: 1\n\nid: a\0b\ndata: x\n\n") == [E(data="x", id="1")]


@ENDINGS
def test_retry_sets_reconnection_time_as_of_each_event(eol: str) -> None:
    text = "retry: 3000\n\ndata: a\n\nretry: 0\ndata: b\n\n"
    assert decode(text, eol) == [E(data="a", retry=3000), E(data="b", retry=0)]


NOT_ASCII_DIGITS = ["abc", "1.5", "-1", "+1", "10s", " 100", "", "\u0661\u0662", "\uff11\uff12"]


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS)
def test_retry_ignored_unless_ascii_digits(value: str) -> None:
    assert decode(f"retry: 5\n\nretry: {value}\ndata: a\n\n") == [E(data="a", retry=5)]


def test_unknown_fields_are_ignored() -> None:
    text = "foo: bar\nDATA: x\ndata : y\nEvent: z\ndata: kept\n\n"
    assert decode(text) == [E(data="kept")]


def test_only_one_leading_space_is_removed_and_later_colons_kept() -> None:
    assert decode("data:  two\ndata: a: b\ndata:\tx\n\n") == [E(data=" two\na: b\n\tx")]


def test_comment_lines_are_ignored_inside_an_event() -> None:
    assert decode("data: a\n:data: x\n: id: 9\ndata: b\n\n") == [E(data="a\nb")]


# -- Encoding --


@pytest.mark.parametrize("feed", [lambda s: [s], bytewise], ids=["whole", "bytewise"])
def test_leading_bom_is_stripped(feed: Callable[[bytes], list[bytes]]) -> None:
    assert feed_all(feed(b"\xef\xbb\xbfdata: a\n\n")) == [E(data="a")]


def test_only_one_leading_bom_is_stripped() -> None:
    # The second BOM becomes part of the first field name, an unknown field.
    stream = b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n"
    assert feed_all([stream]) == [E(data="b")]


def test_bom_after_the_start_is_kept() -> None:
    assert feed_all([b"data: \xef\xbb\xbfa\n\xef\xbb\xbfdata: b\n\n"]) == [E(data="\ufeffa")]


def test_utf8_characters_split_across_feeds() -> None:
    text = "data: h\u00e9llo \u20ac \U0001d11e \u65e5\u672c\n\n"
    assert feed_all(bytewise(text.encode())) == [E(data=text[6:-2])]


@pytest.mark.parametrize("cut", [7, 8])
def test_invalid_utf8_is_replaced(cut: int) -> None:
    stream = b"data: \xe2\x82\n\xffdata: b\xff\n\ndata: c\n\n"
    expected = [E(data="\ufffd"), E(data="c")]  # "\ufffddata" is an unknown field
    assert feed_all([stream]) == expected
    assert feed_all([stream[:cut], stream[cut:]]) == expected


# -- End of stream --


@pytest.mark.parametrize("tail", [b"data: b", b"data: b\n", b"data: b\r", b"data: b\r\n"])
def test_flush_discards_unterminated_event(tail: bytes) -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\n" + tail) == [E(data="a")]
    assert decoder.flush() == []


def test_flush_readies_a_new_stream_keeping_last_id_and_retry() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"id: 1\nretry: 9\ndata: a\n\nevent: x\ndata: partial") == [
        E(data="a", id="1", retry=9)
    ]
    assert decoder.flush() == []
    assert decoder.feed(b"\xef\xbb\xbfdata: b\n\n") == [E(data="b", id="1", retry=9)]


# -- Events --


def test_events_are_frozen_values() -> None:
    (event,) = feed_all([b"event: e\ndata: d\nid: i\nretry: 1\n\n"])
    assert event == E("e", "d", "i", 1)
    assert hash(event) == hash(E("e", "d", "i", 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.data = "changed"  # type: ignore[misc]
    assert E() == E("message", "", None, None)


def test_realistic_chat_stream() -> None:
    def chunk(delta: dict[str, str], finish: str | None = None) -> dict[str, object]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "choices": [choice]}

    chunks = [
        chunk({"role": "assistant", "content": ""}),
        chunk({"content": "Hola, "}),
        chunk({"content": "señor 👋"}),
        chunk({}, "stop"),
        {"id": "c1", "choices": [], "usage": {"total_tokens": 12}},
    ]
    body = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks)
    body = b": ping\n\n" + body + b"data: [DONE]\n\n"
    events = feed_all(body[i : i + 7] for i in range(0, len(body), 7))
    assert [event.event for event in events] == ["message"] * 6
    assert events[-1].data == "[DONE]"
    assert [json.loads(event.data) for event in events[:-1]] == chunks
    deltas = [json.loads(event.data)["choices"] for event in events[:-1]]
    text = "".join(c[0]["delta"].get("content", "") for c in deltas if c)
    assert text == "Hola, señor 👋"


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ([], ServerSentEvent(data="x")),
        ([b"event: delta\n"], ServerSentEvent(event="delta", data="x")),
        ([b"data: a\n"], ServerSentEvent(data="a\nx")),
        ([b"id: 7\nretry: 5\n\n"], ServerSentEvent(data="x", id="7", retry=5)),
        ([b"data: a\r"], ServerSentEvent(data="a\nx")),
        ([b"da"], None),  # "dadata: x" is a field the spec ignores: no event
    ],
)
def test_a_whole_one_line_event_after_pending_state(
    before: list[bytes], expected: ServerSentEvent | None
) -> None:
    """`feed` has a shortcut for the usual chunk (``data: ...`` and a blank line, nothing
    pending); whatever came before must still count, as the general path reads it."""
    decoder = SSEDecoder()
    decoder.feed(b": opened\n\n")  # past the first line, where a BOM may lead
    for chunk in before:
        decoder.feed(chunk)
    assert decoder.feed(b"data: x\n\n") == ([expected] if expected else [])


@pytest.mark.parametrize(
    "body",
    [
        b"data: 1\n\ndata: 2\n\ndata: 3\n\n",
        b"data: 1\r\n\r\nevent: e\ndata: 2\n\n: c\n\ndata: 3\n\ndata: part",
        b"data: 1\n\ndata: 2\r\n\ndata: 3\r\r\n\n",
        b"\xef\xbb\xbfdata: 1\n\nid: 9\ndata: 2\n\n",
    ],
)
def test_a_read_holding_many_events_is_decoded_piece_by_piece(body: bytes) -> None:
    """`StreamCore` cuts a read after each blank line (``_events``): the same events as
    the whole read fed at once, and the first one before the rest is decoded."""
    from zaguan._streams._lifecycle import _events  # noqa: PLC0415  # the piece-wise helper itself

    assert list(_events(SSEDecoder(), body)) == SSEDecoder().feed(body)
    decoder = SSEDecoder()
    assert next(_events(decoder, body + b"id: 9\n\n")).data == "1"
    assert decoder._last_id is None  # the id after it is not read yet
