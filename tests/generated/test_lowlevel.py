"""The generated low-level client, called through every endpoint function, sync and async."""

from __future__ import annotations

import datetime
import email
import io
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest
import respx

from zaguan_corex_client import AuthenticatedClient, Client, models
from zaguan_corex_client.api.audio import create_speech, create_transcription, create_translation
from zaguan_corex_client.api.billing import (
    get_credits_balance,
    get_credits_stats,
    list_credits_history,
)
from zaguan_corex_client.api.capabilities import list_capabilities
from zaguan_corex_client.api.chat import create_chat_completion
from zaguan_corex_client.api.embeddings import create_embeddings
from zaguan_corex_client.api.health import get_health
from zaguan_corex_client.api.images import create_image, create_image_variation, edit_image
from zaguan_corex_client.api.messages import (
    cancel_messages_batch,
    count_message_tokens,
    create_message,
    create_messages_batch,
    get_messages_batch,
    get_messages_batch_results,
    list_messages_batches,
)
from zaguan_corex_client.api.models import list_models, retrieve_model
from zaguan_corex_client.api.moderations import create_moderation
from zaguan_corex_client.api.providers import get_provider_status
from zaguan_corex_client.api.virtual_models import get_virtual_model, list_virtual_models
from zaguan_corex_client.models import (
    CapabilitiesList,
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessage,
    CreditsBalance,
    CreditsHistory,
    CreditsStats,
    EmbeddingList,
    EmbeddingRequest,
    ErrorResponse,
    Health,
    ImageEditRequest,
    ImageGenerationRequest,
    ImageList,
    ImageUrlContentPart,
    ImageVariationRequest,
    InputAudioContentPart,
    InputMessage,
    Message,
    MessageBatch,
    MessageBatchCreateRequest,
    MessageBatchIndividualResponse,
    MessageBatchList,
    MessageBatchRequestItem,
    MessageBatchSucceededResult,
    MessageCountTokensRequest,
    MessageRequest,
    MessageTokensCount,
    Model,
    ModelList,
    Moderation,
    ModerationRequest,
    ProviderStatusList,
    SpeechRequest,
    TextContentPart,
    Transcription,
    TranscriptionRequest,
    TranslationRequest,
    UnknownContentPart,
    VirtualModel,
    VirtualModelList,
)
from zaguan_corex_client.types import File, Response

BASE = "http://corex.test"
RID = "6f1c2a9e-2b7d-4f35-9f3e-0c1f3b0b8a11"

COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1767225600,
    "model": "openai/gpt-4o-mini",
    "choices": [
        {"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "stop"}
    ],
    "usage": {
        "prompt_tokens": 3,
        "completion_tokens": 1,
        "total_tokens": 4,
        "completion_tokens_details": {"reasoning_tokens": 7},
    },
    "promptshield": {"credits_used": 1.5, "credits_remaining": 98.5},
}
MODEL = {"id": "openai/gpt-4o-mini", "object": "model", "created": 1, "owned_by": "openai"}
CAPABILITY = {"model_id": "openai/gpt-4o-mini", "provider": "openai", "supports_tools": True}
BALANCE = {
    "credits_remaining": 98.5,
    "credits_total": 100,
    "credits_used": 1.5,
    "tier": "pro",
    "bands": ["A", "B"],
    "reset_date": "2026-12-01T00:00:00Z",
}
ENTRY = {
    "id": "e1",
    "timestamp": "2026-11-20T10:15:00Z",
    "request_id": RID,
    "model": "openai/gpt-4o-mini",
    "status": "success",
}
HISTORY = {"entries": [ENTRY], "total": 1, "has_more": False, "next_cursor": None}
STATS = {
    "period": "month",
    "total_credits_used": 1.5,
    "total_requests": 1,
    "by_provider": {"openai": {"credits_used": 1.5, "requests": 1, "tokens": 4, "cost": 0.1}},
    "by_day": [{"date": "2026-11-20", "credits_used": 1.5, "requests": 1, "tokens": 4}],
}

