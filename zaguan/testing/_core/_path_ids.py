"""Path parameters as the client sent them, an encoded ``/`` (``%2F``) kept inside them.

Starlette matches routes on the decoded path, where ``GET /v1/files/file-1%2Fcontent`` (the
file id ``file-1/content``, rightly encoded) reads as ``GET /v1/files/file-1/content``: another
route, another file; ``DELETE /v1/messages/batches/b%2Fcancel`` a POST-only route. So the
routes see a path where only ``%2F`` stays encoded (`KeepEncodedSlashes`), and each route's
parameters are decoded once matched (`decode_path_params`). A model id sent unencoded
(``/v1/models/openai/gpt-4o-mini``) still reaches its ``anypath`` route.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["KeepEncodedSlashes", "decode_path_params"]

_ENCODED_SLASH = re.compile(rb"%2[fF]")
_REWRITTEN = "zaguan.encoded_slashes"


class KeepEncodedSlashes:
    """ASGI middleware: route on the raw path, decoded but for ``%2F`` (and ``%`` itself, as
    ``%25``, so that a literal ``%2F`` in an id is not read as a slash)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = scope.get("raw_path") if scope["type"] == "http" else None
        if raw and _ENCODED_SLASH.search(raw):
            pieces = _ENCODED_SLASH.split(raw.partition(b"?")[0])
            decoded = (unquote(piece.decode("latin-1")).replace("%", "%25") for piece in pieces)
            scope = {**scope, "path": "%2F".join(decoded), _REWRITTEN: True}
        await self.app(scope, receive, send)


def decode_path_params(scope: Scope) -> None:
    """Decode the matched route's parameters of a path `KeepEncodedSlashes` rewrote (once: a
    route shared by several methods passes through two endpoints)."""
    params = scope.get("path_params")
    if not scope.pop(_REWRITTEN, False):  # not rewritten, or decoded already
        return
    if params and any("%" in value for value in params.values() if isinstance(value, str)):
        scope["path_params"] = {
            name: unquote(value) if isinstance(value, str) else value
            for name, value in params.items()
        }
