"""The async client's in-flight cap (`zaguan._permits`): at most the pool's size of requests
in flight, and every permit given back, whichever way a request or stream ends."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator

import httpx2
import pytest

import zaguan
from zaguan import AsyncZaguanClient
from zaguan.testing import FAULT_HEADER, LocalCoreX

MODEL = "openai/gpt-4o-mini"
MESSAGES = [{"role": "user", "content": "one two three four five"}]
SIZE = 2


@pytest.fixture
async def client(server: LocalCoreX) -> AsyncIterator[AsyncZaguanClient]:
    http = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=SIZE), timeout=10)
    async with http, AsyncZaguanClient(server.api_key, base_url=server.base_url,
                                        http_client=http, max_retries=0) as client:  # fmt: skip
        yield client


def free(client: AsyncZaguanClient) -> int | None:
    return client._permits.free


def test_the_cap_is_the_pool_size_and_none_without_httpx_pool() -> None:
    assert free(AsyncZaguanClient("k", base_url="http://127.0.0.1:1")) == 100  # httpx2's default
    mocked = httpx2.AsyncClient(transport=httpx2.MockTransport(lambda r: httpx2.Response(200)))
    assert free(AsyncZaguanClient("k", base_url="http://127.0.0.1:1", http_client=mocked)) is None


async def test_a_call_and_a_stream_read_whole_give_their_permit_back(
    client: AsyncZaguanClient,
) -> None:
    await client.chat(model=MODEL, messages=MESSAGES)
    assert free(client) == SIZE
    stream = client.chat_stream(model=MODEL, messages=MESSAGES)
    chunks = [chunk async for chunk in stream]
    assert chunks
    assert free(client) == SIZE


async def test_a_stream_holds_its_permit_until_closed(client: AsyncZaguanClient) -> None:
    stream = await client.chat_stream(model=MODEL, messages=MESSAGES)
    assert free(client) == SIZE - 1
    async for _ in stream:
        break
    assert free(client) == SIZE - 1  # an async generator left by `break` is not closed yet
    await stream.close()
    assert free(client) == SIZE
    async with client.chat_stream(model=MODEL, messages=MESSAGES):
        assert free(client) == SIZE - 1
    assert free(client) == SIZE


async def test_an_abandoned_stream_gives_its_permit_back_when_collected(
    client: AsyncZaguanClient,
) -> None:
    stream = await client.chat_stream(model=MODEL, messages=MESSAGES)
    assert free(client) == SIZE - 1
    del stream
    gc.collect()
    assert free(client) == SIZE


async def test_refused_and_failed_requests_give_their_permit_back(
    client: AsyncZaguanClient,
) -> None:
    with pytest.raises(zaguan.APIStatusError):
        await client.chat_stream(
            model=MODEL, messages=MESSAGES, extra_headers={FAULT_HEADER: "status=500"}
        )
    with pytest.raises(zaguan.APIConnectionError):
        await client.chat(model=MODEL, messages=MESSAGES, extra_headers={FAULT_HEADER: "drop=1"})
    stream = client.chat_stream(
        model=MODEL, messages=MESSAGES, extra_headers={FAULT_HEADER: "stream_drop_after=1"}
    )
    with pytest.raises(zaguan.APIConnectionError):
        _ = [chunk async for chunk in stream]
    assert free(client) == SIZE


async def test_a_cancelled_request_gives_its_permit_back(client: AsyncZaguanClient) -> None:
    slow = {FAULT_HEADER: "delay=1"}
    task = asyncio.create_task(client.chat(model=MODEL, messages=MESSAGES, extra_headers=slow))
    while free(client) == SIZE:  # until it holds its permit
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert free(client) == SIZE


async def test_a_wait_for_a_permit_is_bounded_by_the_pool_timeout(
    client: AsyncZaguanClient,
) -> None:
    held = [await client.chat_stream(model=MODEL, messages=MESSAGES) for _ in range(SIZE)]
    timeout = httpx2.Timeout(10, pool=0.2)
    with pytest.raises(zaguan.APITimeoutError):
        await asyncio.wait_for(client.chat(model=MODEL, messages=MESSAGES, timeout=timeout), 10)
    for stream in held:
        await stream.close()
    assert free(client) == SIZE
    await client.chat(model=MODEL, messages=MESSAGES, timeout=timeout)  # a permit is free again


async def test_a_burst_of_streams_shares_the_pool_without_errors(
    client: AsyncZaguanClient,
) -> None:
    async def read() -> int:
        return len([chunk async for chunk in client.chat_stream(model=MODEL, messages=MESSAGES)])

    counts = await asyncio.wait_for(asyncio.gather(*(read() for _ in range(40))), 60)
    assert len(set(counts)) == 1
    assert counts[0] > 0
    assert len(client._http._transport._pool.connections) <= SIZE  # type: ignore[attr-defined]
    assert free(client) == SIZE
