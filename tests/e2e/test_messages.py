"""The facade's Anthropic methods against the local CoreX, sync and async: messages, their
streams, token counts and message batches, with injected faults."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import Api, MakeApi
from zaguan import (
    APIConnectionError,
    BandAccessDeniedError,
    InternalServerError,
    NotFoundError,
    StreamError,
)
from zaguan.testing import FAULT_HEADER, LocalCoreX
from zaguan_corex_client.models import Message, MessageBatch, MessageTokensCount

MODEL = "anthropic/claude-3-5-haiku"
HELLO = [{"role": "user", "content": "hello there"}]
WEATHER = [
    {
        "name": "get_weather",
        "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
    }
]
THINKING = {"type": "enabled", "budget_tokens": 1024}
ASKS = {
    "text": {},
    "thinking": {"thinking": THINKING},
    "tool_use": {"tools": WEATHER, "messages": [{"role": "user", "content": "get_weather now"}]},
    "thinking+tool_use": {"thinking": THINKING, "tools": WEATHER, "tool_choice": {"type": "any"}},
}


def fault(spec: str) -> dict[str, dict[str, str]]:
    return {"extra_headers": {FAULT_HEADER: spec}}


def ask(**extra: Any) -> dict[str, Any]:
    return {"model": MODEL, "max_tokens": 2048, "messages": HELLO} | extra


async def stream_events(api: Api, **kwargs: Any) -> tuple[list[dict[str, Any]], Any]:
    """Every event of a messages stream, and its final message."""
    if api.is_async:
        async with api.client.messages_stream(**kwargs) as stream:
            return [event async for event in stream], await stream.get_final_message()
    with api.client.messages_stream(**kwargs) as sync_stream:
        return list(sync_stream), sync_stream.get_final_message()


async def test_messages(api: Api, server: LocalCoreX) -> None:
    message = await api("messages", **ask(), request_id="rid-msg")
    assert isinstance(message, Message)
    assert message.content[0].to_dict() == {"type": "text", "text": "Echo: hello there"}
    assert message.stop_reason == "end_turn"
    assert message.usage
    assert (message.usage.input_tokens, message.usage.output_tokens) == (2, 3)
    assert message._request_id == "rid-msg"  # type: ignore[attr-defined]
    assert len(server.ledger.charges_for("rid-msg")) == 1


async def test_thinking_then_tool_use(api: Api) -> None:
    message = await api("messages", **ask(**ASKS["thinking+tool_use"]))
    thinking, tool_use = (block.to_dict() for block in message.content)
    assert thinking["thinking"] == "The user wrote 2 words, so I echo them."
    assert thinking["signature"]
    assert (tool_use["name"], tool_use["input"]) == ("get_weather", {"city": "example"})
    assert message.stop_reason == "tool_use"


@pytest.mark.parametrize("kind", ASKS)
async def test_final_message_of_a_stream_is_the_json_answer(
    api: Api, server: LocalCoreX, kind: str
) -> None:
    rid = f"rid-same-{kind}"
    events, final = await stream_events(api, **ask(**ASKS[kind]), request_id=rid)
    message = await api("messages", **ask(**ASKS[kind]), request_id=rid)
    assert final.to_dict() == message.to_dict()
    assert [e["type"] for e in events][:2] == ["message_start", "content_block_start"]  # no ping
    assert events[-1]["type"] == "message_stop"
    assert len(server.ledger.charges_for(rid)) == 1  # one request id: charged once


async def test_text_stream(api: Api) -> None:
    stream = api.client.messages_stream(**ask())
    if api.is_async:
        async with stream:
            pieces = [piece async for piece in stream.text_stream]
    else:
        with stream:
            pieces = list(stream.text_stream)
    assert pieces == ["Echo: ", "hello ", "there"]
    assert stream.request_id


async def test_leaving_a_messages_stream_early_frees_its_connection(make_api: MakeApi) -> None:
    api = await make_api(max_connections=1, pool=2)  # a connection still held: a PoolTimeout
    for _ in range(2):
        if api.is_async:
            async with api.client.messages_stream(**ask()) as stream:
                async for _ in stream:
                    break
        else:
            with api.client.messages_stream(**ask()) as sync_stream:
                for _ in sync_stream:
                    break
    assert await api("count_tokens", model=MODEL, messages=HELLO, max_retries=0)


async def test_count_tokens_is_the_input_usage(api: Api) -> None:
    fields = {"model": MODEL, "messages": HELLO, "system": "Be brief.", "tools": WEATHER}
    counted = await api("count_tokens", **fields)
    assert isinstance(counted, MessageTokensCount)
    message = await api("messages", max_tokens=10, **fields)
    assert counted.input_tokens == message.usage.input_tokens


async def test_unknown_model(api: Api) -> None:
    with pytest.raises(NotFoundError) as info:
        await api("messages", **ask(model="openai/gpt-9"), request_id="rid-404")
    assert info.value.code == "model_not_found"
    assert info.value.request_id == "rid-404"


def batch_request(custom_id: str, **params: Any) -> dict[str, Any]:
    return {"custom_id": custom_id, "params": ask(max_tokens=20) | params}


async def test_batch_end_to_end(api: Api, server: LocalCoreX) -> None:
    requests = [batch_request("ok"), batch_request("down", model="test/fail-503")]
    batch = await api("create_messages_batch", requests=requests, request_id="rid-batch")
    assert isinstance(batch, MessageBatch)
    assert batch.processing_status == "in_progress"
    assert batch._request_id == "rid-batch"  # type: ignore[attr-defined]
    again = await api("create_messages_batch", requests=requests, request_id="rid-batch")
    assert again.id == batch.id  # a retry of the same request id makes no second batch
    ended = await api("get_messages_batch", batch.id)
    assert ended.processing_status == "ended"
    assert (ended.request_counts.succeeded, ended.request_counts.errored) == (1, 1)
    results = await api("get_messages_batch_results", batch.id, request_id="rid-results")
    assert results._request_id == "rid-results"
    by_id = {r.custom_id: r.result.to_dict() for r in results}
    assert by_id["ok"]["message"]["content"] == [{"type": "text", "text": "Echo: hello there"}]
    assert by_id["down"]["error"]["error"]["type"] == "overloaded_error"
    assert len(server.ledger.charges_for(f"{batch.id}:ok")) == 1


async def test_cancelled_batch(api: Api) -> None:
    batch = await api("create_messages_batch", requests=[batch_request("a")])
    canceling = await api("cancel_messages_batch", batch.id)
    assert canceling.processing_status == "canceling"
    assert (await api("get_messages_batch", batch.id)).processing_status == "ended"
    results = await api("get_messages_batch_results", batch.id)
    assert [r.result.to_dict() for r in results] == [{"type": "canceled"}]


async def test_list_messages_batches_walks_every_page(api: Api) -> None:
    ids = [(await api("create_messages_batch", requests=[batch_request("a")])).id for _ in range(4)]
    walked = await api.collect(api.client.list_messages_batches(limit=1))
    assert [batch.id for batch in walked] == ids[::-1]  # newest first
    page = await api("list_messages_batches_page", limit=2, after_id=ids[-1])
    assert ([b.id for b in page.data], page.has_more) == ([ids[2], ids[1]], True)
    assert (page.first_id, page.last_id) == (ids[2], ids[1])


async def test_503_before_the_stream_is_retried_with_the_same_id(
    api: Api, server: LocalCoreX
) -> None:
    _, final = await stream_events(
        api, **ask(), request_id="rid-s503", **fault("status=503;times=1")
    )
    assert final.content[0].to_dict()["text"] == "Echo: hello there"
    assert server.attempts("rid-s503") == 2
    assert len(server.ledger.charges_for("rid-s503")) == 1


async def test_503_on_messages_exhausts_retries(api: Api, server: LocalCoreX) -> None:
    with pytest.raises(InternalServerError):
        await api("messages", **ask(), request_id="rid-m503", max_retries=1, **fault("status=503"))
    assert server.attempts("rid-m503") == 2
    assert server.ledger.charges_for("rid-m503") == ()


async def test_error_event_mid_stream_raises_stream_error(api: Api, server: LocalCoreX) -> None:
    received: list[dict[str, Any]] = []
    options = {"request_id": "rid-serr", **fault("stream_error_after=2")}
    with pytest.raises(StreamError) as info:
        await consume(api, received, **ask(), **options)
    texts = [e["delta"]["text"] for e in received if e["type"] == "content_block_delta"]
    assert texts == ["Echo: ", "hello "]
    assert info.value.type == "provider_error"
    assert info.value.request_id == "rid-serr"
    assert server.attempts("rid-serr") == 1  # never retried once events were handed out
    assert server.ledger.charges_for("rid-serr") == ()


async def consume(api: Api, into: list[dict[str, Any]], **kwargs: Any) -> None:
    if api.is_async:
        async for event in api.client.messages_stream(**kwargs):
            into.append(event)
    else:
        for event in api.client.messages_stream(**kwargs):
            into.append(event)


async def test_a_stream_cut_before_message_stop(api: Api, server: LocalCoreX) -> None:
    received: list[dict[str, Any]] = []
    with pytest.raises(APIConnectionError, match="message_stop"):
        await consume(api, received, **ask(), request_id="rid-cut", **fault("stream_cut_after=2"))
    assert received[-1]["delta"] == {"type": "text_delta", "text": "hello "}
    assert server.attempts("rid-cut") == 1


async def test_a_stream_dropped_mid_body(api: Api) -> None:
    with pytest.raises(APIConnectionError):
        await consume(api, [], **ask(), **fault("stream_drop_after=1"))


async def test_a_refused_stream_raises_before_any_event(api: Api) -> None:
    received: list[dict[str, Any]] = []
    with pytest.raises(BandAccessDeniedError) as info:
        await consume(api, received, **ask(model="anthropic/claude-opus-4"), request_id="rid-403")
    assert received == []
    assert info.value.request_id == "rid-403"
