"""The SDK's exceptions, and the one place where failed HTTP exchanges become them.

The tree::

    ZaguanError
    ├── ConfigurationError
    ├── RequestValidationError             bad input, found before sending (_validate.py)
    ├── BulkInputError                     a bulk run's input, output or state is unusable
    ├── LengthFinishReasonError            chat_parse: the JSON was cut at the token limit
    ├── ContentFilterFinishReasonError     chat_parse: the content filter stopped the answer
    ├── StructuredOutputError              chat_parse: the answer does not fit the type
    ├── ToolCallError                      run_tools: the model called a tool wrongly
    ├── ToolRoundsExceededError            run_tools: still calling tools after max_rounds
    └── APIError
        ├── APIConnectionError
        │   ├── APITimeoutError
        │   └── ClientClosedError          the client was closed: before the call, or mid-stream
        ├── APIResponseValidationError     a 2xx whose body is not the JSON expected
        ├── APIStatusError
        │   ├── BadRequestError            400
        │   ├── AuthenticationError        401
        │   ├── InsufficientCreditsError   402
        │   ├── PermissionDeniedError      403
        │   │   └── BandAccessDeniedError  403 band_access_denied
        │   ├── NotFoundError              404
        │   ├── ConflictError              409
        │   ├── UnprocessableEntityError   422
        │   ├── RateLimitError             429
        │   └── InternalServerError        >=500
        └── StreamError                    an error event inside an SSE stream

The helpers' five (`lib._parse`, `lib._tools`) are about an answer, not a failed exchange;
they live here with the others, as ``openai`` keeps `LengthFinishReasonError` beside
`APIStatusError`. The
clients never pick a class: they call `make_status_error`,
`make_stream_error` or `make_decode_error`, then ``raise ... from exc`` where
there is a lower-level cause. The contract's rule decides the class: the body's
``error.type`` / ``error.code`` first, the HTTP status second.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Final

import httpx2

from ._redact import redact, scrub, secrets_of
from ._retry import server_delay

if TYPE_CHECKING:
    from zaguan_corex_client.models import ChatCompletion

UNREADABLE: Final = (
    ValueError,  # json.loads, enums, dates; UnicodeError too
    TypeError,  # a list where a string was expected, an unhashable index, mixed index types
    LookupError,  # KeyError, IndexError
    AttributeError,
    ArithmeticError,  # OverflowError: 1e400 is inf, int(inf) overflows
    RecursionError,  # absurdly nested JSON
)
"""What reading a server's JSON into models or accumulators can raise: the clients and
the stream lifecycle turn each into `APIResponseValidationError`, never let it escape."""
_STR_LIMIT: Final = 200  # str() stays one readable log line; .body keeps everything
_NO_FIELDS: Final[Mapping[str, object]] = {}


class ZaguanError(Exception):
    """Base class of every exception the SDK raises."""


class ConfigurationError(ZaguanError):
    """The client is set up wrongly, e.g. no API key or a malformed base URL."""


class APIError(ZaguanError):
    """A call to CoreX failed.

    ``body`` is the parsed JSON error (the raw text when not JSON); ``type``,
    ``code`` and ``param`` come from its ``error`` object. ``str()`` is one line
    with status, type, message and request id, and never shows a header.
    """

    _show_status: ClassVar[bool] = True  # whether str() starts with "Error code: N"

    message: str
    request_id: str | None
    response: httpx2.Response | None
    body: object
    status_code: int | None
    type: str | None
    code: str | None
    param: str | None

    def __init__(
        self,
        message: str,
        *,
        request_id: str | None = None,
        response: httpx2.Response | None = None,
        body: object = None,
        status_code: int | None = None,
    ) -> None:
        # Server text may echo the caller's key: masked before anything can show it.
        secrets = secrets_of(response)
        message = redact(message, secrets)
        super().__init__(message)
        self.message = message
        self.request_id = request_id
        self.response = response
        self.body = body
        self.status_code = status_code
        error = _error_object(body)
        self.type, self.code, self.param = (
            _masked(_str_field(error, key), secrets) for key in ("type", "code", "param")
        )
        self._read_extras(error)

    def _read_extras(self, error: Mapping[str, object]) -> None:
        """Hook: subclasses lift their typed fields out of the body's ``error``."""

    def __str__(self) -> str:
        status = self.status_code is not None and self._show_status
        head = f"Error code: {self.status_code} - " if status else ""
        kind = f"{self.type}: " if self.type else ""
        tail = f" (request_id={self.request_id})" if self.request_id else ""
        return f"{head}{kind}{self._short_message()}{tail}"

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(status_code={self.status_code!r}, type={self.type!r}, "
            f"message={self._short_message()!r}, request_id={self.request_id!r})"
        )

    def _short_message(self) -> str:  # redact again: `message` is a public, writable field
        return _one_line(redact(self.message, secrets_of(self.response)))


