"""`Conversation`: a chat's messages kept client-side, as ``xai-sdk``'s chat object keeps them,
with optional trimming to a token budget. Pure: it never calls CoreX.

Tokens are counted approximately by `approx_tokens` (about four characters a token, as
OpenAI's rule of thumb has it, plus 4 a message for its framing), which is close enough
to keep a conversation under a model's context window with a margin; pass
``count_tokens=`` for an exact tokenizer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionMessage,
    ChatMessageParam,
    ToolCallParam,
)

MESSAGE_TOKENS = 4
"""What `approx_tokens` counts for a message's framing (role, separators)."""
PART_TOKENS = 85
"""What `approx_tokens` counts for a content part that is not text (an image, audio)."""
_PINNED_ROLES = frozenset({"system", "developer"})


def approx_tokens(message: Mapping[str, Any]) -> int:
    """About how many tokens ``message`` costs: a quarter of the characters of its text, tool
    calls' names and arguments, `PART_TOKENS` per part that is not text, and
    `MESSAGE_TOKENS`.

    >>> approx_tokens({"role": "user", "content": "What is the capital of France?"})
    12
    """
    content = message.get("content")
    chars, parts = 0, 0
    if isinstance(content, str):
        chars += len(content)
    elif isinstance(content, Sequence):
        for part in content:
            text = part.get("text") if isinstance(part, Mapping) else None
            if isinstance(text, str):
                chars += len(text)
            else:
                parts += 1
    for call in message.get("tool_calls") or ():
        function = call.get("function", {}) if isinstance(call, Mapping) else {}
        chars += len(str(function.get("name", ""))) + len(str(function.get("arguments", "")))
    return MESSAGE_TOKENS + math.ceil(chars / 4) + parts * PART_TOKENS


def trim(
    messages: Sequence[ChatMessageParam],
    budget: int,
    count: Callable[[ChatMessageParam], int] = approx_tokens,
) -> list[ChatMessageParam]:
    """The latest ``messages`` that fit in ``budget`` tokens, keeping the leading system (or
    developer) messages and always the last turn.

    The oldest turns go first. A turn is a message, or an assistant message with tool calls
    together with the tool results that answer it, so that no tool result is left without
    the call it answers (which providers reject). When the pinned messages and the last turn
    alone exceed the budget, they are returned anyway: trimming never empties a request.
    """
    pinned = 0
    while pinned < len(messages) and messages[pinned].get("role") in _PINNED_ROLES:
        pinned += 1
    turns = _turns(messages[pinned:])
    total = sum(map(count, messages))
    while len(turns) > 1 and total > budget:
        total -= sum(map(count, turns.pop(0)))
    return [*messages[:pinned], *(message for turn in turns for message in turn)]


def _turns(messages: Sequence[ChatMessageParam]) -> list[list[ChatMessageParam]]:
    turns: list[list[ChatMessageParam]] = []
    for message in messages:
        if message.get("role") == "tool" and turns:
            turns[-1].append(message)  # with the call it answers
        else:
            turns.append([message])
    return turns


class Conversation:
    """A chat's messages, kept client-side; ``messages`` is what to send.

    >>> chat = Conversation(system="Answer in one word.", max_tokens=4_000)
    >>> chat.add_user("Capital of France?")
    >>> reply = client.chat(model="openai/gpt-4o-mini", messages=chat.messages)
    >>> chat.add_reply(reply)  # the assistant's message, tool calls included

    ``max_tokens`` (None: no limit) trims ``messages`` to that budget by `trim`'s rules, as
    counted by ``count_tokens`` (`approx_tokens` by default); ``history`` keeps everything.
    `ZaguanClient.run_tools` appends its tool calls and results to a conversation it is given.
    """

    def __init__(
        self,
        messages: Iterable[ChatMessageParam | Any] = (),
        *,
        system: str | None = None,
        max_tokens: int | None = None,
        count_tokens: Callable[[ChatMessageParam], int] = approx_tokens,
    ) -> None:
        self.history: list[ChatMessageParam] = []
        """Every message, oldest first, as plain dicts."""
        self.max_tokens = max_tokens
        self.count_tokens = count_tokens
        if system is not None:
            self.add({"role": "system", "content": system})
        for message in messages:
            self.add(message)

    @property
    def messages(self) -> list[ChatMessageParam]:
        """The messages to send: ``history``, trimmed to ``max_tokens`` when set (a new list)."""
        if self.max_tokens is None:
            return list(self.history)
        return trim(self.history, self.max_tokens, self.count_tokens)

    def tokens(self) -> int:
        """About how many tokens ``messages`` costs, as ``count_tokens`` counts."""
        return sum(map(self.count_tokens, self.messages))

    def add(self, message: ChatMessageParam | Any) -> None:
        """Append a message: a dict (copied) or a generated model (its ``to_dict()``)."""
        to_dict = getattr(message, "to_dict", None)
        if callable(to_dict):
            message = to_dict()
        if not isinstance(message, Mapping) or not isinstance(message.get("role"), str):
            raise TypeError(f"a message is a mapping with a 'role', got {message!r}")
        self.history.append(cast(ChatMessageParam, dict(message)))

    def add_user(self, content: str | Sequence[Any]) -> None:
        """Append a user message (text, or a list of content parts)."""
        self.add({"role": "user", "content": content})

    def add_reply(self, reply: ChatCompletion | ChatCompletionMessage) -> ChatMessageParam:
        """Append the assistant's message of ``reply`` (its first choice): content and tool
        calls, as the next request must repeat them; returns it. Reasoning is not sent back
        (providers reject or ignore it)."""
        message = reply.choices[0].message if isinstance(reply, ChatCompletion) else reply
        added: ChatMessageParam = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            calls = [call.to_dict() for call in message.tool_calls]
            added["tool_calls"] = cast(list[ToolCallParam], calls)
        self.history.append(added)
        return added

    def add_tool_result(self, tool_call_id: str, content: str) -> None:
        """Append the result of the tool call ``tool_call_id``."""
        self.add({"role": "tool", "tool_call_id": tool_call_id, "content": content})

    def __len__(self) -> int:
        return len(self.history)

    def __iter__(self) -> Iterator[ChatMessageParam]:
        return iter(self.history)

    def __repr__(self) -> str:
        limit = f", max_tokens={self.max_tokens}" if self.max_tokens is not None else ""
        return f"Conversation({len(self.history)} messages{limit})"
