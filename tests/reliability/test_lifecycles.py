"""A stream's life beyond the happy path, for both clients: a deadline that bounds every read
(also one that starts after a server's few late bytes), a stream dropped unread, a download
that cannot be written, and `close()` from another thread while a stream is being read."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.adapter import settle
from tests.reliability._scripted import LATE, ScriptedServer
from tests.reliability.conftest import (
    KINDS,
    STREAMS,
    Client,
    consume,
    open_stream,
    pieces,
)
from tests.reliability.test_scripted_faults import assert_pool_usable
from zaguan import APITimeoutError, AsyncZaguanClient, ClientClosedError, ZaguanClient

DEADLINE = 1.0
DEADLINE_SLACK = 0.6
"""Seconds past the deadline a call may end: generous for a loaded two-core machine (the
measured slack is in docs/reliability.md). A read given the whole deadline again after the
server's late bytes (`LATE` s) would end at LATE + DEADLINE, past this bound."""
CLOSE_BOUND = 5.0  # seconds `close()` may take to end a blocked stream (measured: far less)
KEY = "zk-test-key"


async def _started(client: Client, kind: str, script: str) -> Any:
    """The stream of ``kind``, its request sent and its headers received."""
    stream = open_stream(client, kind, script)
    return await stream if isinstance(client, AsyncZaguanClient) else stream


async def _ends_at(client: Client, kind: str) -> float:
    """Seconds a call of ``kind`` took to fail on `late-bytes` with a deadline, after a clean
    call (the first of a process imports the generated models before its deadline starts)."""
    await consume(client, kind, "ok")
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match="deadline"):
        await consume(client, kind, "late-bytes", deadline=DEADLINE)
    return time.monotonic() - started


async def test_a_deadline_bounds_every_read(
    make_client: Callable[..., Client], scripted: ScriptedServer, flavour: str
) -> None:
    """Every body kind at once (each on its own pool), so the test takes one deadline."""
    clients = {kind: make_client(scripted.base_url, timeout=5) for kind in KINDS}
    calls = [_ends_at(client, kind) for kind, client in clients.items()]
    if flavour == "sync":  # the sync clients block: one thread each
        with ThreadPoolExecutor(len(calls)) as pool:
            took = list(pool.map(asyncio.run, calls))
    else:
        took = await asyncio.gather(*calls)
    assert max(took) < DEADLINE + DEADLINE_SLACK < LATE + DEADLINE, dict(
        zip(KINDS, took, strict=True)
    )
    await assert_pool_usable(clients["json"])


@pytest.mark.parametrize("kind", [*STREAMS, "download"])
async def test_a_stream_dropped_unread_is_closed_with_a_warning(client: Client, kind: str) -> None:
    """As Python's own files and sockets: a `ResourceWarning`, and the connection freed (the
    pool has ONE: the next call would wait for it and time out)."""
    held = [await _started(client, kind, "endless")]
    with pytest.warns(ResourceWarning, match="unclosed"):
        held.clear()  # the last reference: collected at once
    gc.collect()
    await assert_pool_usable(client)


async def test_write_to_a_path_it_cannot_open_frees_the_connection(
    client: Client, tmp_path: Path
) -> None:
    audio = await _started(client, "download", "endless")
    with pytest.raises(FileNotFoundError):
        await settle(audio.write_to(tmp_path / "no-such-folder" / "hello.wav"))
    await assert_pool_usable(client)
    del audio  # kept alive until here: only write_to can have freed the connection


@pytest.mark.parametrize("opened_by", ["client", "copy"])
@pytest.mark.parametrize("kind", [*STREAMS, "download"])
def test_close_from_another_thread_ends_a_blocked_stream(
    scripted: ScriptedServer, kind: str, opened_by: str
) -> None:
    """The reader waits on a silent server (30 s read timeout); `close()` in this thread ends
    its wait at once, with `ClientClosedError`. A copy's stream ends too: the pool is shared."""
    client = ZaguanClient(KEY, base_url=scripted.base_url, timeout=30, max_retries=0)
    opener = client if opened_by == "client" else client.with_options(deadline=60)
    stream = open_stream(opener, kind, "hold-after-headers")
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in pieces(stream, kind):
                pass
        except Exception as exc:
            errors.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(0.3)  # time to block in its read
    started = time.monotonic()
    client.close()
    reader.join(CLOSE_BOUND)
    assert not reader.is_alive(), "close() left the reader blocked"
    assert time.monotonic() - started < CLOSE_BOUND
    [error] = errors
    assert type(error) is ClientClosedError
    assert "closed" in str(error)


@pytest.mark.parametrize("kind", [*STREAMS, "download"])
async def test_aclose_ends_a_stream_another_task_reads(scripted: ScriptedServer, kind: str) -> None:
    client = AsyncZaguanClient(KEY, base_url=scripted.base_url, timeout=30, max_retries=0)
    stream = await _started(client, kind, "hold-after-headers")

    async def read() -> None:
        async for _ in pieces(stream, kind):
            pass

    reader = asyncio.create_task(read())
    await asyncio.wait([reader], timeout=0.3)  # time to block in its read
    started = time.monotonic()
    await client.aclose()
    with pytest.raises(ClientClosedError, match="closed"):
        await asyncio.wait_for(reader, CLOSE_BOUND)
    assert time.monotonic() - started < CLOSE_BOUND
