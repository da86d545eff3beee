"""Charging a request once per request id, for every operation that names a model.

A request that names a model goes through the same steps, in this order, whatever it asks for:
the model (404, or 400 when it serves another operation), a request-id conflict (409), the band
(403), the credits (402), then the fault, whose failure is recorded in the history without a
debit. `admit` runs them; `debit` charges the success once per request id and returns the
`promptshield` of that charge.
"""

from __future__ import annotations

import hashlib
import json

from .._catalog._models import (
    BAND_CREDITS,
    TIER_BANDS,
    Model,
    fault_model,
    find_model,
    required_tier,
)
from .._core._call import Call, Dropped, apply_fault
from .._core._errors import ApiError, bad_request
from .._core._faults import Fault, FaultSpecError, fault_from_model
from .._core._ratelimits import spend_tokens
from ._ledger import InsufficientCreditsError, Ledger, RequestIdConflictError, Spend

__all__ = [
    "admit",
    "check_access",
    "conflict_error",
    "debit",
    "failed",
    "fingerprint",
    "flat_spend",
    "insufficient_error",
    "resolve",
]


def fingerprint(body: object) -> str:
    """What tells a retry (the same body) from another request under the same id."""
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def resolve(model_id: str, kind: str = "chat") -> tuple[Model, Fault | None]:
    """The model named `model_id` and the fault a `test/...` name asks for.

    `test/...` names stand for a band-A model of any kind.
    """
    try:
        if model_id.startswith("test/"):
            return fault_model(model_id), fault_from_model(model_id)
    except FaultSpecError:
        pass
    model = find_model(model_id)
    if model is None:
        raise ApiError(404, f"Model {model_id!r} not found", code="model_not_found", param="model")
    if model.kind != kind:
        message = f"'model' {model_id!r} is {_article(model.kind)}, not {_article(kind)}"
        raise bad_request("model", message)
    return model, None


def _article(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} model"


def insufficient_error(ledger: Ledger, exc: InsufficientCreditsError) -> ApiError:
    extra = {
        "credits_required": exc.required,
        "credits_remaining": exc.remaining,
        "reset_date": ledger.reset_date(),
    }
    return ApiError(
        402,
        f"Insufficient credits: {exc}",
        type="insufficient_credits",
        code="insufficient_credits",
        extra=extra,
    )


def conflict_error(request_id: str) -> ApiError:
    message = f"Request id {request_id!r} already in use by a request with another body"
    return ApiError(409, message, type="conflict_error")


def check_access(ledger: Ledger, model: Model) -> None:
    if model.band not in TIER_BANDS[ledger.tier]:
        tier = required_tier(model.band)
        extra = {"band": model.band, "required_tier": tier, "current_tier": ledger.tier}
        raise ApiError(
            403,
            f"Model band {model.band} requires tier {tier}",
            param="model",
            type="band_access_denied",
            code="band_access_denied",
            extra=extra,
        )


def failed(model: Model) -> Spend:
    """The spend of a failed attempt: the model, no tokens, no credits."""
    return Spend(model.id, model.provider, model.band)


def flat_spend(
    model: Model,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    reasoning_tokens: int | None = None,
    delay: float = 0.0,
) -> Spend:
    """The spend of a success: the band's credits, the tokens at the model's prices, and a
    latency of 100 ms plus 10 per output token plus any injected delay."""
    cost = prompt_tokens * model.input_cost_per_1m + completion_tokens * model.output_cost_per_1m
    return Spend(
        model=model.id,
        provider=model.provider,
        band=model.band,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        reasoning_tokens=reasoning_tokens,
        credits=BAND_CREDITS[model.band],
        cost=round(cost / 1e6, 10),
        latency_ms=100 + 10 * completion_tokens + round(delay * 1000),
    )


async def admit(
    call: Call, model: Model, fingerprint: str, model_fault: Fault | None = None
) -> Fault | None:
    """Check the request id, band and credits, then apply the fault (the header's, the model
    name's or the server's); return the fault still active for the answer (delays, streams)."""
    ledger = call.ledger
    try:
        charged = ledger.charged(call.request_id, fingerprint)
        check_access(ledger, model)
        if charged is None:
            ledger.ensure_affordable(BAND_CREDITS[model.band])
    except RequestIdConflictError as exc:
        raise conflict_error(call.request_id) from exc
    except InsufficientCreditsError as exc:
        raise insufficient_error(ledger, exc) from exc
    fault = call.header_fault or model_fault or call.state.fault
    fault = fault if fault is not None and fault.active(call.attempt) else None
    try:
        await apply_fault(call, fault, model.provider)
    except ApiError as error:
        status = "rate_limited" if error.status == 429 else "error"
        ledger.record_failure(call.request_id, failed(model), status, error.message)
        raise
    except Dropped:
        ledger.record_failure(call.request_id, failed(model), "error", "Connection dropped")
        raise
    return fault


def debit(call: Call, spend: Spend, fingerprint: str) -> dict[str, object]:
    """Charge once per request id and return the `promptshield` of that charge."""
    try:
        entry = call.ledger.debit(call.request_id, spend, fingerprint)
    except InsufficientCreditsError as exc:
        raise insufficient_error(call.ledger, exc) from exc
    except RequestIdConflictError as exc:
        raise conflict_error(call.request_id) from exc
    spend_tokens(call.request, spend.prompt_tokens + spend.completion_tokens)
    return call.ledger.promptshield_json(entry)
