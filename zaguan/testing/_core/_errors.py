"""The contract's error shape, `{"error": {message, type, code, param, ...extra}}`."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["ApiError", "bad_request", "status_error_type"]

# status -> (type, code) for errors the server makes up (faults), per the contract's table.
_BY_STATUS: dict[int, tuple[str, str | None]] = {
    400: ("invalid_request_error", None),
    401: ("authentication_error", "invalid_api_key"),
    402: ("insufficient_credits", "insufficient_credits"),
    403: ("permission_error", None),
    404: ("not_found_error", None),
    409: ("conflict_error", None),
    422: ("invalid_request_error", None),
    429: ("rate_limit_exceeded", "rate_limit_exceeded"),
    500: ("server_error", None),
    502: ("provider_error", None),
    503: ("overloaded_error", None),
    504: ("provider_error", "timeout"),
}


def status_error_type(status: int) -> tuple[str, str | None]:
    """The error `type` and `code` the contract pairs with `status`."""
    default = ("server_error", None) if status >= 500 else ("invalid_request_error", None)
    return _BY_STATUS.get(status, default)


class ApiError(Exception):
    """An error response: raise it anywhere in a handler, the app renders it."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str | None = None,  # the contract's field name
        code: str | None = None,
        param: str | None = None,
        extra: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        default_type, default_code = status_error_type(status)
        self.status = status
        self.message = message
        self.type = type or default_type
        self.code = code if code is not None or type is not None else default_code
        self.param = param
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def to_json(self) -> dict[str, object]:
        error: dict[str, object] = {
            "message": self.message,
            "type": self.type,
            "code": self.code,
            "param": self.param,
        }
        return {"error": {**error, **self.extra}}


def bad_request(param: str | None, message: str) -> ApiError:
    """A 400 `invalid_request_error` naming the field at fault."""
    return ApiError(400, message, param=param)
