"""Failed calls become the SDK's exceptions: class, fields, request id, safe ``str()``."""

from __future__ import annotations

import json
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    API_KEY,
    CHAT_PATH,
    MESSAGES,
    MODEL,
    Api,
    MakeApi,
    Reply,
    completion_json,
    error_json,
    sse,
    text_chunk,
)

import zaguan

HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>"


async def _chat(api: Api, **options: Any) -> Any:
    return await api.call("chat", model=MODEL, messages=MESSAGES, **options)


async def _failing_chat(api: Api, mock: respx.MockRouter, response: httpx2.Response) -> Any:
    """The exception ``response`` (served on every attempt) makes `chat` raise."""
    route = mock.post(CHAT_PATH).mock(return_value=response)
    with pytest.raises(zaguan.APIError) as caught:
        await _chat(api)
    assert caught.value.request_id == route.calls.last.request.headers["X-Request-Id"]
    return caught.value


# -- Class choice: the body's type or code first, then the status -------------------------


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (400, error_json("invalid_request_error"), zaguan.BadRequestError),
        (401, error_json("authentication_error"), zaguan.AuthenticationError),
        (402, error_json("insufficient_credits"), zaguan.InsufficientCreditsError),
        (403, error_json("permission_error"), zaguan.PermissionDeniedError),
        (404, error_json("not_found_error"), zaguan.NotFoundError),
        (409, error_json("conflict_error"), zaguan.ConflictError),
        (422, error_json("invalid_request_error"), zaguan.UnprocessableEntityError),
        (429, error_json("rate_limit_exceeded"), zaguan.RateLimitError),
        (500, error_json("server_error"), zaguan.InternalServerError),
        (503, error_json("overloaded_error"), zaguan.InternalServerError),
        (520, None, zaguan.InternalServerError),
        (400, error_json("insufficient_credits"), zaguan.InsufficientCreditsError),
        (500, error_json("rate_limit_exceeded"), zaguan.RateLimitError),
        (400, {"error": {"type": "invalid_request_error", "code": "model_not_found",
                         "message": "no"}}, zaguan.NotFoundError),
        (403, {"error": {"type": "permission_error", "code": "band_access_denied",
                         "message": "no"}}, zaguan.BandAccessDeniedError),
        (499, error_json("client_closed"), zaguan.APIStatusError),
        (418, None, zaguan.APIStatusError),
    ],
)  # fmt: skip
async def test_error_class(
    api: Api, mock: respx.MockRouter, status: int, body: Any, cls: type[zaguan.APIStatusError]
) -> None:
    response = Reply(status) if body is None else Reply(status, json=body)
    error = await _failing_chat(api, mock, response)
    assert type(error) is cls
    assert error.status_code == status
    assert error.response.status_code == status
    assert error.body == body


async def test_402_body_on_a_400_status(api: Api, mock: respx.MockRouter) -> None:
    body = error_json(
        "insufficient_credits", "Not enough credits.", code="insufficient_credits",
        credits_required=12.5, credits_remaining=3, reset_date="2026-02-01",
    )  # fmt: skip
    error = await _failing_chat(api, mock, Reply(400, json=body))
    assert isinstance(error, zaguan.InsufficientCreditsError)
    assert error.status_code == 400
    assert error.credits_required == 12.5
    assert error.credits_remaining == 3
    assert error.reset_date == "2026-02-01"
    assert error.message == "Not enough credits."
    assert error.type == "insufficient_credits"
    assert error.code == "insufficient_credits"


async def test_403_band_access_denied(api: Api, mock: respx.MockRouter) -> None:
    body = error_json(
        "band_access_denied", "Upgrade to use this model.", band="premium",
        required_tier="pro", current_tier="free",
    )  # fmt: skip
    error = await _failing_chat(api, mock, Reply(403, json=body))
    assert isinstance(error, zaguan.BandAccessDeniedError)
    assert isinstance(error, zaguan.PermissionDeniedError)
    assert (error.band, error.required_tier, error.current_tier) == ("premium", "pro", "free")


