"""``client.lowlevel``: the generated client, wired to the facade's pool and settings."""

from __future__ import annotations

from typing import Any

import httpx

from zaguan_corex_client import AuthenticatedClient

from ._config import ClientConfig
from ._request import new_request_id


def _with_request_id(request: httpx.Request) -> None:
    # The generated functions send X-Request-Id only when the caller passes one.
    if "X-Request-Id" not in request.headers:
        request.headers["X-Request-Id"] = new_request_id()


async def _awith_request_id(request: httpx.Request) -> None:
    _with_request_id(request)


class LowLevelClient(AuthenticatedClient):
    """The generated `AuthenticatedClient`, whose repr would print the key: not this one."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"


def lowlevel_client(
    config: ClientConfig, http: httpx.Client | httpx.AsyncClient
) -> AuthenticatedClient:
    """An `AuthenticatedClient` whose httpx client shares ``http``'s transport (its pool).

    A new httpx client on the same transport rather than ``http`` itself: a caller-given
    ``http_client`` must not have our key, base URL or hooks forced on it.
    """
    settings: dict[str, Any] = {
        "base_url": config.base_url,
        "headers": config.headers.copy(),
        "timeout": config.timeout,
    }
    lowlevel = LowLevelClient(base_url=config.base_url, token=config.api_key)
    # httpx keeps the pool in the transport.
    if isinstance(http, httpx.AsyncClient):
        hooks = {"request": [_awith_request_id]}
        return lowlevel.set_async_httpx_client(
            httpx.AsyncClient(transport=http._transport, event_hooks=hooks, **settings)
        )
    sync_hooks = {"request": [_with_request_id]}
    return lowlevel.set_httpx_client(
        httpx.Client(transport=http._transport, event_hooks=sync_hooks, **settings)
    )
