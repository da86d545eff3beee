"""Never executed: `mypy --strict` checks that the facade's public API types as documented."""

from __future__ import annotations

import datetime

import httpx2

from zaguan import (
    APIStatusError,
    AsyncStream,
    AsyncZaguanClient,
    InsufficientCreditsError,
    RawResponse,
    Stream,
    ZaguanClient,
    ZaguanError,
)
from zaguan_corex_client import AuthenticatedClient
from zaguan_corex_client.api.models import list_models
from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatMessage,
    ChatMessageParam,
    CreditsBalance,
    CreditsHistory,
    CreditsHistoryEntry,
    CreditsStats,
    ErrorResponse,
    Health,
    Model,
    ModelCapabilities,
    ModelList,
)
from zaguan_corex_client.types import Response

MESSAGES: list[ChatMessageParam] = [{"role": "user", "content": "Hi"}]


def sync_usage() -> str:
    with ZaguanClient(
        api_key="sk-...",
        base_url="http://localhost:8080",
        timeout=httpx2.Timeout(30.0, connect=5.0),
        max_retries=3,
        default_headers={"X-Team": "search"},
        http_client=httpx2.Client(),
    ) as client:
        reply: ChatCompletion = client.chat(
            model="openai/gpt-4o-mini", messages=MESSAGES, temperature=0.2,
            request_id="rid-1", timeout=10.0, max_retries=0,
            extra_headers={"X-Trace": "1"}, extra_query={"debug": "1"}, extra_body={"seed": 1},
        )  # fmt: skip
        request = ChatCompletionRequest(
            model="openai/gpt-4o-mini", messages=[ChatMessage(role="user", content="Hi")]
        )
        again: ChatCompletion = client.chat(request)
        stream: Stream = client.chat_stream(model="openai/gpt-4o-mini", messages=MESSAGES)
        for chunk in stream:
            chunk_typed: ChatCompletionChunk = chunk
            print(chunk_typed.choices)
        final: ChatCompletion = stream.get_final_completion()
        stream.close()
        with client.chat_stream(request) as entered:
            first: ChatCompletionChunk = next(entered)
            print(first.id, entered.request_id, entered.response.status_code)
        models: list[Model] = client.list_models()
        model: Model = client.get_model("openai/gpt-4o-mini", request_id="rid-2")
        capabilities: list[ModelCapabilities] = client.get_capabilities()
        balance: CreditsBalance = client.get_credits_balance(timeout=5)
        page: CreditsHistory = client.get_credits_history(
            limit=10, start_date=datetime.date(2026, 1, 1), end_date="2026-01-31",
            model="openai/gpt-4o-mini", provider="openai", band="standard", status="success",
        )  # fmt: skip
        entries: list[CreditsHistoryEntry] = list(client.iter_credits_history(limit=100))
        stats: CreditsStats = client.get_credits_stats(period="week")
        health: Health = client.health()
        raw_chat: RawResponse[ChatCompletion] = client.with_raw_response.chat(
            model="openai/gpt-4o-mini", messages=MESSAGES
        )
        raw_model: RawResponse[Model] = client.with_raw_response.get_model("openai/gpt-4o-mini")
        raw_stream: RawResponse[Stream] = client.with_raw_response.chat_stream(request)
        status: int = raw_chat.status_code
        headers: httpx2.Headers = raw_model.headers
        rid: str = raw_stream.request_id
        elapsed: datetime.timedelta = raw_chat.elapsed
        lowlevel: AuthenticatedClient = client.lowlevel
        detailed: Response[ErrorResponse | ModelList] = list_models.sync_detailed(client=lowlevel)
        print(again, final, models, model, capabilities, balance, page, entries, stats, health)
        print(status, headers, rid, elapsed, detailed.status_code)
        content = reply.choices[0].message.content
        return content if isinstance(content, str) else ""


async def async_usage() -> str | None:
    async with AsyncZaguanClient(http_client=httpx2.AsyncClient()) as client:
        reply: ChatCompletion = await client.chat(model="openai/gpt-4o-mini", messages=MESSAGES)
        stream: AsyncStream = client.chat_stream(model="openai/gpt-4o-mini", messages=MESSAGES)
        async for chunk in stream:
            chunk_typed: ChatCompletionChunk = chunk
            print(chunk_typed.choices)
        final: ChatCompletion = await stream.get_final_completion()
        await stream.close()
        started: AsyncStream = await client.chat_stream(
            model="openai/gpt-4o-mini", messages=MESSAGES
        )
        print(started.response.headers)
        async with client.chat_stream(model="openai/gpt-4o-mini", messages=MESSAGES) as entered:
            async for chunk in entered:
                print(chunk.id)
        models: list[Model] = await client.list_models(request_id="rid")
        async for entry in client.iter_credits_history(model="openai/gpt-4o-mini"):
            entry_typed: CreditsHistoryEntry = entry
            print(entry_typed.id)
        raw_chat: RawResponse[ChatCompletion] = await client.with_raw_response.chat(
            model="openai/gpt-4o-mini", messages=MESSAGES
        )
        raw_stream: RawResponse[AsyncStream] = await client.with_raw_response.chat_stream(
            model="openai/gpt-4o-mini", messages=MESSAGES
        )
        raw_health: RawResponse[Health] = await client.with_raw_response.health()
        detailed: Response[ErrorResponse | ModelList] = await list_models.asyncio_detailed(
            client=client.lowlevel
        )
        print(final, models, raw_chat.parsed, raw_stream.parsed, raw_health.parsed, detailed)
        await client.aclose()
        return reply.id


def errors(client: ZaguanClient) -> int | None:
    try:
        client.chat(model="openai/gpt-4o-mini", messages=MESSAGES)
    except InsufficientCreditsError as exc:
        required: float | int | None = exc.credits_required
        print(required, exc.reset_date)
    except APIStatusError as exc:
        code: int = exc.status_code
        response: httpx2.Response = exc.response
        print(response.status_code, exc.type, exc.code, exc.param, exc.body)
        return code
    except ZaguanError as exc:
        print(exc)
    return None
