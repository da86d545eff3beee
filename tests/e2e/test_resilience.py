"""Failures injected by the local CoreX (`X-CoreX-Fault`, `test/...` models), sync and async."""

from __future__ import annotations

import time

import pytest

from tests.e2e.conftest import Api
from zaguan import (
    APIConnectionError,
    APITimeoutError,
    InsufficientCreditsError,
    InternalServerError,
    RateLimitError,
    StreamError,
    ZaguanClient,
)
from zaguan.testing import FAULT_HEADER, LocalCoreX

HELLO = [{"role": "user", "content": "one two three four five"}]


def fault(spec: str) -> dict[str, dict[str, str]]:
    return {"extra_headers": {FAULT_HEADER: spec}}


async def test_503_twice_then_success_is_charged_once(api: Api, server: LocalCoreX) -> None:
    reply = await api(
        "chat", model="openai/gpt-4o-mini", messages=HELLO, request_id="rid-503",
        **fault("status=503;times=2"),
    )  # fmt: skip
    assert reply.choices[0].message.content.startswith("Echo:")
    assert server.attempts("rid-503") == 3  # the same request id on every try
    assert len(server.ledger.charges_for("rid-503")) == 1
    assert server.ledger.balance == 10_000 - 1


async def test_retries_exhausted_raise_the_last_error(api: Api, server: LocalCoreX) -> None:
    with pytest.raises(InternalServerError) as info:
        await api("list_models", request_id="rid-down", max_retries=1, **fault("status=502"))
    assert info.value.status_code == 502
    assert info.value.request_id == "rid-down"
    assert server.attempts("rid-down") == 2


async def test_429_waits_retry_after(api: Api, server: LocalCoreX, sleeps: list[float]) -> None:
    await api(
        "get_credits_balance", request_id="rid-429", **fault("status=429;times=1;retry_after=0.3")
    )
    assert sleeps == [0.3]
    assert server.attempts("rid-429") == 2


async def test_recorded_sleeps_leave_the_server_alone(
    api: Api, server: LocalCoreX, sleeps: list[float]
) -> None:
    """The server's own wait (a fault delay, an ``asyncio.sleep`` on its loop) still takes its
    time and is not recorded: `sleeps` patches the client, never what the server shares."""
    started = time.monotonic()
    await api("list_models", request_id="rid-delay", **fault("delay=0.2"))
    assert time.monotonic() - started >= 0.195
    assert sleeps == []
    assert server.attempts("rid-delay") == 1


async def test_429_when_retries_are_off(api: Api) -> None:
    with pytest.raises(RateLimitError) as info:
        await api("get_credits_balance", max_retries=0, **fault("retry_after=2"))
    assert info.value.retry_after == 2


async def test_timeout_raises_api_timeout_error(api: Api, server: LocalCoreX) -> None:
    with pytest.raises(APITimeoutError) as info:
        await api("list_models", request_id="rid-slow", timeout=0.2, max_retries=0,
                  **fault("delay=2"))  # fmt: skip
    assert info.value.request_id == "rid-slow"
    assert server.attempts("rid-slow") == 1


async def test_slow_first_try_is_retried_after_timeout(api: Api, server: LocalCoreX) -> None:
    models = await api("list_models", request_id="rid-slow-once", timeout=0.5,
                       **fault("delay=2;times=1"))  # fmt: skip
    assert models
    assert server.attempts("rid-slow-once") == 2


async def test_dropped_connection_is_retried(api: Api, server: LocalCoreX) -> None:
    reply = await api("chat", model="test/drop-1", messages=HELLO, request_id="rid-drop")
    assert reply.choices[0].message.content.startswith("Echo:")
    assert server.attempts("rid-drop") == 2
    assert len(server.ledger.charges_for("rid-drop")) == 1


async def test_stream_503_before_start_is_retried(api: Api, server: LocalCoreX) -> None:
    chunks, _ = await api.stream(model="openai/gpt-4o-mini", messages=HELLO,
                                 request_id="rid-s503", **fault("status=503;times=1"))  # fmt: skip
    assert chunks
    assert server.attempts("rid-s503") == 2


async def test_error_event_mid_stream(api: Api, server: LocalCoreX) -> None:
    received = []
    with pytest.raises(StreamError) as info:
        await consume(api, received, model="test/stream-error-2", request_id="rid-serr")
    assert [c.choices[0].delta.content for c in received if c.choices][1:] == ["Echo: ", "one "]
    assert info.value.request_id == "rid-serr"
    assert info.value.type == "provider_error"
    assert server.attempts("rid-serr") == 1  # never retried once chunks were handed out


async def test_stream_cut_before_done(api: Api, server: LocalCoreX) -> None:
    received = []
    with pytest.raises(APIConnectionError, match=r"\[DONE\]"):
        await consume(api, received, model="test/stream-cut-2", request_id="rid-cut")
    assert len(received) == 3  # role, then two content chunks
    assert server.attempts("rid-cut") == 1


async def test_stream_dropped_mid_body(api: Api) -> None:
    with pytest.raises(APIConnectionError):
        await consume(api, [], model="test/stream-drop-2")


async def consume(api: Api, into: list[object], **kwargs: object) -> None:
    kwargs.setdefault("messages", HELLO)
    if api.is_async:
        async for chunk in api.client.chat_stream(**kwargs):
            into.append(chunk)
    else:
        for chunk in api.client.chat_stream(**kwargs):
            into.append(chunk)


def busy_connections(api: Api) -> list[object]:
    return [c for c in api.pool.connections if not c.is_idle()]


async def test_streams_reuse_one_connection(api: Api) -> None:
    for _ in range(3):
        chunks, stream = await api.stream(model="openai/gpt-4o-mini", messages=HELLO)
        assert chunks
        assert stream.response.is_closed
    # [DONE], then the body drained: the connection went back to the pool every time.
    assert len(api.pool.connections) == 1
    assert busy_connections(api) == []


async def test_leaving_a_stream_early_frees_its_connection(api: Api) -> None:
    if api.is_async:
        async with api.client.chat_stream(model="openai/gpt-4o-mini", messages=HELLO) as stream:
            async for _ in stream:
                break
    else:
        with api.client.chat_stream(model="openai/gpt-4o-mini", messages=HELLO) as sync_stream:
            for _ in sync_stream:
                break
    assert busy_connections(api) == []
    assert await api("list_models")  # the client still works


def test_insufficient_credits() -> None:
    with LocalCoreX(credits=3) as corex, ZaguanClient(corex.api_key, base_url=corex.base_url) as c:
        c.chat(model="openai/o3-mini", messages=HELLO)  # band B: 3 credits
        with pytest.raises(InsufficientCreditsError) as info:
            c.chat(model="openai/o3-mini", messages=HELLO, max_retries=0)
    assert (info.value.credits_required, info.value.credits_remaining) == (3, 0)
