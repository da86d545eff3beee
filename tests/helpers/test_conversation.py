"""`Conversation`, `approx_tokens` and trimming to a token budget; replies appended from the
local CoreX for both clients."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import Api
from zaguan import Conversation, approx_tokens
from zaguan.lib._conversation import trim
from zaguan_corex_client.models import ChatMessage

MODEL = "openai/gpt-4o-mini"


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def words(n: int) -> str:
    return "abc " * n  # 4 characters: one approximate token each


def test_approx_tokens_counts_text_calls_and_parts() -> None:
    assert approx_tokens(user("")) == 4
    assert approx_tokens(user(words(10))) == 14
    parts = [{"type": "text", "text": words(2)}, {"type": "image_url", "image_url": {"url": "x"}}]
    assert approx_tokens(user(parts)) == 4 + 2 + 85
    call = {"id": "c", "type": "function", "function": {"name": "abcd", "arguments": "{}"}}
    assert approx_tokens({"role": "assistant", "content": None, "tool_calls": [call]}) == 4 + 2


def test_trim_drops_the_oldest_turns_and_keeps_the_system_message() -> None:
    system = {"role": "system", "content": words(10)}  # 14 tokens each
    messages = [system, user(words(10)), user(words(10)), user(words(10))]
    assert trim(messages, 1_000) == messages
    assert trim(messages, 42) == [system, messages[2], messages[3]]
    assert trim(messages, 28) == [system, messages[3]]
    assert trim(messages, 1) == [system, messages[3]]  # never the last turn


def test_a_tool_result_is_never_left_without_its_call() -> None:
    calls = {"role": "assistant", "content": None,
             "tool_calls": [{"id": "c", "type": "function",
                             "function": {"name": "f", "arguments": "{}"}}]}  # fmt: skip
    result = {"role": "tool", "tool_call_id": "c", "content": words(40)}
    messages = [user(words(10)), calls, result, user("next")]
    budget = approx_tokens(calls) + approx_tokens(user("next"))  # room for the call alone
    trimmed = trim(messages, budget)
    assert trimmed == [user("next")]  # the call went with its result
    trimmed = trim(messages, budget + approx_tokens(result))
    assert trimmed == [calls, result, user("next")]


def test_messages_are_trimmed_history_is_not() -> None:
    chat = Conversation(system="Be brief.", max_tokens=30)
    for _ in range(5):
        chat.add_user(words(10))
    assert len(chat) == 6
    assert [m["role"] for m in chat.messages] == ["system", "user"]
    assert chat.tokens() <= 30
    chat.max_tokens = None
    assert chat.messages == chat.history
    assert chat.messages is not chat.history


def test_messages_are_copied_in_and_models_converted() -> None:
    mine = user("hi")
    chat = Conversation([mine, ChatMessage(role="assistant", content="hello")])
    mine["content"] = "changed"
    assert chat.history == [user("hi"), {"role": "assistant", "content": "hello"}]
    with pytest.raises(TypeError, match="role"):
        chat.add({"content": "no role"})
    assert repr(Conversation(max_tokens=9)) == "Conversation(0 messages, max_tokens=9)"


async def test_a_reply_is_appended_and_sent_back(api: Api) -> None:
    chat = Conversation(system="Be brief.")
    chat.add_user("first")
    reply = await api("chat", model=MODEL, messages=chat.messages)
    added = chat.add_reply(reply)
    assert added == {"role": "assistant", "content": "Echo: first"}
    chat.add_user("second")
    reply = await api("chat", model=MODEL, messages=chat.messages)
    assert reply.choices[0].message.content == "Echo: second"
    assert reply.usage.prompt_tokens == 6  # words: "Be brief." "first" "Echo: first" "second"


async def test_a_tool_call_reply_keeps_its_calls(api: Api) -> None:
    tool = {"type": "function", "function": {"name": "lookup", "parameters": {
        "type": "object", "properties": {"q": {"type": "string"}}}}}  # fmt: skip
    chat = Conversation([user("lookup")])
    reply = await api("chat", model=MODEL, messages=chat.messages, tools=[tool])
    added = chat.add_reply(reply.choices[0].message)
    assert added["content"] is None
    call = reply.choices[0].message.tool_calls[0]
    assert added["tool_calls"] == [call.to_dict()]
    chat.add_tool_result(call.id, "found")
    reply = await api("chat", model=MODEL, messages=chat.messages, tools=[tool])
    assert reply.choices[0].message.content == "Echo: lookup"
