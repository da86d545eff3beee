"""Request validation (zaguan/_validate.py): checks derived from the generated models."""

from __future__ import annotations

import copy
import json
import types
from typing import Any

import attrs
import pytest

from zaguan._errors import RequestValidationError, ZaguanError
from zaguan._validate import (
    _compile,
    _fields,
    _json_keys,
    request_body,
    validate_value,
)
from zaguan_corex_client import models
from zaguan_corex_client.models import (
    ChatCompletionMessage,
    ChatCompletionRequest,
    ChatMessage,
    FunctionName,
    InputAudio,
    JsonSchemaFormat,
    NamedToolChoice,
    ResponseFormatJsonSchema,
    TextContentPart,
    Tool,
)
from zaguan_corex_client.types import UNSET

SYSTEM = {"role": "system", "content": "You are terse."}
USER = {"role": "user", "content": "hi"}
TOOL = {"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}


def body(**fields: Any) -> dict[str, Any]:
    """request_body() for a chat with a model and one user message unless overridden."""
    return request_body(ChatCompletionRequest, {"model": "m", "messages": [USER], **fields})


def error(**fields: Any) -> RequestValidationError:
    with pytest.raises(RequestValidationError) as info:
        body(**fields)
    return info.value


# --- the examples of the brief, message for message ------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"temperature": "hot"}, "temperature: expected float, got str ('hot')"),
        ({"messages": "hi"}, "messages: expected a list, got str ('hi')"),
        ({"messages": [USER, {"content": "x"}]}, "messages[1]: 'role' is required"),
        ({"tools": [{"type": "function"}]}, "tools[0]: 'function' is required"),
        (
            {"tools": [{"type": "function", "function": {}}]},
            "tools[0].function: 'name' is required",
        ),
        (
            {"tool_choice": "sometimes"},
            "tool_choice: expected one of 'auto', 'none', 'required' or a NamedToolChoice object,"
            " got 'sometimes'",
        ),
        (
            {"reasoning_effort": "extreme"},
            "reasoning_effort: expected one of 'high', 'low', 'medium', 'minimal', got 'extreme'",
        ),
        (
            {"tempreature": 0.2},
            "chat() got an unexpected keyword argument 'tempreature'. Did you mean 'temperature'?",
        ),
        ({"zzz": 1}, "chat() got an unexpected keyword argument 'zzz'"),
    ],
)
def test_bad_input_is_reported_with_its_path(fields: dict[str, Any], message: str) -> None:
    assert str(error(**fields)) == message


def test_missing_required_arguments_read_like_a_python_call() -> None:
    with pytest.raises(TypeError, match=r"^chat\(\) missing required argument: 'model'$"):
        request_body(ChatCompletionRequest, {"messages": [USER]})
    with pytest.raises(TypeError, match=r"arguments: 'model' and 'messages'$"):
        request_body(ChatCompletionRequest, {}, what="stream()")


def test_unset_counts_as_missing() -> None:
    with pytest.raises(TypeError, match="'model'"):
        request_body(ChatCompletionRequest, {"model": UNSET, "messages": [USER]})


def test_one_error_class_that_is_typeerror_valueerror_and_zaguanerror() -> None:
    exc = error(messages=[USER, {"role": "user", "content": 5}])
    assert isinstance(exc, TypeError)
    assert isinstance(exc, ValueError)
    assert isinstance(exc, ZaguanError)
    assert exc.path == "messages[1].content"
    assert str(exc) == "messages[1].content: expected None, str or a list, got int (5)"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"temperature": True}, "temperature: expected float, got bool (True)"),
        ({"temperature": None}, "temperature: expected float, got None"),
        ({"n": 1.0}, "n: expected int, got float (1.0)"),
        ({"n": False}, "n: expected int, got bool (False)"),
        ({"stream": "yes"}, "stream: expected bool, got str ('yes')"),
        (
            {"reasoning_effort": 3},
            "reasoning_effort: expected one of 'high', 'low', 'medium', 'minimal', got int (3)",
        ),
        ({"stop": ["END", 1]}, "stop[1]: expected str, got int (1)"),
        ({"tool_choice": {"type": "function"}}, "tool_choice: 'function' is required"),
        (
            {"tool_choice": {"type": "tool"}},
            "tool_choice.type: expected one of 'function', got 'tool'",
        ),
        ({"logit_bias": {"50256": "ban"}}, "logit_bias['50256']: expected float, got str ('ban')"),
        (
            {"messages": [{"rol": "user"}]},
            "messages[0]: 'role' is required (got 'rol'; did you mean 'role'?)",
        ),
    ],
)
def test_types_and_enums(fields: dict[str, Any], message: str) -> None:
    assert str(error(**fields)) == message


def test_numbers_follow_json_not_python() -> None:
    assert body(temperature=1, top_p=0.5, n=2)["temperature"] == 1  # an int is a JSON number


