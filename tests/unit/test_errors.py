"""The exception tree and the mapping of failed responses to it (zaguan/_errors.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx2
import pytest

from zaguan._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BandAccessDeniedError,
    ConfigurationError,
    ConflictError,
    InsufficientCreditsError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamError,
    UnprocessableEntityError,
    ZaguanError,
    make_decode_error,
    make_status_error,
    make_stream_error,
)
from zaguan._retry import MAX_RETRY_AFTER, retry_delay, server_delay

SECRET = "sk-secret"


def _request() -> httpx2.Request:
    headers = {"Authorization": f"Bearer {SECRET}", "X-Request-Id": "rid-1"}
    return httpx2.Request("POST", "http://x/v1/chat/completions", headers=headers)


def _response(
    status: int, content: bytes | str = b"", headers: dict[str, str] | None = None
) -> httpx2.Response:
    return httpx2.Response(status, content=content, headers=headers, request=_request())


def _json_response(
    status: int, body: object, headers: dict[str, str] | None = None
) -> httpx2.Response:
    return _response(
        status, json.dumps(body), {"Content-Type": "application/json", **(headers or {})}
    )


def _error_body(type_: str | None, message: str = "boom", /, **extra: object) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "code": None, "param": None, **extra}}


def _status_error(
    status: int, body: object, headers: dict[str, str] | None = None
) -> APIStatusError:
    return make_status_error(_json_response(status, body, headers), request_id="rid-1")


# --- the tree ---------------------------------------------------------------------------

TREE = [
    (ConfigurationError, ZaguanError),
    (APIError, ZaguanError),
    (APIConnectionError, APIError),
    (APITimeoutError, APIConnectionError),
    (APIResponseValidationError, APIError),
    (APIStatusError, APIError),
    (BadRequestError, APIStatusError),
    (AuthenticationError, APIStatusError),
    (InsufficientCreditsError, APIStatusError),
    (PermissionDeniedError, APIStatusError),
    (BandAccessDeniedError, PermissionDeniedError),
    (NotFoundError, APIStatusError),
    (ConflictError, APIStatusError),
    (UnprocessableEntityError, APIStatusError),
    (RateLimitError, APIStatusError),
    (InternalServerError, APIStatusError),
    (StreamError, APIError),
]


@pytest.mark.parametrize(("cls", "parent"), TREE)
def test_tree_matches_the_docstring(cls: type[Exception], parent: type[Exception]) -> None:
    assert cls.__bases__ == (parent,)


def test_stream_and_decode_errors_are_not_status_errors() -> None:
    assert not issubclass(StreamError, APIStatusError)
    assert not issubclass(APIResponseValidationError, APIStatusError)


def test_configuration_error_is_just_a_message() -> None:
    error = ConfigurationError("no API key")
    assert str(error) == "no API key"
    assert isinstance(error, ZaguanError)


def test_connection_errors_have_friendly_defaults_and_keep_their_cause() -> None:
    cause = httpx2.ReadTimeout("read timed out")
    with pytest.raises(APITimeoutError) as caught:
        raise APITimeoutError(request_id="rid-9") from cause
    error = caught.value
    assert isinstance(error, APIConnectionError)
    assert error.__cause__ is cause
    assert str(error) == "Request timed out. (request_id=rid-9)"
    assert (error.status_code, error.response, error.type) == (None, None, None)
    assert str(APIConnectionError()) == "Connection error."


def test_status_error_can_be_built_directly() -> None:
    response = _response(429, headers={"Retry-After": "3"})
    error = RateLimitError("slow down", response=response, body=_error_body("rate_limit_exceeded"))
    assert error.status_code == 429
    assert error.retry_after == 3.0
    assert error.type == "rate_limit_exceeded"
    assert error.request_id is None


# --- the contract's error table, every row ---------------------------------------------

CREDITS = {"credits_required": 10, "credits_remaining": 2.5, "reset_date": "2025-01-01T00:00:00Z"}
BAND = {"band": "C", "required_tier": "pro", "current_tier": "free"}

CONTRACT_ROWS = [
    pytest.param(
        400, "invalid_request_error", None, {"param": "messages"}, BadRequestError, id="400"
    ),
    pytest.param(401, "authentication_error", "invalid_api_key", {}, AuthenticationError, id="401"),
    pytest.param(402, "insufficient_credits", None, CREDITS, InsufficientCreditsError, id="402"),
    pytest.param(403, "band_access_denied", None, BAND, BandAccessDeniedError, id="403-band"),
    pytest.param(403, "permission_error", None, {}, PermissionDeniedError, id="403-permission"),
    pytest.param(404, "not_found_error", "model_not_found", {}, NotFoundError, id="404"),
    pytest.param(409, "conflict_error", None, {}, ConflictError, id="409"),
    pytest.param(422, "invalid_request_error", None, {}, UnprocessableEntityError, id="422"),
    pytest.param(429, "rate_limit_exceeded", None, {"retry_after": 7}, RateLimitError, id="429"),
    *(
        pytest.param(
            status, type_, None, {"provider": "openai"}, InternalServerError, id=f"{status}-{type_}"
        )
        for status in (500, 502, 503, 504)
        for type_ in ("server_error", "provider_error", "overloaded_error")
    ),
]


@pytest.mark.parametrize(("status", "type_", "code", "extra", "cls"), CONTRACT_ROWS)
def test_contract_error_table(
    status: int, type_: str, code: str | None, extra: dict[str, Any], cls: type[APIStatusError]
) -> None:
    body = {"error": {"message": "boom", "type": type_, "code": code, "param": None, **extra}}
    error = _status_error(status, body)
    assert type(error) is cls
    assert (error.status_code, error.type, error.code, error.message) == (
        status,
        type_,
        code,
        "boom",
    )
    assert error.request_id == "rid-1"
    assert error.body == body
    assert error.response is not None
    for name, value in extra.items():
        assert getattr(error, name) == value


def test_contract_row_400_exposes_param() -> None:
    error = _status_error(400, _error_body("invalid_request_error", param="temperature"))
    assert error.param == "temperature"


# --- type beats status ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "type_", "code", "cls"),
    [
        (400, "insufficient_credits", None, InsufficientCreditsError),
        (500, "insufficient_credits", None, InsufficientCreditsError),
        (400, "band_access_denied", None, BandAccessDeniedError),
        (500, "rate_limit_exceeded", None, RateLimitError),
        (400, "authentication_error", None, AuthenticationError),
        (400, "invalid_request_error", "model_not_found", NotFoundError),
        (400, "invalid_request_error", "invalid_api_key", AuthenticationError),
        (403, "permission_error", "band_access_denied", BandAccessDeniedError),
        (502, "rate_limit_error", None, RateLimitError),
        (400, "api_error", None, InternalServerError),
        (404, "invalid_request_error", None, NotFoundError),
        (418, "some_future_type", "some_future_code", APIStatusError),
    ],
)
def test_type_or_code_decides_before_status(
    status: int, type_: str, code: str | None, cls: type[APIStatusError]
) -> None:
    error = _status_error(status, _error_body(type_, code=code))
    assert type(error) is cls
    assert error.status_code == status


def test_band_access_denied_is_a_permission_error_with_its_fields() -> None:
    error = _status_error(403, _error_body("band_access_denied", **BAND))
    assert isinstance(error, PermissionDeniedError)
    assert isinstance(error, BandAccessDeniedError)
    assert (error.band, error.required_tier, error.current_tier) == ("C", "pro", "free")


# --- status alone -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, InsufficientCreditsError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (501, InternalServerError),
        (520, InternalServerError),
        (599, InternalServerError),
        (405, APIStatusError),
        (418, APIStatusError),
        (499, APIStatusError),
    ],
)
def test_status_decides_when_the_body_names_no_type(status: int, cls: type[APIStatusError]) -> None:
    error = _status_error(status, {"error": {"message": "no type here"}})
    assert type(error) is cls
    assert error.message == "no type here"
    assert error.type is None


@pytest.mark.parametrize("status", [499, 520])
def test_status_unknown_to_the_stdlib_with_empty_body(status: int) -> None:
    error = make_status_error(_response(status), request_id=None)
    assert error.status_code == status
    assert error.message == f"HTTP {status}"
    assert error.body is None
    assert str(error) == f"Error code: {status} - HTTP {status}"


# --- bodies that are not the contract's shape ------------------------------------------

HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>\n"
    + "<center><h1>502 Bad Gateway</h1></center>\n" * 20
    + "</body>\n</html>\n"
)


def test_html_502_from_a_proxy() -> None:
    error = make_status_error(_response(502, HTML, {"Content-Type": "text/html"}), request_id="r")
    assert type(error) is InternalServerError
    assert error.body == HTML
    assert error.message == HTML.strip()
    assert error.provider is None
    text = str(error)
    assert "\n" not in text
    assert "\r" not in text
    assert text.startswith("Error code: 502 - <html> <head><title>502 Bad Gateway")
    assert text.endswith("... (request_id=r)")
    assert len(text) < 250
    assert "\n" not in repr(error)


def test_empty_body_uses_the_reason_phrase() -> None:
    error = make_status_error(_response(502), request_id="r")
    assert type(error) is InternalServerError
    assert error.body is None
    assert error.message == "Bad Gateway"
    assert str(error) == "Error code: 502 - Bad Gateway (request_id=r)"


def test_whitespace_only_body_counts_as_empty() -> None:
    error = make_status_error(_response(503, " \r\n "), request_id=None)
    assert error.body is None
    assert error.message == "Service Unavailable"


def test_json_list_body() -> None:
    error = _status_error(400, ["bad", "request"])
    assert type(error) is BadRequestError
    assert error.body == ["bad", "request"]
    assert error.message == '["bad", "request"]'
    assert error.type is None


def test_detail_body() -> None:
    error = _status_error(404, {"detail": "x"})
    assert type(error) is NotFoundError
    assert error.message == "x"
    assert error.body == {"detail": "x"}


def test_detail_list_body_becomes_readable_json() -> None:
    detail = [{"loc": ["body", "model"], "msg": "field required"}]
    error = _status_error(422, {"detail": detail})
    assert type(error) is UnprocessableEntityError
    assert json.loads(error.message) == detail


def test_top_level_message_body() -> None:
    assert _status_error(500, {"message": "upstream exploded"}).message == "upstream exploded"


def test_error_as_a_string_not_an_object() -> None:
    error = _status_error(401, {"error": "Invalid API key"})
    assert type(error) is AuthenticationError
    assert error.message == "Invalid API key"
    assert (error.type, error.code, error.param) == (None, None, None)


def test_error_object_without_message_falls_back_to_raw_text() -> None:
    body = {"error": {"type": "conflict_error"}}
    error = _status_error(409, body)
    assert type(error) is ConflictError
    assert json.loads(error.message) == body


@pytest.mark.parametrize(
    "error_object",
    [
        {"message": 42, "type": ["not", "a", "string"], "code": {"x": 1}, "param": 3},
        {"message": None, "type": None, "code": None, "param": None},
        {"message": "", "type": "", "code": ""},
    ],
)
def test_wrongly_typed_fields_never_raise(error_object: dict[str, Any]) -> None:
    error = _status_error(400, {"error": error_object})
    assert type(error) is BadRequestError
    assert (error.type, error.code, error.param) == (None, None, None)
    assert error.message


def test_json_scalar_body() -> None:
    error = _status_error(500, "just a string")
    assert error.body == "just a string"
    assert error.message == '"just a string"'


def test_non_utf8_bytes() -> None:
    content = b"\xff\xfe\x00 caf\xe9 \x80\x81"
    error = make_status_error(_response(500, content), request_id="r")
    assert type(error) is InternalServerError
    assert isinstance(error.body, str)
    assert isinstance(str(error), str)


def test_bogus_charset_is_survived() -> None:
    response = _response(
        400, b'{"error": {"message": "m"}}', {"Content-Type": "text/plain; charset=nope"}
    )
    assert make_status_error(response, request_id=None).message == "m"


def test_absurdly_nested_json_is_kept_as_text() -> None:
    content = "[" * 100_000
    error = make_status_error(_response(400, content), request_id=None)
    assert error.body == content


def test_json_infinity_is_not_a_number_we_expose() -> None:
    response = _response(
        402, b'{"error": {"type": "insufficient_credits", "credits_required": Infinity}}'
    )
    error = make_status_error(response, request_id=None)
    assert isinstance(error, InsufficientCreditsError)
    assert error.credits_required is None


def test_unread_streamed_response_does_not_raise() -> None:
    response = httpx2.Response(502, stream=httpx2.ByteStream(b"never read"), request=_request())
    error = make_status_error(response, request_id="r")
    assert type(error) is InternalServerError
    assert error.body is None
    assert error.message == "Bad Gateway"


# --- typed extras, parsed defensively ---------------------------------------------------


def test_insufficient_credits_fields_of_the_wrong_type_become_none() -> None:
    extra = {"credits_required": "10", "credits_remaining": True, "reset_date": 20250101}
    error = _status_error(402, _error_body("insufficient_credits", **extra))
    assert isinstance(error, InsufficientCreditsError)
    assert (error.credits_required, error.credits_remaining, error.reset_date) == (None, None, None)


def test_extras_absent_are_none() -> None:
    error = make_status_error(_response(402), request_id=None)
    assert isinstance(error, InsufficientCreditsError)
    assert (error.credits_required, error.credits_remaining, error.reset_date) == (None, None, None)
    band = _status_error(403, _error_body("band_access_denied"))
    assert isinstance(band, BandAccessDeniedError)
    assert (band.band, band.required_tier, band.current_tier) == (None, None, None)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [({"Retry-After": "30"}, 30.0), ({"retry-after-ms": "1500"}, 1.5), ({}, 2.5)],
)
def test_rate_limit_retry_after_header_wins_over_body(
    headers: dict[str, str], expected: float
) -> None:
    # The rule of the retry loop's sleep (server_delay), so the error says what was waited.
    error = _status_error(429, _error_body("rate_limit_exceeded", retry_after=2.5), headers)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == expected
    assert retry_delay(0, server=server_delay(httpx2.Headers(headers), 2.5)) == expected


def test_rate_limit_retry_after_is_capped_as_the_sleep_is() -> None:
    error = _status_error(429, _error_body("rate_limit_exceeded"), {"Retry-After": "3600"})
    assert isinstance(error, RateLimitError)
    assert error.retry_after == MAX_RETRY_AFTER


@pytest.mark.parametrize("body_value", [None, -1, "soon", True])
def test_rate_limit_falls_back_to_header_seconds(body_value: object) -> None:
    body = _error_body("rate_limit_exceeded", retry_after=body_value)
    error = _status_error(429, body, {"Retry-After": "30"})
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 30.0


def test_rate_limit_header_http_date() -> None:
    future = "Fri, 31 Dec 9999 23:59:59 GMT"
    error = make_status_error(_response(429, headers={"Retry-After": future}), request_id=None)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == MAX_RETRY_AFTER


def test_rate_limit_without_any_delay() -> None:
    error = make_status_error(_response(429), request_id=None)
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_internal_server_error_provider() -> None:
    error = _status_error(503, _error_body("provider_error", provider="anthropic"))
    assert isinstance(error, InternalServerError)
    assert error.provider == "anthropic"


# --- str, repr, request id, secrets -----------------------------------------------------


def test_str_is_one_useful_line() -> None:
    body = _error_body("insufficient_credits", "Not enough credits")
    error = make_status_error(_json_response(402, body), request_id="abc")
    assert (
        str(error) == "Error code: 402 - insufficient_credits: Not enough credits (request_id=abc)"
    )
    assert repr(error) == (
        "InsufficientCreditsError(status_code=402, type='insufficient_credits', "
        "message='Not enough credits', request_id='abc')"
    )


def test_multi_line_message_is_collapsed_in_str_but_kept_in_message() -> None:
    error = _status_error(400, {"error": {"message": "line one\nline two\n\tline three"}})
    assert error.message == "line one\nline two\n\tline three"
    assert str(error) == "Error code: 400 - line one line two line three (request_id=rid-1)"


def test_request_id_falls_back_to_the_echoed_header() -> None:
    response = _response(500, headers={"X-Request-Id": "echoed"})
    assert make_status_error(response, request_id=None).request_id == "echoed"
    assert make_status_error(response, request_id="sent").request_id == "sent"


def test_no_request_id_anywhere() -> None:
    error = make_status_error(_response(500), request_id=None)
    assert error.request_id is None
    assert "request_id" not in str(error)


def _every_kind_of_error() -> list[APIError]:
    echo = f"Incorrect API key provided: {SECRET}"
    return [
        _status_error(401, _error_body("invalid_api_key", echo)),
        make_status_error(_response(502, f"<html>\n{echo}\n</html>"), request_id="r"),
        make_stream_error(
            _error_body("server_error", echo), request_id="r", response=_response(200)
        ),
        make_decode_error(_response(200, echo), request_id="r", cause=ValueError(echo)),
    ]


@pytest.mark.parametrize(
    "error", _every_kind_of_error(), ids=["status", "html", "stream", "decode"]
)
def test_the_api_key_never_leaks_into_str_or_repr(error: APIError) -> None:
    assert error.response is not None
    assert error.response.request.headers["Authorization"] == f"Bearer {SECRET}"
    assert SECRET not in str(error)
    assert SECRET not in repr(error)
    assert "Authorization" not in str(error) + repr(error)
    assert "***" in str(error)


def test_short_tokens_are_not_redacted_everywhere() -> None:
    request = httpx2.Request("GET", "http://x/", headers={"Authorization": "Bearer a"})
    response = httpx2.Response(400, json={"error": {"message": "a bad request"}}, request=request)
    assert str(make_status_error(response, request_id=None)) == "Error code: 400 - a bad request"


def test_response_without_a_request_is_survived() -> None:
    error = make_status_error(
        httpx2.Response(500, json={"error": {"message": "m"}}), request_id=None
    )
    assert str(error) == "Error code: 500 - m"


# --- stream errors ----------------------------------------------------------------------


def test_stream_error_from_the_contract_payload() -> None:
    payload = _error_body("overloaded_error", "Overloaded", provider="anthropic")
    response = _response(200, headers={"X-Request-Id": "echoed"})
    error = make_stream_error(payload, request_id="rid-1", response=response)
    assert type(error) is StreamError
    assert (error.type, error.message, error.request_id) == (
        "overloaded_error",
        "Overloaded",
        "rid-1",
    )
    assert error.status_code is None  # never the stream's own 200
    assert error.body is payload
    assert error.response is response
    assert str(error) == "overloaded_error: Overloaded (request_id=rid-1)"


@pytest.mark.parametrize(
    ("key", "value", "status"),
    [
        ("status_code", 429, 429),
        ("status", 503, 503),
        ("status", "UNAVAILABLE", None),
        ("status", True, None),
        ("status_code", 42, None),
    ],
)
def test_stream_error_status_from_the_payload(key: str, value: object, status: int | None) -> None:
    error = make_stream_error(
        _error_body("server_error", **{key: value}), request_id=None, response=None
    )
    assert error.status_code == status


def test_stream_error_uses_the_echoed_request_id_when_none_given() -> None:
    response = _response(200, headers={"X-Request-Id": "echoed"})
    assert make_stream_error({}, request_id=None, response=response).request_id == "echoed"


@pytest.mark.parametrize("payload", [None, "oops", [1, 2], {}, {"error": None}, {"error": 5}])
def test_stream_error_from_odd_payloads(payload: object) -> None:
    error = make_stream_error(payload, request_id="r", response=None)
    assert isinstance(error, StreamError)
    assert error.body == payload
    assert error.message
    assert error.type is None


def test_stream_error_with_a_string_error() -> None:
    error = make_stream_error({"error": "upstream closed"}, request_id=None, response=None)
    assert error.message == "upstream closed"
    assert str(error) == "upstream closed"


# --- decode errors ----------------------------------------------------------------------


def test_decode_error_keeps_raw_text_status_and_cause() -> None:
    cause = json.JSONDecodeError("Expecting value", "not json", 0)
    response = _response(200, "not json\n<html>", {"X-Request-Id": "echoed"})
    error = make_decode_error(response, request_id=None, cause=cause)
    assert type(error) is APIResponseValidationError
    assert error.body == "not json\n<html>"
    assert error.status_code == 200
    assert error.request_id == "echoed"
    assert error.__cause__ is cause
    assert str(error).startswith("Unexpected response body (JSONDecodeError: Expecting value")
    assert "Error code" not in str(error)
    assert "\n" not in str(error)


def test_decode_error_for_valid_json_of_the_wrong_shape() -> None:
    response = _json_response(200, {"unexpected": True})
    error = make_decode_error(response, request_id="r", cause=KeyError("choices"))
    assert error.body == '{"unexpected": true}'
    assert str(error) == "Unexpected response body (KeyError: 'choices') (request_id=r)"


def _parse_or_raise(response: httpx2.Response) -> object:
    """What a client does with a 2xx body it cannot read."""
    try:
        return json.loads(response.text)
    except ValueError as exc:
        raise make_decode_error(response, request_id="r", cause=exc) from exc


def test_decode_error_raised_from_its_cause() -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        _parse_or_raise(_response(200, "garbage"))
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
    assert caught.value.body == "garbage"
