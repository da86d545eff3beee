"""One request as the handlers see it, and the faults that act on it before any response."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from .._credits._ledger import Ledger
from ._errors import ApiError, bad_request, status_error_type
from ._faults import FAULT_HEADER, Fault, FaultSpecError, parse_fault
from ._state import CoreXState

#: Scope keys where the request-id middleware leaves the id and the attempt number.
REQUEST_ID = "zaguan.request_id"
ATTEMPT = "zaguan.attempt"

__all__ = [
    "ATTEMPT",
    "REQUEST_ID",
    "Call",
    "DropResponse",
    "Dropped",
    "apply_fault",
    "error_response",
    "header_fault",
    "json_response",
]


class Dropped(Exception):
    """A fault asked for the connection to be dropped before any response."""


class DropResponse(Response):
    """Closes the connection without a byte of response (the server's dropper does the closing)."""

    def __init__(self, state: CoreXState) -> None:
        super().__init__()
        self._state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        dropper = self._state.dropper
        if dropper is not None and dropper(scope):
            async with asyncio.timeout(5):  # the server notices the closed socket at once
                while (await receive())["type"] != "http.disconnect":
                    pass
            return
        # Under another ASGI server: start a response and fail, so the server cuts it short.
        await send({"type": "http.response.start", "status": 500, "headers": []})
        raise ConnectionAbortedError("zaguan.testing: fault drop (connection cut mid-response)")


@dataclass(frozen=True, slots=True)
class Call:
    request: Request
    state: CoreXState
    request_id: str
    attempt: int
    ledger: Ledger
    header_fault: Fault | None
    body: Any = None  # the JSON body, already checked against the contract


def json_response(
    body: object, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    return JSONResponse(body, status_code=status, headers=headers)


def error_response(error: ApiError) -> Response:
    return json_response(error.to_json(), error.status, error.headers)


def header_fault(request: Request) -> Fault | None:
    spec = request.headers.get(FAULT_HEADER)
    try:
        return None if spec is None else parse_fault(spec)
    except FaultSpecError as exc:
        raise bad_request(FAULT_HEADER, f"'{FAULT_HEADER}' is not a fault spec: {exc}") from exc


def _seconds(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def fault_error(call: Call, fault: Fault, provider: str) -> ApiError:
    status = fault.status or 500
    of = f" of {fault.times}" if fault.times is not None else ""
    message = f"Injected fault: HTTP {status} on attempt {call.attempt}{of}"
    extra: dict[str, object] = {"provider": provider} if status >= 500 else {}
    headers: dict[str, str] = {}
    if fault.retry_after is not None:
        extra["retry_after"] = _seconds(fault.retry_after)
        headers["Retry-After"] = str(_seconds(fault.retry_after))
    if status_error_type(status)[0] == "insufficient_credits":
        extra |= {
            "credits_required": 1,
            "credits_remaining": call.ledger.balance,
            "reset_date": call.ledger.reset_date(),
        }
    return ApiError(status, message, extra=extra, headers=headers)


async def apply_fault(call: Call, fault: Fault | None, provider: str) -> None:
    """Slow, drop or fail this attempt as `fault` says (when it is active for this attempt)."""
    if fault is None or not fault.active(call.attempt):
        return
    if fault.delay:
        await asyncio.sleep(fault.delay)
    if fault.drop:
        raise Dropped
    if fault.status is not None:
        raise fault_error(call, fault, provider)
