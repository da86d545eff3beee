"""`AioHttpTransport`: an `httpx2.AsyncBaseTransport` that sends through aiohttp.

Imported only by `DefaultAioHttpClient` (``pip install "zaguan-corex[aiohttp]"``): ``import
zaguan`` never loads aiohttp. Everything above the transport stays httpx2's and ours
(requests, headers, decoding, retries, deadlines, errors), so the client behaves the same on
either transport; only the sockets, the pool and the HTTP/1.1 parser are aiohttp's.

Ours rather than the ``httpx-aiohttp`` package (which ``openai`` vendors): that package
requires httpx 0.x whatever the variant, and its ``__init__`` imports it, so depending on it
would install and load the second HTTP stack this SDK left; and its exception map turns every
``aiohttp.ClientConnectionError`` (a server that closes mid-body among them) into a connect
timeout, which the retry policy and the error messages would then misreport.

How aiohttp is driven, and why:

- One ``ClientSession`` per transport, made on first use in the running event loop; aiohttp
  binds it to that loop, so a request from another loop is a clear `RuntimeError`, never a
  hang. No cookie jar (httpx2 keeps the cookies), no automatic headers (httpx2's are sent as
  they are), no decompression (httpx2 decodes ``Content-Encoding`` itself).
- Timeouts: httpx2's ``connect`` is aiohttp's ``sock_connect``, ``read`` its ``sock_read``
  (each read of the headers and of the body); aiohttp has no write timeout. The wait for a
  connection is `Permits`' (``pool``), so it ends in `httpx2.PoolTimeout` as with httpx2's
  pool: aiohttp's connector itself is unbounded and never queues. aiohttp rounds timeouts of
  5 s or more up to whole seconds unless told not to (``ceil_threshold``): told not to, so a
  deadline is not overshot.
- Every aiohttp failure becomes the httpx2 exception httpx2's own transport raises for the
  same event (`_translate`), chained to aiohttp's, so `zaguan._attempts` classifies it.
- ``limits.max_connections`` bounds the requests in flight, and so the connections;
  ``keepalive_expiry`` is aiohttp's ``keepalive_timeout``; aiohttp has no bound on idle
  connections (``max_keepalive_connections`` is not used).
- aiohttp resends an idempotent request (a GET) once when a kept-alive connection fails, as
  RFC 9112 allows. A client middleware (`_no_resend`) stops that: only the SDK's retry policy
  resends, so every attempt is counted, reported to the hooks and bounded by ``max_retries``.
"""

from __future__ import annotations

import asyncio
import math
import ssl
import weakref
from collections.abc import AsyncIterator
from typing import Any, Final, NamedTuple

import aiohttp
import httpx2
from aiohttp.helpers import get_env_proxy_for_url
from yarl import URL

from ._errors import ConfigurationError
from ._permits import Permits, Release

# httpx2 sends its own; aiohttp would add its own beside (or instead of) them.
_SKIP_AUTO_HEADERS: Final = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")
_HTTP_11: Final = {"http_version": b"HTTP/1.1"}


