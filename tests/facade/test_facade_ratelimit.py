"""`rate_limit=`: one budget per client and its copies, fed by the answers, on a fake clock.

Each client's limiter reads `FakeTime` and sleeps through `FakeTime.sleep` (its own ``_sleep``
seam): a wait moves the clock instead of taking time.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    CHAT_PATH,
    MESSAGES,
    MODEL,
    Api,
    MakeApi,
    Reply,
    chunk_json,
    completion_json,
    error_json,
    sse,
    text_chunk,
)

from zaguan import (
    APITimeoutError,
    AsyncZaguanClient,
    AttemptStart,
    BadRequestError,
    ConfigurationError,
    RateLimit,
    RateLimitError,
    ZaguanClient,
)
from zaguan._limiter import NO_RETRY_AFTER_PAUSE, Limiter, estimate_tokens
from zaguan._retry import MAX_RETRY_AFTER
from zaguan.testing import set_testing

MESSAGE_JSON: dict[str, Any] = {
    "id": "msg_1", "type": "message", "role": "assistant", "model": MODEL,
    "content": [{"type": "text", "text": "Hi"}], "stop_reason": "end_turn",
    "stop_sequence": None, "usage": {"input_tokens": 3, "output_tokens": 4},
}  # fmt: skip
EMBEDDINGS_JSON: dict[str, Any] = {
    "object": "list", "model": MODEL, "usage": {"prompt_tokens": 6, "total_tokens": 6},
    "data": [{"object": "embedding", "index": 0, "embedding": [0.5]}],
}  # fmt: skip
CHAT = {"model": MODEL, "messages": MESSAGES}


class FakeTime:
    """The limiters' clock, moved by the clients' sleeps, which it records."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def attach(self, client: Any) -> Any:
        """``client`` (a copy too) waiting on this clock; returns it."""
        if client._config.limiter is not None:
            client._config.limiter._budget.clock = self
        if isinstance(client, AsyncZaguanClient):

            async def asleep(seconds: float) -> None:
                self.sleeps.append(seconds)
                self.now += seconds
                await asyncio.sleep(0)

            client._sleep = asleep  # type: ignore[method-assign]
        else:

            def sleep(seconds: float) -> None:
                self.sleeps.append(seconds)
                self.now += seconds

            client._sleep = sleep  # type: ignore[method-assign]
        return client


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
def limited(make_api: MakeApi, fake: FakeTime) -> Any:
    """``limited(rpm, tpm)``: an `Api` whose client has that rate limit, on `fake`."""

    def make(rpm: float | None = None, tpm: float | None = None, **kwargs: Any) -> Api:
        rate_limit = RateLimit(requests_per_minute=rpm, tokens_per_minute=tpm)
        api = make_api(rate_limit=rate_limit, **kwargs)
        fake.attach(api.client)
        return api

    return make


@pytest.fixture
def waits_for_real() -> Any:
    """Back-off and 429 pauses as in production (the suite turns them off)."""
    set_testing(False)
    yield
    set_testing(True)


async def call(client: ZaguanClient | AsyncZaguanClient, method: str = "chat", **kw: Any) -> Any:
    result = getattr(client, method)(**(kw or CHAT))
    return await result if isinstance(client, AsyncZaguanClient) else result


# -- configuration -------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [{"requests_per_minute": 60}, 60, "60/min", True])
def test_rate_limit_must_be_a_rate_limit(bad: Any, flavour: str) -> None:
    cls = AsyncZaguanClient if flavour == "async" else ZaguanClient
    with pytest.raises(ConfigurationError, match=r"rate_limit must be a zaguan\.RateLimit"):
        cls("k", base_url="https://corex.test", rate_limit=bad)
    with pytest.raises(ConfigurationError, match=r"rate_limit must be a zaguan\.RateLimit"):
        cls("k", base_url="https://corex.test").with_options(rate_limit=bad)


async def test_copies_share_the_budget_unless_given_their_own(limited: Any) -> None:
    api = limited(rpm=60)
    client = api.client
    limiter = client._config.limiter
    assert client.with_options(max_retries=1)._config.limiter is limiter
    assert client.copy(timeout=3).with_options(deadline=9)._config.limiter is limiter
    assert client.with_options(rate_limit=RateLimit())._config.limiter not in (None, limiter)
    assert client.with_options(rate_limit=None)._config.limiter is None
    assert "Limiter" not in repr(client)


