"""One line, sent: `send_line` turns a `Line` into its `LineResult` (and output line).

The request id is `derive_request_id(run_id, custom_id)`: the same line of the same run always
carries the same id, so sending it again (``--resume`` after a crash, a Ray task retried on
another worker) is answered from CoreX's record and not charged again. Every line goes through
``client.request``: the client's key, retries, rate limit and typed errors, with the answer's
body kept as CoreX sent it (a model's ``to_dict()`` would drop what the contract does not name).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx2

from .._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    InsufficientCreditsError,
    RequestValidationError,
)
from .._raw import araw
from .._redact import MASK, MIN_SECRET, SENSITIVE_HEADERS
from .._request import RequestOptions, derive_request_id
from ._lines import Line
from ._records import credits_of, json_text, record_bytes

if TYPE_CHECKING:
    from .._async_client import AsyncZaguanClient

__all__ = ["LineResult", "send_line"]


@dataclass(frozen=True, slots=True)
class LineResult:
    """What came of one line: CoreX's answer or the error, and the credits it debited."""

    custom_id: str
    request_id: str
    status_code: int | None
    """The answer's HTTP status; None when no answer came."""
    body: bytes | None
    """The answer's JSON as sent (`json_text`); None when no answer came."""
    credits: float
    """``promptshield.credits_used`` of the answer, 0 when it reports none."""
    error: APIError | RequestValidationError | None = None
    """The exception, when the line failed."""

    @property
    def ok(self) -> bool:
        """Whether CoreX answered with a success."""
        return self.error is None

    @property
    def fatal(self) -> bool:
        """Whether the error will fail every line alike: the key refused (401), the credits
        spent (402), or CoreX out of reach. A run stops there, leaving the line unwritten for
        ``--resume``; a timeout is the line's own."""
        error = self.error
        if isinstance(error, APITimeoutError):
            return False
        return isinstance(
            error, AuthenticationError | InsufficientCreditsError | APIConnectionError
        )

    @property
    def error_code(self) -> str | None:
        """The output line's ``error.code``: CoreX's ``error.code`` (else ``error.type``) when
        it answered, as its server-side batches write it; else the SDK's exception class
        (``APITimeoutError``, ``APIConnectionError``, ``RequestValidationError``)."""
        error = self.error
        if error is None:
            return None
        answered = self._answered()
        return (answered is not None and (answered.code or answered.type)) or type(error).__name__

    @property
    def error_message(self) -> str | None:
        """The output line's ``error.message``: CoreX's message when it answered, else the
        exception's one-line text (no credential in either)."""
        if self.error is None:
            return None
        answered = self._answered()
        return str(self.error) if answered is None else answered.message

    def record(self) -> bytes:
        """The output line (`record_bytes`), its line break included."""
        problem = None
        if self.error is not None:
            problem = (self.error_code or "", self.error_message or "")
        body = self.body if self.body is not None else b"null"
        return record_bytes(
            self.custom_id, self.request_id, status_code=self.status_code, body=body, error=problem
        )

    def _answered(self) -> APIError | None:
        """The error, when CoreX answered with it."""
        error = self.error
        return error if isinstance(error, APIError) and self.status_code is not None else None


async def send_line(
    client: AsyncZaguanClient, line: Line, run_id: str, *, deadline: float | None = None
) -> LineResult:
    """Send ``line`` with ``client`` under its derived request id; never raises for what CoreX
    answered or a failure to reach it (`LineResult.error`), only for cancellation.
    ``deadline`` bounds the line: every attempt, back-off and the answer's body."""
    request_id = derive_request_id(run_id, line.custom_id)
    options: RequestOptions = {"request_id": request_id}
    if deadline is not None:
        options["deadline"] = deadline
    try:
        raw = await araw(client.request)("POST", line.url, body=line.body, **options)
    except APIError as exc:
        response = exc.response
        if response is None:
            return LineResult(line.custom_id, request_id, None, None, 0.0, exc)
        body = exc.body if isinstance(exc.body, dict | list) else None
        text = json_text(_masked(response), body)
        return LineResult(line.custom_id, request_id, response.status_code, text, 0.0, exc)
    except RequestValidationError as exc:  # a body JSON cannot carry (a lone surrogate)
        return LineResult(line.custom_id, request_id, None, None, 0.0, exc)
    parsed: Any = raw.parsed
    text = json_text(_masked(raw.http_response), parsed)
    return LineResult(line.custom_id, request_id, raw.status_code, text, credits_of(parsed))


def _masked(response: httpx2.Response) -> bytes:
    """The body, with the request's credentials masked should CoreX have echoed one. The
    sensitive headers are looked up by name: walking them all (`secrets_of`) cost 60 us a line."""
    content = response.content
    headers = response.request.headers
    for name in SENSITIVE_HEADERS:
        value = headers.get(name)
        for secret in (value, value.partition(" ")[2]) if value else ():
            raw = secret.encode("utf-8", "replace")
            if len(raw) >= MIN_SECRET and raw in content:
                content = content.replace(raw, MASK.encode())
    return content