# --- content ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "hi",
        None,  # assistant messages with tool_calls: sent as JSON null, not dropped
        [
            {"type": "text", "text": "what is this?"},
            {"type": "image_url", "image_url": {"url": "x"}},
        ],
        [{"type": "input_audio", "input_audio": {"data": "UklGR", "format": "wav"}}],
        [{"type": "video_url", "video_url": {"url": "https://v"}}],  # unknown: kept, forward compat
    ],
)
def test_content_forms_pass_unchanged(content: Any) -> None:
    message = {"role": "user", "content": content}
    sent = body(messages=[message])["messages"][0]
    assert sent is message
    assert "content" in sent
    assert sent["content"] is content


@pytest.mark.parametrize(
    ("part", "path", "message"),
    [
        ({"type": "image_url"}, "messages[0].content[0]", "'image_url' is required"),
        (
            {"type": "image_url", "image_url": {"url": 3}},
            "messages[0].content[0].image_url.url",
            "expected str, got int (3)",
        ),
        (
            {"type": "image_url", "image_url": {"url": "x", "detail": "max"}},
            "messages[0].content[0].image_url.detail",
            "expected one of 'auto', 'high', 'low', got 'max'",
        ),
        ({"type": "text"}, "messages[0].content[0]", "'text' is required"),
        ({"text": "hi"}, "messages[0].content[0]", "'type' is required"),
        (
            "hi",
            "messages[0].content[0]",
            "expected an ImageUrlContentPart object, an InputAudioContentPart object, "
            "a TextContentPart object or an UnknownContentPart object, got 'hi'",
        ),
    ],
)
def test_a_known_part_type_must_be_complete(part: Any, path: str, message: str) -> None:
    exc = error(messages=[{"role": "user", "content": [part]}])
    assert exc.path == path
    assert str(exc) == f"{path}: {message}"


# --- what comes back ----------------------------------------------------------------------------


def test_plain_data_comes_back_as_the_same_objects() -> None:
    messages, tools = [SYSTEM, USER], [TOOL, TOOL]
    fields = {"model": "m", "messages": messages, "temperature": 0.2, "tools": tools}
    snapshot = copy.deepcopy(fields)
    sent = request_body(ChatCompletionRequest, fields)
    assert sent == snapshot
    assert sent["messages"] is messages
    assert sent["tools"] is tools
    assert fields == snapshot


def test_model_instances_become_dicts_and_their_containers_are_copied() -> None:
    typed = ChatMessage(role="user", content=[TextContentPart(type_="text", text="look")])
    messages = [SYSTEM, typed, USER]
    sent = body(messages=messages)["messages"]
    assert sent == [SYSTEM, {"role": "user", "content": [{"type": "text", "text": "look"}]}, USER]
    assert sent is not messages
    assert sent[0] is SYSTEM
    assert messages[1] is typed  # the caller's list is untouched


def test_model_instances_at_any_level() -> None:
    choice = NamedToolChoice(type_="function", function=FunctionName(name="f"))
    schema = ResponseFormatJsonSchema(type_="json_schema", json_schema=JsonSchemaFormat(name="s"))
    tool = Tool.from_dict(TOOL)
    sent = body(tool_choice=choice, response_format=schema, tools=[tool])
    assert sent["tool_choice"] == {"type": "function", "function": {"name": "f"}}
    assert sent["response_format"] == {"type": "json_schema", "json_schema": {"name": "s"}}
    assert sent["tools"] == [TOOL]


def test_a_reply_message_goes_back_into_the_conversation() -> None:
    reply = ChatCompletionMessage.from_dict(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ],
        }
    )
    tool_reply = {"role": "tool", "tool_call_id": "c1", "content": "42"}
    sent = body(messages=[USER, reply, tool_reply])["messages"]
    assert sent == [USER, reply.to_dict(), tool_reply]
    assert str(error(messages=[Tool.from_dict(TOOL)])) == "messages[0]: 'role' is required"


def test_a_later_role_passes_at_run_time() -> None:
    # The contract's ChatRole | str: the known roles type-check statically, any string is sent.
    later = {"role": "critic", "content": "x"}
    assert body(messages=[later])["messages"] == [later]
    assert str(error(messages=[{"role": 5}])) == "messages[0].role: expected str, got int (5)"


# --- near misses: a typo where the contract leaves a set or an object open -----------------------


