"""``client.lowlevel``: the generated client, wired to the facade's pool and settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2

from zaguan_corex_client import AuthenticatedClient

from ._config import ClientConfig, provided_key
from ._request import new_request_id


def _request_hook(config: ClientConfig) -> Callable[[httpx2.Request], None]:
    provider = config.key_provider

    def complete(request: httpx2.Request) -> None:
        # The generated functions send X-Request-Id only when the caller passes one.
        if "X-Request-Id" not in request.headers:
            request.headers["X-Request-Id"] = new_request_id()
        if provider is not None:  # a key function is asked per request, as the facade does
            request.headers["Authorization"] = f"Bearer {provided_key(provider)}"

    return complete


class LowLevelClient(AuthenticatedClient):
    """The generated `AuthenticatedClient`, whose repr would print the key: not this one."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"


class _Through(httpx2.BaseTransport):
    """A transport that sends by ``http.send``: the request reaches ``http``'s own transport
    (its pool, an aiohttp one, a mock) through the public seam, as the facade's calls do."""

    def __init__(self, http: httpx2.Client) -> None:
        self._http = http

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self._http.send(request, stream=True, auth=None, follow_redirects=False)
        return _relayed(response)


class _AsyncThrough(httpx2.AsyncBaseTransport):
    """`_Through` for an `httpx2.AsyncClient`."""

    def __init__(self, http: httpx2.AsyncClient) -> None:
        self._http = http

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await self._http.send(request, stream=True, auth=None, follow_redirects=False)
        return _relayed(response)


def _relayed(response: httpx2.Response) -> httpx2.Response:
    """``response`` as a transport's answer: its undecoded body, closed with it."""
    return httpx2.Response(
        response.status_code,
        headers=response.headers.raw,
        stream=response.stream,
        extensions=response.extensions,
    )


def lowlevel_client(
    config: ClientConfig, http: httpx2.Client | httpx2.AsyncClient
) -> AuthenticatedClient:
    """An `AuthenticatedClient` whose httpx2 client sends through ``http`` (its pool).

    A new httpx2 client in front of ``http`` rather than ``http`` itself: a caller-given
    ``http_client`` must not have our key, base URL or hooks forced on it.
    """
    settings: dict[str, Any] = {
        "base_url": config.base_url,
        "headers": config.headers.copy(),
        "timeout": config.timeout,
    }
    # The token is unused (the httpx2 clients below are ours), but the class requires one.
    lowlevel = LowLevelClient(base_url=config.base_url, token="")
    complete = _request_hook(config)
    if isinstance(http, httpx2.AsyncClient):

        async def acomplete(request: httpx2.Request) -> None:
            complete(request)

        hooks = {"request": [acomplete]}
        return lowlevel.set_async_httpx_client(
            httpx2.AsyncClient(transport=_AsyncThrough(http), event_hooks=hooks, **settings)
        )
    sync_hooks = {"request": [complete]}
    return lowlevel.set_httpx_client(
        httpx2.Client(transport=_Through(http), event_hooks=sync_hooks, **settings)
    )
