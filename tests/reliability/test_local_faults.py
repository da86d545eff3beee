"""`LocalCoreX` faults (`X-CoreX-Fault`) for every body kind and both clients, on a pool of
ONE connection: drop, slow first byte, 5xx, 429 with Retry-After, broken streams; then the
same faults for one attempt only, healed by one retry."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.reliability.conftest import BOUND, KINDS, STREAMS, Client, consume
from zaguan import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    StreamError,
    ZaguanError,
)
from zaguan import InternalServerError as ServerError
from zaguan.testing import FAULT_HEADER, LocalCoreX

ALL = tuple(KINDS)
FAULTS: list[tuple[str, tuple[str, ...], type[ZaguanError]]] = [
    ("drop=1", ALL, APIConnectionError),
    ("delay=3", ALL, APITimeoutError),
    ("status=503", ALL, ServerError),
    ("status=429;retry_after=0.2", ALL, RateLimitError),
    ("stream_drop_after=1", STREAMS, APIConnectionError),
    ("stream_cut_after=1", STREAMS, APIConnectionError),
    ("stream_error_after=1", STREAMS, StreamError),
]
CASES = [(fault, kind, cls) for fault, kinds, cls in FAULTS for kind in kinds]
HEALED = ("drop=1;times=1", "status=503;times=1", "status=429;retry_after=0.2;times=1")


@pytest.fixture
def local(make_client: Callable[..., Client], corex_server: LocalCoreX) -> Client:
    return make_client(corex_server.base_url, api_key=corex_server.api_key)


async def _options(client: Client, kind: str) -> dict[str, Any]:
    """A batch to read results of, for the JSON Lines kind (made without a fault)."""
    if kind != "jsonl":
        return {}
    params = {
        "model": "test/echo",
        "max_tokens": 5,
        "messages": [{"role": "user", "content": "hi"}],
    }
    made = client.create_messages_batch(requests=[{"custom_id": "a", "params": params}])
    batch = await made if hasattr(made, "__await__") else made
    return {"batch_id": batch.id}


@pytest.mark.parametrize(("fault", "kind", "expected"), CASES)
async def test_local_fault_raises_the_documented_error(
    local: Client, fault: str, kind: str, expected: type[ZaguanError]
) -> None:
    options = await _options(local, kind)
    started = time.monotonic()
    with pytest.raises(ZaguanError) as info:
        await consume(
            local, kind, extra_headers={FAULT_HEADER: fault}, request_id="rid-f", **options
        )
    assert time.monotonic() - started < BOUND
    assert type(info.value) is expected
    assert info.value.request_id == "rid-f"
    if expected is RateLimitError:
        assert info.value.retry_after == 0.2  # type: ignore[attr-defined]
    assert await consume(local, "json")  # the one pooled connection is usable


@pytest.mark.parametrize("fault", HEALED)
@pytest.mark.parametrize("kind", ALL)
async def test_one_retry_heals_a_one_attempt_fault(
    make_client: Callable[..., Client], corex_server: LocalCoreX, kind: str, fault: str
) -> None:
    client = make_client(corex_server.base_url, api_key=corex_server.api_key, max_retries=1)
    options = await _options(client, kind)
    clean = await consume(client, kind, **options)
    healed = await consume(
        client, kind, extra_headers={FAULT_HEADER: fault}, request_id="rid-h", **options
    )
    assert healed == clean
    assert corex_server.attempts("rid-h") == 2
