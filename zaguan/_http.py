"""httpx clients with the SDK's defaults, for callers who bring their own ``http_client=``."""

from __future__ import annotations

from typing import Any

import httpx

from ._config import DEFAULT_LIMITS, DEFAULT_TIMEOUT

__all__ = ["DefaultAsyncHttpxClient", "DefaultHttpxClient"]


def _with_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``kwargs`` with the SDK's timeout and pool limits where the caller gave none."""
    return {"timeout": DEFAULT_TIMEOUT, "limits": DEFAULT_LIMITS, **kwargs}


class DefaultHttpxClient(httpx.Client):
    """An `httpx.Client` with the SDK's timeout (600 s read, 10 s connect) and pool limits
    (100 connections, all kept alive) unless given: change what you need and keep the rest.

    >>> client = ZaguanClient(http_client=DefaultHttpxClient(
    ...     limits=httpx.Limits(max_connections=500, max_keepalive_connections=500)))
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """The `httpx.AsyncClient` of `DefaultHttpxClient`, for `AsyncZaguanClient`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_defaults(kwargs))
