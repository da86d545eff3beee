"""`POST /v1/images/generations`, `/edits` and `/variations` (multipart): small solid PNGs.

Each image is a 16x16 PNG of one colour, taken from a hash of the prompt, the uploaded image
and mask (edits, variations) and the image's index, so the `n` images of one request differ and
the same request always draws the same ones; `size`, `quality` and `style` are checked and
change nothing. `response_format` `b64_json` puts the PNG in the answer; `url` (the default of
`openai/dall-e-2`, the model when none is named) points at this server:
``GET /files/images/img-<rrggbb>.png``, a local convenience outside the contract that needs no
key, as a provider's signed URL does not. `openai/gpt-image-1` always answers `b64_json`, as
the contract says of it, with a `usage`.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from typing import Any

from starlette.responses import Response

from .._catalog._models import CREATED
from .._chat._answers import count_tokens
from .._core._call import Call, json_response
from .._core._errors import ApiError
from .._core._multipart import read_form
from .._credits._charge import admit, debit, fingerprint, flat_spend, resolve

__all__ = ["IMAGE_FILES", "IMAGE_SIZE", "edits", "generations", "image_file", "png", "variations"]

#: The route of the PNGs image URLs point at: outside the contract, a local convenience.
IMAGE_FILES = "/files/images/{name}"
IMAGE_SIZE = 16
DEFAULT_IMAGE_MODEL = "openai/dall-e-2"
_ALWAYS_B64 = frozenset({"openai/gpt-image-1"})
_FILE = re.compile(r"img-([0-9a-f]{6})\.png")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(rgb: bytes, size: int = IMAGE_SIZE) -> bytes:
    """A `size` x `size` PNG filled with the colour `rgb` (three bytes), 8-bit RGB."""
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    rows = (b"\x00" + rgb * size) * size  # filter type 0 before each row
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def _colours(seed: bytes, n: int) -> list[bytes]:
    return [hashlib.sha256(seed + str(i).encode()).digest()[:3] for i in range(n)]


def _image(call: Call, rgb: bytes, b64: bool) -> dict[str, str]:
    if b64:
        return {"b64_json": base64.b64encode(png(rgb)).decode("ascii")}
    path = IMAGE_FILES.format(name=f"img-{rgb.hex()}.png")
    return {"url": f"{str(call.request.base_url).rstrip('/')}{path}"}


async def _draw(
    call: Call, fields: dict[str, Any], seed: bytes, key: str, model_name: str | None
) -> Response:
    model, model_fault = resolve(model_name or DEFAULT_IMAGE_MODEL, "image")
    await admit(call, model, key, model_fault)
    b64 = fields.get("response_format", "url") == "b64_json" or model.id in _ALWAYS_B64
    colours = _colours(seed, int(fields.get("n", 1)))
    prompt_tokens = count_tokens(fields.get("prompt", ""))
    debit(call, flat_spend(model, prompt_tokens), key)
    answer: dict[str, Any] = {"created": CREATED, "data": [_image(call, c, b64) for c in colours]}
    if model.id in _ALWAYS_B64:
        answer["usage"] = _usage(prompt_tokens, len(colours))
    return json_response(answer)


def _usage(prompt_tokens: int, images: int) -> dict[str, int]:
    output = 272 * images  # what gpt-image-1 reports for one low-quality square image
    return {
        "input_tokens": prompt_tokens,
        "output_tokens": output,
        "total_tokens": prompt_tokens + output,
    }


async def generations(call: Call) -> Response:
    body = call.body
    seed = body["prompt"].encode()
    return await _draw(call, body, seed, fingerprint(body), body.get("model"))


async def _uploaded(call: Call, path: str) -> Response:
    form = await read_form(call, path)
    seed = form.fields.get("prompt", "").encode()
    for name in ("image", "mask"):
        file = form.file(name)
        seed += hashlib.sha256(file.content).digest() if file is not None else b""
    return await _draw(call, form.fields, seed, form.fingerprint, form.fields.get("model"))


async def edits(call: Call) -> Response:
    return await _uploaded(call, "/v1/images/edits")


async def variations(call: Call) -> Response:
    return await _uploaded(call, "/v1/images/variations")


async def image_file(call: Call) -> Response:
    """`GET /files/images/img-<rrggbb>.png`: the PNG an image `url` points at."""
    name = call.request.path_params["name"]
    match = _FILE.fullmatch(name)
    if match is None:
        raise ApiError(404, f"No image {name!r}", code="not_found")
    return Response(png(bytes.fromhex(match[1])), media_type="image/png")
