"""`ZaguanClient`, the synchronous client. Its async twin differs only by ``await``."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any, TypeVar, Unpack

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
from ._base import BaseClient, HistoryParams, StatsParams, next_cursor, page_params
from ._config import resolve_config
from ._errors import ConfigurationError
from ._lowlevel import lowlevel_client
from ._raw import raw, record
from ._request import Call, RequestOptions
from ._results import ResultList
from ._retry import DEFAULT_MAX_RETRIES
from ._streaming import Stream

T = TypeVar("T")


class ZaguanClient(BaseClient):
    """The CoreX client.

    >>> client = ZaguanClient()  # $ZAGUAN_API_KEY, $ZAGUAN_BASE_URL
    >>> reply = client.chat(model="openai/gpt-4o-mini",
    ...                     messages=[{"role": "user", "content": "Hello"}])
    >>> reply.choices[0].message.content

    Every method also takes the per-request options of `RequestOptions`: ``request_id``,
    ``timeout``, ``max_retries``, ``extra_headers``, ``extra_query``, ``extra_body``.
    """

    _http: httpx.Client

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._config = resolve_config(
            api_key=api_key, base_url=base_url, timeout=timeout,
            max_retries=max_retries, default_headers=default_headers,
        )  # fmt: skip
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise ConfigurationError(
                "http_client must be an httpx.Client (async: AsyncZaguanClient)"
            )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=self._config.timeout)
        self.with_raw_response = RawZaguanClient(self)
        """The same methods, returning a `RawResponse` (status, headers, request id, elapsed)."""

    @cached_property
    def lowlevel(self) -> AuthenticatedClient:
        """The generated client, on this client's connection pool, key and timeout, for typed
        calls of `zaguan_corex_client.api` functions (no retries, no error mapping)."""
        return lowlevel_client(self._config, self._http)

    def chat(
        self, request: ChatCompletionRequest | None = None, /, **fields: Any
    ) -> ChatCompletion:
        """Create a chat completion from a `ChatCompletionRequest` or the contract's fields as
        keywords (``model=``, ``messages=`` as plain dicts, ``temperature=``, ``tools=``, ...,
        ``provider_specific_params=``); unknown keywords raise `TypeError`."""
        return self._run(self._chat_call(request, fields, stream=False))

    def chat_stream(self, request: ChatCompletionRequest | None = None, /, **fields: Any) -> Stream:
        """`chat`, streamed: returns a started `Stream` of `ChatCompletionChunk`s."""
        call = self._chat_call(request, fields, stream=True)
        # Started now, so that a refused request raises here (see `_streaming` for when).
        return Stream(lambda: self._send(call), call.request_id)._start()

    def list_models(self, **options: Unpack[RequestOptions]) -> ResultList[Model]:
        """Every model the key can use."""
        return self._run(self._list_models_call(options))

    def get_model(self, model_id: str, **options: Unpack[RequestOptions]) -> Model:
        """One model, by its provider-prefixed id (``"openai/gpt-4o-mini"``)."""
        return self._run(self._get_model_call(model_id, options))

    def get_capabilities(self, **options: Unpack[RequestOptions]) -> ResultList[ModelCapabilities]:
        """What each model supports and costs."""
        return self._run(self._capabilities_call(options))

    def get_credits_balance(self, **options: Unpack[RequestOptions]) -> CreditsBalance:
        """Credits left, tier and bands."""
        return self._run(self._balance_call(options))

    def get_credits_history(self, **params: Unpack[HistoryParams]) -> CreditsHistory:
        """One page of usage history; see `iter_credits_history` to walk every page."""
        return self._run(self._history_call(params))

    def iter_credits_history(
        self, **params: Unpack[HistoryParams]
    ) -> Iterator[CreditsHistoryEntry]:
        """Every history entry matching the filters, fetching pages as needed."""
        cursor, page = params.get("cursor"), 1
        while True:
            result = self.get_credits_history(**page_params(params, page, cursor))
            yield from result.entries
            cursor, page = next_cursor(result, cursor), page + 1
            if cursor is None:
                return

    def get_credits_stats(self, **params: Unpack[StatsParams]) -> CreditsStats:
        """Usage aggregated over a period, by provider, model, band and day."""
        return self._run(self._stats_call(params))

    def health(self, **options: Unpack[RequestOptions]) -> Health:
        """Whether CoreX is up (sent without the API key)."""
        return self._run(self._health_call(options))

    def close(self) -> None:
        """Close the connection pool, unless it belongs to a caller-given ``http_client``."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ZaguanClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _run(self, call: Call[T]) -> T:
        response = self._send(call)
        parsed = parse_body(call, response)
        record(parsed, response, call.request_id, response.elapsed.total_seconds())
        return parsed

    def _send(self, call: Call[Any]) -> httpx.Response:
        """Send ``call`` until it succeeds or fails for good; retries reuse its request id."""
        attempts = Attempts(call)
        while True:
            try:
                response = self._http.send(call.request, stream=call.stream, auth=None)
                if call.stream and not response.is_success:
                    response.read()
            except httpx.HTTPError as exc:
                self._sleep(attempts.on_exception(exc))
                continue
            delay = attempts.on_response(response)
            if delay is None:
                return response
            response.close()
            self._sleep(delay)

    def _sleep(self, seconds: float) -> None:
        """Wait before a retry. A method, so that a test can record one client's waits
        instead of patching `time.sleep`, which every thread of the process shares."""
        time.sleep(seconds)


class RawZaguanClient:
    """`ZaguanClient`'s methods returning `RawResponse` (``client.with_raw_response``)."""

    def __init__(self, client: ZaguanClient) -> None:
        self.chat = raw(client.chat)
        self.chat_stream = raw(client.chat_stream)
        self.list_models = raw(client.list_models)
        self.get_model = raw(client.get_model)
        self.get_capabilities = raw(client.get_capabilities)
        self.get_credits_balance = raw(client.get_credits_balance)
        self.get_credits_history = raw(client.get_credits_history)
        self.get_credits_stats = raw(client.get_credits_stats)
        self.health = raw(client.health)
