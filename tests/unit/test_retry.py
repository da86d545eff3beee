"""The retry policy (zaguan/_retry.py): what to retry, and how long to wait."""

from __future__ import annotations

import email.utils
import ssl
from collections.abc import Callable, Iterator

import httpx2
import pytest

from zaguan._retry import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_RETRY_BUDGET,
    INITIAL_RETRY_DELAY,
    JITTER,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRYABLE_STATUS,
    RetryState,
    is_retryable_exception,
    is_retryable_status,
    is_testing,
    parse_retry_after,
    retry_delay,
    server_delay,
    set_testing,
)

NOW = 1_700_000_000.0  # a fixed "now" for HTTP-date arithmetic


def _never() -> float:
    raise AssertionError("rand must not be called when the server gave the delay")


def _headers(**values: str) -> httpx2.Headers:
    return httpx2.Headers({key.replace("_", "-"): value for key, value in values.items()})


def _http_date(offset: float) -> str:
    return email.utils.formatdate(NOW + offset, usegmt=True)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def backoff_off() -> Iterator[None]:
    set_testing(True)
    yield
    set_testing(False)


# --- constants --------------------------------------------------------------------------


def test_constants() -> None:
    assert DEFAULT_MAX_RETRIES == 2
    assert INITIAL_RETRY_DELAY == 0.5
    assert MAX_RETRY_DELAY == 8.0
    assert MAX_RETRY_AFTER == 60.0
    assert JITTER == 0.25
    assert DEFAULT_RETRY_BUDGET > MAX_RETRY_AFTER
    assert frozenset({408, 409, 429, 500, 502, 503, 504}) == RETRYABLE_STATUS


# --- which statuses and exceptions ------------------------------------------------------


@pytest.mark.parametrize("status", [408, 409, 429, 500, 501, 502, 503, 504, 505, 520, 529, 599])
def test_retryable_statuses(status: int) -> None:
    assert is_retryable_status(status)


@pytest.mark.parametrize(
    "status", [200, 201, 204, 301, 304, 400, 401, 402, 403, 404, 405, 413, 422, 499]
)
def test_non_retryable_statuses(status: int) -> None:
    assert not is_retryable_status(status)


@pytest.mark.parametrize(
    "exc",
    [
        httpx2.ConnectError("refused"),
        httpx2.ReadError("reset"),
        httpx2.WriteError("broken pipe"),
        httpx2.RemoteProtocolError("server hung up"),
        httpx2.ConnectTimeout("slow connect"),
        httpx2.ReadTimeout("slow read"),
        httpx2.WriteTimeout("slow write"),
        httpx2.PoolTimeout("pool full"),
    ],
    ids=type,
)
def test_retryable_exceptions(exc: BaseException) -> None:
    assert is_retryable_exception(exc)


@pytest.mark.parametrize(
    "exc",
    [
        httpx2.CloseError("close failed"),
        httpx2.LocalProtocolError("our bug"),
        httpx2.UnsupportedProtocol("ftp://"),
        httpx2.ProxyError("proxy said no"),
        httpx2.DecodingError("bad gzip"),
        httpx2.TooManyRedirects("loop"),
        httpx2.HTTPStatusError(
            "500", request=httpx2.Request("GET", "http://x"), response=httpx2.Response(500)
        ),
        ValueError("not transport"),
        KeyboardInterrupt(),
    ],
    ids=type,
)
def test_non_retryable_exceptions(exc: BaseException) -> None:
    assert not is_retryable_exception(exc)


# --- Retry-After parsing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("5", 5.0), ("0", 0.0), ("1.5", 1.5), (" 3 ", 3.0), ("120", 120.0), (".5", 0.5), ("7.", 7.0)],
)
def test_retry_after_seconds(value: str, seconds: float) -> None:
    assert parse_retry_after(_headers(retry_after=value)) == seconds


@pytest.mark.parametrize(
    "value", ["", " ", "-1", "-0.5", "soon", "nan", "inf", "1e3", "1_0", "5 seconds", "0x10"]
)
def test_retry_after_garbage_is_none(value: str) -> None:
    assert parse_retry_after(_headers(retry_after=value), now=NOW) is None


def test_retry_after_absent_is_none() -> None:
    assert parse_retry_after(httpx2.Headers()) is None


def test_retry_after_http_date_in_the_future() -> None:
    assert parse_retry_after(_headers(retry_after=_http_date(30)), now=NOW) == 30.0


def test_retry_after_http_date_without_zone_is_utc() -> None:
    value = email.utils.formatdate(NOW + 12).replace("+0000", "-0000")
    assert parse_retry_after(_headers(retry_after=value), now=NOW) == 12.0


