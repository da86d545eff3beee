"""Never executed: `mypy --strict` checks that `zaguan.types` re-exports the generated classes."""

from __future__ import annotations

from zaguan import ZaguanClient
from zaguan.types import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessage,
    CompletionTokensDetails,
    CreditsHistoryEntry,
    Usage,
)
from zaguan_corex_client import models


def chat(client: ZaguanClient) -> ChatCompletion:
    return client.chat(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])


def the_same_classes(reply: models.ChatCompletion, chunk: models.ChatCompletionChunk) -> None:
    completion: ChatCompletion = reply
    streamed: ChatCompletionChunk = chunk
    message: ChatCompletionMessage = completion.choices[0].message
    generated: models.ChatCompletionMessage = message
    print(streamed, generated)


def usage_parts(usage: Usage, details: CompletionTokensDetails) -> int:
    return usage.total_tokens + (details.reasoning_tokens or 0)


def entries(client: ZaguanClient) -> list[CreditsHistoryEntry]:
    return list(client.iter_credits_history(model="openai/gpt-4o-mini"))
