"""Byte-level faults from `ScriptedServer`, for every body kind and both clients.

Each failure must be the documented exception (exact class), carry the request id and no
credential, come in bounded time, and leave the pool of ONE connection usable: the next
call on the same client succeeds (a leaked connection would make it wait for the pool and
time out).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.reliability._scripted import ScriptedServer
from tests.reliability.conftest import BOUND, KINDS, STEADY, STREAMS, TIMEOUT, Client, consume
from zaguan import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    InternalServerError,
    ZaguanError,
)

ALL = tuple(KINDS)
JSON_BODIES = ("json", "multipart")  # bodies read as one JSON document
ODD_200 = ("null", "list", "string", "number")

FAILURES: list[tuple[str, tuple[str, ...], type[ZaguanError]]] = [
    ("reset-before", ALL, APIConnectionError),
    ("reset-after-headers", ALL, APIConnectionError),
    ("cut-chunked", ALL, APIConnectionError),
    ("hold", ALL, APITimeoutError),
    ("hold-after-headers", ALL, APITimeoutError),
    ("html-502", ALL, InternalServerError),
    ("invalid-utf8", JSON_BODIES, APIResponseValidationError),  # JSON is UTF-8 (RFC 8259)
    ("empty", (*JSON_BODIES, *STREAMS), APIResponseValidationError),
    *((odd, (*JSON_BODIES, *STREAMS, "jsonl"), APIResponseValidationError) for odd in ODD_200),
    ("empty-stream", STREAMS, APIConnectionError),  # ended before its end marker
]
CASES = [(script, kind, cls) for script, kinds, cls in FAILURES for kind in kinds]


def chain(error: BaseException) -> list[BaseException]:
    """``error`` and every exception it was raised from or during."""
    seen: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in seen:
        seen.append(link)
        link = link.__cause__ or link.__context__
    return seen


async def assert_pool_usable(client: Client) -> None:
    """The one connection came back: a clean call on the same client succeeds."""
    assert await consume(client, "json", "ok") == "hello"


@pytest.mark.parametrize(("script", "kind", "expected"), CASES)
async def test_fault_raises_the_documented_error(
    make_client: Callable[..., Client],
    scripted: ScriptedServer,
    script: str,
    kind: str,
    expected: type[ZaguanError],
) -> None:
    timeout = TIMEOUT if expected is APITimeoutError else STEADY  # the short one is tested
    client = make_client(scripted.base_url, timeout=timeout)
    started = time.monotonic()
    with pytest.raises(ZaguanError) as info:
        await consume(client, kind, script, request_id=f"rid-{script}")
    assert time.monotonic() - started < BOUND
    assert type(info.value) is expected
    assert info.value.request_id == f"rid-{script}"
    assert not any("zk-test-key" in f"{link!s} {link!r}" for link in chain(info.value))
    await assert_pool_usable(client)


async def test_html_502_keeps_status_and_text(client: Client) -> None:
    with pytest.raises(InternalServerError) as info:
        await consume(client, "json", "html-502")
    assert info.value.status_code == 502
    assert "502 Bad Gateway" in info.value.message
    await assert_pool_usable(client)


@pytest.mark.parametrize("kind", ALL)
async def test_a_slow_trickle_is_read_whole(client: Client, kind: str) -> None:
    """7-byte pieces: SSE lines, JSON and a two-byte 'é' or three-byte '✓' split across reads."""
    assert await consume(client, kind, "trickle") == "héllo ✓"
    await assert_pool_usable(client)


@pytest.mark.parametrize("kind", STREAMS)
async def test_invalid_utf8_in_an_sse_line_is_replaced(client: Client, kind: str) -> None:
    """WHATWG SSE decodes UTF-8 with replacement: the event stays readable."""
    assert await consume(client, kind, "invalid-utf8") == "bad \ufffd\ufffd bytes"
    await assert_pool_usable(client)


@pytest.mark.parametrize("kind", ALL)
async def test_a_1mb_line_is_read_whole(client: Client, kind: str) -> None:
    assert await consume(client, kind, "big-line") == "x" * 1_000_000
    await assert_pool_usable(client)


async def test_a_10mb_json_body(
    make_client: Callable[..., Client], scripted: ScriptedServer
) -> None:
    client = make_client(scripted.base_url, timeout=30)
    started = time.monotonic()
    assert await consume(client, "json", "huge") == "y" * 10_000_000
    assert time.monotonic() - started < 30
    await assert_pool_usable(client)


async def test_retries_of_a_reset_are_bounded_too(
    make_client: Callable[..., Client], scripted: ScriptedServer
) -> None:
    client = make_client(scripted.base_url, max_retries=2)
    served = len(scripted.served)
    with pytest.raises(APIConnectionError):
        await consume(client, "json", "reset-before")
    assert scripted.served[served:] == ["reset-before"] * 3
    await assert_pool_usable(client)
