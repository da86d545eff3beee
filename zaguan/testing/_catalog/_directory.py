"""`GET /v1/providers/status` and `GET /v1/virtual-models[/{model_id}]`, from the catalogue.

Every provider of the catalogue is ``operational``, with a fixed ``latency_ms`` per provider
and ``checked_at`` the server clock's current second. The virtual models are `VIRTUAL_MODELS`,
whose targets are catalogue models.
"""

from __future__ import annotations

import hashlib

from starlette.responses import Response

from .._core._call import Call, json_response
from .._core._errors import ApiError
from .._credits._ledger import format_time
from ._models import CATALOG, CREATED, find_model

__all__ = ["VIRTUAL_MODELS", "provider_status", "retrieve_virtual_model", "virtual_models"]

#: id -> (description, strategy, targets as (model, weight or None)).
VIRTUAL_MODELS: dict[str, tuple[str, str, tuple[tuple[str, float | None], ...]]] = {
    "zaguan/fast-chat": (
        "Cheap chat with a fallback.",
        "fallback",
        (("openai/gpt-4o-mini", None), ("google/gemini-2.0-flash", None)),
    ),
    "zaguan/reasoning": (
        "Reasoning spread over two providers.",
        "weighted",
        (("openai/o3-mini", 3), ("google/gemini-2.5-pro", 1)),
    ),
}
assert all(find_model(m) for _, _, targets in VIRTUAL_MODELS.values() for m, _ in targets)


def _latency(provider: str) -> int:
    return 200 + hashlib.sha256(provider.encode()).digest()[0]


async def provider_status(call: Call) -> Response:
    checked_at = format_time(call.state.clock())
    providers = dict.fromkeys(model.provider for model in CATALOG)  # catalogue order
    data = [
        {
            "provider": name,
            "status": "operational",
            "latency_ms": _latency(name),
            "checked_at": checked_at,
            "message": None,
        }
        for name in providers
    ]
    return json_response({"object": "list", "data": data})


def _virtual_json(model_id: str) -> dict[str, object]:
    description, strategy, targets = VIRTUAL_MODELS[model_id]
    return {
        "id": model_id,
        "object": "virtual_model",
        "description": description,
        "strategy": strategy,
        "targets": [
            {"model": model} | ({"weight": weight} if weight is not None else {})
            for model, weight in targets
        ],
        "created": CREATED,
    }


async def virtual_models(call: Call) -> Response:
    return json_response({"object": "list", "data": [_virtual_json(m) for m in VIRTUAL_MODELS]})


async def retrieve_virtual_model(call: Call) -> Response:
    model_id = call.request.path_params["model_id"]
    if model_id not in VIRTUAL_MODELS:
        message = f"Virtual model {model_id!r} not found"
        raise ApiError(404, message, code="model_not_found", param="model_id")
    return json_response(_virtual_json(model_id))