@pytest.mark.parametrize(
    ("message", "path", "says"),
    [
        ({"role": "usr", "content": "hi"}, "messages[0].role", "got 'usr', did you mean 'user'?"),
        ({"role": "User", "content": "hi"}, "messages[0].role", "did you mean 'user'?"),
        ({"role": "asistant", "content": "x"}, "messages[0].role", "did you mean 'assistant'?"),
        ({"role": "user", "contnet": "hi"}, "messages[0]", "unknown key 'contnet', did you mean"),
        (
            {"role": "tool", "content": "1", "tool_call_ids": "c"},
            "messages[0]",
            "unknown key 'tool_call_ids', did you mean 'tool_call_id'?",
        ),
        (
            {"role": "user", "content": [{"type": "txt", "text": "hi"}]},
            "messages[0].content[0].type",
            "unknown type 'txt', did you mean 'text'?",
        ),
        (
            {"role": "user", "content": [{"type": "image_ur", "image_url": {"url": "x"}}]},
            "messages[0].content[0].type",
            "did you mean 'image_url'?",
        ),
    ],
)
def test_a_near_miss_of_a_known_value_or_key_is_a_mistake(
    message: dict[str, Any], path: str, says: str
) -> None:
    """The README's promise: typos inside messages raise at run time, before anything is sent."""
    exc = error(messages=[message])
    assert exc.path == path
    assert says in str(exc)
    assert isinstance(exc, TypeError)


@pytest.mark.parametrize(
    "message",
    [
        {"role": "critic", "content": "x"},  # a later role: far from every known one
        {"role": "model", "content": "x"},
        {"role": "user", "content": "x", "contents": "y"},  # "content" is there: a new key
        {"role": "user", "content": "x", "cache_control": {"type": "ephemeral"}},
        {"role": "user", "content": [{"type": "image", "source": {}}]},  # Anthropic's, kept
        {"role": "user", "content": [{"type": "input_text", "text": "x"}]},
        {"role": "user", "content": [{"type": "file", "file": {"file_id": "f"}}]},
    ],
)
def test_later_values_and_keys_far_from_known_ones_pass(message: dict[str, Any]) -> None:
    assert body(messages=[message])["messages"] == [message]


def test_near_misses_in_tools_and_in_a_free_form_object() -> None:
    typo = {"type": "function", "function": {"name": "f", "parameter": {"type": "object"}}}
    assert "did you mean 'parameters'?" in str(error(tools=[typo]))
    # A free-form object (provider_specific_params) names no key: nothing is a typo there.
    assert body(provider_specific_params={"contnet": 1})["provider_specific_params"] == {
        "contnet": 1
    }


def test_a_near_miss_checker_is_cheap_for_keys_replayed_every_call() -> None:
    """A reply's message goes back with keys the request's message does not name (refusal):
    they pass, and their look-up is remembered."""
    reply = {"role": "assistant", "content": "x", "refusal": None, "reasoning_content": "r"}
    for _ in range(3):
        assert body(messages=[USER, reply])["messages"][1] is reply


# --- a FunctionTool where a Tool goes -------------------------------------------------------------


def test_a_function_tool_is_sent_as_its_definition() -> None:
    from zaguan import function_tool  # noqa: PLC0415

    def get_weather(city: str) -> str:
        """The weather in a city."""
        return city

    tool = function_tool(get_weather)
    sent = body(tools=[tool, TOOL])["tools"]
    assert sent == [tool.definition, TOOL]
    assert sent[0]["function"]["name"] == "get_weather"


def test_an_object_whose_to_dict_is_odd_is_reported() -> None:
    class Loop:
        def to_dict(self) -> Any:
            return self  # would recurse forever

    class Raises:
        def to_dict(self) -> Any:
            raise TypeError("no")

    assert str(error(tools=[Loop()])) == "tools[0]: Loop.to_dict() returned Loop, not a dict"
    assert str(error(tools=[Raises()])) == "tools[0]: cannot serialise Raises: no"


def test_an_instance_holding_the_wrong_things_is_reported() -> None:
    role: Any = 5  # attrs checks no types at run time
    assert str(error(messages=[ChatMessage(role=role)])) == (
        "messages[0].role: expected str, got int (5)"
    )
    function: Any = {"name": "x"}  # a dict where the instance needs a model
    broken = Tool(type_="function", function=function)
    assert str(error(tools=[broken])).startswith("tools[0]: cannot serialise Tool: ")
    parts: Any = [{"type": "text"}]  # a union member may be a dict: it is checked as one
    assert str(error(messages=[ChatMessage(role="user", content=parts)])) == (
        "messages[0].content[0]: 'text' is required"
    )


def test_input_is_never_mutated() -> None:
    typed = ChatMessage(role="assistant", content=None)
    fields: dict[str, Any] = {
        "model": "m",
        "messages": [SYSTEM, {"role": "user", "content": "x", "name": UNSET}, typed],
        "stop": ("a", "b"),
        "seed": UNSET,
        "provider_specific_params": {"thinking": {"type": "enabled", "budget_tokens": 1024}},
    }
    snapshot = copy.deepcopy(fields, {id(UNSET): UNSET})  # Unset has no __eq__: keep the one
    request_body(ChatCompletionRequest, fields)
    assert fields == snapshot


