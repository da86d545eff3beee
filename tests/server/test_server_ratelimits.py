"""`LocalCoreX(rate_limits=...)`: per-key budgets, the x-ratelimit-* headers and 429s, on a
fake clock (no test waits for a minute to pass)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx2
import pytest

from zaguan._ratelimit_headers import parse_duration, server_limits
from zaguan.testing import FREE_API_KEY, LocalCoreX
from zaguan.testing.__main__ import _parser, make_state
from zaguan.testing._core._ratelimits import format_duration

CHAT = "/v1/chat/completions"
TEN_WORDS = "one two three four five six seven eight nine ten"


class Clock:
    """The server's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_767_225_600.0

    def __call__(self) -> datetime:
        return datetime.fromtimestamp(self.now, UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def limited(
    start_corex: Callable[..., LocalCoreX], connect: Callable[..., httpx2.Client], clock: Clock
) -> Callable[..., tuple[LocalCoreX, httpx2.Client]]:
    """``limited(rpm, tpm)``: a server limiting its default key so, and a client with that key."""

    def make(rpm: int | None, tpm: int | None = None) -> tuple[LocalCoreX, httpx2.Client]:
        server = start_corex(clock=clock, rate_limits={"zk-local-pro": (rpm, tpm)})
        return server, connect(server)

    return make


def chat(http: httpx2.Client, text: str = "hi", **fields: Any) -> httpx2.Response:
    body = {"model": "test/echo", "messages": [{"role": "user", "content": text}], **fields}
    return http.post(CHAT, json=body)


def ratelimit_headers(response: httpx2.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("x-ratelimit-")}


def test_every_answer_of_a_limited_key_carries_the_six_headers(limited: Any) -> None:
    server, http = limited(60, 1000)
    answers = [
        chat(http),
        http.get("/v1/models"),
        http.get("/v1/models/no-such-model"),  # 404
        http.post(CHAT, json={"model": "test/echo"}),  # 400
        http.get("/v1/no-such-route"),
    ]
    for response in answers:
        assert len(ratelimit_headers(response)) == 6, response.status_code
    assert ratelimit_headers(answers[0]) == {
        "x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "59",
        "x-ratelimit-reset-requests": "1s", "x-ratelimit-limit-tokens": "1000",
        "x-ratelimit-remaining-tokens": "997", "x-ratelimit-reset-tokens": "180ms",
    }  # fmt: skip  # the echo of "hi": 1 prompt token, "Echo: hi" 2, at 1000 a minute
    assert server.rate_limited() == 0


def test_what_the_headers_say_reads_back_with_the_clients_parser(limited: Any) -> None:
    _, http = limited(60, 1000)
    limits = server_limits(chat(http).headers)
    assert limits["requests"].remaining == 59
    assert limits["requests"].reset == 1.0
    assert limits["tokens"].limit == 1000


def test_other_keys_and_health_get_no_headers(limited: Any, connect: Any) -> None:
    server, http = limited(60)
    assert ratelimit_headers(chat(connect(server, FREE_API_KEY))) == {}
    assert ratelimit_headers(http.get("/health")) == {}
    assert set(ratelimit_headers(chat(http))) == {
        "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
        "x-ratelimit-reset-requests",
    }  # fmt: skip  # no token limit: no token headers


def test_too_many_requests_is_a_429_saying_when_to_retry(limited: Any, clock: Clock) -> None:
    server, http = limited(2)  # a bucket of 2, one back every 30 s
    assert [chat(http).status_code for _ in range(2)] == [200, 200]
    refused = http.post(
        CHAT,
        json={"model": "test/echo", "messages": [{"role": "user", "content": "x"}]},
        headers={"X-Request-Id": "over"},
    )
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "30"
    assert refused.headers["X-Request-Id"] == "over"
    assert refused.headers["x-ratelimit-remaining-requests"] == "0"
    error = refused.json()["error"]
    assert (error["type"], error["code"], error["retry_after"]) == (
        "rate_limit_exceeded", "rate_limit_exceeded", 30,
    )  # fmt: skip
    assert server.rate_limited() == 1
    assert server.ledger.entries[-1].request_id != "over"  # refused before any charge
    clock.now += 29.9
    assert chat(http).status_code == 429
    clock.now += 0.1
    assert chat(http).status_code == 200
    assert server.rate_limited() == 2


def test_tokens_are_the_answers_usage_and_may_go_into_debt(limited: Any, clock: Clock) -> None:
    server, http = limited(None, 60)  # one token a second, a bucket of 60
    first = chat(http, TEN_WORDS * 6)
    used = first.json()["usage"]["total_tokens"]
    assert used > 100
    assert first.headers["x-ratelimit-remaining-tokens"] == "0"
    assert first.headers["x-ratelimit-reset-tokens"] == format_duration(used)  # a token a second
    refused = chat(http)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == str(used - 60 + 1)  # the debt, and one token
    clock.now += used - 60 + 1
    assert chat(http).status_code == 200
    assert server.rate_limited() == 1


def test_a_stream_takes_its_tokens_at_its_end(limited: Any) -> None:
    _, http = limited(None, 600)
    body = {
        "model": "test/echo", "stream": True, "stream_options": {"include_usage": True},
        "messages": [{"role": "user", "content": TEN_WORDS}],
    }  # fmt: skip
    with http.stream("POST", CHAT, json=body) as response:
        assert response.headers["x-ratelimit-remaining-tokens"] == "600"  # nothing taken yet
        response.read()
    assert chat(http).headers["x-ratelimit-remaining-tokens"] == "576"  # 21 + 3


def test_reset_refills_every_budget(limited: Any) -> None:
    server, http = limited(1)
    chat(http)
    assert chat(http).status_code == 429
    server.reset()
    assert server.rate_limited() == 0
    assert chat(http).status_code == 200


def test_a_clock_set_back_refills_nothing(limited: Any, clock: Clock) -> None:
    _, http = limited(1)
    chat(http)
    clock.now -= 3600
    assert chat(http).status_code == 429


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        ({"zk-unknown": (60, None)}, "does not have"),
        ({"zk-local-pro": (0, None)}, "rpm must be a whole number"),
        ({"zk-local-pro": (None, 1.5)}, "tpm must be a whole number"),
        ({"zk-local-pro": (True, None)}, "rpm"),
        ({"zk-local-pro": ("60", None)}, "rpm"),
        ({"zk-local-pro": (60,)}, "a pair"),
        ({"zk-local-pro": [60, 10]}, "a pair"),
        ([("zk-local-pro", (60, 10))], "must map"),
    ],
)
def test_bad_rate_limits_are_refused_with_the_reason(limits: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        LocalCoreX(rate_limits=limits)


def test_the_command_line_limits_every_key() -> None:
    state = make_state(_parser().parse_args(["--rpm", "600", "--tpm", "90000"]))
    assert set(state.rate_limits.keys) == {"zk-local-pro", "zk-local-free"}
    assert make_state(_parser().parse_args([])).rate_limits.keys == {}
    state = make_state(_parser().parse_args(["--api-key", "zk-a", "--tpm", "5"]))
    assert list(state.rate_limits.keys) == ["zk-a"]
    with pytest.raises(SystemExit):
        _parser().parse_args(["--rpm", "0"])


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.012, "12ms"), (0.0001, "1ms"), (0, "0ms"), (1, "1s"), (1.5, "1.5s"), (60, "1m0s"),
        (360, "6m0s"), (3723.5, "1h2m3.5s"), (7200, "2h0m0s"), (59.9999, "1m0s"),
    ],
)  # fmt: skip
def test_durations_are_written_in_openais_form(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text
    assert parse_duration(text) == pytest.approx(max(round(seconds, 3), 0.001 if seconds else 0))
