"""The retry loop through both clients: what is retried, how often, with which id and delay."""

from __future__ import annotations

import email.utils
import time
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    CHAT_PATH,
    HEALTH_JSON,
    MESSAGES,
    MODEL,
    Api,
    MakeApi,
    Reply,
    completion_json,
    error_json,
)

import zaguan

OK = Reply(200, json=completion_json())


def _chat_route(mock: respx.MockRouter, *outcomes: httpx2.Response | Exception) -> respx.Route:
    return mock.post(CHAT_PATH).mock(side_effect=list(outcomes))


async def _chat(api: Api, **options: Any) -> Any:
    return await api.call("chat", model=MODEL, messages=MESSAGES, **options)


def _ids(route: respx.Route) -> list[str]:
    return [call.request.headers["X-Request-Id"] for call in route.calls]


# -- What is retried ----------------------------------------------------------------------


async def test_503_503_200_makes_three_attempts_with_one_request_id(
    api: Api, mock: respx.MockRouter
) -> None:
    route = _chat_route(mock, Reply(503), Reply(503), OK)
    reply = await _chat(api)
    assert reply.choices[0].message.content == "Hello!"
    assert route.call_count == 3
    ids = _ids(route)
    assert len(set(ids)) == 1
    assert [call.request.content for call in route.calls] == [route.calls[0].request.content] * 3


async def test_a_given_request_id_is_reused_on_every_retry(
    api: Api, mock: respx.MockRouter
) -> None:
    route = _chat_route(mock, Reply(500), httpx2.ConnectError("refused"), OK)
    await _chat(api, request_id="one-id")
    assert _ids(route) == ["one-id"] * 3


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 520, 599])
async def test_retryable_status_then_success(api: Api, mock: respx.MockRouter, status: int) -> None:
    route = mock.get("/health").mock(side_effect=[Reply(status), Reply(200, json=HEALTH_JSON)])
    assert (await api.call("health")).status == "ok"
    assert route.call_count == 2


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 405, 413, 422, 499])
async def test_other_4xx_is_not_retried(api: Api, mock: respx.MockRouter, status: int) -> None:
    route = _chat_route(mock, Reply(status, json=error_json("x")), OK)
    with pytest.raises(zaguan.APIStatusError) as caught:
        await _chat(api)
    assert caught.value.status_code == status
    assert route.call_count == 1


