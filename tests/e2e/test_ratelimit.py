"""A shared rate limit against a local CoreX that enforces its own, over real HTTP.

The server and the clients' limiters read one fake clock, which only the clients' waits (their
``_sleep`` seams) move: a minute of budget costs no real time.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx2
import pytest

from zaguan import AsyncZaguanClient, RateLimit, RateLimitError, ZaguanClient
from zaguan.testing import LocalCoreX, set_testing

KEY = "zk-local-pro"
# About 200 tokens an answer by the server's count (a word each), about 330 by the client's
# estimate before the usage corrects it.
PROMPT = " ".join(f"word{n}" for n in range(200))
CALLS = 40


class SharedClock:
    """One fake time for the server (a datetime) and the limiters (seconds)."""

    def __init__(self) -> None:
        self.now = 1_767_225_600.0
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        return datetime.fromtimestamp(self.now, UTC)

    def seconds(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)

    def attach(self, client: Any) -> Any:
        """``client`` (or a copy) waiting on this clock."""
        client._config.limiter._budget.clock = self.seconds
        is_async = isinstance(client, AsyncZaguanClient)
        client._sleep = self.asleep if is_async else self.sleep
        return client


@pytest.fixture
def clock() -> SharedClock:
    return SharedClock()


@pytest.fixture
def server(clock: SharedClock) -> Iterator[LocalCoreX]:
    """60 requests and 4,000 tokens a minute for the default key (about 20 of these calls)."""
    with LocalCoreX(clock=clock, rate_limits={KEY: (60, 4000)}) as corex:
        yield corex


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def chat_fields() -> dict[str, Any]:
    return {
        "model": "test/echo", "max_tokens": 5,
        "messages": [{"role": "user", "content": PROMPT}],
    }  # fmt: skip


async def run_callers(
    client: Any, calls: int, callers: int = 8, *, raise_: bool = False
) -> list[Any]:
    """``calls`` chats from ``callers`` threads (sync) or tasks (async), each making its share
    one after the other on its own ``with_options()`` copy of ``client``; the results, or the
    exceptions (the first raised, with ``raise_``)."""
    results: list[Any] = []
    lock = threading.Lock()
    shares = [calls // callers + (n < calls % callers) for n in range(callers)]
    if isinstance(client, AsyncZaguanClient):

        async def caller(share: int) -> None:
            copy = _copy(client)
            for _ in range(share):
                try:
                    results.append(await copy.chat(**chat_fields()))
                except Exception as exc:  # collected: the test counts them
                    results.append(exc)

        await asyncio.gather(*(caller(share) for share in shares))
        return _raise_first(results) if raise_ else results

    def work(share: int) -> None:
        copy = _copy(client)
        for _ in range(share):
            try:
                result: Any = copy.chat(**chat_fields())
            except Exception as exc:  # collected: the test counts them
                result = exc
            with lock:
                results.append(result)

    threads = [threading.Thread(target=work, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return _raise_first(results) if raise_ else results


def _raise_first(results: list[Any]) -> list[Any]:
    for result in results:
        if isinstance(result, Exception):
            raise result
    return results


def _copy(client: Any) -> Any:
    """A ``with_options()`` copy (sharing the budget) that waits as ``client`` does."""
    copy = client.with_options()
    copy._sleep = client._sleep
    return copy


@pytest.fixture
async def make_client(flavour: str, server: LocalCoreX) -> AsyncIterator[Any]:
    """``make_client(**kwargs)``: a client of the test's flavour on `server`, closed after."""
    made: list[Any] = []

    def make(**kwargs: Any) -> Any:
        cls = AsyncZaguanClient if flavour == "async" else ZaguanClient
        made.append(cls(server.api_key, base_url=server.base_url, timeout=10, **kwargs))
        return made[-1]

    yield make
    for client in made:
        closed = client.close()
        if asyncio.iscoroutine(closed):
            await closed


async def test_the_load_exceeds_the_servers_limit_without_a_rate_limit(
    make_client: Any, server: LocalCoreX
) -> None:
    """The control: the same callers with no limit of their own meet the server's 429s."""
    client = make_client(max_retries=0)
    results = await run_callers(client, CALLS)
    assert any(isinstance(r, RateLimitError) for r in results)
    assert server.rate_limited() > 0


async def test_callers_sharing_a_budget_below_the_servers_meet_no_429(
    make_client: Any, server: LocalCoreX, clock: SharedClock
) -> None:
    limit = RateLimit(requests_per_minute=50, tokens_per_minute=3000)
    client = clock.attach(make_client(rate_limit=limit))
    start = clock.now
    results = await run_callers(client, CALLS)
    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []
    assert len(results) == CALLS
    assert server.rate_limited() == 0
    # The tokens decide: about 200 a call at 3,000 a minute is about 15 calls a minute.
    used = sum(r.usage.total_tokens for r in results)
    assert clock.now - start >= (used - 4000) / 3000 * 60


async def test_following_the_servers_headers_alone_keeps_most_calls_out_of_429(
    make_client: Any, server: LocalCoreX, clock: SharedClock
) -> None:
    """``RateLimit()``: no numbers of its own, the server's x-ratelimit-* headers only. A
    call that meets a 429 anyway is retried after the pause it set for every caller."""
    client = clock.attach(make_client(rate_limit=RateLimit(), max_retries=3))
    results = await run_callers(client, CALLS // 2)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert server.rate_limited() <= 2


@pytest.fixture
def waits_for_real() -> Iterator[None]:
    """The 429 pause as in production (this suite turns waiting off)."""
    set_testing(False)
    yield
    set_testing(True)


@pytest.mark.usefixtures("waits_for_real")
async def test_a_servers_429_pauses_every_caller(
    make_client: Any, server: LocalCoreX, clock: SharedClock
) -> None:
    # The key's requests are used up by another program (plain HTTP): 60 in this minute.
    headers = {"Authorization": f"Bearer {server.api_key}"}
    with httpx2.Client(base_url=server.base_url, headers=headers) as other:
        for _ in range(60):
            assert other.get("/v1/models").status_code == 200
    limit = RateLimit(requests_per_minute=6000)  # far above the server's
    client = clock.attach(make_client(rate_limit=limit, max_retries=0))
    with pytest.raises(RateLimitError) as refused:
        await run_callers(client, 1, callers=1, raise_=True)
    assert refused.value.retry_after == 1.0  # one request back every second
    start = clock.now
    results = await run_callers(client, 8)  # every other caller waits first
    assert [r for r in results if isinstance(r, Exception)] == []
    assert server.rate_limited() == 1
    assert clock.now - start >= 8.0  # at most one request a second since the 429
