"""``stream_idle_timeout`` and ``deadline`` against servers that keep each read quick but
never finish: keep-alives only, and a trickle of one byte every 50 ms. Both clients, given
per client and per call; each ends as `APITimeoutError` in bounded time, pool still usable."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.reliability._scripted import ScriptedServer
from tests.reliability.conftest import BOUND, STREAMS, Client, consume
from tests.reliability.test_scripted_faults import assert_pool_usable
from zaguan import APITimeoutError, InternalServerError
from zaguan.testing import FAULT_HEADER, LocalCoreX

WHERE = ("client", "call")


async def _times_out(client: Client, kind: str, script: str, **options: Any) -> None:
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as info:
        await consume(client, kind, script, request_id="rid-bound", **options)
    assert time.monotonic() - started < BOUND
    assert info.value.request_id == "rid-bound"
    # The pool, through a copy without the bounds under test: a loaded machine may take more
    # than the 1 s deadline for the clean call too (the scripted server is a thread of this one).
    await assert_pool_usable(client.with_options(deadline=None, stream_idle_timeout=None))


def _client_and_options(
    make_client: Callable[..., Client], base_url: str, where: str, **bound: float
) -> tuple[Client, dict[str, float]]:
    if where == "client":
        return make_client(base_url, timeout=5, **bound), {}
    return make_client(base_url, timeout=5), bound


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("kind", STREAMS)
async def test_keepalives_alone_hit_the_idle_timeout(
    make_client: Callable[..., Client], scripted: ScriptedServer, kind: str, where: str
) -> None:
    """Comments (and Anthropic pings) every 50 ms keep each read under the 5 s read timeout:
    only the idle timeout, which they do not reset, can end the wait."""
    client, options = _client_and_options(
        make_client, scripted.base_url, where, stream_idle_timeout=0.5
    )
    await _times_out(client, kind, "keepalive-only", **options)


TRICKLED = [
    *((kind, where) for kind in STREAMS for where in WHERE),
    *((kind, "call") for kind in ("json", "download")),
]


@pytest.mark.parametrize(("kind", "where"), TRICKLED)
async def test_a_trickle_that_never_ends_hits_the_deadline(
    make_client: Callable[..., Client], scripted: ScriptedServer, kind: str, where: str
) -> None:
    client, options = _client_and_options(make_client, scripted.base_url, where, deadline=1.0)
    await _times_out(client, kind, "trickle-forever", **options)


async def test_the_deadline_bounds_retries_and_backoffs(
    make_client: Callable[..., Client], corex_server: LocalCoreX
) -> None:
    """Ten retries of a 503 with real back-off would take many seconds; the deadline ends
    the call within about one, with the server's last word."""
    client = make_client(corex_server.base_url, api_key=corex_server.api_key, max_retries=10)
    started = time.monotonic()
    with pytest.raises((InternalServerError, APITimeoutError)):
        await consume(client, "json", deadline=1.0, extra_headers={FAULT_HEADER: "status=503"})
    assert time.monotonic() - started < BOUND