class AioHttpTransport(httpx2.AsyncBaseTransport):
    """Sends `httpx2.Request` s through one aiohttp session; see the module docstring.

    ``limits`` is the pool: its ``max_connections`` requests in flight at most (None: no
    bound), idle connections kept ``keepalive_expiry`` seconds. ``verify``, ``cert`` and
    ``trust_env`` are httpx2's (`httpx2.create_ssl_context`); with ``trust_env`` and no
    ``proxy``, the proxy environment variables are read too (as aiohttp reads them, once per
    origin). ``proxy`` is an ``http://`` or ``https://`` proxy (aiohttp has no SOCKS).
    """

    def __init__(
        self,
        *,
        limits: httpx2.Limits,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        proxy: str | httpx2.URL | httpx2.Proxy | None = None,
    ) -> None:
        self.limits = limits
        """The pool this transport was made with (public: the SDK sized it)."""
        self._ssl = httpx2.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)
        self._proxy = _proxy_settings(proxy)
        self._env_proxies: dict[tuple[str, str | None], _Proxy] | None = (
            {} if trust_env and proxy is None else None
        )
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        size = limits.max_connections
        self._permits: Permits | None = None if size is None else Permits(size)
        self._closed = False

    @property
    def in_flight(self) -> int:
        """Requests sent and whose response is not closed yet (0 without a bound)."""
        return 0 if self._permits is None else self._permits.held

    @property
    def is_closed(self) -> bool:
        """Whether `aclose` has run (the aiohttp session, if any, is closed)."""
        return self._closed

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        session = self._session_here()
        release = None if self._permits is None else await self._permits.acquire(request)
        try:
            response = await self._send(session, request)
        except BaseException:  # cancellation included: the permit is never lost
            if release is not None:
                release()
            raise
        body = _Body(response, request, release)
        if release is not None:
            weakref.finalize(body, release)  # an abandoned response, never closed
        return httpx2.Response(
            response.status,
            headers=response.raw_headers,
            stream=body,
            extensions={**_HTTP_11, "reason_phrase": (response.reason or "").encode()},
        )

    async def aclose(self) -> None:
        if self._session is not None:
            self._check_loop()  # aiohttp can close its connections in their own loop only
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def _send(
        self, session: aiohttp.ClientSession, request: httpx2.Request
    ) -> aiohttp.ClientResponse:
        timeout = request.extensions.get("timeout") or {}
        headers = request.headers.multi_items()
        try:
            data: bytes | AsyncIterator[bytes] | None = request.content or None
        except httpx2.RequestNotRead:  # a streamed body: aiohttp frames it itself
            data = _chunks(request)
            headers = [(k, v) for k, v in headers if k.lower() != "transfer-encoding"]
        url = URL(str(request.url), encoded=True)  # sent as httpx2 encoded it
        proxy = self._proxy if self._env_proxies is None else self._env_proxy(url)
        try:
            return await session.request(
                request.method,
                url,
                headers=headers,
                data=data,
                allow_redirects=False,  # httpx2 follows redirects, when asked to
                timeout=aiohttp.ClientTimeout(
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                    ceil_threshold=math.inf,
                ),
                proxy=proxy.url,
                proxy_auth=proxy.auth,
                proxy_headers=proxy.headers,
            )
        except (aiohttp.ClientError, OSError) as exc:  # TimeoutError is an OSError
            raise _translate(exc, request, reading=False) from exc

    def _env_proxy(self, url: URL) -> _Proxy:
        """The environment's proxy for ``url``'s origin, looked up once per origin.

        Here rather than by aiohttp's ``trust_env``, which looks it up (and ``~/.netrc``) on
        every request in a worker thread: two thread hand-offs per call, the largest cost of a
        call at high concurrency. Read once, as httpx2 reads the environment once per client.
        """
        assert self._env_proxies is not None
        key = (url.scheme, url.host)
        if (proxy := self._env_proxies.get(key)) is None:
            try:
                found, auth = get_env_proxy_for_url(url)
            except LookupError:  # no proxy for this scheme, or the host bypasses it
                proxy = _Proxy()
            else:
                proxy = _Proxy(str(found), auth)
            self._env_proxies[key] = proxy
        return proxy

    def _session_here(self) -> aiohttp.ClientSession:
        """The session, made in the running loop on first use; refused in any other loop."""
        if self._session is not None:
            self._check_loop()
            return self._session
        if self._closed:
            raise RuntimeError("The aiohttp transport is closed.")
        self._loop = asyncio.get_running_loop()
        connector = aiohttp.TCPConnector(
            limit=0,  # the permits bound the connections
            ssl=self._ssl,
            keepalive_timeout=self.limits.keepalive_expiry,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=False,
            skip_auto_headers=_SKIP_AUTO_HEADERS,
            middlewares=(_no_resend,),
            trust_env=False,  # the environment's proxy is `_env_proxy`'s
            timeout=aiohttp.ClientTimeout(),  # none of aiohttp's defaults: ours, per request
        )
        return self._session

    def _check_loop(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not self._loop:
            raise RuntimeError(
                "This DefaultAioHttpClient was first used in another event loop, and aiohttp "
                "binds its connections to that loop: make the http client (and its "
                "AsyncZaguanClient) inside the loop that uses it, e.g. inside the coroutine "
                "asyncio.run() runs, and close it there."
            )


class _NotResent(aiohttp.ClientError):
    """aiohttp's connection failure, carried past its resend (unwrapped by `_translate`)."""


async def _no_resend(
    request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
) -> aiohttp.ClientResponse:
    # aiohttp resends on exactly these two, raised from here; any other ClientError it raises.
    try:
        return await handler(request)
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
        raise _NotResent(str(exc)) from exc


class _Body(httpx2.AsyncByteStream):
    """A response body: aiohttp's reads, its failures as httpx2's; closing it frees the
    connection (back to the pool when read whole, closed otherwise) and the permit."""

    __slots__ = ("_release", "_request", "_response")

    def __init__(
        self, response: aiohttp.ClientResponse, request: httpx2.Request, release: Release | None
    ) -> None:
        self._response = response
        self._request = request
        self._release = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._response.content
        try:
            while chunk := await content.readany():  # whatever has arrived: no added latency
                yield chunk
        except (aiohttp.ClientError, OSError) as exc:
            raise _translate(exc, self._request, reading=True) from exc

    async def aclose(self) -> None:
        try:
            self._response.release()
        finally:
            if self._release is not None:
                self._release()


async def _chunks(request: httpx2.Request) -> AsyncIterator[bytes]:
    async for chunk in request.stream:  # type: ignore[union-attr]  # an async client's request
        yield chunk


def _translate(
    exc: BaseException, request: httpx2.Request, *, reading: bool
) -> httpx2.TransportError:
    """The httpx2 exception httpx2's own transport raises for what ``exc`` reports;
    ``reading``: it happened while the body was read (the response had come)."""
    if isinstance(exc, _NotResent) and exc.__cause__ is not None:
        exc = exc.__cause__
    kind: type[httpx2.TransportError]
    if isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        kind = httpx2.ProxyError
    elif isinstance(exc, aiohttp.ConnectionTimeoutError):
        kind = httpx2.ConnectTimeout
    elif isinstance(exc, TimeoutError):  # aiohttp's SocketTimeoutError: sock_read
        kind = httpx2.ReadTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS, TLS (chained)
        kind = httpx2.ConnectError
    elif isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        kind = httpx2.UnsupportedProtocol
    elif isinstance(
        exc,
        aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | aiohttp.ClientResponseError,
    ):
        # Closed before the whole response, a broken chunked body, an unreadable head.
        kind = httpx2.RemoteProtocolError
    else:  # a reset, a broken pipe: httpcore's read or write error
        kind = httpx2.ReadError if reading else httpx2.WriteError
    return kind(str(exc) or type(exc).__name__, request=request)


class _Proxy(NamedTuple):
    """aiohttp's per-request proxy arguments."""

    url: str | None = None
    auth: aiohttp.BasicAuth | None = None
    headers: dict[str, str] | None = None


def _proxy_settings(proxy: str | httpx2.URL | httpx2.Proxy | None) -> _Proxy:
    """aiohttp's proxy arguments for httpx2's ``proxy``."""
    if proxy is None:
        return _Proxy()
    if not isinstance(proxy, httpx2.Proxy):
        proxy = httpx2.Proxy(proxy)
    if proxy.url.scheme not in ("http", "https"):
        raise ConfigurationError(
            f"aiohttp supports http:// and https:// proxies, not {proxy.url.scheme}://; use "
            "DefaultAsyncHttpxClient(proxy=...) (httpx2, with the socks extra) for SOCKS"
        )
    auth = aiohttp.BasicAuth(*proxy.auth) if proxy.auth else None
    return _Proxy(str(proxy.url), auth, dict(proxy.headers))
