"""A `FunctionTool` goes in ``tools`` wherever a tool does: ``chat`` and ``chat_stream``, sync
and async, sent as its ``definition``."""

from __future__ import annotations

import json

import respx
from facade_support import (
    CHAT_PATH,
    MESSAGES,
    MODEL,
    Api,
    Reply,
    completion_json,
    event_stream,
    sse,
    text_chunk,
)

from zaguan import function_tool


def get_weather(city: str) -> str:
    """The current weather in a city.

    Args:
        city: The city's name.
    """
    return f"sunny in {city}"


TOOL = function_tool(get_weather)


async def test_chat_sends_a_function_tool_as_its_definition(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=Reply(200, json=completion_json()))
    await api.call("chat", model=MODEL, messages=MESSAGES, tools=[TOOL])
    sent = json.loads(route.calls.last.request.content)
    assert sent["tools"] == [TOOL.definition]
    assert sent["tools"][0]["function"]["parameters"]["properties"]["city"]["type"] == "string"


async def test_chat_stream_sends_a_function_tool_as_its_definition(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=event_stream(sse(text_chunk("hi"))))
    chunks, _ = await api.stream(model=MODEL, messages=MESSAGES, tools=[TOOL, TOOL.definition])
    assert chunks
    sent = json.loads(route.calls.last.request.content)
    assert sent["tools"] == [TOOL.definition, TOOL.definition]
