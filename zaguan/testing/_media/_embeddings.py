"""`POST /v1/embeddings` and `POST /v1/moderations`: deterministic vectors and classifications.

Embeddings: each input (a string, or a token array) is hashed into a unit vector of the model's
`DIMENSIONS` (SHAKE-256 of the input, as float32 values in [-1, 1], normalised); `dimensions`
keeps the first ones and normalises again, as OpenAI shortens its vectors. The same input always
gives the same vector, whatever else the request holds. `encoding_format` `base64`: the vector's
little-endian float32 bytes, base64-encoded; the `float` numbers are those same float32 values,
so both formats decode to equal lists. Usage: one token per word of a string, one per token id.

Moderations: an input is flagged in the categories of `MARKERS` whose marker word it contains
(case-insensitive): ``"I will kill it"`` is flagged for ``violence``. Scores are 0.9 flagged,
0.0001 otherwise; every category of OpenAI's list is present.
"""

from __future__ import annotations

import base64
import hashlib
import math
import struct
from typing import Any

from starlette.responses import Response

from .._chat._answers import count_tokens
from .._core._call import Call, json_response
from .._core._errors import ApiError
from .._credits._charge import admit, debit, fingerprint, flat_spend, resolve

__all__ = [
    "DIMENSIONS",
    "MARKERS",
    "MAX_INPUTS",
    "classify",
    "embed",
    "embeddings",
    "moderations",
]

#: The length of every vector before `dimensions` shortens it (text-embedding-3-small's).
DIMENSIONS = 1536
#: Inputs per request, as OpenAI limits them; more is a 422.
MAX_INPUTS = 2048
DEFAULT_MODERATION_MODEL = "openai/omni-moderation-latest"

CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
#: Marker word -> the categories an input containing it is flagged in.
MARKERS: dict[str, tuple[str, ...]] = {
    "kill": ("violence", "harassment/threatening"),
    "hate": ("hate", "harassment"),
    "gore": ("violence/graphic",),
    "steal": ("illicit",),
}
_FLAGGED, _CLEAR = 0.9, 0.0001


def _inputs(value: Any) -> list[str | list[int]]:
    """Each input to embed: a string, a token array, or one of a list of either."""
    if isinstance(value, str):
        return [value]
    if value and all(isinstance(item, int) for item in value):
        return [value]
    return list(value)


def embed(item: str | list[int], dimensions: int | None = None) -> list[float]:
    """The unit vector of one input, float32 values; `dimensions` keeps that many."""
    key = item.encode() if isinstance(item, str) else b"tokens:" + ",".join(map(str, item)).encode()
    raw = hashlib.shake_256(key).digest(4 * DIMENSIONS)
    values = [n / 0x7FFFFFFF - 1.0 for n in struct.unpack(f"<{DIMENSIONS}I", raw)]
    values = values[: dimensions or DIMENSIONS]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    packed = struct.pack(f"<{len(values)}f", *(v / norm for v in values))
    return list(struct.unpack(f"<{len(values)}f", packed))


def _encoded(vector: list[float], encoding: str) -> list[float] | str:
    if encoding == "base64":
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")
    return vector


def _tokens(item: str | list[int]) -> int:
    return count_tokens(item) if isinstance(item, str) else len(item)


async def embeddings(call: Call) -> Response:
    body = call.body
    model, model_fault = resolve(body["model"], "embedding")
    items = _inputs(body["input"])
    if len(items) > MAX_INPUTS:
        raise ApiError(422, f"'input' must have at most {MAX_INPUTS} items here", param="input")
    dimensions = None if body.get("dimensions") is None else int(body["dimensions"])  # 5.0 too
    if dimensions is not None and dimensions > DIMENSIONS:
        message = f"'dimensions' must be at most {DIMENSIONS} for {model.id}"
        raise ApiError(422, message, param="dimensions")
    key = fingerprint(body)
    await admit(call, model, key, model_fault)
    encoding = body.get("encoding_format", "float")
    vectors = [_encoded(embed(item, dimensions), encoding) for item in items]
    data = [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)]
    tokens = sum(map(_tokens, items))
    debit(call, flat_spend(model, tokens), key)
    usage = {"prompt_tokens": tokens, "total_tokens": tokens}
    return json_response({"object": "list", "data": data, "model": model.id, "usage": usage})


def _texts(value: Any) -> list[tuple[str, str]]:
    """Each input to classify as (type, text): `text` parts and strings, `image` parts (URL)."""
    if isinstance(value, str):
        return [("text", value)]
    if all(isinstance(item, str) for item in value):
        return [("text", item) for item in value]
    return [
        ("text", part["text"]) if part["type"] == "text" else ("image", part["image_url"]["url"])
        for part in value
    ]


def classify(text: str, kind: str = "text") -> dict[str, object]:
    """The moderation result of one input."""
    words = text.lower()
    flagged = {category for marker, cats in MARKERS.items() if marker in words for category in cats}
    return {
        "flagged": bool(flagged),
        "categories": {category: category in flagged for category in CATEGORIES},
        "category_scores": {c: _FLAGGED if c in flagged else _CLEAR for c in CATEGORIES},
        "category_applied_input_types": {category: [kind] for category in CATEGORIES},
    }


async def moderations(call: Call) -> Response:
    body = call.body
    model, model_fault = resolve(body.get("model", DEFAULT_MODERATION_MODEL), "moderation")
    key = fingerprint(body)
    await admit(call, model, key, model_fault)
    items = _texts(body["input"])
    debit(call, flat_spend(model, sum(count_tokens(text) for _, text in items)), key)
    answer = {
        "id": f"modr-{hashlib.sha256(call.request_id.encode()).hexdigest()[:24]}",
        "model": model.id,
        "results": [classify(text, kind) for kind, text in items],
    }
    return json_response(answer)
