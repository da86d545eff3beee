"""Misuse that used to escape as a raw error, each now a documented decision (see
docs/reliability.md#misuse): timeouts that cannot be waited, a closed client and its copies, an
async client reused in a second ``asyncio.run()``, and pickling a client."""

from __future__ import annotations

import asyncio
import gc
import math
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tests.adapter import settle
from tests.reliability.conftest import Client, consume
from zaguan import (
    AsyncZaguanClient,
    ClientClosedError,
    ConfigurationError,
    RateLimit,
    RequestValidationError,
    ZaguanClient,
)
from zaguan.testing import LocalCoreX

FLAVOURS = {"sync": ZaguanClient, "async": AsyncZaguanClient}
LIMIT = RateLimit(requests_per_minute=600)
UNWAITABLE = [
    math.inf,
    -1,
    0,
    math.nan,
    httpx2.Timeout(-1),
    httpx2.Timeout(5, read=math.inf),
    httpx2.Timeout(5, connect=math.nan),
    httpx2.Timeout(5, pool=0),
]


def key_of_the_environment() -> str:
    """A key function pickle can name (module level)."""
    return "zk-local-pro"


@pytest.mark.parametrize("timeout", UNWAITABLE, ids=repr)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_timeout_that_cannot_be_waited_is_refused_when_the_client_is_made(
    flavour: str, timeout: Any
) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        FLAVOURS[flavour]("zk-test-key", timeout=timeout)


@pytest.mark.parametrize("timeout", UNWAITABLE, ids=repr)
async def test_a_timeout_that_cannot_be_waited_is_refused_before_sending(
    make_client: Callable[..., Client], corex_server: LocalCoreX, timeout: Any
) -> None:
    client = make_client(corex_server.base_url, api_key=corex_server.api_key)
    with pytest.raises(RequestValidationError, match="timeout"):
        await consume(client, "json", timeout=timeout, request_id="rid-timeout")
    assert corex_server.attempts("rid-timeout") == 0


@pytest.mark.parametrize("flavour", FLAVOURS)  # clients with a pool of their own
@pytest.mark.parametrize("via", ["client", "copy made before", "copy made after"])
async def test_a_closed_client_says_so_before_sending(
    flavour: str, corex_server: LocalCoreX, via: str
) -> None:
    client = FLAVOURS[flavour](corex_server.api_key, base_url=corex_server.base_url)
    copy = client.with_options(max_retries=0)
    await settle(client.close())
    caller = {"client": client, "copy made before": copy}.get(via) or client.with_options()
    assert caller.is_closed
    for kind in ("json", "chat_stream"):
        with pytest.raises(ClientClosedError, match="closed"):
            await consume(caller, kind, request_id="rid-closed")
    assert corex_server.attempts("rid-closed") == 0


def test_an_async_client_recovers_in_a_second_asyncio_run(corex_server: LocalCoreX) -> None:
    """The pool the first loop left is dead with it: the client notices and opens a new one
    (its own pool only). The dead pool's connections could not be closed in the loop that
    owned them: Python warns about them, as about any transport a closed loop left open."""
    client = AsyncZaguanClient(corex_server.api_key, base_url=corex_server.base_url)
    assert asyncio.run(client.health()).status == "ok"
    held = [client._http]  # the first loop's pool: collected below, where it warns

    async def again() -> None:
        assert (await client.health()).status == "ok"
        assert client._http is not held[0]
        await client.aclose()

    asyncio.run(again())
    _collected_with_a_warning(held)


def _collected_with_a_warning(held: list[Any]) -> None:
    """Drop the last references to a dead loop's connections: Python warns as it closes them."""
    with pytest.warns(ResourceWarning, match="unclosed"):
        _collect(held)


def _collect(held: list[Any]) -> None:
    held.clear()
    gc.collect()  # the transports and their closed loop form cycles


def test_a_callers_http_client_of_a_dead_loop_is_refused_clearly(corex_server: LocalCoreX) -> None:
    """A caller's httpx2.AsyncClient is theirs to remake: the SDK says so instead of letting
    httpx2 fail with `RuntimeError: Event loop is closed`."""
    http = httpx2.AsyncClient()
    client = AsyncZaguanClient(corex_server.api_key, base_url=corex_server.base_url,
                               http_client=http)  # fmt: skip
    assert asyncio.run(client.health()).status == "ok"
    with pytest.raises(ConfigurationError, match="event loop"):
        asyncio.run(client.health())
    held: list[Any] = [http, client]
    del http, client
    _collected_with_a_warning(held)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("api_key", ["zk-local-pro", key_of_the_environment])
def test_a_client_pickles_as_a_fresh_client_with_its_settings(
    corex_server: LocalCoreX, flavour: str, api_key: Any
) -> None:
    client = FLAVOURS[flavour](
        api_key, base_url=corex_server.base_url, timeout=7, max_retries=4, deadline=30,
        default_headers={"X-Team": "a"}, rate_limit=LIMIT,
    ).with_options(stream_idle_timeout=9)  # fmt: skip
    again = pickle.loads(pickle.dumps(client))
    assert type(again) is type(client)
    assert again._http is not client._http
    assert (again.base_url, again.timeout, again.max_retries, again.deadline) == (
        corex_server.base_url, httpx2.Timeout(7), 4, 30,
    )  # fmt: skip
    assert again.stream_idle_timeout == 9
    assert again._config.headers["X-Team"] == "a"
    limiter = again._config.limiter
    assert limiter is not None
    assert limiter is not client._config.limiter  # its own budget, of the same limits
    assert limiter.limit == LIMIT
    if isinstance(again, ZaguanClient):
        assert again.health().status == "ok"
        again.close()


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_what_cannot_be_pickled_is_named(flavour: str) -> None:
    cls = FLAVOURS[flavour]
    with pytest.raises(TypeError, match="api_key function"):
        pickle.dumps(cls(lambda: "zk-test-key"))
    http = httpx2.Client() if flavour == "sync" else httpx2.AsyncClient()
    with pytest.raises(TypeError, match="http_client"):
        pickle.dumps(cls("zk-test-key", http_client=http))  # type: ignore[arg-type]


async def test_a_closed_file_is_refused_before_sending(
    make_client: Callable[..., Client], corex_server: LocalCoreX, tmp_path: Path
) -> None:
    path = tmp_path / "hello.wav"
    path.write_bytes(b"RIFF")
    with path.open("rb") as handle:
        pass
    client = make_client(corex_server.base_url, api_key=corex_server.api_key)
    with pytest.raises(RequestValidationError, match=re.escape("'hello.wav' is closed")):
        await settle(client.create_transcription(file=handle, model="openai/whisper-1",
                                                 request_id="rid-file"))  # fmt: skip
    assert corex_server.attempts("rid-file") == 0