async def test_every_field_of_a_status_error(api: Api, mock: respx.MockRouter) -> None:
    body = {"error": {"type": "invalid_request_error", "code": "invalid_value",
                      "param": "messages[0].role", "message": "Bad role."}}  # fmt: skip
    response = Reply(400, json=body, headers={"X-Request-Id": "echoed"})
    error = await _failing_chat(api, mock, response)
    assert isinstance(error, zaguan.BadRequestError)
    assert error.status_code == 400
    assert error.message == "Bad role."
    assert error.type == "invalid_request_error"
    assert error.code == "invalid_value"
    assert error.param == "messages[0].role"
    assert error.body == body
    assert error.response.headers["X-Request-Id"] == "echoed"
    sent = error.response.request.headers["X-Request-Id"]
    assert error.request_id == sent  # the id we sent, not the echo


async def test_rate_limit_and_server_error_extras(api: Api, mock: respx.MockRouter) -> None:
    limited = await _failing_chat(
        api, mock, Reply(429, headers={"Retry-After": "12"}, json=error_json("x"))
    )
    assert isinstance(limited, zaguan.RateLimitError)
    assert limited.retry_after == 12.0
    failed = await _failing_chat(
        api, mock, Reply(502, json=error_json("provider_error", provider="openai"))
    )
    assert isinstance(failed, zaguan.InternalServerError)
    assert failed.provider == "openai"


# -- Bodies that are not the contract's ---------------------------------------------------


async def test_html_502_after_retries(api: Api, mock: respx.MockRouter) -> None:
    route = mock.post(CHAT_PATH).respond(502, text=HTML_502, headers={"Content-Type": "text/html"})
    with pytest.raises(zaguan.InternalServerError) as caught:
        await _chat(api)
    error = caught.value
    assert route.call_count == 3
    assert error.status_code == 502
    assert error.body == HTML_502
    assert "502 Bad Gateway" in error.message
    assert error.type is None
    assert "\n" not in str(error)
    assert "\r" not in str(error)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps({"detail": "Model not allowed"}), "Model not allowed"),
        (json.dumps({"message": "plain message"}), "plain message"),
        (json.dumps({"error": "just a string"}), "just a string"),
        (json.dumps(["a", "list"]), '["a", "list"]'),
        (json.dumps("a JSON string"), "a JSON string"),
        ("", "Bad Request"),
        ("\xff\xfe not utf-8", "not utf-8"),
    ],
)
async def test_other_error_bodies_still_give_a_bad_request_error(
    api: Api, mock: respx.MockRouter, content: str, message: str
) -> None:
    raw = content.encode("latin-1")
    error = await _failing_chat(api, mock, Reply(400, content=raw))
    assert isinstance(error, zaguan.BadRequestError)
    assert message in error.message
    assert error.type is None
    assert error.code is None


async def test_odd_types_inside_the_error_object_are_ignored(
    api: Api, mock: respx.MockRouter
) -> None:
    body = {"error": {"type": ["x"], "code": 7, "param": {"a": 1}, "message": "odd",
                      "credits_required": "many"}}  # fmt: skip
    error = await _failing_chat(api, mock, Reply(402, json=body))
    assert isinstance(error, zaguan.InsufficientCreditsError)
    assert (error.type, error.code, error.param, error.credits_required) == (None, None, None, None)
    assert error.message == "odd"


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"not json", ValueError),
        (b"", ValueError),
        (b"\xff\xfe", ValueError),
        (b"null", TypeError),
        (b"[]", TypeError),
        (json.dumps({k: v for k, v in completion_json().items() if k != "choices"}).encode(),
         KeyError),
        (json.dumps({**completion_json(), "choices": 5}).encode(), TypeError),
    ],
    ids=["text", "empty", "bad-utf8", "null", "list", "no-choices", "choices-int"],
)  # fmt: skip
async def test_a_200_with_an_unexpected_body(
    api: Api, mock: respx.MockRouter, content: bytes, cause: type[Exception]
) -> None:
    route = mock.post(CHAT_PATH).respond(200, content=content)
    with pytest.raises(zaguan.APIResponseValidationError) as caught:
        await _chat(api, request_id="bad-body")
    error = caught.value
    assert not isinstance(error, zaguan.APIStatusError)
    assert error.status_code == 200
    assert error.request_id == "bad-body"
    assert isinstance(error.__cause__, cause)
    assert error.body == content.decode("utf-8", errors="replace")
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("method", "payload"),
    [("list_models", {"models": []}), ("get_credits_balance", {"credits": 1}),
     ("health", ["ok"]), ("get_capabilities", {"data": "none"})],
)  # fmt: skip
async def test_every_method_maps_an_unexpected_200_body(
    api: Api, mock: respx.MockRouter, method: str, payload: Any
) -> None:
    mock.route().respond(200, json=payload)
    with pytest.raises(zaguan.APIResponseValidationError):
        await api.call(method)


