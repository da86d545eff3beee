"""`Conversation`, `approx_tokens` and trimming to a token budget; replies appended from the
local CoreX for both clients."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import Api
from zaguan import Conversation, approx_tokens
from zaguan.lib._conversation import trim
from zaguan_corex_client.models import ChatCompletion, ChatMessage

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
    assert trimmed == [user("next")]  # and with its question: the exchange goes whole


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


def assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def test_trimming_drops_whole_exchanges_never_leaving_an_answer_first() -> None:
    system = {"role": "system", "content": "Be brief."}
    old_q, old_a = user(words(10)), assistant(words(10))
    new_q, new_a = user(words(10)), assistant(words(10))
    messages = [system, old_q, old_a, new_q, new_a, user("last")]
    room_for_the_answer_alone = sum(map(approx_tokens, [system, old_a, new_q, new_a, user("last")]))
    trimmed = trim(messages, room_for_the_answer_alone)
    assert trimmed == [system, new_q, new_a, user("last")]  # not [system, old_a, ...]
    assert trim(messages, 1) == [system, user("last")]


def test_system_and_developer_messages_are_kept_wherever_they_are() -> None:
    developer = {"role": "developer", "content": "From now on, in French."}
    messages = [user(words(10)), assistant(words(10)), developer, user("q"), assistant("a")]
    assert trim(messages, 1) == [developer, user("q"), assistant("a")]


def test_messages_before_the_first_question_are_an_exchange_of_their_own() -> None:
    greeting = assistant("How can I help?")
    messages = [greeting, user("q"), assistant("a")]
    assert trim(messages, approx_tokens(user("q")) + approx_tokens(assistant("a"))) == [
        user("q"), assistant("a"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("budget", "error"),
    [
        ("100", TypeError),
        (float("nan"), TypeError),
        (100.0, TypeError),
        (True, TypeError),
        (-1, ValueError),
        (0, ValueError),
    ],
)
def test_a_budget_that_is_not_a_positive_integer_is_refused(budget: Any, error: type) -> None:
    with pytest.raises(error, match=r"max_tokens must be an integer >= 1 or None, got"):
        Conversation(max_tokens=budget)
    chat = Conversation(max_tokens=10)
    with pytest.raises(error, match="max_tokens"):
        chat.max_tokens = budget  # the attribute is checked too
    assert chat.max_tokens == 10


@pytest.mark.parametrize(
    ("count", "error"),
    [(lambda m: float("nan"), ValueError), (lambda m: -1, ValueError), (lambda m: "3", TypeError)],
)
def test_a_token_count_that_is_no_count_is_refused(count: Any, error: type) -> None:
    chat = Conversation([user("a"), user("b")], max_tokens=10, count_tokens=count)
    with pytest.raises(error, match="count_tokens returned"):
        chat.messages  # noqa: B018  # trimming reads the counts
    with pytest.raises(TypeError, match="count_tokens must be callable"):
        Conversation(count_tokens=10)  # type: ignore[arg-type]


def test_a_reply_without_choices_is_a_clear_error() -> None:
    empty = ChatCompletion.from_dict(
        {"id": "c", "object": "chat.completion", "created": 1, "model": MODEL, "choices": []}
    )
    chat = Conversation([user("hi")])
    with pytest.raises(ValueError, match="the completion has no choices: no reply to add"):
        chat.add_reply(empty)
    assert chat.history == [user("hi")]  # nothing appended
    with pytest.raises(TypeError, match="a ChatCompletion or a ChatCompletionMessage"):
        chat.add_reply({"role": "assistant", "content": "x"})  # type: ignore[arg-type]


@pytest.mark.parametrize("messages", [None, "hi", {"role": "user", "content": "hi"}])
def test_messages_that_are_no_list_of_messages_are_refused(messages: Any) -> None:
    with pytest.raises(TypeError, match="messages must be an iterable of messages"):
        Conversation(messages)
