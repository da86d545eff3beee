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
    """The latest ``messages`` that fit in ``budget`` tokens, keeping every system (or
    developer) message and always the last exchange.

    The oldest exchanges go first, whole: an exchange is a user message with the assistant
    and tool messages that answer it (messages before the first user message are one of
    their own), so that what is sent never starts with an answer whose question was dropped,
    nor holds a tool result without the call it answers (which providers reject). When the
    kept messages and the last exchange alone exceed the budget, they are returned anyway:
    trimming never empties a request. Order is kept.
    """
    costs = [_count(count, message) for message in messages]
    exchanges = _exchanges(messages)
    total = sum(costs)
    dropped: set[int] = set()
    for exchange in exchanges[:-1]:  # the oldest first; never the last
        if total <= budget:
            break
        total -= sum(costs[i] for i in exchange)
        dropped.update(exchange)
    return [message for i, message in enumerate(messages) if i not in dropped]


def _exchanges(messages: Sequence[ChatMessageParam]) -> list[list[int]]:
    """The indexes of each exchange of ``messages``, oldest first (pinned ones in none)."""
    exchanges: list[list[int]] = []
    for i, message in enumerate(messages):
        role = message.get("role")
        if role in _PINNED_ROLES:
            continue
        if role == "user" or not exchanges:
            exchanges.append([i])
        else:  # an answer: the assistant's, a tool's result
            exchanges[-1].append(i)
    return exchanges


def _count(count: Callable[[ChatMessageParam], object], message: ChatMessageParam) -> float:
    """``count(message)``, checked: a count that is not one (NaN, negative) would silently
    keep every message, or drop them all."""
    tokens = count(message)
    if isinstance(tokens, bool) or not isinstance(tokens, int | float):
        raise TypeError(f"count_tokens returned {tokens!r}, not a number of tokens")
    if not 0 <= tokens < math.inf:
        raise ValueError(f"count_tokens returned {tokens!r}, not a number of tokens >= 0")
    return tokens


def check_budget(value: object) -> int | None:
    """A token budget: an integer >= 1, or None (no limit)."""
    if value is None:
        return None
    message = f"max_tokens must be an integer >= 1 or None, got {value!r}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(message)
    if value < 1:
        raise ValueError(message)
    return value


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
        if not callable(count_tokens):
            raise TypeError(f"count_tokens must be callable, got {count_tokens!r}")
        self.count_tokens = count_tokens
        if isinstance(messages, str | bytes | Mapping) or not isinstance(messages, Iterable):
            raise TypeError(f"messages must be an iterable of messages, got {messages!r}")
        if system is not None:
            self.add({"role": "system", "content": system})
        for message in messages:
            self.add(message)

    @property
    def max_tokens(self) -> int | None:
        """The token budget of ``messages`` (None: no limit); an integer >= 1, checked when
        set (`TypeError` for another type, `ValueError` below 1)."""
        return self._max_tokens

    @max_tokens.setter
    def max_tokens(self, value: int | None) -> None:
        self._max_tokens = check_budget(value)

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
        (providers reject or ignore it).

        A completion without choices raises `ValueError` and appends nothing: skipping it
        silently would send the next question right after the last one, as if answered."""
        if isinstance(reply, ChatCompletion):
            if not reply.choices:
                raise ValueError(
                    f"the completion has no choices: no reply to add (request id "
                    f"{reply._request_id}); ask again, or add a message of your own"
                )
            message = reply.choices[0].message
        elif isinstance(reply, ChatCompletionMessage):
            message = reply
        else:
            raise TypeError(
                f"add_reply takes a ChatCompletion or a ChatCompletionMessage, got {reply!r} "
                "(append a message dict with add())"
            )
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
