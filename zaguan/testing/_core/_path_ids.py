"""A path parameter as the client sent it, an encoded ``/`` (``%2F``) kept inside it.

Starlette matches routes on the decoded path, where ``GET /v1/files/file-1%2Fcontent`` (the
file id ``file-1/content``, rightly encoded) reads as ``GET /v1/files/file-1/content``: another
route, another file. This server's file and batch ids hold no ``/``, so such an id names
nothing; reading it back from the raw path makes the handler say so (404 naming it).
"""

from __future__ import annotations

from urllib.parse import unquote

from ._call import Call

__all__ = ["path_id"]


def path_id(call: Call, name: str) -> str:
    """The path parameter `name` (the route's only one), as sent."""
    value: str = call.request.path_params[name]
    raw = call.request.scope.get("raw_path") or b""
    if b"%2f" not in raw.lower():
        return value
    segments = [unquote(segment) for segment in raw.decode("latin-1").split("/")]
    return next((segment for segment in segments if "/" in segment), value)