# -- The request id is on every error -----------------------------------------------------


async def _status_error(api: Api, mock: respx.MockRouter) -> None:
    mock.post(CHAT_PATH).respond(404, json=error_json("not_found_error"))
    await _chat(api)


async def _connection_error(api: Api, mock: respx.MockRouter) -> None:
    mock.post(CHAT_PATH).mock(side_effect=httpx2.ConnectError("refused"))
    await _chat(api)


async def _timeout(api: Api, mock: respx.MockRouter) -> None:
    mock.post(CHAT_PATH).mock(side_effect=httpx2.ReadTimeout("slow"))
    await _chat(api)


async def _validation_error(api: Api, mock: respx.MockRouter) -> None:
    mock.post(CHAT_PATH).respond(200, text="<html>")
    await _chat(api)


async def _stream_error(api: Api, mock: respx.MockRouter) -> None:
    body = sse(text_chunk("a"), error_json("server_error", "boom"), done=False)
    mock.post(CHAT_PATH).respond(200, content=body, headers={"Content-Type": "text/event-stream"})
    await api.stream_into([], model=MODEL, messages=MESSAGES)


async def _stream_cut(api: Api, mock: respx.MockRouter) -> None:
    body = sse(text_chunk("a"), done=False)
    mock.post(CHAT_PATH).respond(200, content=body, headers={"Content-Type": "text/event-stream"})
    await api.stream_into([], model=MODEL, messages=MESSAGES)


async def _stream_refused(api: Api, mock: respx.MockRouter) -> None:
    mock.post(CHAT_PATH).respond(400, json=error_json("invalid_request_error"))
    await api.stream_into([], model=MODEL, messages=MESSAGES)


FAILURES = [_status_error, _connection_error, _timeout, _validation_error, _stream_error,
            _stream_cut, _stream_refused]  # fmt: skip


@pytest.mark.parametrize("fail", FAILURES, ids=lambda f: f.__name__.strip("_"))
async def test_every_error_carries_the_request_id(
    api: Api, mock: respx.MockRouter, fail: Any
) -> None:
    with pytest.raises(zaguan.APIError) as caught:
        await fail(api, mock)
    sent = mock.calls.last.request.headers["X-Request-Id"]
    assert caught.value.request_id == sent
    assert f"request_id={sent}" in str(caught.value)


# -- str() and repr() ---------------------------------------------------------------------


@pytest.mark.parametrize("fail", FAILURES, ids=lambda f: f.__name__.strip("_"))
async def test_str_is_one_line(api: Api, mock: respx.MockRouter, fail: Any) -> None:
    with pytest.raises(zaguan.APIError) as caught:
        await fail(api, mock)
    text = str(caught.value)
    assert text
    assert text == " ".join(text.split())
    assert API_KEY not in text
    assert API_KEY not in repr(caught.value)


async def test_str_hides_the_key_when_the_server_echoes_it(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    api = make_api(max_retries=0)
    echo = f"Invalid API key: Bearer {API_KEY}\nplease check {API_KEY}"
    error = await _failing_chat(api, mock, Reply(401, json=error_json("x", echo)))
    assert isinstance(error, zaguan.AuthenticationError)
    assert API_KEY not in str(error)
    assert API_KEY not in repr(error)
    assert "Invalid API key" in str(error)


async def test_str_of_a_huge_error_body_stays_short(api: Api, mock: respx.MockRouter) -> None:
    error = await _failing_chat(api, mock, Reply(400, text="x" * 100_000))
    assert len(str(error)) < 400
    assert error.body == "x" * 100_000


def test_every_exception_is_a_zaguan_error() -> None:
    for name in zaguan.__all__:
        value = getattr(zaguan, name)
        if isinstance(value, type) and issubclass(value, Warning):
            continue  # a warning is issued, not raised: UserWarning is its documented base
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, zaguan.ZaguanError), name
