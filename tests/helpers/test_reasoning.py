"""`split_reasoning`, `reasoning_of` and `reasoning_tokens`, on strings and on the local CoreX's
reasoning models (DeepSeek R1: ``<think>`` and a count; Perplexity: ``<think>``, no count;
o3-mini: hidden reasoning, a count; gpt-4o-mini: none), both clients."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api
from zaguan import Reasoned, reasoning_of, reasoning_tokens, split_reasoning
from zaguan_corex_client.models import ChatCompletionMessage, Usage

REASONING = "The user wrote 2 words, so I echo them."


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<think>\nWhy.\n</think>\n\nHello!", Reasoned("Why.", "Hello!")),
        ("  <think>a\nb</think>answer", Reasoned("a\nb", "answer")),
        ("<think>cut at the limit", Reasoned("cut at the limit", "")),  # never closed
        ("Hello <think>quoted</think>", Reasoned(None, "Hello <think>quoted</think>")),
        ("<think></think>x", Reasoned("", "x")),
        ("plain", Reasoned(None, "plain")),
        (None, Reasoned(None, "")),
        # Nested blocks: the block ends at the tag that closes the first one.
        ("<think>a <think>b</think> c</think>answer", Reasoned("a <think>b</think> c", "answer")),
        ("<think><think>x</think></think>\n\nanswer", Reasoned("<think>x</think>", "answer")),
        ("<think>a <think>b</think> cut", Reasoned("a <think>b</think> cut", "")),  # unclosed
        # Stray closing tags right after the block belong to it; later ones are text.
        ("<think>a</think></think> answer", Reasoned("a", "answer")),
        ("<think>a</think>answer </think>", Reasoned("a", "answer </think>")),
        ("</think>answer", Reasoned(None, "</think>answer")),  # no block: all text
    ],
)
def test_split_reasoning(content: str | None, expected: Reasoned) -> None:
    assert split_reasoning(content) == expected


def test_reasoning_content_wins_over_the_content() -> None:
    message = ChatCompletionMessage(role="assistant", content="Hi", reasoning_content="Why.")
    assert reasoning_of(message) == Reasoned("Why.", "Hi")


@pytest.mark.parametrize(
    "usage",
    [
        None,
        Usage(prompt_tokens=1, completion_tokens=1, total_tokens=2),
        Usage.from_dict(
            {
                "prompt_tokens": 1,
                "completion_tokens": 1,
                "total_tokens": 2,
                "completion_tokens_details": {},
            }
        ),
    ],
)
def test_unreported_reasoning_tokens_read_as_zero(usage: Usage | None) -> None:
    assert reasoning_tokens(usage) == 0


@pytest.mark.parametrize(
    ("model", "reasoning", "tokens"),
    [
        ("deepseek/deepseek-reasoner", REASONING, 9),
        ("perplexity/sonar-reasoning", REASONING, 0),  # Perplexity never counts it
        ("openai/o3-mini", None, 9),  # hidden: counted, never shown
        ("openai/gpt-4o-mini", None, 0),
    ],
)
async def test_every_provider_reads_alike(
    api: Api, model: str, reasoning: str | None, tokens: int
) -> None:
    reply = await api("chat", model=model, messages=[{"role": "user", "content": "hello there"}])
    message = reply.choices[0].message
    assert reasoning_of(message) == Reasoned(reasoning, "Echo: hello there")
    assert reasoning_tokens(reply.usage) == tokens
