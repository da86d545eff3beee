"""Tests for the chunk accumulator behind ``stream.get_final_completion()``.

Every rebuilt completion is also checked against the contract's ``ChatCompletion``
schema and for a lossless ``to_dict``/``from_dict`` round trip.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from zaguan._errors import APIResponseValidationError
from zaguan._streams._accumulate import ChunkAccumulator
from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "zaguan-corex.yaml"
SPEC_URI = "urn:zaguan-corex"
COMPLETION_SCHEMA = Draft202012Validator(
    {"$ref": SPEC_URI + "#/components/schemas/ChatCompletion"},
    registry=Registry().with_resource(
        SPEC_URI, DRAFT202012.create_resource(yaml.safe_load(SPEC_PATH.read_text()))
    ),
)


def chunk(*choices: dict[str, Any], **fields: Any) -> ChatCompletionChunk:
    """A chunk as the wire sends it; ``fields`` override or add top-level keys."""
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "openai/gpt-4o",
        "choices": list(choices),
    }
    return ChatCompletionChunk.from_dict(body | fields)


def choice(index: int = 0, finish_reason: str | None = None, **delta: Any) -> dict[str, Any]:
    return {"index": index, "delta": delta, "finish_reason": finish_reason}


def tool(index: int, **fields: Any) -> dict[str, Any]:
    return {"index": index, **fields}


def accumulate(*chunks: ChatCompletionChunk) -> ChatCompletion:
    """Feed ``chunks`` to a new accumulator; check the result is a contract-shaped completion."""
    acc = ChunkAccumulator()
    for piece in chunks:
        acc.add(piece)
    result = acc.completion()
    wire = result.to_dict()
    COMPLETION_SCHEMA.validate(json.loads(json.dumps(wire)))
    assert ChatCompletion.from_dict(wire).to_dict() == wire
    return result


def test_content_in_many_pieces_with_role_only_in_the_first() -> None:
    words = ["Hel", "lo", ",", " ", "wor", "ld", "!", ""]
    chunks = [chunk(choice(role="assistant", content=""))]
    chunks += [chunk(choice(content=word)) for word in words]
    chunks.append(chunk(choice(finish_reason="stop")))

    result = accumulate(*chunks)

    assert result.id == "chatcmpl-1"
    assert result.object_ == "chat.completion"
    assert result.created == 1_700_000_000
    assert result.model == "openai/gpt-4o"
    [only] = result.choices
    assert only.index == 0
    assert only.finish_reason == "stop"
    assert only.message.role == "assistant"
    assert only.message.content == "Hello, world!"
    assert only.message.reasoning_content is None
    assert only.message.refusal is None
    assert only.message.tool_calls is None
    assert only.logprobs is None


def test_role_defaults_to_assistant_and_the_first_role_wins() -> None:
    assert accumulate(chunk(choice(content="x"))).choices[0].message.role == "assistant"
    chunks = chunk(choice(role="tool", content="a")), chunk(choice(role="assistant", content="b"))
    assert accumulate(*chunks).choices[0].message.role == "tool"


def test_content_never_sent_is_none_and_empty_content_is_kept() -> None:
    never = accumulate(chunk(choice(role="assistant", content=None)), chunk(choice()))
    empty = accumulate(chunk(choice(role="assistant", content="")))
    assert never.choices[0].message.content is None
    assert never.to_dict()["choices"][0]["message"]["content"] is None
    assert empty.choices[0].message.content == ""


def test_reasoning_content_then_content() -> None:
    chunks = [
        chunk(choice(role="assistant", reasoning_content="Let me ")),
        chunk(choice(reasoning_content="think.", content=None)),
        chunk(choice(content="The answer")),
        chunk(choice(content=" is 4.", finish_reason="stop")),
    ]

    message = accumulate(*chunks).choices[0].message

    assert message.reasoning_content == "Let me think."
    assert message.content == "The answer is 4."


def test_think_tags_inside_content_are_kept_verbatim() -> None:
    pieces = ["<th", "ink>\n2+2", "</think", ">\n\n", "4"]
    result = accumulate(*(chunk(choice(content=piece)) for piece in pieces))
    assert result.choices[0].message.content == "<think>\n2+2</think>\n\n4"
    assert result.choices[0].message.reasoning_content is None


def test_refusal_pieces_are_joined() -> None:
    chunks = chunk(choice(role="assistant", refusal="I can't")), chunk(choice(refusal=" help."))
    message = accumulate(*chunks).choices[0].message
    assert message.refusal == "I can't help."
    assert message.content is None


def weather_and_time_chunks() -> list[ChatCompletionChunk]:
    """Two parallel calls whose argument fragments interleave; ids and names come once."""
    first = {"id": "call_a", "type": "function", "function": {"name": "weather", "arguments": ""}}
    second = {"id": "call_b", "type": "function", "function": {"name": "time", "arguments": ""}}
    return [
        chunk(choice(role="assistant", content=None, tool_calls=[tool(0, **first)])),
        chunk(choice(content=None, tool_calls=[tool(0, function={"arguments": '{"ci'})])),
        chunk(choice(tool_calls=[tool(1, **second)])),
        chunk(choice(tool_calls=[tool(1, function={"arguments": '{"tz": '})])),
        chunk(choice(tool_calls=[tool(0, function={"arguments": 'ty": "Par'})])),
        chunk(choice(tool_calls=[tool(1, function={"arguments": '"UTC"}'})])),
        chunk(choice(tool_calls=[tool(0, function={"arguments": 'is"}'})])),
        chunk(choice(finish_reason="tool_calls")),
    ]


def test_interleaved_tool_call_fragments_are_concatenated_per_index() -> None:
    [only] = accumulate(*weather_and_time_chunks()).choices

    assert only.finish_reason == "tool_calls"
    assert only.message.content is None
    assert [call.to_dict() for call in only.message.tool_calls or []] == [
        {
            "id": "call_a",
            "type": "function",
            "function": {"name": "weather", "arguments": '{"city": "Paris"}'},
        },
        {
            "id": "call_b",
            "type": "function",
            "function": {"name": "time", "arguments": '{"tz": "UTC"}'},
        },
    ]


def test_tool_calls_are_ordered_by_index_not_by_arrival() -> None:
    chunks = [
        chunk(choice(tool_calls=[tool(1, id="call_b", function={"name": "b", "arguments": "{}"})])),
        chunk(choice(tool_calls=[tool(0, id="call_a", function={"name": "a", "arguments": "{}"})])),
    ]
    calls = accumulate(*chunks).choices[0].message.tool_calls
    assert [call.id for call in calls or []] == ["call_a", "call_b"]


def test_tool_call_arguments_are_kept_exactly_even_when_not_json() -> None:
    fragments = ['{"a": 1,', " ", "", "\n", '"b": [tru']
    chunks = [chunk(choice(tool_calls=[tool(0, id="c", function={"name": "f"})]))]
    chunks += [chunk(choice(tool_calls=[tool(0, function={"arguments": f})])) for f in fragments]
    [call] = accumulate(*chunks).choices[0].message.tool_calls or []
    assert call.function.arguments == '{"a": 1, \n"b": [tru'


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(["get_weather"], "get_weather", id="once-as-openai"),
        pytest.param(["get_weather"] * 3, "get_weather", id="repeated-whole"),
        pytest.param(["get_", "weather"], "get_weather", id="split"),
        pytest.param(["get_weather", None, ""], "get_weather", id="later-null-or-empty"),
    ],
)
def test_function_name_is_set_once_repeats_ignored_fragments_appended(
    names: list[str | None], expected: str
) -> None:
    chunks = [
        chunk(choice(tool_calls=[tool(0, function={"name": name, "arguments": "{}"[i : i + 1]})]))
        for i, name in enumerate(names)
    ]
    [call] = accumulate(*chunks).choices[0].message.tool_calls or []
    assert call.function.name == expected


def test_tool_call_id_and_type_come_from_the_first_piece_that_has_them() -> None:
    chunks = [
        chunk(choice(tool_calls=[tool(0, function={"name": "f", "arguments": "{"})])),
        chunk(choice(tool_calls=[tool(0, id="call_1", function={"arguments": "}"})])),
        chunk(choice(tool_calls=[tool(0, id="call_1", type="function")])),  # Fireworks repeats
        chunk(choice(tool_calls=[tool(0, id="call_2", type="other")])),
    ]
    [call] = accumulate(*chunks).choices[0].message.tool_calls or []
    assert (call.id, call.type_, call.function.arguments) == ("call_1", "function", "{}")


def test_tool_call_without_id_or_type_gets_no_invented_id() -> None:
    only = chunk(choice(tool_calls=[tool(0, function={"name": "f", "arguments": "{}"})]))
    [call] = accumulate(only).choices[0].message.tool_calls or []
    assert (call.id, call.type_) == ("", "function")


def test_two_choices_interleaved() -> None:
    chunks = [
        chunk(choice(0, role="assistant", content="")),
        chunk(choice(1, role="assistant", content="")),
        chunk(choice(1, content="Bon")),
        chunk(choice(0, content="Hel")),
        chunk(choice(0, content="lo")),
        chunk(choice(1, content="jour", finish_reason="stop")),
        chunk(choice(0, finish_reason="length")),
    ]

    result = accumulate(*chunks)

    assert [(c.index, c.message.content, c.finish_reason) for c in result.choices] == [
        (0, "Hello", "length"),
        (1, "Bonjour", "stop"),
    ]


def test_usage_only_final_chunk_with_empty_choices() -> None:
    usage = {
        "prompt_tokens": 9,
        "completion_tokens": 2,
        "total_tokens": 11,
        "completion_tokens_details": {"reasoning_tokens": 0},
    }
    chunks = [
        chunk(choice(role="assistant", content="Hi"), usage=None),
        chunk(choice(finish_reason="stop"), usage=None),
        chunk(usage=usage),
    ]

    result = accumulate(*chunks)

    assert result.to_dict()["usage"] == usage
    assert [c.message.content for c in result.choices] == ["Hi"]


def test_promptshield_is_carried_over() -> None:
    shield = {"credits_used": 1.5, "credits_remaining": 98.5, "warning": None}
    result = accumulate(chunk(choice(content="Hi")), chunk(promptshield=shield))
    assert result.to_dict()["promptshield"] == shield


@pytest.mark.parametrize("reason", ["stop", "tool_calls", "content_filter", "guardrail_v2"])
def test_finish_reason_is_the_last_non_empty_one_even_when_unknown(reason: str) -> None:
    chunks = [
        chunk(choice(content="a", finish_reason=None)),
        chunk(choice(finish_reason=reason)),
        chunk(choice(finish_reason="")),  # some servers send "" for "not yet"
        chunk(choice(finish_reason=None)),
    ]
    assert accumulate(*chunks).choices[0].finish_reason == reason


def test_finish_reason_never_sent_is_none() -> None:
    assert accumulate(chunk(choice(content="cut off"))).choices[0].finish_reason is None


def test_no_chunks_raises_a_clear_error() -> None:
    with pytest.raises(APIResponseValidationError, match="before its first chunk"):
        ChunkAccumulator().completion()


def test_header_fields_first_non_empty_wins() -> None:
    chunks = [
        chunk(choice(content="a"), id="", model="", created=0),
        chunk(choice(content="b"), id="chatcmpl-2", model="m", system_fingerprint=None),
        chunk(choice(content="c"), id="chatcmpl-3", model="n", system_fingerprint="fp_1"),
        chunk(choice(content="d"), system_fingerprint="fp_2"),
    ]
    result = accumulate(*chunks)
    assert (result.id, result.model, result.created) == ("chatcmpl-2", "m", 1_700_000_000)
    assert result.system_fingerprint == "fp_1"


def test_system_fingerprint_never_sent_is_left_out() -> None:
    result = accumulate(chunk(choice(content="a"), system_fingerprint=None))
    assert "system_fingerprint" not in result.to_dict()


def test_unknown_top_level_and_choice_fields_are_kept_later_wins() -> None:
    first = choice(content="a") | {"native_finish_reason": None}
    last = choice(finish_reason="stop") | {"native_finish_reason": "STOP"}
    chunks = [
        chunk(first, provider="google", citations=["https://a"]),
        chunk(last, citations=["https://a", "https://b"]),
    ]

    result = accumulate(*chunks)

    assert result.additional_properties == {
        "provider": "google",
        "citations": ["https://a", "https://b"],
    }
    assert result.choices[0].additional_properties == {"native_finish_reason": "STOP"}


def test_unknown_delta_fields_are_merged_as_increments() -> None:
    chunks = [
        chunk(choice(reasoning="Think", audio={"id": "audio_1", "data": "AAA"})),
        chunk(choice(reasoning="ing.", audio={"id": "audio_1", "data": "BBB", "transcript": "Hi"})),
        chunk(choice(reasoning=None, audio={"expires_at": 1_700_000_100})),
    ]

    message = accumulate(*chunks).choices[0].message

    assert message.additional_properties == {"reasoning": "Thinking."}
    assert message.to_dict()["audio"] == {
        "id": "audio_1",
        "data": "AAABBB",
        "transcript": "Hi",
        "expires_at": 1_700_000_100,
    }


def test_unknown_tool_call_fields_are_kept() -> None:
    pieces = [
        tool(0, id="c", name=None, function={"name": "f", "arguments": "{", "strict": True}),
        tool(0, function={"arguments": "}", "strict": None}),
    ]
    chunks = [chunk(choice(tool_calls=[piece])) for piece in pieces]
    [call] = accumulate(*chunks).choices[0].message.tool_calls or []
    assert call.additional_properties == {"name": None}
    assert call.function.additional_properties == {"strict": True}


def test_logprobs_content_lists_are_concatenated() -> None:
    def token(text: str) -> dict[str, Any]:
        return {"token": text, "logprob": -0.1, "bytes": list(text.encode()), "top_logprobs": []}

    chunks = [
        chunk(choice(content="Hi") | {"logprobs": {"content": [token("Hi")], "refusal": None}}),
        chunk(choice(content="!") | {"logprobs": {"content": [token("!")], "refusal": None}}),
        chunk(choice(finish_reason="stop") | {"logprobs": None}),
    ]

    logprobs = accumulate(*chunks).to_dict()["choices"][0]["logprobs"]

    assert logprobs == {"content": [token("Hi"), token("!")], "refusal": None}


def test_completion_can_be_called_repeatedly_and_results_are_independent() -> None:
    acc = ChunkAccumulator()
    acc.add(chunk(choice(content="a"), meta={"tags": ["x"]}))
    first = acc.completion()
    first.additional_properties["meta"]["tags"].append("mutated")
    acc.add(chunk(choice(content="b", finish_reason="stop")))

    second = acc.completion()

    assert first.choices[0].message.content == "a"
    assert second.choices[0].message.content == "ab"
    assert second.additional_properties == {"meta": {"tags": ["x"]}}


def test_the_chunks_are_not_mutated() -> None:
    pieces = [chunk(choice(content="a")), *weather_and_time_chunks()]
    before = [piece.to_dict() for piece in pieces]
    accumulate(*pieces)
    assert [piece.to_dict() for piece in pieces] == before
