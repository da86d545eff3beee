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

_TAG = re.compile(r"<(/?)think>")
_LEADING = re.compile(r"\s*<think>")
_STRAY = re.compile(r"(?:\s*</think>)*\s*")


class Reasoned(NamedTuple):
    """An answer split in two: ``reasoning`` (None when there was none) and ``answer``."""

    reasoning: str | None
    answer: str


def split_reasoning(content: str | None) -> Reasoned:
    """Split a leading ``<think>...</think>`` block off ``content``.

    >>> split_reasoning("<think>\\nThe user said hi.\\n</think>\\n\\nHello!")
    Reasoned(reasoning='The user said hi.', answer='Hello!')

    Only a block at the start counts (a ``<think>`` quoted later in an answer is text). Tags
    nest: the block ends at the ``</think>`` that closes its first ``<think>``, inner pairs
    being part of the reasoning; ``</think>`` tags right after the block (whitespace
    between) are strays of it and dropped, later ones are text. A block never closed (the
    answer was cut at the token limit) is all reasoning, with an empty answer. Whitespace
    around the reasoning and before the answer is dropped.
    """
    text = content or ""
    start = _LEADING.match(text)
    if start is None:
        return Reasoned(None, text)
    depth = 1
    for tag in _TAG.finditer(text, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            strays = _STRAY.match(text, tag.end())  # matches always, if only ""
            end = strays.end() if strays is not None else tag.end()
            return Reasoned(text[start.end() : tag.start()].strip(), text[end:])
    return Reasoned(text[start.end() :].strip(), "")


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