EMBEDDINGS = {
    "object": "list",
    "data": [{"object": "embedding", "index": 0, "embedding": [0.1, -0.2]}],
    "model": "openai/text-embedding-3-small",
    "usage": {"prompt_tokens": 2, "total_tokens": 2},
}
MODERATION = {
    "id": "modr-1",
    "model": "openai/omni-moderation-latest",
    "results": [
        {"flagged": False, "categories": {"hate": False}, "category_scores": {"hate": 0.01}}
    ],
}
IMAGES = {"created": 1767225600, "data": [{"url": "https://images.example.com/1.png"}]}
MESSAGE = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "anthropic/claude-sonnet-4",
    "content": [{"type": "text", "text": "Hi"}],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 3, "output_tokens": 1},
}
BATCH = {
    "id": "msgbatch_1",
    "type": "message_batch",
    "processing_status": "in_progress",
    "request_counts": {"processing": 1, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0},
    "created_at": "2026-11-30T18:37:24Z",
    "expires_at": "2026-12-01T18:37:24Z",
}
BATCHES = {"data": [BATCH], "has_more": False, "first_id": "msgbatch_1", "last_id": "msgbatch_1"}
PROVIDERS = {"object": "list", "data": [{"provider": "openai", "status": "operational"}]}
VIRTUAL = {
    "id": "acme/fast-chat",
    "object": "virtual_model",
    "strategy": "fallback",
    "targets": [{"model": "openai/gpt-4o-mini"}],
}


def chat_body() -> ChatCompletionRequest:
    return ChatCompletionRequest(
        model="openai/gpt-4o-mini", messages=[ChatMessage(role="user", content="Hi")]
    )


def message_body() -> MessageRequest:
    return MessageRequest(
        model="anthropic/claude-sonnet-4",
        max_tokens=64,
        messages=[InputMessage(role="user", content="Hi")],
    )


def audio() -> File:
    return File(payload=io.BytesIO(b"ID3 audio"), file_name="hi.mp3", mime_type="audio/mpeg")


def png() -> File:
    return File(payload=io.BytesIO(b"\x89PNG image"), file_name="in.png", mime_type="image/png")


@dataclass(frozen=True)
class Endpoint:
    module: ModuleType
    kwargs: Callable[[], dict[str, Any]]
    method: str
    path: str  # as sent, percent-encoded
    body: Any
    parsed_type: type

    @property
    def name(self) -> str:
        return self.module.__name__.rsplit(".", 1)[1]


