"""The Anthropic side of the local CoreX through a client nobody here wrote: the official
`anthropic` package, sending the CoreX key as a Bearer token (``auth_token=``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import anthropic
import pytest

from zaguan.testing import FAULT_HEADER, LocalCoreX

MODEL = "anthropic/claude-3-5-haiku"
HELLO: list[Any] = [{"role": "user", "content": "hello world"}]
WEATHER: list[Any] = [
    {
        "name": "get_weather",
        "description": "The weather of a city.",
        "input_schema": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city"],
        },
    }
]
THINKING: Any = {"type": "enabled", "budget_tokens": 1024}


@pytest.fixture
def client(corex_server: LocalCoreX) -> Iterator[anthropic.Anthropic]:
    with anthropic.Anthropic(
        api_key=None, auth_token=corex_server.api_key, base_url=corex_server.base_url, max_retries=0
    ) as client:
        yield client


def test_create(client: anthropic.Anthropic, corex_server: LocalCoreX) -> None:
    message = client.messages.create(model=MODEL, max_tokens=100, messages=HELLO)
    assert message.role == "assistant"
    assert [block.type for block in message.content] == ["text"]
    assert message.content[0].text == "Echo: hello world"  # type: ignore[union-attr]
    assert message.stop_reason == "end_turn"
    assert (message.usage.input_tokens, message.usage.output_tokens) == (2, 3)
    assert corex_server.ledger.balance == 10_000 - 1


def test_thinking_and_tool_use(client: anthropic.Anthropic) -> None:
    message = client.messages.create(
        model=MODEL,
        max_tokens=2048,
        thinking=THINKING,
        tools=WEATHER,
        tool_choice={"type": "tool", "name": "get_weather"},
        messages=HELLO,
    )
    thinking, tool_use = message.content
    assert thinking.type == "thinking"
    assert thinking.thinking == "The user wrote 2 words, so I echo them."
    assert thinking.signature
    assert tool_use.type == "tool_use"
    assert (tool_use.name, tool_use.input) == ("get_weather", {"city": "example", "days": 1})
    assert tool_use.id.startswith("toolu_")
    assert message.stop_reason == "tool_use"


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"thinking": THINKING},
        {"tools": WEATHER, "messages": [{"role": "user", "content": "get_weather please"}]},
        {"thinking": THINKING, "tools": WEATHER, "tool_choice": {"type": "any"}},
        {"max_tokens": 2},
    ],
    ids=["text", "thinking", "tool_use", "thinking+tool_use", "max_tokens"],
)
def test_stream_rebuilds_the_same_message(client: anthropic.Anthropic, extra: Any) -> None:
    params: Any = {"model": MODEL, "max_tokens": 2048, "messages": HELLO} | extra
    headers = {"X-Request-Id": "rid-same"}  # one request id: the same message, charged once
    with client.messages.stream(**params, extra_headers=headers) as stream:
        events = [event.type for event in stream]
        final = stream.get_final_message()
    message = client.messages.create(**params, extra_headers=headers)
    # (the SDK's stream accumulator adds `stop_details: None`, which no event carried)
    assert final.to_dict(exclude_none=True) == message.to_dict(exclude_none=True)
    assert events[0] == "message_start"
    assert events[-1] == "message_stop"


def test_text_stream(client: anthropic.Anthropic) -> None:
    with client.messages.stream(model=MODEL, max_tokens=50, messages=HELLO) as stream:
        assert list(stream.text_stream) == ["Echo: ", "hello ", "world"]


def test_count_tokens_is_the_input_usage(client: anthropic.Anthropic) -> None:
    params: Any = {"model": MODEL, "messages": HELLO, "system": "Be brief.", "tools": WEATHER}
    counted = client.messages.count_tokens(**params)
    message = client.messages.create(max_tokens=100, **params)
    assert counted.input_tokens == message.usage.input_tokens > 0


def _request(custom_id: str, **params: Any) -> Any:
    body = {"model": "openai/gpt-4o-mini", "max_tokens": 50, "messages": HELLO} | params
    return {"custom_id": custom_id, "params": body}


def test_batches(client: anthropic.Anthropic) -> None:
    batch = client.messages.batches.create(
        requests=[_request("ok"), _request("bad", model="openai/gpt-9"), _request("x")]
    )
    assert batch.processing_status == "in_progress"
    assert batch.request_counts.processing == 3
    ended = client.messages.batches.retrieve(batch.id)
    assert ended.processing_status == "ended"
    assert (ended.request_counts.succeeded, ended.request_counts.errored) == (2, 1)
    assert ended.results_url
    results = {r.custom_id: r.result for r in client.messages.batches.results(batch.id)}
    assert results["ok"].type == "succeeded"
    assert results["ok"].message.content[0].text == "Echo: hello world"  # type: ignore[union-attr]
    assert results["bad"].type == "errored"
    assert results["bad"].error.error.type == "not_found_error"


def test_batches_list_and_cancel(client: anthropic.Anthropic) -> None:
    ids = [client.messages.batches.create(requests=[_request("a")]).id for _ in range(3)]
    canceling = client.messages.batches.cancel(ids[-1])
    assert canceling.processing_status == "canceling"
    assert canceling.cancel_initiated_at is not None
    listed = list(client.messages.batches.list(limit=1))  # the SDK walks the pages itself
    assert [batch.id for batch in listed] == ids[::-1]
    assert {batch.processing_status for batch in listed} == {"ended"}
    results = list(client.messages.batches.results(ids[-1]))
    assert [(r.custom_id, r.result.type) for r in results] == [("a", "canceled")]


def test_errors_raise_the_sdk_own_classes(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.NotFoundError) as info:
        client.messages.create(model="openai/gpt-9", max_tokens=5, messages=HELLO)
    assert info.value.api_message == "Model 'openai/gpt-9' not found"
    assert info.value.type == "not_found_error"
    with pytest.raises(anthropic.BadRequestError, match="max_tokens"):
        client.messages.create(model=MODEL, max_tokens=0, messages=HELLO)
    with pytest.raises(anthropic.AuthenticationError):
        client.with_options(auth_token="wrong").messages.count_tokens(model=MODEL, messages=HELLO)
    with pytest.raises(anthropic.RateLimitError):
        client.messages.create(
            model=MODEL, max_tokens=5, messages=HELLO, extra_headers={FAULT_HEADER: "status=429"}
        )


def test_error_event_mid_stream(client: anthropic.Anthropic) -> None:
    stream = client.messages.stream(
        model=MODEL,
        max_tokens=50,
        messages=HELLO,
        extra_headers={FAULT_HEADER: "stream_error_after=1"},
    )
    with stream as events, pytest.raises(anthropic.APIStatusError) as info:
        for _ in events:
            pass
    assert info.value.type == "provider_error"  # type: ignore[comparison-overlap]  # CoreX's type
    assert info.value.api_message == "Injected fault: stream error after 1 content deltas"