async def test_no_rate_limit_no_waits(make_api: MakeApi, mock: respx.MockRouter) -> None:
    api = make_api()
    mock.post(CHAT_PATH).respond(json=completion_json())
    assert api.client._config.limiter is None
    dispatch = api.client._config.dispatch  # OpenTelemetry's hooks, when installed
    assert dispatch is None or not any(isinstance(h, Limiter) for h in dispatch.given)
    await call(api.client)


# -- waiting -------------------------------------------------------------------------------


async def test_calls_wait_through_the_sleep_seam(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(rpm=60)  # one a second
    route = mock.post(CHAT_PATH).respond(json=completion_json())
    for _ in range(3):
        await call(api.client)
    assert fake.sleeps == [1.0, 1.0]
    assert route.call_count == 3


async def test_the_client_and_its_copies_draw_from_one_budget(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(rpm=60)
    mock.post(CHAT_PATH).respond(json=completion_json())
    copies = [api.client, fake.attach(api.client.with_options(max_retries=1))]
    copies.append(fake.attach(copies[1].copy(timeout=5)))
    for client in copies * 2:
        await call(client)
    assert fake.sleeps == [1.0] * 5


class Released:
    """Hooks recording, as each attempt goes, its budgeted time and the fake clock."""

    def __init__(self, fake: FakeTime) -> None:
        self.fake = fake
        self.lock = threading.Lock()
        self.times: list[tuple[float, float]] = []  # (time given, clock when it went)

    def on_request(self, event: AttemptStart) -> None:
        [reservation] = [v for k, v in event.call.state.items() if isinstance(k, Limiter)]
        with self.lock:
            self.times.append((reservation.at - 1000.0, self.fake.now - 1000.0))

    def check(self) -> list[float]:
        """The times given, sorted, once checked that none went before its time."""
        assert all(went >= given - 1e-6 for given, went in self.times)
        return sorted(round(given, 6) for given, _ in self.times)


async def test_tasks_sharing_a_client_each_get_their_own_time(
    fake: FakeTime, mock: respx.MockRouter
) -> None:
    released = Released(fake)
    mock.post(CHAT_PATH).respond(json=completion_json())
    limit = RateLimit(requests_per_minute=600)
    client = AsyncZaguanClient(
        "k", base_url="https://corex.test", rate_limit=limit, hooks=[released]
    )
    fake.attach(client)

    async def one() -> None:
        await client.chat(model=MODEL, messages=MESSAGES)

    async with client:
        await asyncio.gather(*(one() for _ in range(30)))
    # 10 at once (a second's worth), then one every 0.1 s: never two in the same tenth.
    assert released.check() == [0.0] * 10 + [round(n / 10, 6) for n in range(1, 21)]


async def test_threads_sharing_a_client_never_exceed_the_rate(
    fake: FakeTime, mock: respx.MockRouter
) -> None:
    released = Released(fake)
    mock.post(CHAT_PATH).respond(json=completion_json())
    limit = RateLimit(requests_per_minute=120)  # two at once, then one every 0.5 s
    with ZaguanClient(
        "k", base_url="https://corex.test", rate_limit=limit, hooks=[released]
    ) as client:
        fake.attach(client)

        def sleep(seconds: float) -> None:  # threads: move the clock under a lock
            with released.lock:
                fake.now += seconds

        def work() -> None:
            copy = client.with_options(max_retries=0)
            copy._sleep = sleep  # type: ignore[method-assign]
            for _ in range(5):
                copy.chat(model=MODEL, messages=MESSAGES)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert released.check() == [0.0, 0.0] + [n / 2 for n in range(1, 29)]


async def test_hundreds_of_waiting_tasks_each_get_their_own_time(
    fake: FakeTime, mock: respx.MockRouter
) -> None:
    released = Released(fake)
    mock.post(CHAT_PATH).respond(json=completion_json())
    limit = RateLimit(requests_per_minute=24_000)  # 400 at once, then one every 2.5 ms
    client = AsyncZaguanClient(
        "k", base_url="https://corex.test", rate_limit=limit, hooks=[released], max_retries=0
    )
    fake.attach(client)
    async with client:
        await asyncio.gather(*(client.chat(**CHAT) for _ in range(600)))
    assert released.check() == pytest.approx(
        [0.0] * 400 + [n / 400 for n in range(1, 201)], abs=1e-6
    )
    assert len(fake.sleeps) == 200  # every waiter slept once: its wait is under a second


async def test_a_limit_below_one_requests_estimate_never_deadlocks(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    """tokens_per_minute=6: the bucket holds a tenth of a token, a chat is estimated at about
    twenty. The first goes at once and leaves the budget in debt; the next waits it out (a
    deadline makes it fail at once instead)."""
    api = limited(tpm=6)
    small = {**CHAT, "max_tokens": 1}
    estimates: list[int] = []

    def answer(request: httpx2.Request) -> Reply:
        estimates.append(estimate_tokens(request)[1])
        return Reply(200, json={k: v for k, v in completion_json().items() if k != "usage"})

    mock.post(CHAT_PATH).mock(side_effect=answer)
    await call(api.client, **small)
    assert fake.sleeps == []
    with pytest.raises(APITimeoutError, match="rate limit"):
        await call(api.client, **small, deadline=60)
    await call(api.client, **small)
    assert sum(fake.sleeps) == pytest.approx(estimates[0] * 10)  # a token every 10 s
    assert estimates[0] > 10


# -- the deadline --------------------------------------------------------------------------


async def test_a_wait_past_the_deadline_fails_at_once_and_gives_its_place_back(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(rpm=60)
    route = mock.post(CHAT_PATH).respond(json=completion_json())
    await call(api.client)
    with pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s would pass .* rate limit"):
        await call(api.client, model=MODEL, messages=MESSAGES, deadline=0.5)
    assert route.call_count == 1
    assert fake.sleeps == []
    await call(api.client)  # in the place the failed call gave back: 1 s, not 2
    assert fake.sleeps == [1.0]


async def test_a_wait_within_the_deadline_is_waited(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(rpm=60, deadline=30)
    mock.post(CHAT_PATH).respond(json=completion_json())
    await call(api.client)
    await call(api.client)
    assert fake.sleeps == [1.0]


# -- the server's word ---------------------------------------------------------------------


async def test_the_servers_headers_lower_the_budget(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited()  # RateLimit(): the server's word only
    headers = {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "2s500ms"}
    mock.post(CHAT_PATH).respond(json=completion_json(), headers=headers)
    await call(api.client)
    await call(api.client)
    assert fake.sleeps == [1.0, 1.0, 0.5]  # 2.5 s, looked at every second


@pytest.mark.parametrize(
    "headers",
    [
        {"x-ratelimit-remaining-requests": "-1", "x-ratelimit-reset-requests": "1s"},
        {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "never"},
        {"x-ratelimit-remaining-tokens": "lots", "x-ratelimit-reset-tokens": "-5s"},
        {"x-ratelimit-limit-requests": "0", "x-ratelimit-remaining-requests": "0",
         "x-ratelimit-reset-requests": "1s"},
        {"x-ratelimit-remaining-requests": "0"},
        {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": b"\xe9\xff"},
    ],
)  # fmt: skip
async def test_garbage_headers_are_ignored(
    limited: Any, fake: FakeTime, mock: respx.MockRouter, headers: dict[str, Any]
) -> None:
    api = limited()
    mock.post(CHAT_PATH).respond(json=completion_json(), headers=headers)
    for _ in range(3):
        await call(api.client)
    assert fake.sleeps == []


def _rate_limited(**headers: str) -> Reply:
    return Reply(429, json=error_json("rate_limit_exceeded"), headers=headers)


@pytest.mark.parametrize(
    ("answer", "pause"),
    [
        (_rate_limited(**{"Retry-After": "3"}), 3.0),
        (Reply(429, json=error_json("rate_limit_exceeded", retry_after=2)), 2.0),
        (_rate_limited(), NO_RETRY_AFTER_PAUSE),
        (_rate_limited(**{"Retry-After": "1e9"}), NO_RETRY_AFTER_PAUSE),  # unreadable
        (_rate_limited(**{"Retry-After": "1000000000"}), MAX_RETRY_AFTER),  # capped
    ],
)
@pytest.mark.usefixtures("waits_for_real")
async def test_a_429_pauses_every_caller_of_the_budget(
    limited: Any, fake: FakeTime, mock: respx.MockRouter, answer: Reply, pause: float
) -> None:
    api = limited(max_retries=0)
    route = mock.post(CHAT_PATH)
    route.side_effect = [answer, Reply(200, json=completion_json())]
    with pytest.raises(RateLimitError):
        await call(api.client)
    other = fake.attach(api.client.with_options(max_retries=0))  # another caller
    await call(other)
    assert sum(fake.sleeps) == pytest.approx(pause)
    assert route.call_count == 2


@pytest.mark.usefixtures("waits_for_real")
async def test_a_long_pause_fails_a_call_whose_deadline_is_shorter(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(max_retries=0)
    route = mock.post(CHAT_PATH).mock(return_value=_rate_limited(**{"Retry-After": "30"}))
    with pytest.raises(RateLimitError):
        await call(api.client)
    with pytest.raises(APITimeoutError, match="rate limit"):
        await call(api.client, model=MODEL, messages=MESSAGES, deadline=5)
    assert route.call_count == 1
    assert fake.sleeps == []


async def test_the_pause_is_off_while_testing(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    """`set_testing(True)` (this suite's default) waits neither the retry nor the pause."""
    api = limited(max_retries=1)
    route = mock.post(CHAT_PATH)
    route.side_effect = [_rate_limited(**{"Retry-After": "3"}), Reply(200, json=completion_json())]
    await call(api.client)
    assert fake.sleeps == [0.0]  # the retry's own (zero) delay, and no pause


# -- usage corrects the estimate -----------------------------------------------------------


def _second_wait(fake: FakeTime) -> float:
    return round(sum(fake.sleeps), 6)


@pytest.mark.parametrize(
    ("path", "method", "body", "kwargs", "used"),
    [
        (CHAT_PATH, "chat", completion_json(), CHAT, 5),
        ("/v1/messages", "messages", MESSAGE_JSON,
         {"model": MODEL, "messages": MESSAGES, "max_tokens": 10}, 7),
        ("/v1/embeddings", "create_embeddings", EMBEDDINGS_JSON, {"model": MODEL, "input": "a b"},
         6),
    ],
)  # fmt: skip
async def test_the_answers_usage_replaces_the_estimate(
    limited: Any,
    fake: FakeTime,
    mock: respx.MockRouter,
    path: str,
    method: str,
    body: dict[str, Any],
    kwargs: dict[str, Any],
    used: int,
) -> None:
    """tokens_per_minute=60 is a token a second: the second call waits for the first's
    tokens, its usage (not its estimate) once the answer told."""
    api = limited(tpm=60)
    mock.post(path).respond(json=body)
    await call(api.client, method, **kwargs)
    await call(api.client, method, **kwargs)
    assert _second_wait(fake) == used


async def test_without_usage_the_estimate_stays(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(tpm=60)
    estimates: list[int] = []

    def answer(request: httpx2.Request) -> Reply:
        estimates.append(estimate_tokens(request)[1])
        return Reply(200, json={k: v for k, v in completion_json().items() if k != "usage"})

    mock.post(CHAT_PATH).mock(side_effect=answer)
    await call(api.client)
    await call(api.client)
    assert _second_wait(fake) == estimates[0] > 1000  # the default output allowance


async def test_a_refused_request_used_no_tokens(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    api = limited(tpm=60)
    route = mock.post(CHAT_PATH)
    route.side_effect = [
        Reply(400, json=error_json("invalid_request_error")),
        Reply(200, json=completion_json()),
    ]
    with pytest.raises(BadRequestError):
        await call(api.client)
    await call(api.client)
    assert fake.sleeps == []


@pytest.mark.parametrize("with_usage", [True, False])
async def test_a_stream_is_corrected_by_its_final_usage_chunk(
    limited: Any, fake: FakeTime, mock: respx.MockRouter, with_usage: bool
) -> None:
    api = limited(tpm=60)
    usage = {"prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3}
    events = [text_chunk("Hi"), chunk_json({}, finish_reason="stop")]
    if with_usage:
        events.append(chunk_json(usage=usage))
    estimates: list[int] = []

    def answer(request: httpx2.Request) -> Reply:
        estimates.append(estimate_tokens(request)[1])
        return Reply(200, headers={"Content-Type": "text/event-stream"}, content=sse(*events))

    mock.post(CHAT_PATH).mock(side_effect=answer)
    for _ in range(2):
        await api.read(await api.start(**CHAT))
    assert _second_wait(fake) == (3 if with_usage else estimates[0])


# -- hostile -------------------------------------------------------------------------------


async def test_closing_the_client_releases_its_waiters(
    limited: Any, fake: FakeTime, mock: respx.MockRouter
) -> None:
    """A call waiting 60 s notices within a slice that its client was closed, and fails as
    any call on a closed client does, without sending."""
    api = limited(rpm=1)
    route = mock.post(CHAT_PATH).respond(json=completion_json())
    await call(api.client)
    client = api.client
    if isinstance(client, AsyncZaguanClient):

        async def close_then_sleep(seconds: float) -> None:
            fake.sleeps.append(seconds)
            await client.close()

        client._sleep = close_then_sleep  # type: ignore[method-assign]
    else:

        def sync_close_then_sleep(seconds: float) -> None:
            fake.sleeps.append(seconds)
            client.close()

        client._sleep = sync_close_then_sleep  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match="closed"):
        await call(client)
    assert fake.sleeps == [1.0]
    assert route.call_count == 1


async def test_a_cancelled_waiter_gives_its_place_back(
    fake: FakeTime, mock: respx.MockRouter
) -> None:
    mock.post(CHAT_PATH).respond(json=completion_json())
    limit = RateLimit(requests_per_minute=60)
    async with AsyncZaguanClient("k", base_url="https://corex.test", rate_limit=limit) as client:
        fake.attach(client)
        await client.chat(**CHAT)
        started = asyncio.Event()

        async def forever(seconds: float) -> None:
            started.set()
            await asyncio.Event().wait()

        waiter = client.with_options()
        waiter._sleep = forever  # type: ignore[method-assign]
        task = asyncio.create_task(waiter.chat(**CHAT))
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await client.chat(**CHAT)  # its place (1 s from the first), not the one after
    assert fake.sleeps == [1.0]


async def test_one_budget_across_event_loops(fake: FakeTime, mock: respx.MockRouter) -> None:
    """Copies of one async client, each used from its own event loop in its own thread."""
    sent: list[float] = []
    lock = threading.Lock()

    def answer(request: httpx2.Request) -> Reply:
        with lock:
            sent.append(fake.now)
        return Reply(200, json=completion_json())

    mock.post(CHAT_PATH).mock(side_effect=answer)
    limit = RateLimit(requests_per_minute=60)
    client = AsyncZaguanClient("k", base_url="https://corex.test", rate_limit=limit)
    fake.attach(client)

    def loop() -> None:
        async def run() -> None:
            async with client.with_options() as copy:

                async def sleep(seconds: float) -> None:
                    with lock:
                        fake.now += seconds

                copy._sleep = sleep  # type: ignore[method-assign]
                for _ in range(3):
                    await copy.chat(**CHAT)

        asyncio.run(run())

    threads = [threading.Thread(target=loop) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    await client.close()
    assert len(sent) == 6
    assert fake.now - 1000.0 >= 5.0  # 6 requests at one a second: 5 s of waits at least


async def test_waits_and_pauses_are_logged(
    limited: Any, fake: FakeTime, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="zaguan")
    api = limited(rpm=60)
    mock.post(CHAT_PATH).respond(json=completion_json())
    await call(api.client)
    await call(api.client)
    [line] = [r.getMessage() for r in caplog.records if "rate limit" in r.getMessage()]
    assert line.startswith(f"POST {CHAT_PATH} waits 1.00 s for the rate limit request_id=")