class APIConnectionError(APIError):
    """No response arrived: the connection failed or broke (``__cause__`` says how)."""

    def __init__(self, message: str = "Connection error.", *, request_id: str | None = None):
        super().__init__(message, request_id=request_id)


class APITimeoutError(APIConnectionError):
    """No response arrived in time."""

    def __init__(self, message: str = "Request timed out.", *, request_id: str | None = None):
        super().__init__(message, request_id=request_id)


class ClientClosedError(APIConnectionError):
    """The client was closed: before this call was sent (nothing was sent), or while its
    stream or download was being read, from any thread (the answer is incomplete)."""

    def __init__(self, message: str = "The client is closed.", *, request_id: str | None = None):
        super().__init__(message, request_id=request_id)


class APIResponseValidationError(APIError):
    """A 2xx response whose body is not the JSON expected; ``body`` is its raw text.

    Not an `APIStatusError`: the server did succeed (and may have charged
    credits), so handlers of "the server refused" must not catch it and it is
    never retried. ``status_code`` is still set, for diagnosis.
    """

    _show_status = False  # "Error code: 200" would read as nonsense


class APIStatusError(APIError):
    """CoreX answered with an error status; ``response`` and ``status_code`` are set."""

    response: httpx2.Response
    status_code: int

    def __init__(
        self,
        message: str,
        *,
        response: httpx2.Response,
        body: object = None,
        request_id: str | None = None,
    ) -> None:
        status = response.status_code
        super().__init__(
            message, request_id=request_id, response=response, body=body, status_code=status
        )


class BadRequestError(APIStatusError):
    """400: the request is malformed; ``param`` names the culprit when known."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class InsufficientCreditsError(APIStatusError):
    """402: not enough credits; see ``credits_required``, ``credits_remaining``, ``reset_date``."""

    credits_required: float | int | None
    credits_remaining: float | int | None
    reset_date: str | None

    def _read_extras(self, error: Mapping[str, object]) -> None:
        self.credits_required = _number_field(error, "credits_required")
        self.credits_remaining = _number_field(error, "credits_remaining")
        self.reset_date = _str_field(error, "reset_date")


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class BandAccessDeniedError(PermissionDeniedError):
    """403: the model's ``band`` needs ``required_tier``; the key has ``current_tier``."""

    band: str | None
    required_tier: str | None
    current_tier: str | None

    def _read_extras(self, error: Mapping[str, object]) -> None:
        self.band = _str_field(error, "band")
        self.required_tier = _str_field(error, "required_tier")
        self.current_tier = _str_field(error, "current_tier")


class NotFoundError(APIStatusError):
    """404: no such model or resource."""


class ConflictError(APIStatusError):
    """409: conflicts with another request, e.g. one with the same request id."""