@pytest.mark.parametrize("offset", [0, -1, -3600])
def test_retry_after_http_date_now_or_past_is_none(offset: float) -> None:
    assert parse_retry_after(_headers(retry_after=_http_date(offset)), now=NOW) is None


def test_retry_after_http_date_uses_the_wall_clock_by_default() -> None:
    delay = parse_retry_after(_headers(retry_after="Fri, 31 Dec 9999 23:59:59 GMT"))
    assert delay is not None
    assert delay > 1e9


def test_retry_after_invalid_http_date_is_none() -> None:
    assert parse_retry_after(_headers(retry_after="Wed, 32 Oct 2015 07:28:00 GMT")) is None


def test_retry_after_ms_wins_over_retry_after() -> None:
    assert parse_retry_after(_headers(retry_after_ms="1500", retry_after="30")) == 1.5


def test_retry_after_ms_float() -> None:
    assert parse_retry_after(_headers(retry_after_ms="250.5")) == 0.2505


@pytest.mark.parametrize("bad_ms", ["-100", "soon", ""])
def test_retry_after_ms_garbage_falls_back_to_retry_after(bad_ms: str) -> None:
    assert parse_retry_after(_headers(retry_after_ms=bad_ms, retry_after="4")) == 4.0
    assert parse_retry_after(_headers(retry_after_ms=bad_ms)) is None


# --- delay: server-given ----------------------------------------------------------------


def test_server_delay_is_honoured_exactly_without_jitter() -> None:
    assert retry_delay(0, server=server_delay(_headers(retry_after="3"), None), rand=_never) == 3.0
    assert retry_delay(5, server=server_delay(_headers(retry_after="0"), None), rand=_never) == 0.0


def test_server_delay_is_capped() -> None:
    assert (
        retry_delay(0, server=server_delay(_headers(retry_after="3600"), None), rand=_never)
        == MAX_RETRY_AFTER
    )
    assert retry_delay(0, server=server_delay(None, 3600.0), rand=_never) == MAX_RETRY_AFTER


def test_server_delay_just_under_the_cap_is_kept() -> None:
    assert (
        retry_delay(0, server=server_delay(_headers(retry_after="59.5"), None), rand=_never) == 59.5
    )


def test_header_wins_over_body() -> None:
    assert retry_delay(0, server=server_delay(_headers(retry_after="2"), 9.0), rand=_never) == 2.0


def test_body_used_when_header_is_absent_or_garbage() -> None:
    assert retry_delay(0, server=server_delay(httpx2.Headers(), 9.0), rand=_never) == 9.0
    assert (
        retry_delay(0, server=server_delay(_headers(retry_after="soon"), 9.0), rand=_never) == 9.0
    )
    assert retry_delay(0, server=server_delay(None, 9), rand=_never) == 9.0


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf"), True])
def test_unusable_body_delay_falls_back_to_backoff(bad: float) -> None:
    assert retry_delay(0, server=server_delay(None, bad), rand=lambda: 0.0) == INITIAL_RETRY_DELAY


# --- delay: backoff ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (10, 8.0), (10_000, 8.0)],
)
def test_backoff_doubles_then_caps(attempt: int, expected: float) -> None:
    assert retry_delay(attempt, rand=lambda: 0.0) == expected


def test_negative_attempt_counts_as_the_first() -> None:
    assert retry_delay(-3, rand=lambda: 0.0) == INITIAL_RETRY_DELAY


@pytest.mark.parametrize(("rand", "factor"), [(0.0, 1.0), (0.5, 0.875), (0.999, 1 - 0.25 * 0.999)])
def test_jitter_formula(rand: float, factor: float) -> None:
    assert retry_delay(2, rand=lambda: rand) == pytest.approx(2.0 * factor)


@pytest.mark.parametrize("attempt", range(8))
@pytest.mark.parametrize("rand", [0.0, 0.123, 0.5, 0.77, 0.999_999])
def test_jitter_stays_within_a_quarter_below_the_backoff(attempt: int, rand: float) -> None:
    backoff = min(INITIAL_RETRY_DELAY * 2**attempt, MAX_RETRY_DELAY)
    delay = retry_delay(attempt, rand=lambda: rand)
    assert backoff * (1 - JITTER) < delay <= backoff


def test_default_rand_keeps_the_bounds() -> None:
    delays = [retry_delay(1) for _ in range(200)]
    assert all(0.75 < delay <= 1.0 for delay in delays)


# --- the test switch --------------------------------------------------------------------


