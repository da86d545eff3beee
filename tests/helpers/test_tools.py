"""`function_tool` and `run_tools`: tool definitions from typed functions and docstrings, and
the run that calls them until the model answers; both clients against the local CoreX (which
calls a tool whose name the last user message mentions, with arguments built from its
schema, and answers once the last message is a tool result)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Literal

import pytest

from tests.e2e.conftest import Api
from zaguan import (
    Conversation,
    FunctionTool,
    RequestValidationError,
    ToolCallError,
    ToolRoundsExceededError,
    ZaguanClient,
    function_tool,
)
from zaguan.lib._tools import tool_content
from zaguan.testing import LocalCoreX

MODEL = "openai/gpt-4o-mini"


@dataclass
class Weather:
    city: str
    degrees: int


def get_weather(city: str, unit: Literal["C", "F"] = "C") -> Weather:
    """The current weather in a city.

    Uses the local forecast.

    Args:
        city: The city's name,
            e.g. "Paris".
        unit (str): The temperature unit.

    Returns:
        The weather.
    """
    return Weather(city, 21 if unit == "C" else 70)


def ask(prompt: str) -> list[dict[str, Any]]:
    return [{"role": "user", "content": prompt}]


def test_a_definition_comes_from_the_signature_and_docstring() -> None:
    tool = function_tool(get_weather)
    assert tool.definition == {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "The current weather in a city.\n\nUses the local forecast.",
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string", "description": 'The city\'s name, e.g. "Paris".'},
                    "unit": {"enum": ["C", "F"], "description": "The temperature unit."},
                },
                "required": ["city"],
                "additionalProperties": False,
            },
        },
    }
    assert tool("Oslo") == Weather("Oslo", 21)  # still the function


def test_strict_requires_every_parameter_and_names_can_be_given() -> None:
    tool = function_tool(get_weather, name="weather", description="Weather.", strict=True)
    function = tool.definition["function"]
    assert function["name"] == "weather"
    assert function["description"] == "Weather."
    assert function["strict"] is True
    assert function["parameters"]["required"] == ["city", "unit"]


def test_functions_that_cannot_be_described_are_refused() -> None:
    def untyped(city):
        return city

    def variadic(*cities: str) -> str:
        return ""

    with pytest.raises(TypeError, match="needs a type"):
        function_tool(untyped)
    with pytest.raises(TypeError, match=r"\*args"):
        function_tool(variadic)


def test_a_positional_only_parameter_is_refused_at_definition() -> None:
    def positional(city: str, /, unit: str = "C") -> str:
        return city

    with pytest.raises(TypeError, match=r"positional: parameter 'city' is positional-only"):
        function_tool(positional)


@pytest.mark.parametrize(
    ("function", "name"),
    [
        (get_weather, "get weather!"),
        (lambda city: city, None),  # "<lambda>"
        (get_weather, "x" * 65),
        (get_weather, ""),
        (get_weather, "météo"),
    ],
)
def test_a_name_the_providers_refuse_is_refused_at_definition(function: Any, name: Any) -> None:
    with pytest.raises(ValueError, match=r"\^\[a-zA-Z0-9_-\]\{1,64\}\$") as caught:
        function_tool(function, name=name)
    if name is None:
        assert "'<lambda>'" in str(caught.value)
        assert "pass name= to function_tool" in str(caught.value)
    function_tool(get_weather, name="x" * 64)  # the longest name accepted


def test_a_name_or_description_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="name must be a string, got 3"):
        function_tool(get_weather, name=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="description must be a string"):
        function_tool(get_weather, description=["d"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a tool is a typed function, got 'get_weather'"):
        function_tool("get_weather")  # type: ignore[arg-type]


def test_two_tools_of_one_name_are_refused_before_sending(server: LocalCoreX) -> None:
    def weather(city: str) -> str:
        return city

    with (
        ZaguanClient(server.api_key, base_url=server.base_url) as client,
        pytest.raises(RequestValidationError, match="two tools are named 'weather'"),
    ):
        client.run_tools(model=MODEL, messages=ask("weather"),
                         tools=[weather, function_tool(get_weather, name="weather")])  # fmt: skip
    assert server.ledger.entries == ()  # nothing was sent


def test_arguments_are_read_into_the_parameters_types() -> None:
    tool = function_tool(get_weather)
    assert tool.arguments('{"city": "Oslo"}') == {"city": "Oslo"}
    for bad in ('{"city": 3}', '{"town": "Oslo"}', "not json", "[1]", '{"unit": "C"}'):
        with pytest.raises(ToolCallError, match="get_weather"):
            tool.arguments(bad)


def test_results_become_text() -> None:
    assert tool_content("as is") == "as is"
    assert tool_content(Weather("Oslo", 3)) == '{"city": "Oslo", "degrees": 3}'
    assert tool_content({"n": [1, None]}) == '{"n": [1, null]}'


async def test_run_tools_calls_the_tool_and_returns_the_answer(api: Api) -> None:
    calls: list[tuple[str, str]] = []

    def weather(city: str, unit: Literal["C", "F"] = "C") -> Weather:
        """The weather."""
        calls.append((city, unit))
        return Weather(city, 21)

    run = await api("run_tools", model=MODEL, messages=ask("what does weather say?"),
                    tools=[weather])  # fmt: skip
    assert calls == [("example", "C")]  # the server's arguments for the schema
    assert run.rounds == 1
    assert run.completion.choices[0].message.content == "Echo: what does weather say?"
    roles = [m["role"] for m in run.messages]
    assert roles == ["user", "assistant", "tool", "assistant"]
    call_id = run.messages[1]["tool_calls"][0]["id"]
    assert run.messages[2] == {
        "role": "tool", "tool_call_id": call_id, "content": '{"city": "example", "degrees": 21}',
    }  # fmt: skip


async def test_parallel_calls_are_all_answered(api: Api) -> None:
    def alpha(x: int) -> int:
        return x + 1

    def beta(y: str) -> str:
        return y.upper()

    run = await api("run_tools", model=MODEL, messages=ask("use alpha and beta"),
                    tools=[alpha, function_tool(beta)])  # fmt: skip
    tool_messages = [m for m in run.messages if m["role"] == "tool"]
    assert [m["content"] for m in tool_messages] == ["2", "EXAMPLE"]


async def test_the_async_client_awaits_async_tools(server: LocalCoreX) -> None:
    from zaguan import AsyncZaguanClient  # noqa: PLC0415  # lazy in zaguan too

    async def lookup(city: str) -> str:
        await asyncio.sleep(0)
        return f"sunny in {city}"

    async with AsyncZaguanClient(server.api_key, base_url=server.base_url) as client:
        run = await client.run_tools(model=MODEL, messages=ask("lookup"), tools=[lookup])
    assert run.messages[2]["content"] == "sunny in example"


def test_the_sync_client_refuses_async_tools_before_sending(server: LocalCoreX) -> None:
    async def lookup(city: str) -> str:
        return city

    with (
        ZaguanClient(server.api_key, base_url=server.base_url) as client,
        pytest.raises(TypeError, match="AsyncZaguanClient"),
    ):
        client.run_tools(model=MODEL, messages=ask("lookup"), tools=[lookup])
    assert server.ledger.balance == 10_000  # nothing was sent


async def test_a_failing_tool_is_reported_to_the_model_by_default(api: Api) -> None:
    def broken(city: str) -> str:
        raise ValueError("no such city")

    run = await api("run_tools", model=MODEL, messages=ask("broken"), tools=[broken])
    assert run.messages[2]["content"] == "Error: ValueError: no such city"
    assert run.completion.choices[0].message.content == "Echo: broken"


async def test_a_failing_tool_is_raised_on_request(api: Api) -> None:
    def broken(city: str) -> str:
        raise ValueError("no such city")

    with pytest.raises(ValueError, match="no such city"):
        await api("run_tools", model=MODEL, messages=ask("broken"), tools=[broken],
                  tool_errors="raise")  # fmt: skip


async def test_the_rounds_are_bounded(api: Api) -> None:
    def again(x: int) -> int:
        return x

    forced = {"type": "function", "function": {"name": "again"}}  # called every round
    with pytest.raises(ToolRoundsExceededError, match="after 3 rounds") as caught:
        await api("run_tools", model=MODEL, messages=ask("go"), tools=[again], max_rounds=3,
                  tool_choice=forced)  # fmt: skip
    assert caught.value.completion.choices[0].finish_reason == "tool_calls"
    assert [m["role"] for m in caught.value.messages].count("tool") == 3


async def test_a_conversation_is_appended_to_and_a_list_is_not(api: Api) -> None:
    chat = Conversation(system="Be brief.")
    chat.add_user("weather please")
    tool: FunctionTool[..., Weather] = function_tool(get_weather, name="weather")
    run = await api("run_tools", model=MODEL, messages=chat, tools=[tool])
    assert [m["role"] for m in chat] == ["system", "user", "assistant", "tool", "assistant"]
    assert run.messages == chat.history
    messages = ask("weather please")
    await api("run_tools", model=MODEL, messages=messages, tools=[tool])
    assert messages == ask("weather please")  # the caller's list is left as it was
