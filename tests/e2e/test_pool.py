"""The connection pool under every way a request or stream ends, on each transport: a
connection is freed by a whole read, an early close, a failure, a cancellation (and, on
aiohttp, by an abandoned stream's collection); the wait for one is bounded by the pool
timeout; a burst shares the pool. A pool of one or two connections makes a leak visible
as a `PoolTimeout` of the next call."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest

import zaguan
from tests.e2e.conftest import MakeApi
from zaguan import AsyncZaguanClient, DefaultAioHttpClient
from zaguan.testing import FAULT_HEADER, LocalCoreX

MODEL = "openai/gpt-4o-mini"
MESSAGES = [{"role": "user", "content": "one two three four five"}]
CHAT = {"model": MODEL, "messages": MESSAGES}
ASYNC = pytest.mark.parametrize("transport", ["async", "aiohttp"])


def fault(spec: str) -> dict[str, dict[str, str]]:
    return {"extra_headers": {FAULT_HEADER: spec}}


async def async_client(make_api: MakeApi, **settings: Any) -> AsyncZaguanClient:
    """The async client of an `Api` of the test's (async) transport."""
    client = (await make_api(**settings)).client
    assert isinstance(client, AsyncZaguanClient)
    return client


async def test_calls_and_streams_read_whole_give_their_connection_back(
    make_api: MakeApi, server: LocalCoreX
) -> None:
    api = await make_api(max_connections=1, pool=2)
    for _ in range(2):
        assert await api("chat", **CHAT)
        chunks, _ = await api.stream(**CHAT)
        assert chunks
    assert server.connections == 1  # and reused it


async def test_failed_requests_give_their_connection_back(make_api: MakeApi) -> None:
    api = await make_api(max_connections=1, pool=2, max_retries=0)
    with pytest.raises(zaguan.APIStatusError):
        await api.stream(**CHAT, **fault("status=500"))
    with pytest.raises(zaguan.APIConnectionError):
        await api("chat", **CHAT, **fault("drop=1"))
    with pytest.raises(zaguan.APIConnectionError):
        await api.stream(**CHAT, **fault("stream_drop_after=1"))
    assert await api("chat", **CHAT)


@ASYNC
async def test_a_stream_holds_its_connection_until_closed_and_the_wait_is_bounded(
    make_api: MakeApi,
) -> None:
    client = await async_client(make_api, max_connections=2, pool=0.3, max_retries=0)
    held = [await client.chat_stream(**CHAT) for _ in range(2)]
    with pytest.raises(zaguan.APITimeoutError, match="PoolTimeout"):
        await asyncio.wait_for(client.chat(**CHAT), 10)
    await held[0].close()
    assert await client.chat(**CHAT)  # the connection it held is free
    await held[1].close()


@ASYNC
async def test_a_cancelled_request_gives_its_connection_back(
    make_api: MakeApi, server: LocalCoreX
) -> None:
    client = await async_client(make_api, max_connections=1, pool=2)
    task = asyncio.create_task(client.chat(**CHAT, request_id="slow", **fault("delay=1")))
    while server.attempts("slow") == 0:  # until it is in flight
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await client.chat(**CHAT, max_retries=0)


@ASYNC
async def test_a_burst_of_streams_shares_the_pool_without_errors(
    make_api: MakeApi, server: LocalCoreX
) -> None:
    api = await make_api(max_connections=2, pool=60)

    async def read() -> int:
        chunks, _ = await api.stream(**CHAT)
        return len(chunks)

    counts = await asyncio.wait_for(asyncio.gather(*(read() for _ in range(40))), 60)
    assert len(set(counts)) == 1
    assert counts[0] > 0
    assert server.connections <= 2


@ASYNC
async def test_the_sdks_pool_keeps_every_connection_alive(
    transport: str, server: LocalCoreX
) -> None:
    # httpx2 keeps 20 idle connections by default: a second burst of 30 would open 10 again.
    http = DefaultAioHttpClient() if transport == "aiohttp" else None
    client = AsyncZaguanClient(server.api_key, base_url=server.base_url, http_client=http)
    async with client:
        for _ in range(2):
            # Each answer waits 0.3 s at the server: the 30 calls are in flight together.
            await asyncio.gather(*(client.chat(**CHAT, **fault("delay=0.3")) for _ in range(30)))
            assert server.connections == 30
        if http is not None:
            await http.aclose()


def _drop(held: list[Any]) -> None:
    held.clear()  # the last reference
    gc.collect()


@ASYNC
async def test_an_abandoned_stream_frees_its_connection_when_collected(
    make_api: MakeApi,
) -> None:
    client = await async_client(make_api, max_connections=1, pool=2, max_retries=0)
    held = [await client.chat_stream(**CHAT)]
    with pytest.warns(ResourceWarning, match="unclosed stream"):  # dropped unread, on purpose
        _drop(held)
    assert await client.chat(**CHAT)  # its connection, the pool's only one, was freed


def test_an_aiohttp_client_used_in_a_second_event_loop_says_so(server: LocalCoreX) -> None:
    http = DefaultAioHttpClient()
    client = AsyncZaguanClient(server.api_key, base_url=server.base_url, http_client=http)
    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        assert first.run_until_complete(client.chat(**CHAT))
        with pytest.raises(RuntimeError, match="first used in another event loop"):
            second.run_until_complete(asyncio.wait_for(client.chat(**CHAT), 10))
        first.run_until_complete(http.aclose())  # in its own loop, it closes
    finally:
        first.close()
        second.close()
