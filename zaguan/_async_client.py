"""`AsyncZaguanClient`, the asyncio twin of `ZaguanClient`: the same code but for ``await``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from functools import cached_property
from typing import Any, TypeVar, Unpack, overload

import httpx

from zaguan_corex_client import AuthenticatedClient
from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionRequest,
    CreditsBalance,
    CreditsHistory,
    CreditsHistoryEntry,
    CreditsStats,
    Health,
    Model,
    ModelCapabilities,
)

from ._attempts import Attempts, parse_body
from ._base import (
    BaseClient,
    ChatParams,
    HistoryParams,
    StatsParams,
    next_cursor,
    page_params,
)
from ._config import resolve_config
from ._errors import ConfigurationError
from ._lowlevel import lowlevel_client
from ._raw import araw, record
from ._request import Call, RequestOptions
from ._results import ResultList
from ._retry import DEFAULT_MAX_RETRIES
from ._streaming import AsyncStream

T = TypeVar("T")


class AsyncZaguanClient(BaseClient):
    """The asyncio CoreX client; the same methods as `ZaguanClient`, as coroutines.

    >>> async with AsyncZaguanClient() as client:
    ...     reply = await client.chat(model="openai/gpt-4o-mini",
    ...                               messages=[{"role": "user", "content": "Hello"}])

    Every method also takes the per-request options of `RequestOptions`: ``request_id``,
    ``timeout``, ``max_retries``, ``extra_headers``, ``extra_query``, ``extra_body``.
    """

    _http: httpx.AsyncClient

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._config = resolve_config(
            api_key=api_key, base_url=base_url, timeout=timeout,
            max_retries=max_retries, default_headers=default_headers,
        )  # fmt: skip
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError("http_client must be an httpx.AsyncClient")
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=self._config.timeout)
        self.with_raw_response = AsyncRawZaguanClient(self)
        """The same methods, returning a `RawResponse` (status, headers, request id, elapsed)."""

    @cached_property
    def lowlevel(self) -> AuthenticatedClient:
        """The generated client, on this client's connection pool, key and timeout, for typed
        calls of `zaguan_corex_client.api` functions (no retries, no error mapping)."""
        return lowlevel_client(self._config, self._http)

    @overload
    async def chat(
        self, request: ChatCompletionRequest, /, **options: Unpack[RequestOptions]
    ) -> ChatCompletion: ...
    @overload  # `/`: self is positional-only in the implementation, so here too
    async def chat(self, /, **fields: Unpack[ChatParams]) -> ChatCompletion: ...
    async def chat(
        self, request: ChatCompletionRequest | None = None, /, **fields: Any
    ) -> ChatCompletion:
        """Create a chat completion from a `ChatCompletionRequest` or the contract's fields as
        keywords (``model=``, ``messages=`` as plain dicts, ``temperature=``, ``tools=``, ...,
        ``provider_specific_params=``), typed by `ChatParams`; unknown keywords raise
        `TypeError`."""
        return await self._run(self._chat_call(request, fields, stream=False))

    @overload
    def chat_stream(
        self, request: ChatCompletionRequest, /, **options: Unpack[RequestOptions]
    ) -> AsyncStream: ...
    @overload
    def chat_stream(self, /, **fields: Unpack[ChatParams]) -> AsyncStream: ...
    def chat_stream(
        self, request: ChatCompletionRequest | None = None, /, **fields: Any
    ) -> AsyncStream:
        """`chat`, streamed: an `AsyncStream` of `ChatCompletionChunk`s, sent when first
        iterated, entered or awaited (``await`` it to have a refused request raise there)."""
        call = self._chat_call(request, fields, stream=True)
        return AsyncStream(lambda: self._send(call), call.request_id)

    async def list_models(self, **options: Unpack[RequestOptions]) -> ResultList[Model]:
        """Every model the key can use."""
        return await self._run(self._list_models_call(options))

    async def get_model(self, model_id: str, **options: Unpack[RequestOptions]) -> Model:
        """One model, by its provider-prefixed id (``"openai/gpt-4o-mini"``)."""
        return await self._run(self._get_model_call(model_id, options))

    async def get_capabilities(
        self, **options: Unpack[RequestOptions]
    ) -> ResultList[ModelCapabilities]:
        """What each model supports and costs."""
        return await self._run(self._capabilities_call(options))

    async def get_credits_balance(self, **options: Unpack[RequestOptions]) -> CreditsBalance:
        """Credits left, tier and bands."""
        return await self._run(self._balance_call(options))

    async def get_credits_history(self, **params: Unpack[HistoryParams]) -> CreditsHistory:
        """One page of usage history; see `iter_credits_history` to walk every page."""
        return await self._run(self._history_call(params))

    async def iter_credits_history(
        self, **params: Unpack[HistoryParams]
    ) -> AsyncIterator[CreditsHistoryEntry]:
        """Every history entry matching the filters, fetching pages as needed."""
        cursor, page = params.get("cursor"), 1
        while True:
            result = await self.get_credits_history(**page_params(params, page, cursor))
            for entry in result.entries:
                yield entry
            cursor, page = next_cursor(result, cursor), page + 1
            if cursor is None:
                return

    async def get_credits_stats(self, **params: Unpack[StatsParams]) -> CreditsStats:
        """Usage aggregated over a period, by provider, model, band and day."""
        return await self._run(self._stats_call(params))

    async def health(self, **options: Unpack[RequestOptions]) -> Health:
        """Whether CoreX is up (sent without the API key)."""
        return await self._run(self._health_call(options))

    async def aclose(self) -> None:
        """Close the connection pool, unless it belongs to a caller-given ``http_client``."""
        if self._owns_http:
            await self._http.aclose()

    async def close(self) -> None:
        """The same as `aclose` (the name `openai`'s async client uses)."""
        await self.aclose()

    async def __aenter__(self) -> AsyncZaguanClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _run(self, call: Call[T]) -> T:
        response = await self._send(call)
        parsed = parse_body(call, response)
        record(parsed, response, call.request_id, response.elapsed.total_seconds())
        return parsed

    async def _send(self, call: Call[Any]) -> httpx.Response:
        """Send ``call`` until it succeeds or fails for good; retries reuse its request id."""
        attempts = Attempts(call)
        while True:
            try:
                response = await self._http.send(call.request, stream=call.stream, auth=None)
                if call.stream and not response.is_success:
                    await response.aread()
            except httpx.HTTPError as exc:
                await self._sleep(attempts.on_exception(exc))
                continue
            delay = attempts.on_response(response)
            if delay is None:
                return response
            await response.aclose()
            await self._sleep(delay)

    async def _sleep(self, seconds: float) -> None:
        """Wait before a retry. A method, so that a test can record one client's waits
        instead of patching `asyncio.sleep`, which every event loop of the process shares."""
        await asyncio.sleep(seconds)


class AsyncRawZaguanClient:
    """`AsyncZaguanClient`'s methods returning `RawResponse` (``client.with_raw_response``)."""

    def __init__(self, client: AsyncZaguanClient) -> None:
        self.chat = araw(client.chat)
        self.chat_stream = araw(client.chat_stream)
        self.list_models = araw(client.list_models)
        self.get_model = araw(client.get_model)
        self.get_capabilities = araw(client.get_capabilities)
        self.get_credits_balance = araw(client.get_credits_balance)
        self.get_credits_history = araw(client.get_credits_history)
        self.get_credits_stats = araw(client.get_credits_stats)
        self.health = araw(client.health)
