"""httpx2 clients with the SDK's defaults, for callers who bring their own ``http_client=``:
on httpx2's pool, or on aiohttp's (`DefaultAioHttpClient`, the ``aiohttp`` extra)."""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx2

from ._config import DEFAULT_LIMITS, DEFAULT_TIMEOUT
from ._errors import ConfigurationError
from ._extras import raise_missing_extra

__all__ = ["DefaultAioHttpClient", "DefaultAsyncHttpxClient", "DefaultHttpxClient"]


@functools.cache
def default_ssl_context() -> ssl.SSLContext:
    """httpx2's default SSL context (certifi's CAs, or ``$SSL_CERT_FILE`` / ``$SSL_CERT_DIR``),
    made once per process and shared by every http client the SDK makes with the defaults:
    loading the CAs costs ~20 ms, which each new client would pay again."""
    return httpx2.create_ssl_context()


def default_settings() -> dict[str, Any]:
    """What the SDK gives an http client it makes: its timeout, pool and the shared SSL
    context."""
    return {"timeout": DEFAULT_TIMEOUT, "limits": DEFAULT_LIMITS, "verify": default_ssl_context()}


def _with_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``kwargs`` with the SDK's settings where the caller gave none (the shared SSL context
    only when the caller changed nothing about TLS or the environment)."""
    settings = default_settings()
    if {"verify", "cert", "trust_env"} & kwargs.keys():
        del settings["verify"]
    return {**settings, **kwargs}


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


# What `DefaultAioHttpClient` hands its transport instead of httpx2's client: given to
# httpx2, ``limits``, ``verify`` and ``cert`` would build an httpx2 pool beside aiohttp's, and
# ``proxy`` would route every request around aiohttp through one.
_TRANSPORT_SETTINGS = ("limits", "verify", "cert", "proxy")
# aiohttp and the packages it imports; any of them missing: the extra is not installed.
_AIOHTTP_MODULES = frozenset(
    {"aiohttp", "aiohappyeyeballs", "aiosignal", "frozenlist", "multidict", "propcache", "yarl"}
)


class DefaultAioHttpClient(httpx2.AsyncClient):
    """An `httpx2.AsyncClient` that sends through aiohttp, for `AsyncZaguanClient` under
    high concurrency, with `DefaultHttpxClient`'s defaults unless given. Needs the
    ``aiohttp`` extra: ``pip install "zaguan-corex[aiohttp]"``.

    >>> async with DefaultAioHttpClient() as http:
    ...     client = AsyncZaguanClient(http_client=http)

    Takes `httpx2.AsyncClient`'s arguments; ``limits``, ``verify``, ``cert``, ``trust_env``
    and an ``http://`` ``proxy`` apply to aiohttp's pool. HTTP/1.1 only (``http2=True`` is
    refused), no write timeout; make, use and close it in one event loop.
    """

    def __init__(self, **kwargs: Any) -> None:
        try:
            from ._aiohttp import AioHttpTransport  # noqa: PLC0415  # the extra, when made
        except ModuleNotFoundError as exc:
            raise_missing_extra(exc, _AIOHTTP_MODULES, "DefaultAioHttpClient", "aiohttp")
        settings = _with_defaults(kwargs)
        if settings.get("transport") is not None or settings.pop("http2", False):
            raise ConfigurationError(
                "DefaultAioHttpClient sends HTTP/1.1 through its own aiohttp transport: pass "
                "neither transport= nor http2=True (DefaultAsyncHttpxClient takes both)"
            )
        settings.pop("http1", None)
        mine = {name: settings.pop(name) for name in _TRANSPORT_SETTINGS if name in settings}
        trust_env = settings.get("trust_env", True)
        transport = AioHttpTransport(trust_env=trust_env, **mine)
        super().__init__(transport=transport, **settings)