ENDPOINTS = [
    Endpoint(create_chat_completion, lambda: {"body": chat_body()}, "POST",
             "/v1/chat/completions", COMPLETION, ChatCompletion),
    Endpoint(list_models, dict, "GET", "/v1/models", {"object": "list", "data": [MODEL]},
             ModelList),
    Endpoint(retrieve_model, lambda: {"model_id": "openai/gpt-4o-mini"}, "GET",
             "/v1/models/openai%2Fgpt-4o-mini", MODEL, Model),
    Endpoint(list_capabilities, dict, "GET", "/v1/capabilities", {"data": [CAPABILITY]},
             CapabilitiesList),
    Endpoint(get_credits_balance, dict, "GET", "/v1/credits/balance", BALANCE, CreditsBalance),
    Endpoint(list_credits_history, lambda: {"limit": 5, "start_date": datetime.date(2026, 11, 1)},
             "GET", "/v1/credits/history", HISTORY, CreditsHistory),
    Endpoint(get_credits_stats, lambda: {"period": "week"}, "GET", "/v1/credits/stats", STATS,
             CreditsStats),
    Endpoint(get_health, dict, "GET", "/health", {"status": "ok", "version": "1.0"}, Health),
    Endpoint(create_embeddings,
             lambda: {"body": EmbeddingRequest(model="openai/text-embedding-3-small", input_="Hi")},
             "POST", "/v1/embeddings", EMBEDDINGS, EmbeddingList),
    Endpoint(create_moderation, lambda: {"body": ModerationRequest(input_="Hi")}, "POST",
             "/v1/moderations", MODERATION, Moderation),
    Endpoint(create_transcription,
             lambda: {"body": TranscriptionRequest(file=audio(), model="openai/whisper-1",
                                                   language="es", temperature=0.2)},
             "POST", "/v1/audio/transcriptions", {"text": "Hi"}, Transcription),
    Endpoint(create_translation,
             lambda: {"body": TranslationRequest(file=audio(), model="openai/whisper-1")},
             "POST", "/v1/audio/translations", {"text": "Hi"}, Transcription),
    Endpoint(create_image, lambda: {"body": ImageGenerationRequest(prompt="a fox")}, "POST",
             "/v1/images/generations", IMAGES, ImageList),
    Endpoint(edit_image, lambda: {"body": ImageEditRequest(image=png(), prompt="a hat", n=2)},
             "POST", "/v1/images/edits", IMAGES, ImageList),
    Endpoint(create_image_variation, lambda: {"body": ImageVariationRequest(image=png())},
             "POST", "/v1/images/variations", IMAGES, ImageList),
    Endpoint(create_message, lambda: {"body": message_body()}, "POST", "/v1/messages", MESSAGE,
             Message),
    Endpoint(count_message_tokens,
             lambda: {"body": MessageCountTokensRequest(
                 model="anthropic/claude-sonnet-4", messages=message_body().messages)},
             "POST", "/v1/messages/count_tokens", {"input_tokens": 3}, MessageTokensCount),
    Endpoint(create_messages_batch,
             lambda: {"body": MessageBatchCreateRequest(
                 requests=[MessageBatchRequestItem(custom_id="r1", params=message_body())])},
             "POST", "/v1/messages/batches", BATCH, MessageBatch),
    Endpoint(list_messages_batches, lambda: {"limit": 2, "after_id": "msgbatch_0"}, "GET",
             "/v1/messages/batches",
             BATCHES, MessageBatchList),
    Endpoint(get_messages_batch, lambda: {"batch_id": "msgbatch_1"}, "GET",
             "/v1/messages/batches/msgbatch_1", BATCH, MessageBatch),
    Endpoint(cancel_messages_batch, lambda: {"batch_id": "msgbatch_1"}, "POST",
             "/v1/messages/batches/msgbatch_1/cancel", BATCH, MessageBatch),
    Endpoint(get_provider_status, dict, "GET", "/v1/providers/status", PROVIDERS,
             ProviderStatusList),
    Endpoint(list_virtual_models, dict, "GET", "/v1/virtual-models",
             {"object": "list", "data": [VIRTUAL]}, VirtualModelList),
    Endpoint(get_virtual_model, lambda: {"model_id": "acme/fast-chat"}, "GET",
             "/v1/virtual-models/acme%2Ffast-chat", VIRTUAL, VirtualModel),
]  # fmt: skip
# Not JSON on success, tested on their own below; their errors are JSON like everyone's.
NOT_JSON = [
    Endpoint(create_speech,
             lambda: {"body": SpeechRequest(model="openai/tts-1", input_="Hi", voice="alloy")},
             "POST", "/v1/audio/speech", None, File),
    Endpoint(get_messages_batch_results, lambda: {"batch_id": "msgbatch_1"}, "GET",
             "/v1/messages/batches/msgbatch_1/results", None, str),
]  # fmt: skip
AUTHENTICATED = [e for e in ENDPOINTS + NOT_JSON if e.module is not get_health]


async def call(endpoint: Endpoint, mode: str, **extra: Any) -> Response[Any]:
    client: Client | AuthenticatedClient = (
        Client(base_url=BASE)
        if endpoint.module is get_health
        else AuthenticatedClient(base_url=BASE, token="sk-test")
    )
    kwargs = {**endpoint.kwargs(), **extra}
    if mode == "sync":
        with client:
            return endpoint.module.sync_detailed(client=client, **kwargs)  # type: ignore[no-any-return]
    async with client:
        return await endpoint.module.asyncio_detailed(client=client, **kwargs)  # type: ignore[no-any-return]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
@respx.mock(using="httpcore2", base_url=BASE, assert_all_called=True)
async def test_endpoint_parses_its_response(
    respx_mock: respx.MockRouter, mode: str, endpoint: Endpoint
) -> None:
    extra = {"unknown_future_field": {"nested": [1, 2]}}
    route = respx_mock.route(method=endpoint.method).respond(
        200, json={**endpoint.body, **extra}, headers={"X-Request-Id": RID}
    )
    response = await call(endpoint, mode, x_request_id=RID)

    assert response.status_code == 200
    assert isinstance(response.parsed, endpoint.parsed_type)
    assert response.parsed.additional_properties == extra
    sent = route.calls.last.request
    assert sent.url.raw_path.split(b"?")[0] == endpoint.path.encode()
    assert sent.headers["X-Request-Id"] == RID
    if endpoint.module is get_health:
        assert "Authorization" not in sent.headers
    else:
        assert sent.headers["Authorization"] == "Bearer sk-test"


