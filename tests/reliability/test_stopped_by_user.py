"""An endless answer stopped by the user: the connection is released at once and the next
call on the same pool of ONE connection works, for each way of stopping and both clients."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.reliability.conftest import BOUND, STREAMS, Client, open_stream
from tests.reliability.test_scripted_faults import assert_pool_usable
from zaguan import AsyncZaguanClient

STOPS = ("with-break", "close", "break")  # `break` alone: no `with`, no close()


def _open(client: Client, kind: str) -> Any:
    return open_stream(client, kind, "endless")


def _items(stream: Any, kind: str) -> Any:
    return stream if kind in STREAMS else stream.iter_bytes(16)


def _sync_stop(client: Client, kind: str, stop: str) -> tuple[int, Any]:
    """Items taken, and the stream (None when the caller never held it): the test keeps it
    alive, so that only ``close`` or the ``with`` exit can have freed the connection."""
    taken, stream = 0, None
    if stop == "with-break":
        with _open(client, kind) as stream:
            for _ in _items(stream, kind):
                taken += 1
                if taken == 3:
                    break
    elif stop == "close":
        stream = _open(client, kind)
        for _ in _items(stream, kind):
            taken += 1
            if taken == 3:
                break
        stream.close()
    else:
        for _ in _items(_open(client, kind), kind):
            taken += 1
            if taken == 3:
                break
    return taken, stream


async def _async_stop(client: Client, kind: str, stop: str) -> tuple[int, Any]:
    taken = 0
    stream = _open(client, kind)
    stream = await stream if kind == "download" else stream
    if stop == "with-break":
        async with stream:
            async for _ in _items(stream, kind):
                taken += 1
                if taken == 3:
                    break
    else:
        async for _ in _items(stream, kind):
            taken += 1
            if taken == 3:
                break
        if stop == "close":
            await stream.close()
    return taken, stream if stop != "break" else None


@pytest.mark.parametrize("stop", STOPS)
@pytest.mark.parametrize("kind", [*STREAMS, "download"])
async def test_an_endless_answer_stopped_frees_the_connection(
    client: Client, kind: str, stop: str
) -> None:
    started = time.monotonic()
    if isinstance(client, AsyncZaguanClient):
        taken, held = await _async_stop(client, kind, stop)
    else:
        taken, held = _sync_stop(client, kind, stop)
    assert taken == 3
    await assert_pool_usable(client)
    del held
    assert time.monotonic() - started < BOUND