async def test_exhausted_retries_raise_the_last_error(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(
        mock, Reply(503), Reply(502),
        Reply(500, json=error_json("server_error", "third")), OK,
    )  # fmt: skip
    with pytest.raises(zaguan.InternalServerError) as caught:
        await _chat(api)
    assert route.call_count == 3  # max_retries=2 by default
    assert caught.value.status_code == 500
    assert caught.value.message == "third"


@pytest.mark.parametrize(("max_retries", "attempts"), [(0, 1), (1, 2), (4, 5)])
async def test_client_max_retries(
    make_api: MakeApi, mock: respx.MockRouter, max_retries: int, attempts: int
) -> None:
    route = mock.get("/health").respond(503)
    with pytest.raises(zaguan.InternalServerError):
        await make_api(max_retries=max_retries).call("health")
    assert route.call_count == attempts


@pytest.mark.parametrize(("max_retries", "attempts"), [(0, 1), (1, 2), (5, 6)])
async def test_per_call_max_retries_overrides_the_client(
    make_api: MakeApi, mock: respx.MockRouter, max_retries: int, attempts: int
) -> None:
    route = mock.get("/health").respond(503)
    api = make_api(max_retries=2)
    with pytest.raises(zaguan.InternalServerError):
        await api.call("health", max_retries=max_retries)
    assert route.call_count == attempts
    route.reset()
    with pytest.raises(zaguan.InternalServerError):
        await api.call("health")  # the override was for that call only
    assert route.call_count == 3


@pytest.mark.parametrize(
    "error",
    [httpx2.ConnectError("refused"), httpx2.ReadError("reset"), httpx2.WriteError("broken pipe"),
     httpx2.RemoteProtocolError("eof"), httpx2.ConnectTimeout("slow"), httpx2.PoolTimeout("busy")],
    ids=lambda e: type(e).__name__,
)  # fmt: skip
async def test_transport_error_then_success(
    api: Api, mock: respx.MockRouter, error: Exception
) -> None:
    route = _chat_route(mock, error, OK)
    assert (await _chat(api)).id == "chatcmpl-1"
    assert route.call_count == 2
    assert len(set(_ids(route))) == 1


async def test_read_timeouts_exhausting_retries_raise_api_timeout_error(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(side_effect=httpx2.ReadTimeout("read timed out"))
    with pytest.raises(zaguan.APITimeoutError) as caught:
        await _chat(api, request_id="slow-1")
    assert route.call_count == 3
    assert isinstance(caught.value.__cause__, httpx2.ReadTimeout)
    assert caught.value.request_id == "slow-1"
    assert isinstance(caught.value, zaguan.APIConnectionError)


async def test_connect_errors_exhausting_retries_raise_api_connection_error(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/health").mock(side_effect=httpx2.ConnectError("connection refused"))
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await api.call("health")
    assert not isinstance(caught.value, zaguan.APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx2.ConnectError)
    assert "connection refused" in str(caught.value)
    assert route.call_count == 3


@pytest.mark.parametrize(
    "error",
    [httpx2.UnsupportedProtocol("ftp"), httpx2.LocalProtocolError("bad"),
     httpx2.DecodingError("gzip"), httpx2.ProxyError("proxy")],
    ids=lambda e: type(e).__name__,
)  # fmt: skip
async def test_unfixable_transport_error_is_not_retried(
    api: Api, mock: respx.MockRouter, error: Exception
) -> None:
    route = mock.get("/health").mock(side_effect=error)
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await api.call("health")
    assert caught.value.__cause__ is error
    assert route.call_count == 1


async def test_a_2xx_with_a_bad_body_is_not_retried(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock, Reply(200, text="not json"), OK)
    with pytest.raises(zaguan.APIResponseValidationError):
        await _chat(api)
    assert route.call_count == 1


# -- How long it waits (real backoff, sleeps recorded) ------------------------------------


async def test_default_backoff_is_exponential_with_jitter(
    api: Api, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    route = mock.get("/health").respond(503)
    with pytest.raises(zaguan.InternalServerError):
        await api.call("health", max_retries=5)
    assert route.call_count == 6
    assert len(sleeps) == 5  # none after the last attempt
    for delay, nominal in zip(sleeps, [0.5, 1.0, 2.0, 4.0, 8.0], strict=True):
        assert nominal * 0.75 <= delay <= nominal


async def test_backoff_is_capped(api: Api, mock: respx.MockRouter, sleeps: list[float]) -> None:
    mock.get("/health").respond(503)
    with pytest.raises(zaguan.InternalServerError):
        await api.call("health", max_retries=8)
    assert len(sleeps) == 8
    assert max(sleeps) <= 8.0
    assert all(6.0 <= delay <= 8.0 for delay in sleeps[4:])


async def test_only_the_patched_client_skips_its_waits(
    api: Api, make_api: MakeApi, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    """The retry loop waits through the client's own `_sleep`, and another client in the same
    test really waits: a patch of `time.sleep` or `asyncio.sleep`, process-wide, fails here."""
    slow_down = {"retry-after-ms": "50"}
    _chat_route(mock, Reply(429, headers=slow_down), OK,
                Reply(429, headers=slow_down), OK)  # fmt: skip
    await _chat(api)
    assert sleeps == [0.05]
    started = time.monotonic()
    await _chat(make_api())
    assert time.monotonic() - started >= 0.045  # slept (slack for the clock's resolution)
    assert sleeps == [0.05]


async def test_no_sleep_without_retries(
    api: Api, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    mock.get("/health").respond(503)
    with pytest.raises(zaguan.InternalServerError):
        await api.call("health", max_retries=0)
    assert sleeps == []


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "200", "Retry-After": "9"}, 0.2),
        ({"Retry-After": "1000"}, 60.0),
        ({"retry-after-ms": "600000"}, 60.0),
    ],
)
async def test_429_retry_after_is_honoured_and_capped(
    api: Api, mock: respx.MockRouter, sleeps: list[float], headers: dict[str, str],
    expected: float,
) -> None:  # fmt: skip
    route = _chat_route(mock, Reply(429, headers=headers), OK)
    await _chat(api)
    assert route.call_count == 2
    assert sleeps == [expected]


async def test_retry_after_http_date(api: Api, mock: respx.MockRouter, sleeps: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    _chat_route(mock, Reply(503, headers={"Retry-After": when}), OK)
    await _chat(api)
    assert len(sleeps) == 1
    assert 28.0 <= sleeps[0] <= 30.0


@pytest.mark.parametrize("value", ["-1", "soon", "nan", "Wed, 21 Oct 2015 07:28:00 GMT"])
async def test_unusable_retry_after_falls_back_to_backoff(
    api: Api, mock: respx.MockRouter, sleeps: list[float], value: str
) -> None:
    _chat_route(mock, Reply(429, headers={"Retry-After": value}), OK)
    await _chat(api)
    assert len(sleeps) == 1
    assert 0.375 <= sleeps[0] <= 0.5


async def test_retry_after_from_the_error_body(
    api: Api, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    body = error_json("rate_limit_exceeded", "slow down", retry_after=7)
    _chat_route(mock, Reply(429, json=body), OK)
    await _chat(api)
    assert sleeps == [7.0]


async def test_rate_limit_error_reports_the_delay_the_sdk_slept(
    api: Api, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    # Body 2 s, header 5 s: one rule (header first) for the sleep and for the error.
    body = error_json("rate_limit_exceeded", "slow down", retry_after=2)
    refused = Reply(429, json=body, headers={"Retry-After": "5"})
    _chat_route(mock, refused, refused)
    with pytest.raises(zaguan.RateLimitError) as caught:
        await _chat(api, max_retries=1)
    assert sleeps == [5.0]
    assert caught.value.retry_after == 5.0


async def test_connection_errors_back_off_too(
    api: Api, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    mock.get("/health").mock(side_effect=httpx2.ConnectError("refused"))
    with pytest.raises(zaguan.APIConnectionError):
        await api.call("health")
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0