def test_unset_is_left_out_at_every_level() -> None:
    message = {"role": "user", "content": "x", "name": UNSET}
    sent = body(messages=[message], seed=UNSET)
    assert "seed" not in sent
    assert sent["messages"] == [{"role": "user", "content": "x"}]
    assert message["name"] is UNSET


def test_tuples_pass_as_they_are() -> None:
    messages = (SYSTEM, USER)
    sent = body(messages=messages, stop=("a", "b"))
    assert sent["messages"] is messages  # json.dumps writes a tuple as an array
    assert json.loads(json.dumps(sent))["stop"] == ["a", "b"]


def test_a_tuple_holding_a_model_becomes_a_list() -> None:
    sent = body(messages=(USER, ChatMessage(role="user", content="x")))
    assert sent["messages"] == [USER, {"role": "user", "content": "x"}]


def test_other_mappings_become_dicts_for_json() -> None:
    sent = body(messages=[types.MappingProxyType(USER)])
    assert type(sent["messages"][0]) is dict
    assert sent["messages"][0] == USER
    json.dumps(sent)


@pytest.mark.parametrize("stop", ["END", ["END", "STOP"]])
def test_stop_is_str_or_list(stop: Any) -> None:
    assert body(stop=stop)["stop"] is stop


def test_response_format_json_schema() -> None:
    fmt = {
        "type": "json_schema",
        "json_schema": {"name": "answer", "strict": True, "schema": {"type": "object"}},
    }
    assert body(response_format=fmt)["response_format"] is fmt
    bad = {"type": "json_schema", "json_schema": {"name": "a", "strict": "yes"}}
    assert str(error(response_format=bad)) == (
        "response_format.json_schema.strict: expected bool, got str ('yes')"
    )
    assert str(error(response_format={"type": "xml"})) == (
        "response_format.type: expected one of 'json_object', 'json_schema', 'text', got 'xml'"
    )


def test_free_form_objects_pass_untouched() -> None:
    params = {"thinking": {"type": "enabled", "budget_tokens": 2048}, "x": [1, {"y": None}]}
    extra = {"search_domain_filter": ["example.com"]}
    sent = body(provider_specific_params=params, extra_body=extra, metadata={"k": "v"})
    assert sent["provider_specific_params"] is params
    assert sent["extra_body"] is extra


def test_unknown_keys_inside_objects_are_kept() -> None:
    message = {"role": "user", "content": "hi", "cache_control": {"type": "ephemeral"}}
    assert body(messages=[message])["messages"][0] is message


def test_every_contract_field_is_a_keyword() -> None:
    sent = body(virtual_model_id="fast", thinking=False, modalities=["text", "audio"])
    assert ChatCompletionRequest.from_dict(sent).to_dict() == sent


def test_the_body_is_what_the_generated_model_would_send() -> None:
    fields = {
        "model": "m",
        "messages": [
            SYSTEM,
            USER,
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "42"},
        ],
        "tools": [TOOL],
        "tool_choice": "auto",
        "stream_options": {"include_usage": True},
    }
    sent = request_body(ChatCompletionRequest, fields)
    assert ChatCompletionRequest.from_dict(sent).to_dict() == json.loads(json.dumps(sent))


def test_huge_values_are_cut_in_messages() -> None:
    message = str(error(temperature="x" * 1_000_000, messages=[USER]))
    assert len(message) < 120
    assert "..." in message


# --- derived from the generated models ----------------------------------------------------------


def test_json_keys_are_read_from_to_dict() -> None:
    assert _json_keys(Tool) == {"type_": "type", "function": "function"}
    assert _json_keys(InputAudio) == {"data": "data", "format_": "format"}
    assert _json_keys(JsonSchemaFormat)["schema"] == "schema"


@pytest.mark.parametrize(
    "cls", [c for n in models.__all__ if isinstance(c := getattr(models, n), type) and attrs.has(c)]
)
def test_every_generated_model_resolves(cls: type) -> None:
    hints, required, _ = _fields(cls)
    assert set(required) <= set(hints)
    assert not any(key.endswith("_") for key in hints)  # JSON keys, not attribute names


def test_checkers_are_compiled_once() -> None:
    body(tools=[TOOL])
    misses = _fields.cache_info().misses
    body(tools=[TOOL], tool_choice="auto")
    assert _fields.cache_info().misses == misses
    assert _compile(list[str]) is _compile(list[str])


def test_validate_value_names_the_path() -> None:
    validate_value(Tool, TOOL, "tools[0]")
    with pytest.raises(RequestValidationError, match=r"^tools\[3\]\.function: 'name' is required$"):
        validate_value(Tool, {"type": "function", "function": {}}, "tools[3]")
