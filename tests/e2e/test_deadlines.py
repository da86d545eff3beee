"""Stream idle timeout and per-call deadline, against the local CoreX, sync and async.

The bounds asserted are generous (a loaded two-core machine): a 0.5 s limit must end the call
in seconds, where the fault without the limit would hold it for a minute.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.e2e.conftest import Api
from zaguan import (
    APITimeoutError,
    AsyncZaguanClient,
    InternalServerError,
    RequestValidationError,
    ZaguanClient,
)
from zaguan.testing import FAULT_HEADER, LocalCoreX

HELLO = [{"role": "user", "content": "one two three four five"}]
CHAT: dict[str, Any] = {"model": "openai/gpt-4o-mini", "messages": HELLO}
MESSAGES: dict[str, Any] = {
    "model": "anthropic/claude-3-5-haiku", "messages": HELLO, "max_tokens": 50
}  # fmt: skip
SLACK = 8.0  # seconds a 0.5 s bound may take on a loaded machine; the faults hold 60 s


def fault(spec: str) -> dict[str, dict[str, str]]:
    return {"extra_headers": {FAULT_HEADER: spec}}


async def read_chat(api: Api, **kwargs: Any) -> list[Any]:
    chunks, _ = await api.stream(**{**CHAT, **kwargs})
    return chunks


async def read_messages(api: Api, **kwargs: Any) -> list[Any]:
    if api.is_async:
        async with api.client.messages_stream(**MESSAGES, **kwargs) as stream:
            return [event async for event in stream]
    with api.client.messages_stream(**MESSAGES, **kwargs) as sync_stream:
        return list(sync_stream)


READERS = pytest.mark.parametrize("read", [read_chat, read_messages], ids=["chat", "messages"])


async def timed_out(api: Api, read: Any, **kwargs: Any) -> tuple[APITimeoutError, float]:
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as info:
        await read(api, max_retries=0, **kwargs)
    return info.value, time.monotonic() - started


async def still_usable(api: Api) -> None:
    reply = await api("chat", **CHAT)
    assert reply.choices[0].message.content.startswith("Echo:")


# -- Stream idle timeout ------------------------------------------------------------------------


@READERS
async def test_a_stream_of_keepalives_only_ends_at_the_idle_timeout(api: Api, read: Any) -> None:
    error, took = await timed_out(
        api, read, stream_idle_timeout=0.5, **fault("stream_keepalive_after=2")
    )
    assert "stream_idle_timeout" in str(error)
    assert error.request_id
    assert took < SLACK
    await still_usable(api)


@READERS
async def test_a_silent_stream_ends_at_the_idle_timeout(api: Api, read: Any) -> None:
    error, took = await timed_out(
        api, read, stream_idle_timeout=0.5, **fault("stream_stall_after=2")
    )
    assert "sent nothing for 0.5 s" in str(error)
    assert took < SLACK
    await still_usable(api)


async def test_the_idle_timeout_defaults_to_the_read_timeout(server: LocalCoreX) -> None:
    with ZaguanClient(server.api_key, base_url=server.base_url, timeout=0.5) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError, match="stream_idle_timeout"):
            list(client.chat_stream(**CHAT, max_retries=0, **fault("stream_keepalive_after=1")))
        assert time.monotonic() - started < SLACK


async def test_the_clients_idle_timeout_applies_and_a_call_overrides_it(
    server: LocalCoreX,
) -> None:
    async with AsyncZaguanClient(
        server.api_key, base_url=server.base_url, stream_idle_timeout=0.5, max_retries=0
    ) as client:
        with pytest.raises(APITimeoutError, match=r"0\.5 s"):
            async for _ in client.chat_stream(**CHAT, **fault("stream_keepalive_after=1")):
                pass
        with pytest.raises(APITimeoutError, match=r"0\.7 s"):
            async for _ in client.chat_stream(
                **CHAT, stream_idle_timeout=0.7, **fault("stream_keepalive_after=1")
            ):
                pass


@READERS
async def test_keepalives_between_events_do_not_end_a_healthy_stream(api: Api, read: Any) -> None:
    # The local stream starts with a keep-alive; a tight bound still reads a healthy stream whole.
    items = await read(api, stream_idle_timeout=5.0)
    assert items


# -- Deadline -----------------------------------------------------------------------------------


async def test_a_deadline_ends_a_slow_call_although_its_timeout_is_longer(api: Api) -> None:
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s") as info:
        await api("chat", **CHAT, timeout=30, deadline=0.5, request_id="rid-late",
                  **fault("delay=3"))  # fmt: skip
    assert info.value.request_id == "rid-late"
    assert time.monotonic() - started < SLACK
    await still_usable(api)


async def test_a_deadline_covers_every_attempt(api: Api, server: LocalCoreX) -> None:
    # Each attempt is slow and would time out at 0.4 s; the deadline ends the third early.
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await api("chat", **CHAT, timeout=0.4, max_retries=10, deadline=1.0, request_id="rid-d",
                  **fault("delay=3"))  # fmt: skip
    assert time.monotonic() - started < SLACK
    assert 2 <= server.attempts("rid-d") <= 4


async def test_no_retry_starts_that_would_end_past_the_deadline(
    api: Api, server: LocalCoreX, sleeps: list[float]
) -> None:
    with pytest.raises(InternalServerError):
        await api("chat", **CHAT, deadline=3.0, request_id="rid-ra",
                  **fault("status=503;retry_after=10"))  # fmt: skip
    assert sleeps == []  # the final error at once, not a 10 s sleep past the deadline
    assert server.attempts("rid-ra") == 1


async def test_a_deadline_bounds_a_stream_read_to_its_end(api: Api) -> None:
    error, took = await timed_out(api, read_chat, deadline=0.6, **fault("stream_keepalive_after=1"))
    assert "deadline of 0.6 s" in str(error)
    assert took < SLACK


async def test_a_generous_deadline_changes_nothing(api: Api, server: LocalCoreX) -> None:
    reply = await api(
        "chat", **CHAT, deadline=30, request_id="rid-ok", **fault("status=503;times=1")
    )
    assert reply.choices[0].message.content.startswith("Echo:")
    assert server.attempts("rid-ok") == 2


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), True, "5"])
@pytest.mark.parametrize("option", ["deadline", "stream_idle_timeout"])
async def test_bad_bounds_are_refused_before_sending(
    api: Api, server: LocalCoreX, option: str, value: object
) -> None:
    with pytest.raises(RequestValidationError, match=option):
        await api("chat", **CHAT, request_id="rid-bad", **{option: value})
    assert server.attempts("rid-bad") == 0


@pytest.mark.parametrize("model", ["test/stream-keepalive-1", "test/stream-stall-1"])
async def test_stalled_streams_by_model_name(api: Api, model: str) -> None:
    error, took = await timed_out(api, read_chat, stream_idle_timeout=0.5, model=model)
    assert error.request_id
    assert took < SLACK