class UnprocessableEntityError(APIStatusError):
    """422: well-formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """429: slow down; ``retry_after`` is the seconds the SDK waits (or would wait) before
    a retry by the server's word, None when the server named no delay.

    Read by `zaguan._retry.server_delay`, the rule of the retry loop itself: the
    ``retry-after-ms`` / ``Retry-After`` header first, the body's ``retry_after`` else,
    capped at 60 s.
    """

    retry_after: float | None

    def _read_extras(self, error: Mapping[str, object]) -> None:
        self.retry_after = server_delay(self.response.headers, _seconds_field(error, "retry_after"))


class InternalServerError(APIStatusError):
    """5xx: CoreX or the upstream ``provider`` failed; usually worth a retry."""

    provider: str | None

    def _read_extras(self, error: Mapping[str, object]) -> None:
        self.provider = _str_field(error, "provider")


class StreamError(APIError):
    """An ``error`` event arrived inside an SSE stream, after a 2xx status.

    ``status_code`` is the payload's own status if it carries one (never the
    stream's 200); ``body`` is the whole decoded payload.
    """


# The body's type or code decides first (contract, "Errors"); Anthropic's names are
# here too because /v1/messages passes Anthropic's errors through.
_CLASS_BY_TYPE: Final[Mapping[str, type[APIStatusError]]] = {
    "insufficient_credits": InsufficientCreditsError,
    "band_access_denied": BandAccessDeniedError,
    "rate_limit_exceeded": RateLimitError,
    "rate_limit_error": RateLimitError,
    "authentication_error": AuthenticationError,
    "invalid_api_key": AuthenticationError,
    "permission_error": PermissionDeniedError,
    "not_found_error": NotFoundError,
    "model_not_found": NotFoundError,
    "conflict_error": ConflictError,
    "server_error": InternalServerError,
    "provider_error": InternalServerError,
    "overloaded_error": InternalServerError,
    "api_error": InternalServerError,
}
_CLASS_BY_STATUS: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_of_error_type(name: str) -> int:
    """The HTTP status an error ``type`` or ``code`` stands for (400 when the SDK knows none):
    for results that carry an error without its status, as message batch results do."""
    kind = _CLASS_BY_TYPE.get(name)
    if kind is InternalServerError:
        return 500
    return next((status for status, cls in _CLASS_BY_STATUS.items() if cls is kind), 400)


def make_status_error(response: httpx2.Response, *, request_id: str | None) -> APIStatusError:
    """The exception for a non-2xx ``response`` whose body has been read.

    Any body is accepted: the contract's JSON, other JSON, HTML from a proxy,
    bytes in no known encoding, nothing at all. Class choice: the body's
    ``error.type`` or ``error.code`` (the more specific class if both are
    known), else the status, else `InternalServerError` for any 5xx, else
    `APIStatusError`.
    """
    text, body = _decode_body(response)
    status = response.status_code
    cls = _status_error_class(status, _error_object(body))
    message = _message(body) or text.strip() or response.reason_phrase or f"HTTP {status}"
    return cls(message, response=response, body=body, request_id=_rid(request_id, response))


def make_stream_error(
    payload: object, *, request_id: str | None, response: httpx2.Response | None
) -> StreamError:
    """The exception for a ``data: {"error": {...}}`` event met mid-stream."""
    message = _message(payload) or "The server reported an error in the event stream."
    status = _status_field(_error_object(payload))
    rid = _rid(request_id, response)
    return StreamError(message, request_id=rid, response=response, body=payload, status_code=status)


def make_decode_error(
    response: httpx2.Response, *, request_id: str | None, cause: Exception
) -> APIResponseValidationError:
    """The exception for a 2xx ``response`` whose body is not the JSON expected.

    ``cause`` becomes ``__cause__`` already; ``raise ... from cause`` still reads best.
    Its text (a generated model quotes the value it could not parse) is masked in place.
    """
    scrub(cause, secrets_of(response))
    message = f"Unexpected response body ({cause.__class__.__name__}: {cause})"
    text, _ = _decode_body(response)
    rid = _rid(request_id, response)
    status = response.status_code
    error = APIResponseValidationError(
        message, request_id=rid, response=response, body=text, status_code=status
    )
    error.__cause__ = cause
    return error


def _status_error_class(status: int, error: Mapping[str, object]) -> type[APIStatusError]:
    # Through _str_field: a list from the JSON would be unhashable.
    keys = (_str_field(error, "type") or "", _str_field(error, "code") or "")
    named = [_CLASS_BY_TYPE[key] for key in keys if key in _CLASS_BY_TYPE]
    if named:  # type before code, unless the code names a subclass (permission -> band)
        return max(named, key=lambda cls: len(cls.__mro__))
    if status in _CLASS_BY_STATUS:
        return _CLASS_BY_STATUS[status]
    return InternalServerError if status >= 500 else APIStatusError


def _decode_body(response: httpx2.Response) -> tuple[str, object]:
    """The body's text, and its JSON value (the text itself when not JSON, None when empty)."""
    try:
        text = response.text  # undecodable bytes become U+FFFD, never an exception
    except httpx2.ResponseNotRead:  # a streamed body nobody read: report the status alone
        return "", None
    try:
        return text, json.loads(text) if text.strip() else None
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return text, text


def _message(body: object) -> str | None:
    """The server's own words, from the contract's shape or its common look-alikes."""
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    inner = error.get("message") if isinstance(error, dict) else error
    for value in (inner, body.get("message"), body.get("detail")):
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is not None and not isinstance(value, str):  # e.g. FastAPI's list of problems
            return json.dumps(value, default=str, ensure_ascii=False)
    return None


def _error_object(body: object) -> Mapping[str, object]:
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else _NO_FIELDS


def _str_field(error: Mapping[str, object], key: str) -> str | None:
    value = error.get(key)
    return value if isinstance(value, str) and value else None


def _number_field(error: Mapping[str, object], key: str) -> float | int | None:
    value = error.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):  # bool is an int
        return None
    return value if math.isfinite(value) else None