@pytest.mark.usefixtures("backoff_off")
def test_testing_switch_turns_every_delay_to_zero() -> None:
    assert is_testing()
    assert retry_delay(4, rand=_never) == 0.0
    assert retry_delay(0, server=server_delay(_headers(retry_after="30"), None), rand=_never) == 0.0
    state = RetryState(max_retries=2)
    assert [state.next_delay(), state.next_delay(), state.next_delay()] == [0.0, 0.0, None]


def test_testing_switch_is_off_by_default_and_restorable() -> None:
    assert not is_testing()
    set_testing(True)
    try:
        assert retry_delay(3) == 0.0
    finally:
        set_testing(False)
    assert retry_delay(3, rand=lambda: 0.0) == 4.0


# --- RetryState -------------------------------------------------------------------------


def _zero() -> float:
    return 0.0


def test_state_is_bounded_by_count() -> None:
    state = RetryState(max_retries=3, budget=None)
    delays = [state.next_delay(rand=_zero) for _ in range(5)]
    assert delays == [0.5, 1.0, 2.0, None, None]
    assert state.retries_done == 3
    assert state.retries_left == 0


def test_state_defaults() -> None:
    clock = FakeClock()
    state = RetryState(clock=clock)
    assert state.max_retries == DEFAULT_MAX_RETRIES
    assert state.deadline == clock.now + DEFAULT_RETRY_BUDGET
    assert state.retries_left == DEFAULT_MAX_RETRIES


def test_state_with_zero_retries_never_retries() -> None:
    assert RetryState(max_retries=0).next_delay(rand=_never) is None


def test_state_is_bounded_by_time() -> None:
    clock = FakeClock()
    state = RetryState(max_retries=10, budget=10.0, clock=clock)
    assert state.next_delay(rand=_zero) == 0.5
    clock.now += 9.0  # the requests themselves took time
    assert state.next_delay(rand=_zero) == 1.0  # ends exactly at the deadline: allowed
    clock.now += 0.5
    assert state.next_delay(rand=_zero) is None  # 2 s more would overrun
    assert state.retries_done == 2


def test_state_refuses_a_server_delay_past_the_deadline() -> None:
    clock = FakeClock()
    state = RetryState(budget=30.0, clock=clock)
    assert (
        state.next_delay(server=server_delay(_headers(retry_after="45"), None), rand=_never) is None
    )
    assert state.retries_done == 0
    assert (
        state.next_delay(server=server_delay(_headers(retry_after="20"), None), rand=_never) == 20.0
    )


def test_state_passes_server_delays_through() -> None:
    state = RetryState(budget=None)
    assert state.next_delay(server=server_delay(None, 7.0), rand=_never) == 7.0
    assert (
        state.next_delay(server=server_delay(_headers(retry_after_ms="10"), None), rand=_never)
        == 0.01
    )


def test_state_without_budget_has_no_deadline() -> None:
    clock: Callable[[], float] = _never
    state = RetryState(budget=None, clock=clock)
    assert state.deadline is None
    assert state.next_delay(rand=_zero) == 0.5


def _chained(cause: BaseException, *, implicit: bool = False) -> httpx2.ConnectError:
    """An httpx2.ConnectError raised while handling ``cause`` (``from`` it unless implicit)."""
    try:
        try:
            raise cause
        except BaseException as exc:
            if implicit:
                raise httpx2.ConnectError("connect failed")  # noqa: B904  # context only
            raise httpx2.ConnectError("connect failed") from exc
    except httpx2.ConnectError as error:
        return error


@pytest.mark.parametrize("implicit", [False, True])
def test_a_certificate_failure_is_not_retryable(implicit: bool) -> None:
    failure = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]")
    assert not is_retryable_exception(_chained(failure, implicit=implicit))


@pytest.mark.parametrize("cause", [ConnectionRefusedError(), ssl.SSLEOFError(8, "EOF")])
def test_other_connect_failures_stay_retryable(cause: BaseException) -> None:
    assert is_retryable_exception(_chained(cause))


def test_a_looping_chain_ends() -> None:
    error = httpx2.ConnectError("loop")
    other = RuntimeError("other")
    error.__context__, other.__context__ = other, error
    assert is_retryable_exception(error)


def test_the_testing_switch_is_public_in_zaguan_testing_and_takes_a_bool() -> None:
    import zaguan.testing  # noqa: PLC0415  # the extra, installed with [dev]

    zaguan.testing.set_testing(True)
    try:
        assert zaguan.testing.is_testing()
        assert retry_delay(3, server=30.0) == 0.0
    finally:
        zaguan.testing.set_testing(False)
    assert not is_testing()
    with pytest.raises(TypeError, match="True or False"):
        zaguan.testing.set_testing("yes")  # type: ignore[arg-type]
