"""Answers that do not fit, read by `chat_parse` and `run_tools` after the request was
charged: whatever the reply holds (absurd nesting, a list of content parts, a type whose own
constructor refuses it), the caller gets `StructuredOutputError` with the raw text, or a
`ToolCallError` for a tool's arguments — never a raw RecursionError, TypeError or ValueError."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx2
import pydantic
import pytest

from tests.adapter import Api
from zaguan import (
    AsyncZaguanClient,
    StructuredOutputError,
    ToolCallError,
    ZaguanClient,
    function_tool,
)
from zaguan.lib._parse import OutputType
from zaguan.lib._tools import PendingCall, ToolRun
from zaguan_corex_client.models import ChatCompletion

DEEP = "[" * 100_000 + "]" * 100_000  # past any recursion limit
DEEP_OBJECT = '{"a": ' * 5_000 + "1" + "}" * 5_000


@dataclasses.dataclass
class Item:
    name: str


@dataclasses.dataclass
class Checked:
    name: str

    def __post_init__(self) -> None:
        if not self.name.istitle():
            raise ValueError(f"{self.name!r} is not a title")


@dataclasses.dataclass
class Outer:
    inner: Checked


class Picky(pydantic.BaseModel):
    name: str

    @pydantic.field_validator("name")
    @classmethod
    def _no_example(cls, value: str) -> str:
        raise LookupError("not even pydantic wraps this one")


def completion(content: Any) -> ChatCompletion:
    message = {"role": "assistant", "content": content}
    return ChatCompletion.from_dict({
        "id": "c", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
    })  # fmt: skip


def refused(tp: type, content: Any) -> StructuredOutputError:
    with pytest.raises(StructuredOutputError) as caught:
        OutputType(tp).parse(completion(content))
    return caught.value


@pytest.mark.parametrize("text", [DEEP, DEEP_OBJECT])
def test_absurd_nesting_is_a_structured_output_error(text: str) -> None:
    error = refused(Item, text)
    assert "nested too deeply" in str(error)
    assert error.text == text
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_content_parts_are_read_as_their_text() -> None:
    parts = [{"type": "text", "text": '{"name": '}, {"type": "text", "text": '"Oslo"}'}]
    parsed = OutputType(Item).parse(completion(parts))
    assert parsed.choices[0].message.parsed == Item("Oslo")


@pytest.mark.parametrize(
    "content",
    [
        [{"type": "image_url", "image_url": {"url": "data:,"}}],
        [{"type": "text", "text": 3}],
        ["bare string part"],
        {"name": "Oslo"},
        42,
    ],
)
def test_content_that_is_not_text_is_a_structured_output_error(content: Any) -> None:
    error = refused(Item, content)
    assert "is not text" in str(error)
    assert json.loads(error.text) == content  # the raw content, as JSON


def test_a_constructor_that_refuses_the_answer_is_a_structured_output_error() -> None:
    error = refused(Checked, '{"name": "oslo"}')
    assert "does not fit Checked" in str(error)
    assert "ValueError: 'oslo' is not a title" in str(error)
    assert error.path == "$"
    assert isinstance(error.__cause__, ValueError)  # the constructor's own, for the traceback
    nested = refused(Outer, '{"inner": {"name": "oslo"}}')
    assert nested.path == "$.inner"


def test_a_pydantic_validator_raising_anything_is_a_structured_output_error() -> None:
    error = refused(Picky, '{"name": "x"}')
    assert "LookupError" in str(error)


def test_a_field_the_constructor_does_not_take_is_not_asked_for() -> None:
    @dataclasses.dataclass
    class Counted:
        name: str
        length: int = dataclasses.field(init=False)

        def __post_init__(self) -> None:
            self.length = len(self.name)

    output = OutputType(Counted)
    schema = output.response_format["json_schema"]["schema"]
    assert schema["required"] == ["name"]
    parsed = output.parse(completion('{"name": "Oslo"}')).choices[0].message.parsed
    assert parsed == Counted("Oslo")
    assert parsed.length == 4
    assert refused(Counted, '{"name": "Oslo", "length": 4}').path == "$.length"


# -- The same for a tool's arguments.


def lookup(item: Item) -> str:
    """Look an item up."""
    return item.name


def test_absurdly_nested_arguments_are_a_tool_call_error() -> None:
    tool = function_tool(lookup)
    for text in (DEEP, DEEP_OBJECT):
        with pytest.raises(ToolCallError, match="nested too deeply"):
            tool.arguments(text)


def test_a_constructor_refusing_an_argument_is_a_tool_call_error() -> None:
    def check(entry: Checked) -> str:
        """Check."""
        return entry.name

    with pytest.raises(ToolCallError, match=r"check: \$\.entry: .*'oslo' is not a title"):
        function_tool(check).arguments('{"entry": {"name": "oslo"}}')


@pytest.mark.parametrize("tool_errors", ["raise", "report"])
def test_a_run_raises_or_reports_nested_arguments_as_a_tool_call_error(tool_errors: Any) -> None:
    run = ToolRun([{"role": "user", "content": "hi"}], [lookup], {}, max_rounds=3,
                  tool_errors=tool_errors, is_async=False)  # fmt: skip
    call = PendingCall("call_1", "lookup", DEEP, run.tools["lookup"])
    if tool_errors == "raise":
        with pytest.raises(ToolCallError, match="nested too deeply"):
            run.call_tool(call)
    else:
        run.call_tool(call)
        result = run.conversation.history[-1]
        assert result["content"].startswith("Error: ToolCallError: lookup: the arguments are")


# -- Through the clients: the charged answer comes back as the documented error.


@pytest.fixture(params=["sync", "async"])
async def hostile(request: pytest.FixtureRequest) -> AsyncIterator[Api]:
    """A client whose every chat is answered 200 with ``DEEP`` as the content."""

    def answer(_: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=completion(DEEP).to_dict())

    if request.param == "sync":
        http = httpx2.Client(transport=httpx2.MockTransport(answer))
        with ZaguanClient("zk-test", base_url="http://127.0.0.1:9", http_client=http) as client:
            yield Api(client)
        http.close()
    else:
        ahttp = httpx2.AsyncClient(transport=httpx2.MockTransport(answer))
        aclient = AsyncZaguanClient("zk-test", base_url="http://127.0.0.1:9", http_client=ahttp)
        async with aclient:
            yield Api(aclient)
        await ahttp.aclose()


async def test_a_charged_absurd_answer_reaches_the_caller_as_documented(hostile: Api) -> None:
    with pytest.raises(StructuredOutputError, match="nested too deeply") as caught:
        await hostile("chat_parse", model="m", messages=[{"role": "user", "content": "hi"}],
                      response_format=Item, request_id="deep-1")  # fmt: skip
    assert caught.value.completion._request_id == "deep-1"
    assert caught.value.text == DEEP
