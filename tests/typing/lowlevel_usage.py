"""Never executed: `mypy --strict` (make lint) checks that typed low-level calls type-check."""

from __future__ import annotations

from zaguan_corex_client import AuthenticatedClient
from zaguan_corex_client.api.chat import create_chat_completion
from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessage,
    ErrorResponse,
    StreamOptions,
    TextContentPart,
)
from zaguan_corex_client.types import Response


def ask(client: AuthenticatedClient) -> str | None:
    body = ChatCompletionRequest(
        model="openai/gpt-4o-mini",
        messages=[
            ChatMessage(role="system", content="Be terse."),
            ChatMessage(role="user", content=[TextContentPart(type_="text", text="Hi")]),
        ],
        temperature=0.2,
        reasoning_effort="low",
        stream_options=StreamOptions(include_usage=True),
    )
    response: Response[ChatCompletion | ErrorResponse] = create_chat_completion.sync_detailed(
        client=client, body=body, x_request_id="rid-1"
    )
    parsed = response.parsed
    if isinstance(parsed, ChatCompletion):
        content = parsed.choices[0].message.content
        return content if isinstance(content, str) else None
    return None
