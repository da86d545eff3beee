"""Every client method against the local CoreX, sync and async."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.e2e.conftest import Api
from zaguan import AuthenticationError, BandAccessDeniedError, NotFoundError, ZaguanClient
from zaguan.testing import LocalCoreX
from zaguan_corex_client.api.models import list_models
from zaguan_corex_client.models import (
    ChatCompletion,
    CreditsBalance,
    CreditsHistory,
    CreditsStats,
    Health,
    Model,
    ModelCapabilities,
)

HELLO = [{"role": "user", "content": "hello there"}]
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]


async def test_chat(api: Api, server: LocalCoreX) -> None:
    reply = await api("chat", model="openai/gpt-4o-mini", messages=HELLO, request_id="rid-chat")
    assert isinstance(reply, ChatCompletion)
    assert reply.choices[0].message.content == "Echo: hello there"
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + 3
    assert reply.promptshield
    assert reply.promptshield.credits_remaining == server.ledger.balance
    assert len(server.ledger.charges_for("rid-chat")) == 1


async def test_chat_reasoning_tokens_and_think_block(api: Api) -> None:
    reply = await api("chat", model="deepseek/deepseek-reasoner", messages=HELLO)
    content = reply.choices[0].message.content
    assert content.startswith("<think>")
    assert content.endswith("Echo: hello there")
    assert reply.usage.completion_tokens_details.reasoning_tokens == 9


async def test_chat_tool_call_round_trip(api: Api) -> None:
    messages: list[dict[str, object]] = [{"role": "user", "content": "call get_weather"}]
    first = await api("chat", model="openai/gpt-4o-mini", messages=messages, tools=TOOLS)
    message = first.choices[0].message
    assert first.choices[0].finish_reason == "tool_calls"
    assert message.tool_calls[0].function.name == "get_weather"
    # The assistant message goes back as it came, then the tool's answer.
    messages += [message.to_dict(), {"role": "tool", "tool_call_id": message.tool_calls[0].id,
                                      "content": "14 C"}]  # fmt: skip
    second = await api("chat", model="openai/gpt-4o-mini", messages=messages, tools=TOOLS)
    assert second.choices[0].finish_reason == "stop"


async def test_chat_stream_and_final_completion(api: Api, server: LocalCoreX) -> None:
    chunks, stream = await api.stream(
        model="openai/gpt-4o-mini", messages=HELLO, stream_options={"include_usage": True},
        request_id="rid-stream",
    )  # fmt: skip
    assert stream.request_id == "rid-stream"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Echo: hello there"
    final = stream._core.final()
    assert final.choices[0].message.content == text
    assert final.usage
    assert final.usage.completion_tokens == 3
    assert len(server.ledger.charges_for("rid-stream")) == 1


async def test_chat_stream_tool_call_fragments_are_joined(api: Api) -> None:
    chunks, stream = await api.stream(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "get_weather now"}],
        tools=TOOLS,
    )  # fmt: skip
    fragments = [
        tc.function.arguments
        for c in chunks for choice in c.choices for tc in (choice.delta.tool_calls or [])
        if tc.function and isinstance(tc.function.arguments, str)
    ]  # fmt: skip
    assert len([f for f in fragments if f]) >= 2
    call = stream._core.final().choices[0].message.tool_calls[0]
    assert call.function.arguments == "".join(fragments)
    assert call.function.arguments == '{"city":"example"}'


@pytest.mark.parametrize(
    ("model", "extra"),
    [
        ("openai/gpt-4o-mini", {}),
        ("deepseek/deepseek-reasoner", {}),
        ("openai/gpt-4o-mini", {"tools": TOOLS}),
    ],
    ids=["text", "reasoning", "tool-call"],
)
async def test_a_streams_final_completion_is_the_json_answer(
    api: Api, model: str, extra: dict[str, Any]
) -> None:
    """The accumulator rebuilds what the server answers without streaming, field for field."""
    messages = [{"role": "user", "content": "please get_weather for Lima"}]
    fields = {"model": model, "messages": messages, **extra}
    reply = await api("chat", **fields)
    _, stream = await api.stream(**fields, stream_options={"include_usage": True})
    final = stream._core.final()
    # Equal models: the same values (the JSON answer's explicit nulls read as None too); tool
    # call ids are derived from each call's request id, so they are compared by shape.
    for choice in (*final.choices, *reply.choices):
        for call in choice.message.tool_calls or ():
            assert call.id.startswith("call_")
            call.id = "call_"
    assert final.choices == reply.choices
    assert final.usage == reply.usage
    assert final.model == reply.model


async def test_models(api: Api) -> None:
    models = await api("list_models")
    assert all(isinstance(m, Model) for m in models)
    assert "anthropic/claude-3-5-haiku" in {m.id for m in models}
    one = await api("get_model", "openai/gpt-4o-mini")
    assert one.id == "openai/gpt-4o-mini"
    with pytest.raises(NotFoundError) as info:
        await api("get_model", "openai/gpt-9")
    assert info.value.code == "model_not_found"


async def test_capabilities(api: Api) -> None:
    capabilities = await api("get_capabilities")
    assert all(isinstance(c, ModelCapabilities) for c in capabilities)
    by_id = {c.model_id: c for c in capabilities}
    assert by_id["openai/o3-mini"].supports_reasoning is True


async def test_credits_balance_history_stats(api: Api) -> None:
    await api("chat", model="openai/gpt-4o-mini", messages=HELLO, request_id="rid-credits")
    balance = await api("get_credits_balance")
    assert isinstance(balance, CreditsBalance)
    assert (balance.tier, balance.credits_used) == ("pro", 1)
    history = await api("get_credits_history", limit=5, model="openai/gpt-4o-mini")
    assert isinstance(history, CreditsHistory)
    assert [e.request_id for e in history.entries] == ["rid-credits"]
    today = datetime.datetime.now(datetime.UTC).date()
    stats = await api("get_credits_stats", period="day", end_date=today)
    assert isinstance(stats, CreditsStats)
    assert stats.total_requests == 1


async def test_history_pagination_across_pages(api: Api) -> None:
    for n in range(7):
        await api("chat", model="openai/gpt-4o-mini", messages=HELLO, request_id=f"rid-page-{n}")
    first = await api("get_credits_history", limit=3)
    assert (len(first.entries), first.has_more, first.total) == (3, True, 7)
    second = await api("get_credits_history", limit=3, cursor=first.next_cursor)
    assert {e.id for e in second.entries}.isdisjoint({e.id for e in first.entries})
    walked = await api.collect(api.client.iter_credits_history(limit=3))
    assert [e.request_id for e in walked] == [f"rid-page-{n}" for n in reversed(range(7))]


async def test_health_needs_no_key(api: Api) -> None:
    health = await api("health")
    assert isinstance(health, Health)
    assert health.status == "ok"


async def test_band_and_key_errors(api: Api, server: LocalCoreX) -> None:
    with pytest.raises(BandAccessDeniedError) as info:
        await api("chat", model="anthropic/claude-opus-4", messages=HELLO, request_id="rid-band")
    error = info.value
    assert (error.status_code, error.band, error.current_tier) == (403, "C", "pro")
    assert error.request_id == "rid-band"
    with (
        ZaguanClient("zk-wrong", base_url=server.base_url) as client,
        pytest.raises(AuthenticationError) as auth,
    ):
        client.list_models()
    assert "zk-wrong" not in str(auth.value)


def test_raw_response_echoes_the_request_id(server: LocalCoreX) -> None:
    with ZaguanClient(server.api_key, base_url=server.base_url) as client:
        raw = client.with_raw_response.get_model("google/gemini-2.0-flash")
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == raw.request_id
    assert raw.parsed.id == "google/gemini-2.0-flash"
    assert raw.elapsed.total_seconds() > 0


def test_lowlevel_shares_key_and_pool(server: LocalCoreX) -> None:
    with ZaguanClient(server.api_key, base_url=server.base_url) as client:
        response = list_models.sync_detailed(client=client.lowlevel)
        assert response.status_code == 200
        assert response.headers["x-request-id"]
        assert client.lowlevel.get_httpx_client()._transport is client._http._transport


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("chat", {"model": "openai/gpt-4o-mini", "messages": HELLO}),
        ("list_models", {}),
        ("get_model", {"model_id": "openai/gpt-4o-mini"}),
        ("get_capabilities", {}),
        ("get_credits_balance", {}),
        ("get_credits_history", {}),
        ("get_credits_stats", {}),
        ("health", {}),
    ],
)
async def test_every_result_carries_its_request_id(
    api: Api, method: str, kwargs: dict[str, object]
) -> None:
    result = await api(method, **kwargs, request_id=f"rid-{method}")
    assert result._request_id == f"rid-{method}"
    if not isinstance(result, list):  # the id is not data: not in equality, not in to_dict()
        assert "rid-" not in str(result.to_dict())
        assert result == type(result).from_dict(result.to_dict())


async def test_a_generated_request_id_is_on_the_result_too(api: Api) -> None:
    pending = api.client.with_raw_response.get_credits_balance()
    raw: Any = await pending if api.is_async else pending
    assert raw.parsed._request_id == raw.request_id == raw.headers["x-request-id"]


async def test_a_streams_final_completion_carries_its_request_id(api: Api) -> None:
    _, stream = await api.stream(
        model="openai/gpt-4o-mini", messages=HELLO, request_id="rid-stream"
    )
    final = stream.get_final_completion()
    final = await final if api.is_async else final
    assert final._request_id == "rid-stream"
