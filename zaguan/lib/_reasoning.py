"""Reasoning, however a provider reports it.

DeepSeek R1 and Perplexity's reasoning models put their reasoning in the content, as a
leading ``<think>...</think>`` block; others send it apart (``reasoning_content``) or hide
it and only count it (``usage.completion_tokens_details.reasoning_tokens``), and some
(Perplexity) never count it. These helpers give one reading of all of them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from zaguan_corex_client.models import ChatCompletionMessage, Usage

_THINK = re.compile(r"\s*<think>(.*?)(?:</think>|\Z)\s*", re.DOTALL)


class Reasoned(NamedTuple):
    """An answer split in two: ``reasoning`` (None when there was none) and ``answer``."""

    reasoning: str | None
    answer: str


def split_reasoning(content: str | None) -> Reasoned:
    """Split a leading ``<think>...</think>`` block off ``content``.

    >>> split_reasoning("<think>\\nThe user said hi.\\n</think>\\n\\nHello!")
    Reasoned(reasoning='The user said hi.', answer='Hello!')

    Only a block at the start counts (a ``<think>`` quoted later in an answer is text); a
    block never closed (the answer was cut at the token limit) is all reasoning, with an
    empty answer. Whitespace around the reasoning and before the answer is dropped.
    """
    text = content or ""
    match = _THINK.match(text)
    if match is None:
        return Reasoned(None, text)
    return Reasoned(match.group(1).strip(), text[match.end() :])


def reasoning_of(message: ChatCompletionMessage) -> Reasoned:
    """The reasoning and the answer of ``message``: ``reasoning_content`` when the provider
    sent it apart, else a leading ``<think>`` block of the content (`split_reasoning`).

    >>> reasoning, answer = reasoning_of(reply.choices[0].message)
    """
    split = split_reasoning(message.content)
    if message.reasoning_content:
        return Reasoned(message.reasoning_content, split.answer)
    return split


def reasoning_tokens(usage: Usage | None) -> int:
    """The reasoning tokens ``usage`` reports, ``0`` when the provider reports none (no
    usage, no ``completion_tokens_details``, or no count in it, as Perplexity's).

    >>> reasoning_tokens(reply.usage)
    9
    """
    details = usage.completion_tokens_details if usage is not None else None
    count = details.reasoning_tokens if details is not None else None
    return count if isinstance(count, int) and not isinstance(count, bool) else 0