@pytest.mark.parametrize("endpoint", AUTHENTICATED, ids=lambda e: e.name)
@respx.mock(using="httpcore2", base_url=BASE)
async def test_endpoint_parses_error_bodies(
    respx_mock: respx.MockRouter, mode: str, endpoint: Endpoint
) -> None:
    error = {
        "error": {
            "message": "slow down",
            "type": "rate_limit_exceeded",
            "code": None,
            "param": None,
            "retry_after": 2,
            "future_extra": "kept",
        }
    }
    respx_mock.route(method=endpoint.method).respond(429, json=error, headers={"Retry-After": "2"})
    response = await call(endpoint, mode)

    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.error.type_ == "rate_limit_exceeded"
    assert response.parsed.error.retry_after == 2
    assert response.parsed.error.additional_properties == {"future_extra": "kept"}
    assert response.headers["Retry-After"] == "2"


MULTIPART = [
    e for e in ENDPOINTS if e.path.startswith(("/v1/audio/", "/v1/images/e", "/v1/images/v"))
]


@pytest.mark.parametrize("endpoint", MULTIPART, ids=lambda e: e.name)
@respx.mock(using="httpcore2", base_url=BASE)
async def test_uploads_are_multipart_with_the_file_and_the_fields(
    respx_mock: respx.MockRouter, mode: str, endpoint: Endpoint
) -> None:
    route = respx_mock.route(method="POST").respond(200, json=endpoint.body)
    await call(endpoint, mode)
    sent = route.calls.last.request
    ctype = sent.headers["Content-Type"]
    assert ctype.startswith("multipart/form-data; boundary=")
    parts = email.message_from_bytes(
        b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + sent.content
    ).get_payload()
    assert isinstance(parts, list)
    by_name = {part.get_param("name", header="content-disposition"): part for part in parts}
    upload = by_name.pop("file" if "audio" in endpoint.path else "image")
    assert (upload.get_filename(), upload.get_content_type()) in {
        ("hi.mp3", "audio/mpeg"), ("in.png", "image/png"),
    }  # fmt: skip
    assert upload.get_payload(decode=True) in {b"ID3 audio", b"\x89PNG image"}
    fields = {name: part.get_payload() for name, part in by_name.items()}
    body = endpoint.kwargs()["body"].to_dict()
    assert fields == {k: str(v) for k, v in body.items() if not isinstance(v, File)}


@respx.mock(using="httpcore2", base_url=BASE)
async def test_speech_returns_the_audio_bytes(respx_mock: respx.MockRouter, mode: str) -> None:
    audio_bytes = b"ID3\x04\x00 not really an mp3"
    route = respx_mock.post("/v1/audio/speech").respond(
        200, content=audio_bytes, headers={"Content-Type": "audio/mpeg", "X-Request-Id": RID}
    )
    response = await call(NOT_JSON[0], mode, x_request_id=RID)
    assert isinstance(response.parsed, File)
    assert response.parsed.payload.read() == audio_bytes
    assert json.loads(route.calls.last.request.content) == {
        "model": "openai/tts-1", "input": "Hi", "voice": "alloy",
    }  # fmt: skip


@respx.mock(using="httpcore2", base_url=BASE)
async def test_batch_results_return_the_json_lines_as_text(
    respx_mock: respx.MockRouter, mode: str
) -> None:
    lines = [
        {"custom_id": "r1", "result": {"type": "succeeded", "message": MESSAGE}},
        {"custom_id": "r2", "result": {"type": "expired"}},
    ]
    text = "".join(json.dumps(line) + "\n" for line in lines)
    respx_mock.get("/v1/messages/batches/msgbatch_1/results").respond(
        200, text=text, headers={"Content-Type": "application/x-jsonl"}
    )
    response = await call(NOT_JSON[1], mode)
    assert response.parsed == text  # the generator does not split the lines: the caller does
    results = [MessageBatchIndividualResponse.from_dict(json.loads(x)) for x in text.splitlines()]
    assert isinstance(results[0].result, MessageBatchSucceededResult)
    assert results[0].result.message.content[0].to_dict() == {"type": "text", "text": "Hi"}
    assert [r.to_dict() for r in results] == lines


