"""`chat_parse`: the schema sent, the answer read into the caller's type, and the errors for
answers that are cut, filtered or do not fit; both clients against the local CoreX."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, NotRequired, TypedDict

import httpx2
import pydantic
import pytest

from tests.e2e.conftest import Api
from zaguan import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    ParsedChatCompletion,
    RequestValidationError,
    StructuredOutputError,
    ZaguanClient,
)
from zaguan.lib._parse import OutputType
from zaguan.lib._schema import json_schema
from zaguan.testing import LocalCoreX
from zaguan_corex_client.models import ChatCompletion

MODEL = "openai/gpt-4o-mini"
HI = [{"role": "user", "content": "hi"}]


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclass
class Item:
    name: str
    qty: int


@dataclass
class Order:
    items: list[Item]
    status: Literal["open", "closed"]
    color: Color
    note: str | None = None
    price: float = 0.0


class Point(TypedDict):
    x: float
    label: NotRequired[str]


class Person(pydantic.BaseModel):
    name: str
    tags: list[str]


class LongName(pydantic.BaseModel):
    name: str = pydantic.Field(min_length=20)  # the server's "example" is 7 characters


def test_the_schema_is_strict_and_inlines_nested_types() -> None:
    schema = json_schema(Order)
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["items", "status", "color", "note", "price"]
    props = schema["properties"]
    assert props["items"]["items"]["required"] == ["name", "qty"]
    assert props["status"] == {"enum": ["open", "closed"]}
    assert props["color"] == {"enum": ["red", "blue"]}
    assert props["note"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}


def test_a_pydantic_schema_is_made_strict() -> None:
    schema = json_schema(Person)
    assert schema["required"] == ["name", "tags"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("bad", [dict[str, int], set[int], object])
def test_a_type_that_cannot_be_described_fails_before_sending(bad: Any) -> None:
    with pytest.raises(TypeError, match=r"JSON Schema|not a dataclass"):
        OutputType(bad)


@dataclass
class Node:
    children: list[Node]


def test_a_recursive_type_is_refused() -> None:
    with pytest.raises(TypeError, match="refers to itself"):
        OutputType(Node)


def test_the_request_carries_the_strict_json_schema(server: LocalCoreX) -> None:
    sent: list[httpx2.Request] = []
    hooks = {"request": [sent.append]}
    with (
        httpx2.Client(event_hooks=hooks) as http,
        ZaguanClient(server.api_key, base_url=server.base_url, http_client=http) as client,
    ):
        completion = client.chat_parse(model=MODEL, messages=HI, response_format=Order,
                                       request_id="parse-1")  # fmt: skip
    assert completion._request_id == "parse-1"
    assert json.loads(sent[0].content)["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "Order", "schema": json_schema(Order), "strict": True},
    }
    assert json.loads(completion.choices[0].message.content) == {
        "items": [{"name": "example", "qty": 1}], "status": "open", "color": "red",
        "note": None, "price": 1.5,
    }  # fmt: skip


async def test_a_dataclass_answer_is_parsed(api: Api) -> None:
    completion = await api("chat_parse", model=MODEL, messages=HI, response_format=Order)
    assert isinstance(completion, ParsedChatCompletion)
    assert isinstance(completion, ChatCompletion)  # everything else is the usual completion
    parsed = completion.choices[0].message.parsed
    assert parsed == Order([Item("example", 1)], "open", Color.RED, None, 1.5)
    assert completion.choices[0].finish_reason == "stop"


async def test_a_typeddict_answer_is_a_checked_dict(api: Api) -> None:
    completion = await api("chat_parse", model=MODEL, messages=HI, response_format=Point)
    assert completion.choices[0].message.parsed == {"x": 1.5, "label": "example"}


async def test_a_pydantic_answer_is_validated_by_pydantic(api: Api) -> None:
    completion = await api("chat_parse", model=MODEL, messages=HI, response_format=Person)
    assert completion.choices[0].message.parsed == Person(name="example", tags=["example"])


async def test_an_answer_that_does_not_fit_raises_with_the_raw_text(api: Api) -> None:
    with pytest.raises(StructuredOutputError, match="does not fit LongName") as caught:
        await api("chat_parse", model=MODEL, messages=HI, response_format=LongName)
    assert caught.value.text == '{"name": "example"}'
    assert caught.value.completion.choices[0].message.content == caught.value.text


async def test_a_cut_answer_raises_length_finish_reason_error(api: Api) -> None:
    with pytest.raises(LengthFinishReasonError, match="token limit") as caught:
        await api("chat_parse", model=MODEL, messages=HI, response_format=Order,
                  max_completion_tokens=1)  # fmt: skip
    assert caught.value.completion.choices[0].finish_reason == "length"


# -- Answers the local server does not give, read by the pure parser.


def completion(message: dict[str, Any], finish_reason: str = "stop") -> ChatCompletion:
    return ChatCompletion.from_dict({
        "id": "c", "object": "chat.completion", "created": 1, "model": MODEL,
        "choices": [{"index": 0, "message": {"role": "assistant", **message},
                     "finish_reason": finish_reason}],
    })  # fmt: skip


def test_a_refusal_parses_to_none_and_keeps_the_refusal() -> None:
    parsed = OutputType(Item).parse(completion({"content": None, "refusal": "I can't."}))
    assert parsed.choices[0].message.parsed is None
    assert parsed.choices[0].message.refusal == "I can't."


def test_content_that_is_not_json_raises_with_the_text() -> None:
    with pytest.raises(StructuredOutputError, match="not JSON") as caught:
        OutputType(Item).parse(completion({"content": "Sure! Here it is"}))
    assert caught.value.text == "Sure! Here it is"


@pytest.mark.parametrize(
    ("content", "path"),
    [
        ('{"name": "a"}', "$.qty"),  # missing
        ('{"name": "a", "qty": 1, "extra": 2}', "$.extra"),  # unknown
        ('{"name": "a", "qty": "1"}', "$.qty"),  # a string for an integer
        ('{"name": "a", "qty": true}', "$.qty"),  # a bool is no integer
        ('["a", 1]', "$"),
    ],
)
def test_a_mismatch_names_where(content: str, path: str) -> None:
    with pytest.raises(StructuredOutputError) as caught:
        OutputType(Item).parse(completion({"content": content}))
    assert caught.value.path == path
    assert caught.value.text == content


def test_a_content_filter_stop_raises() -> None:
    with pytest.raises(ContentFilterFinishReasonError):
        OutputType(Item).parse(completion({"content": ""}, "content_filter"))


def test_an_integer_fits_a_float_and_unknown_fields_survive() -> None:
    reply = completion({"content": '{"x": 2}', "annotations": []})
    parsed = OutputType(Point).parse(reply)
    assert parsed.choices[0].message.parsed == {"x": 2.0}
    assert parsed.choices[0].message["annotations"] == []
    assert parsed.to_dict() == reply.to_dict()


def test_annotations_that_name_nothing_reachable_are_a_type_error() -> None:
    class Local:
        pass

    @dataclass
    class Holder:
        item: Local  # a string here (postponed annotations), naming a local class

    with pytest.raises(TypeError, match=r"cannot resolve the annotations of .*Holder"):
        OutputType(Holder)


# -- Types: what is a field, enum members in a Literal, and what can be the answer's root.


@dataclass
class Tagged:
    kind: ClassVar[str] = "tagged"  # the class's, not the answer's
    name: str
    color: Literal[Color.RED, "plain"]


def test_class_variables_are_not_fields_and_enum_members_are_their_values() -> None:
    schema = json_schema(Tagged)
    assert schema["required"] == ["name", "color"]
    assert schema["properties"]["color"] == {"enum": ["red", "plain"]}
    json.dumps(schema)  # what is sent: JSON all through
    read = OutputType(Tagged).parse(completion({"content": '{"name": "n", "color": "red"}'}))
    assert read.choices[0].message.parsed == Tagged("n", Color.RED)  # the member, not "red"
    plain = OutputType(Tagged).parse(completion({"content": '{"name": "n", "color": "plain"}'}))
    assert plain.choices[0].message.parsed == Tagged("n", "plain")
    with pytest.raises(StructuredOutputError) as caught:
        OutputType(Tagged).parse(completion({"content": '{"name": "n", "color": "blue"}'}))
    assert caught.value.path == "$.color"


async def test_a_class_variable_and_an_enum_literal_go_through_the_server(api: Api) -> None:
    completion = await api("chat_parse", model=MODEL, messages=HI, response_format=Tagged)
    assert completion.choices[0].message.parsed == Tagged("example", Color.RED)


class Cities(pydantic.RootModel[list[str]]):
    pass


@pytest.mark.parametrize("root", [int, str, list[Item], Color, Item | None, Cities])
def test_a_root_that_is_no_object_is_refused_before_sending(server: LocalCoreX, root: Any) -> None:
    with (
        ZaguanClient(server.api_key, base_url=server.base_url) as client,
        pytest.raises(RequestValidationError, match="an object at the root") as caught,
    ):
        client.chat_parse(model=MODEL, messages=HI, response_format=root)
    assert "wrap it in a dataclass, a TypedDict or a pydantic model" in str(caught.value)
    assert server.ledger.entries == ()  # nothing sent
