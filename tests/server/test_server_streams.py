"""How the local CoreX sends its streams: at a pace (the server's, a request's fault or model
name), without blocking its event loop; and, when the client leaves, without a log record per
event it could no longer send."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from tests.server.conftest import Connect
from tests.server.test_server import CHAT, body
from tests.server.test_server_messages import MESSAGES, ask
from zaguan.testing import FAULT_HEADER, LocalCoreX

# "Echo: one two three four five": a ping, the role, six pieces, the finish, [DONE].
FIVE_WORDS = "one two three four five"
CHAT_EVENTS = 10
PACE = 0.02
SEND_FAILED = "socket.send() raised exception."


def stream_seconds(
    client: httpx2.Client, path: str, payload: dict[str, Any], **headers: str
) -> float:
    started = time.monotonic()
    response = client.post(path, json={**payload, "stream": True}, headers=headers)
    assert response.status_code == 200, response.text
    return time.monotonic() - started


@pytest.mark.parametrize(
    ("options", "payload", "headers"),
    [
        ({"stream_pace": PACE}, body(FIVE_WORDS), {}),
        ({}, body(FIVE_WORDS), {FAULT_HEADER: f"stream_pace={PACE}"}),
        ({}, body(FIVE_WORDS, model=f"test/stream-pace-{PACE}"), {}),
        ({"fault": f"stream_pace={PACE}"}, body(FIVE_WORDS), {}),
    ],
    ids=["server", "header", "model-name", "server-fault"],
)
def test_a_paced_stream_waits_between_its_events(
    start_corex: Callable[..., LocalCoreX],
    connect: Connect,
    options: dict[str, Any],
    payload: dict[str, Any],
    headers: dict[str, str],
) -> None:
    client = connect(start_corex(**options))
    # A lower bound only: sleeps never end early, whatever the load.
    assert stream_seconds(client, CHAT, payload, **headers) >= (CHAT_EVENTS - 1) * PACE


def test_messages_streams_are_paced_too(
    start_corex: Callable[..., LocalCoreX], connect: Connect
) -> None:
    client = connect(start_corex(stream_pace=PACE))
    # message_start, ping, block start, six text deltas, block stop, message_delta, message_stop
    assert stream_seconds(client, MESSAGES, ask(FIVE_WORDS)) >= 11 * PACE


def test_a_request_s_pace_replaces_the_server_s(
    start_corex: Callable[..., LocalCoreX], connect: Connect
) -> None:
    client = connect(start_corex(stream_pace=60), timeout=60)
    # At the server's pace this would take nine minutes.
    assert stream_seconds(client, CHAT, body(FIVE_WORDS), **{FAULT_HEADER: "stream_pace=0"}) < 60


def test_a_pace_never_blocks_the_server(
    start_corex: Callable[..., LocalCoreX], connect: Connect
) -> None:
    server = start_corex(stream_pace=60)  # a minute between two events
    client = connect(server)
    with client.stream("POST", CHAT, json=body(FIVE_WORDS, stream=True)) as response:
        assert next(response.iter_raw()).startswith(b": ping")  # the first event, at once
        # While the stream waits, the server answers others.
        assert client.get("/health").json()["status"] == "ok"


def test_the_pace_is_checked_changeable_and_reset(corex_server: LocalCoreX) -> None:
    assert corex_server.stream_pace == 0
    corex_server.stream_pace = 0.5
    assert corex_server.stream_pace == 0.5
    corex_server.reset()
    assert corex_server.stream_pace == 0
    for wrong in (-1, math.nan, math.inf, 61, "1", True, None):
        with pytest.raises(ValueError, match="stream_pace must be seconds from 0 to 60"):
            corex_server.stream_pace = wrong  # type: ignore[assignment]
        with pytest.raises(ValueError, match="stream_pace must be seconds from 0 to 60"):
            LocalCoreX(stream_pace=wrong)  # type: ignore[arg-type]


LONG = " ".join(["word"] * 5000)  # 5,000 events: about 1.3 MB, more than the socket buffers


@pytest.mark.parametrize(
    ("path", "payload"),
    [(CHAT, body(LONG)), (MESSAGES, ask(LONG, max_tokens=6000))],
    ids=["chat", "messages"],
)
def test_a_stream_left_after_one_event_logs_once_at_most(
    start_corex: Callable[..., LocalCoreX],
    connect: Connect,
    caplog: pytest.LogCaptureFixture,
    path: str,
    payload: dict[str, Any],
) -> None:
    server = start_corex()
    client = connect(server)
    caplog.set_level(logging.WARNING)
    with client.stream("POST", path, json={**payload, "stream": True}) as response:
        assert next(response.iter_raw())
    # Closed with unread data: the server's next writes meet a reset connection. Every event
    # the server goes on sending was, before the fix, one record of asyncio's logger (5,000).
    other = connect(server)  # a new connection: answered once the server's loop has had turns
    for _ in range(20):
        assert other.get("/health").status_code == 200
    failed = [r for r in caplog.records if r.getMessage() == SEND_FAILED]
    assert len(failed) <= 1
