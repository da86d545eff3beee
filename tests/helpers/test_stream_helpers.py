"""The streams' helpers: ``until_done()`` and the snapshot of the answer so far
(``current_completion_snapshot`` on chat streams, ``current_message_snapshot`` on messages
streams), sync and async, against the local CoreX (which streams its answer word by word)."""

from __future__ import annotations

import itertools
from typing import Any

from tests.e2e.conftest import Api
from zaguan import AsyncZaguanClient

HELLO = [{"role": "user", "content": "one two three four"}]
CHAT = {"model": "openai/gpt-4o-mini", "messages": HELLO, "request_id": "snap-1"}
MESSAGES = {"model": "anthropic/claude-3-5-haiku", "messages": HELLO, "max_tokens": 100}


async def enter(api: Api, stream: Any) -> Any:
    return await stream._start() if api.is_async else stream


async def test_a_chat_snapshot_follows_the_stream(api: Api) -> None:
    stream = await enter(api, api.client.chat_stream(**CHAT))
    assert stream.current_completion_snapshot is None  # started, no chunk read yet
    texts, seen = [], []
    async for chunk in _items(api, stream):
        texts.append(chunk.choices[0].delta.content or "" if chunk.choices else "")
        snapshot = stream.current_completion_snapshot
        seen.append(snapshot.choices[0].message.content)
        assert snapshot._request_id == "snap-1"
    assert seen[-1] == "Echo: one two three four"
    assert [text or "" for text in seen] == list(itertools.accumulate(texts))
    final = await _final(api, stream.get_final_completion())
    assert stream.current_completion_snapshot.to_dict() == final.to_dict()


async def test_until_done_reads_to_the_end_and_returns_the_stream(api: Api) -> None:
    stream = api.client.chat_stream(**CHAT)
    done = await _final(api, stream.until_done())
    assert done is stream
    assert stream.current_completion_snapshot.choices[0].finish_reason == "stop"
    final = await _final(api, stream.get_final_completion())
    assert final.choices[0].message.content == "Echo: one two three four"


async def test_plain_iteration_builds_no_snapshot(api: Api) -> None:
    stream = api.client.chat_stream(**CHAT)
    assert len(await api.collect(stream)) > 4
    assert stream._core.interpreter._snapshots is None  # nothing accumulated on the way


async def test_a_messages_snapshot_follows_the_stream(api: Api) -> None:
    stream = await enter(api, api.client.messages_stream(**MESSAGES))
    assert stream.current_message_snapshot is None  # before message_start
    texts = []
    async for event in _items(api, stream):
        snapshot = stream.current_message_snapshot
        blocks = snapshot.content
        texts.append(blocks[0].text if blocks else "")
        if event["type"] == "message_start":
            assert blocks == []
    assert texts[-1] == "Echo: one two three four"
    assert len(set(texts)) >= 5  # it grew word by word
    done = await _final(api, stream.until_done())
    final = await _final(api, done.get_final_message())
    assert stream.current_message_snapshot.to_dict() == final.to_dict()


async def _items(api: Api, stream: Any) -> Any:
    if isinstance(api.client, AsyncZaguanClient):
        async for item in stream:
            yield item
    else:
        for item in stream:
            yield item


async def _final(api: Api, value: Any) -> Any:
    return await value if api.is_async else value