@respx.mock(using="httpcore2", base_url=BASE)
def test_history_query_parameters_reach_the_server(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.get("/v1/credits/history").respond(200, json=HISTORY)
    client = AuthenticatedClient(base_url=BASE, token="sk-test")
    list_credits_history.sync_detailed(
        client=client, limit=3, cursor="c1", start_date=datetime.date(2026, 11, 1),
        model="openai/gpt-4o-mini", status="rate_limited",
    )  # fmt: skip
    params = dict(route.calls.last.request.url.params)
    assert params == {
        "limit": "3",
        "cursor": "c1",
        "start_date": "2026-11-01",
        "model": "openai/gpt-4o-mini",
        "status": "rate_limited",
    }


@respx.mock(using="httpcore2", base_url=BASE)
def test_only_fields_the_caller_set_go_on_the_wire(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post("/v1/chat/completions").respond(200, json=COMPLETION)
    client = AuthenticatedClient(base_url=BASE, token="sk-test")
    create_chat_completion.sync_detailed(client=client, body=chat_body())
    sent = json.loads(route.calls.last.request.content)
    assert sent == {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}


PARTS = [
    {"type": "text", "text": "What is in this picture?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO", "detail": "low"}},
    {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
]


@pytest.mark.parametrize(
    "message",
    [
        {"role": "user", "content": "plain string"},
        {"role": "user", "content": PARTS},
        {"role": "system", "content": "be terse", "name": "rules"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Quito"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": '{"temp_c": 14}'},
    ],
    ids=["string", "parts", "named-system", "assistant-tool-calls", "tool-result"],
)
def test_messages_round_trip_unchanged(message: dict[str, Any]) -> None:
    assert ChatMessage.from_dict(message).to_dict() == message


def test_content_parts_parse_into_their_variants() -> None:
    content = ChatMessage.from_dict({"role": "user", "content": PARTS}).content
    assert isinstance(content, list)
    assert [type(p) for p in content] == [
        TextContentPart, ImageUrlContentPart, InputAudioContentPart,
    ]  # fmt: skip


def test_unknown_content_part_type_is_kept_whole() -> None:
    part = {"type": "input_video", "input_video": {"url": "https://x/v.mp4"}, "fps": 2}
    message = ChatMessage.from_dict({"role": "user", "content": [PARTS[0], part]})
    assert isinstance(message.content, list)
    unknown = message.content[1]
    assert isinstance(unknown, UnknownContentPart)
    assert unknown.type_ == "input_video"
    assert message.to_dict()["content"][1] == part


def test_unknown_server_values_parse_and_are_kept() -> None:
    body = json.loads(json.dumps(COMPLETION))
    body["choices"][0]["finish_reason"] = "guardrail_intervened"
    body["choices"][0]["message"]["role"] = "critic"
    body["choices"][0]["message"]["annotations"] = [{"type": "url_citation"}]
    completion = ChatCompletion.from_dict(body)
    choice = completion.choices[0]
    assert choice.finish_reason == "guardrail_intervened"
    assert choice.message.role == "critic"
    assert choice.message.additional_properties == {"annotations": [{"type": "url_citation"}]}
    assert completion.to_dict() == body

    entry = CreditsHistory.from_dict({**HISTORY, "entries": [{**ENTRY, "status": "refunded"}]})
    assert entry.entries[0].status == "refunded"


def test_reasoning_tokens_and_promptshield_parse() -> None:
    completion = ChatCompletion.from_dict(COMPLETION)
    assert completion.usage
    assert completion.usage.completion_tokens_details
    assert completion.usage.completion_tokens_details.reasoning_tokens == 7
    assert completion.promptshield
    assert completion.promptshield.credits_remaining == 98.5


def test_models_package_loads_each_model_on_first_use() -> None:
    code = (
        "import sys, zaguan_corex_client.models as m\n"
        "assert 'zaguan_corex_client.models.chat_completion' not in sys.modules\n"
        "m.ChatCompletion\n"
        "assert 'zaguan_corex_client.models.chat_completion' in sys.modules\n"
        "assert 'zaguan_corex_client.models.credits_stats' not in sys.modules\n"
        "values = [getattr(m, n) for n in m.__all__]  # classes, and Literal aliases\n"
        "assert all(v.__name__ == n for n, v in zip(m.__all__, values) if isinstance(v, type))\n"
        "assert dir(m) == sorted(m.__all__)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_models_package_rejects_unknown_names() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018
