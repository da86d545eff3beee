"""The rate budget (zaguan/_ratelimit.py) and the x-ratelimit-* headers, on a fake clock."""

from __future__ import annotations

import math
import threading
from typing import Any

import httpx2
import pytest

from zaguan import ConfigurationError, RateLimit
from zaguan._limiter import DEFAULT_OUTPUT_TOKENS, estimate_tokens
from zaguan._ratelimit import (
    ADMISSION_WINDOW,
    MAX_SERVER_WAIT,
    RateBudget,
    Reservation,
)
from zaguan._ratelimit_headers import ServerLimit, parse_duration, server_limits


class Clock:
    """A clock that moves only when the test says."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def budget(clock: Clock, rpm: float | None = None, tpm: float | None = None) -> RateBudget:
    return RateBudget(RateLimit(requests_per_minute=rpm, tokens_per_minute=tpm), clock)


def delays(b: RateBudget, *reservations: Reservation) -> list[float]:
    return [round(b.delay(r), 6) for r in reservations]


def limits(remaining: int, reset: float, limit: int | None = None) -> dict[str, ServerLimit]:
    return {"requests": ServerLimit(remaining, reset, limit)}


# -- RateLimit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [math.nan, math.inf, -math.inf, 0, -1, 0.0, True, False, "60", [60], 1j]
)
@pytest.mark.parametrize("field", ["requests_per_minute", "tokens_per_minute"])
def test_a_limit_must_be_a_positive_finite_number(field: str, value: Any) -> None:
    with pytest.raises(ConfigurationError, match=field):
        RateLimit(**{field: value})


def test_a_rate_limit_is_frozen_and_accepts_ints_floats_and_none() -> None:
    limit = RateLimit(requests_per_minute=60, tokens_per_minute=0.5)
    assert limit.per_minute() == {"requests": 60.0, "tokens": 0.5}
    assert RateLimit().per_minute() == {}
    with pytest.raises(AttributeError):
        limit.requests_per_minute = 1  # type: ignore[misc]


# -- buckets -------------------------------------------------------------------------------


def test_requests_go_in_a_burst_of_one_second_then_one_by_one(clock: Clock) -> None:
    b = budget(clock, rpm=600)  # 10 per second
    reservations = [b.reserve(0) for _ in range(13)]
    assert delays(b, *reservations) == [0.0] * 10 + [0.1, 0.2, 0.3]


def test_a_slow_limit_spaces_every_request(clock: Clock) -> None:
    b = budget(clock, rpm=30)  # one every 2 s, a bucket of half a request
    assert delays(b, *(b.reserve(0) for _ in range(3))) == [0.0, 2.0, 4.0]


def test_the_budget_refills_with_time(clock: Clock) -> None:
    b = budget(clock, rpm=60)
    assert delays(b, b.reserve(0), b.reserve(0)) == [0.0, 1.0]
    clock.now += 10  # idle: the bucket is full again, but holds no more than a second
    assert delays(b, b.reserve(0), b.reserve(0)) == [0.0, 1.0]


def test_concurrent_reservations_get_their_own_times_in_order(clock: Clock) -> None:
    """Threads reserving at once: every one gets a distinct time, one interval apart."""
    b = budget(clock, rpm=60_000)  # 1,000 per second, a burst of 1,000
    lock = threading.Lock()
    got: list[Reservation] = []

    def reserve() -> None:
        for _ in range(250):
            with lock:  # as `Limiter` holds its lock
                got.append(b.reserve(0))

    threads = [threading.Thread(target=reserve) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(r.at - clock.now for r in got)
    assert times == pytest.approx([0.0] * 1000 + [n / 1000 for n in range(1, 1001)], abs=1e-9)


def test_thousands_of_waiters_each_wait_once_for_their_own_time(clock: Clock) -> None:
    b = budget(clock, rpm=60)
    waiters = [b.reserve(0) for _ in range(5000)]
    assert delays(b, waiters[0], waiters[1], waiters[-1]) == [0.0, 1.0, 4999.0]
    clock.now += 4999
    assert b.delay(waiters[-1]) == 0


def test_tokens_and_requests_both_hold_a_request(clock: Clock) -> None:
    b = budget(clock, rpm=6000, tpm=6000)  # 100 requests/s, 100 tokens/s
    assert delays(b, b.reserve(60), b.reserve(40), b.reserve(50)) == [0.0, 0.0, 0.5]


def test_a_request_larger_than_the_whole_bucket_goes_when_it_is_full(clock: Clock) -> None:
    """tokens_per_minute=60 holds one token: a 5,000-token request would never fit. It waits
    for a full bucket (here: none, it is full), goes, and the next pays its debt."""
    b = budget(clock, tpm=60)
    big = b.reserve(5000)
    small = b.reserve(1)
    assert delays(b, big, small) == [0.0, 5000.0]
    clock.now += 2.5
    third = b.reserve(5000)  # waits for the bucket to be full again, not for 5,000 s more
    assert b.delay(third) == pytest.approx(5000.0 + 1 - 2.5)


def test_a_request_without_tokens_does_not_wait_for_the_token_debt(clock: Clock) -> None:
    b = budget(clock, tpm=60)
    b.reserve(5000)
    assert b.delay(b.reserve(0)) == 0.0


# -- corrections ---------------------------------------------------------------------------


def test_usage_below_the_estimate_gives_the_difference_back(clock: Clock) -> None:
    b = budget(clock, tpm=6000)  # 100 tokens/s, 100 at once
    first = b.reserve(100)
    b.settle(first, 10)
    assert b.delay(b.reserve(90)) == 0.0
    assert first.tokens == 10


def test_usage_above_the_estimate_takes_the_difference(clock: Clock) -> None:
    b = budget(clock, tpm=6000)
    first = b.reserve(100)
    b.settle(first, 300)
    assert b.delay(b.reserve(100)) == pytest.approx(3.0)


def test_settling_twice_with_the_same_usage_changes_nothing(clock: Clock) -> None:
    b = budget(clock, tpm=6000)
    first = b.reserve(100)
    b.settle(first, 300)
    b.settle(first, 300)
    assert b.delay(b.reserve(100)) == pytest.approx(3.0)


def test_a_refund_never_fills_the_bucket_past_its_size(clock: Clock) -> None:
    b = budget(clock, tpm=6000)
    first = b.reserve(100)
    clock.now += 10
    b.settle(first, 0)  # the bucket is full already
    assert delays(b, b.reserve(100), b.reserve(100)) == [0.0, 1.0]


# -- cancellation --------------------------------------------------------------------------


def test_a_cancelled_reservation_gives_back_what_it_took_once(clock: Clock) -> None:
    b = budget(clock, rpm=60)
    b.reserve(0)
    second = b.reserve(0)
    b.cancel(second)
    b.cancel(second)  # a second cancel gives back nothing more
    assert delays(b, b.reserve(0), b.reserve(0)) == [1.0, 2.0]


def test_a_cancelled_reservation_with_later_ones_leaves_its_time_unused(clock: Clock) -> None:
    """Later waiters were promised their times: giving the slot back would let a newcomer
    share one of them."""
    b = budget(clock, rpm=60)
    b.reserve(0)
    middle, last = b.reserve(0), b.reserve(0)
    b.cancel(middle)
    assert delays(b, last, b.reserve(0)) == [2.0, 3.0]


def test_a_cancelled_reservation_cannot_be_settled(clock: Clock) -> None:
    b = budget(clock, tpm=6000)
    first = b.reserve(100)
    b.cancel(first)
    b.settle(first, 10_000)
    assert b.delay(b.reserve(100)) == 0.0


# -- the server's headers ------------------------------------------------------------------


def test_the_servers_remaining_count_lowers_the_budget_until_its_reset(clock: Clock) -> None:
    b = budget(clock, rpm=6000)  # our own limit would let 100 go at once
    b.observe(b.reserve(0), limits(remaining=2, reset=5.0))  # no limit given: no refill known
    assert delays(b, b.reserve(0), b.reserve(0), b.reserve(0)) == [0.0, 0.0, 5.0]
    clock.now += 5
    assert b.delay(b.reserve(0)) == 0.0  # the view has expired


def test_with_a_limit_the_server_refills_until_its_reset(clock: Clock) -> None:
    """remaining 0 of 61, full in 60 s: a request comes back every second (the server's
    rounded-down count means one fewer, for safety)."""
    b = budget(clock)
    b.observe(b.reserve(0), limits(remaining=0, reset=60.0, limit=61))
    assert delays(b, b.reserve(0), b.reserve(0)) == [1.0, 2.0]


def test_requests_not_yet_answered_count_against_the_servers_remaining(clock: Clock) -> None:
    """The server answered the first of three requests in flight: it may not have counted
    the two others yet."""
    b = budget(clock)
    first, _, _ = b.reserve(0), b.reserve(0), b.reserve(0)
    b.observe(first, limits(remaining=2, reset=5.0))
    assert b.delay(b.reserve(0)) == 5.0


def test_answered_requests_no_longer_count_against_it(clock: Clock) -> None:
    b = budget(clock)
    first, second = b.reserve(0), b.reserve(0)
    b.observe(second, {})
    b.observe(first, limits(remaining=1, reset=5.0))
    assert b.delay(b.reserve(0)) == 0.0


def test_a_request_sent_long_ago_is_counted_by_the_server_already(clock: Clock) -> None:
    b = budget(clock)
    first, _slow = b.reserve(0), b.reserve(0)
    clock.now += ADMISSION_WINDOW + 1
    b.observe(first, limits(remaining=1, reset=5.0))
    assert b.delay(b.reserve(0)) == 0.0


def test_tokens_headers_hold_a_request_whose_estimate_does_not_fit(clock: Clock) -> None:
    b = budget(clock)
    b.observe(b.reserve(10), {"tokens": ServerLimit(remaining=500, reset=3.0)})
    assert delays(b, b.reserve(400), b.reserve(400), b.reserve(0)) == [0.0, 3.0, 0.0]


def test_a_reset_far_away_is_held_at_most_max_server_wait(clock: Clock) -> None:
    b = budget(clock)
    b.observe(b.reserve(0), limits(remaining=0, reset=86_400.0))
    assert b.delay(b.reserve(0)) == MAX_SERVER_WAIT


# -- 429 -----------------------------------------------------------------------------------


def test_a_pause_holds_every_caller_those_waiting_included(clock: Clock) -> None:
    b = budget(clock, rpm=60)
    waiting = [b.reserve(0) for _ in range(3)]  # times 0, 1, 2
    b.pause(5.0)
    assert delays(b, *waiting, b.reserve(0)) == [5.0, 5.0, 5.0, 5.0]
    b.pause(1.0)  # a shorter pause does not shorten the longer one
    assert b.delay(waiting[0]) == 5.0


# -- headers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1s", 1.0), ("6m0s", 360.0), ("12ms", 0.012), ("1h2m3.5s", 3723.5), ("20ms", 0.02),
        ("1m", 60.0), ("2h", 7200.0), ("1.5", 1.5), ("0", 0.0), (" 3s ", 3.0),
        ("500us", 0.0005), ("7ns", 7e-9),
    ],
)  # fmt: skip
def test_durations_in_openais_form(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    ["", "-1", "-1s", "abc", "1x", "s", "ms", "1s2m", "1e3", "nan", "inf", "1,5s", "1 s",
     "9" * 65, None],
)  # fmt: skip
def test_unreadable_durations_are_absent(text: str | None) -> None:
    assert parse_duration(text) is None


def _headers(dimension: str = "requests", **values: str) -> httpx2.Headers:
    return httpx2.Headers({f"x-ratelimit-{k}-{dimension}": v for k, v in values.items()})


def test_the_six_headers_are_read() -> None:
    headers = httpx2.Headers(
        {
            "x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "59",
            "x-ratelimit-reset-requests": "1s", "x-ratelimit-limit-tokens": "150000",
            "x-ratelimit-remaining-tokens": "149984", "x-ratelimit-reset-tokens": "6m0s",
        }
    )  # fmt: skip
    assert server_limits(headers) == {
        "requests": ServerLimit(59, 1.0, 60),
        "tokens": ServerLimit(149984, 360.0, 150000),
    }


@pytest.mark.parametrize(
    "values",
    [
        {"remaining": "-1", "reset": "1s"},
        {"remaining": "abc", "reset": "1s"},
        {"remaining": "1.5", "reset": "1s"},
        {"remaining": "10", "reset": "soon"},
        {"remaining": "10", "reset": "0s"},
        {"remaining": "10"},
        {"reset": "1s"},
        {"remaining": "10", "reset": "1s", "limit": "0"},
        {"remaining": "10", "reset": "1s", "limit": "5"},  # more left than the limit
        {"remaining": "9" * 40, "reset": "1s"},
        {"remaining": "", "reset": ""},
    ],
)
def test_garbage_is_treated_as_absent(values: dict[str, str]) -> None:
    assert server_limits(_headers(**values)) == {}


def test_a_garbage_limit_alone_is_ignored() -> None:
    assert server_limits(_headers(remaining="3", reset="2s", limit="-1")) == {
        "requests": ServerLimit(3, 2.0, None)
    }


def test_garbage_headers_change_nothing_in_the_budget(clock: Clock) -> None:
    b = budget(clock, rpm=60)
    b.observe(b.reserve(0), server_limits(_headers(remaining="-1", reset="1h", limit="-1")))
    assert b.delay(b.reserve(0)) == 1.0  # only our own limit


# -- token estimates -----------------------------------------------------------------------


def _request(path: str, body: bytes, content_type: str = "application/json") -> httpx2.Request:
    return httpx2.Request(
        "POST", f"https://corex.test{path}", content=body, headers={"content-type": content_type}
    )


def test_a_chat_counts_a_quarter_of_its_body_and_its_max_tokens() -> None:
    body = b'{"model":"m","messages":[{"role":"user","content":"Hi"}],"max_tokens":50}'
    prompt = math.ceil(len(body) / 4)
    assert estimate_tokens(_request("/v1/chat/completions", body)) == (prompt, prompt + 50)
    completion = body.replace(b"max_tokens", b"max_completion_tokens")
    assert estimate_tokens(_request("/corex/v1/chat/completions", completion))[1] == (
        math.ceil(len(completion) / 4) + 50
    )


def test_a_chat_without_max_tokens_counts_the_default_output() -> None:
    body = b'{"model":"m","messages":[]}'
    assert estimate_tokens(_request("/v1/messages", body))[1] == (
        math.ceil(len(body) / 4) + DEFAULT_OUTPUT_TOKENS
    )


def test_embeddings_have_no_output_and_other_paths_no_tokens() -> None:
    body = b'{"model":"m","input":"' + b"x" * 400 + b'"}'
    assert estimate_tokens(_request("/v1/embeddings", body)) == (106, 106)  # 424 bytes
    assert estimate_tokens(_request("/v1/messages/batches", body)) == (0, 0)
    assert estimate_tokens(_request("/v1/audio/speech", body, "multipart/form-data")) == (0, 0)
