"""httpx2 clients with the SDK's defaults, for callers who bring their own ``http_client=``."""

from __future__ import annotations

from typing import Any

import httpx2

from ._config import DEFAULT_LIMITS, DEFAULT_TIMEOUT
from ._errors import ConfigurationError

__all__ = ["DefaultAsyncHttpxClient", "DefaultHttpxClient"]


def _with_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``kwargs`` with the SDK's timeout and pool limits where the caller gave none."""
    return {"timeout": DEFAULT_TIMEOUT, "limits": DEFAULT_LIMITS, **kwargs}


def check_http_client(value: object, expected: type[Any], hint: str) -> None:
    """Refuse an ``http_client`` that is not an ``expected`` (`httpx2.Client` or
    `httpx2.AsyncClient`), with what to pass instead; ``hint`` names the other client."""
    if value is None or isinstance(value, expected):
        return
    wanted = f"httpx2.{expected.__name__}"
    if type(value).__module__.split(".")[0] == "httpx":  # httpx 0.x: not imported to ask
        raise ConfigurationError(
            f"http_client is an httpx.{type(value).__name__} (httpx 0.x); zaguan runs on httpx2, "
            f"the maintained httpx: pass an {wanted} (or zaguan.Default"
            f"{'Async' if 'Async' in expected.__name__ else ''}HttpxClient(...)), made with the "
            "same arguments"
        )
    raise ConfigurationError(f"http_client must be an {wanted}{hint}, got {type(value).__name__}")


class DefaultHttpxClient(httpx2.Client):
    """An `httpx2.Client` with the SDK's timeout (600 s read, 10 s connect) and pool limits
    (100 connections, all kept alive) unless given: change what you need and keep the rest.

    >>> client = ZaguanClient(http_client=DefaultHttpxClient(
    ...     limits=httpx2.Limits(max_connections=500, max_keepalive_connections=500)))
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx2.AsyncClient):
    """The `httpx2.AsyncClient` of `DefaultHttpxClient`, for `AsyncZaguanClient`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_defaults(kwargs))