def _seconds_field(error: Mapping[str, object], key: str) -> float | None:
    value = _number_field(error, key)
    return float(value) if value is not None and value >= 0 else None


def _status_field(error: Mapping[str, object]) -> int | None:
    for key in ("status_code", "status"):
        value = _number_field(error, key)
        if isinstance(value, int) and 100 <= value <= 599:
            return value
    return None


def _rid(request_id: str | None, response: httpx2.Response | None) -> str | None:
    """The id we sent, else the one CoreX echoed."""
    echoed: str | None = response.headers.get("x-request-id") if response is not None else None
    return request_id if request_id is not None else echoed


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _STR_LIMIT else flat[: _STR_LIMIT - 3] + "..."


def _masked(value: str | None, secrets: frozenset[str]) -> str | None:
    return None if value is None else redact(value, secrets)


class RequestValidationError(ZaguanError, TypeError, ValueError):
    """Arguments that break the request contract, raised before any network call.

    One class for every case: a `TypeError` (wrong type, missing or unexpected argument, as
    Python reports a bad call) that is also a `ValueError` (a value outside an enum).
    ``path`` names the value at fault, e.g. ``"messages[1].content[0]"``; it is empty when
    the call itself is wrong (an argument missing or unexpected).
    """

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class BulkInputError(ZaguanError, ValueError):
    """A bulk run (`zaguan.bulk`) cannot start: an option, its input file, its output file or
    its saved state is unusable. Raised before any line is sent; ``problems`` lists each as
    ``(line number or None, text)`` (at most ten for a bad input file), ``where`` names the
    file they are in."""

    def __init__(self, problems: list[tuple[int | None, str]], *, where: str = "") -> None:
        self.problems = problems
        self.where = where
        lines = [text if number is None else f"line {number}: {text}" for number, text in problems]
        super().__init__(f"{where}: " * bool(where) + "; ".join(lines))


class BatchJobError(ZaguanError):
    """A server-side batch job (`zaguan.batch`) cannot go on: its record is missing or
    unreadable, a batch is not finished yet, or a result file is missing or cut short (the
    message names the batch and the file). Never an empty result in its place."""


# -- The helpers' errors: about an answer, not a failed exchange.


class LengthFinishReasonError(ZaguanError):
    """The answer stopped at the token limit (``finish_reason == "length"``), so its JSON is
    incomplete; ``completion`` is what came. Raise ``max_completion_tokens`` and retry."""

    def __init__(self, completion: ChatCompletion) -> None:
        super().__init__(
            "The answer hit the token limit (finish_reason 'length') before its JSON was "
            f"complete; usage: {_usage(completion)} (request id {completion._request_id})"
        )
        self.completion = completion


class ContentFilterFinishReasonError(ZaguanError):
    """The provider's content filter stopped the answer (``finish_reason ==
    "content_filter"``); ``completion`` is what came."""

    def __init__(self, completion: ChatCompletion) -> None:
        super().__init__(
            "The answer was stopped by the content filter (finish_reason 'content_filter') "
            f"(request id {completion._request_id})"
        )
        self.completion = completion


class StructuredOutputError(ZaguanError):
    """The answer is not JSON of the requested type; ``text`` is the raw content,
    ``completion`` the whole answer, ``path`` where it stopped fitting (``$.items[0]``)."""

    def __init__(
        self, message: str, *, text: str, completion: ChatCompletion, path: str = "$"
    ) -> None:
        shown = repr(text[:_STR_LIMIT]) + (
            f"... ({len(text):,} characters in .text)" if len(text) > _STR_LIMIT else ""
        )
        super().__init__(f"{message} (request id {completion._request_id}); raw text: {shown}")
        self.text = text
        self.completion = completion
        self.path = path


def _usage(completion: ChatCompletion) -> str:
    usage = completion.usage
    return f"{usage.completion_tokens} completion tokens" if usage else "not reported"


class ToolCallError(ZaguanError):
    """The model called a tool wrongly: a name no tool has, or arguments that do not fit."""


class ToolRoundsExceededError(ZaguanError):
    """The model still called tools after ``max_rounds`` rounds; ``completion`` is its last
    reply and ``messages`` the conversation so far."""

    def __init__(self, rounds: int, completion: ChatCompletion, messages: list[Any]) -> None:
        super().__init__(
            f"The model still called tools after {rounds} rounds (max_rounds); "
            f"request id {completion._request_id}"
        )
        self.completion = completion
        self.messages = messages
