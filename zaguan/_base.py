"""What the sync and async clients share: configuration and building each method's call.

Nothing here does I/O. Each ``_*_call`` method turns a public method's arguments into
a `Call`; the clients only send it (`ZaguanClient`, `AsyncZaguanClient`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, TypeVar

import httpx

from zaguan_corex_client.api.billing import (
    get_credits_balance,
    get_credits_stats,
    list_credits_history,
)
from zaguan_corex_client.api.billing.get_credits_stats import GetCreditsStatsQuery
from zaguan_corex_client.api.billing.list_credits_history import ListCreditsHistoryQuery
from zaguan_corex_client.api.capabilities import list_capabilities
from zaguan_corex_client.api.chat import create_chat_completion
from zaguan_corex_client.api.health import get_health
from zaguan_corex_client.api.models import list_models, retrieve_model
from zaguan_corex_client.models import (
    CapabilitiesList,
    ChatCompletion,
    ChatCompletionFieldsParam,
    ChatCompletionRequest,
    CreditsBalance,
    CreditsHistory,
    CreditsStats,
    Health,
    Model,
    ModelCapabilities,
    ModelList,
)

from ._config import ClientConfig
from ._errors import APIError
from ._query import query_kwargs
from ._request import Call, RequestOptions, build_call, split_options
from ._results import ResultList
from ._validate import RequestValidationError, request_body

T = TypeVar("T")

# The chat endpoint's method and path, from the generated client rather than retyped here.
_CHAT_ROUTE = {
    k: v
    for k, v in create_chat_completion._get_kwargs(
        body=ChatCompletionRequest(model="", messages=[])
    ).items()
    if k in ("method", "url")
}


class ChatParams(ChatCompletionFieldsParam, RequestOptions, total=False):
    """The keywords of `chat` and `chat_stream`: the contract's chat fields (all but ``stream``,
    which the method chosen sets) and the per-request options.

    ``extra_body`` is the per-request option (fields merged into the body's top level, as with
    ``openai``); the contract's own ``extra_body`` field is an alias of
    ``provider_specific_params``, which sends it.
    """


class HistoryParams(ListCreditsHistoryQuery, RequestOptions, total=False):
    """The keywords of `get_credits_history`: the contract's filters and paging, and the
    per-request options."""


class StatsParams(GetCreditsStatsQuery, RequestOptions, total=False):
    """The keywords of `get_credits_stats`: the contract's query, and the per-request options."""


class BaseClient:
    """Configuration and pure request building, shared by both clients."""

    _http: httpx.Client | httpx.AsyncClient
    _config: ClientConfig

    def __repr__(self) -> str:  # the key never appears
        return f"{type(self).__name__}(base_url={self._config.base_url!r})"

    @property
    def base_url(self) -> str:
        """The CoreX base URL every path is appended to."""
        return self._config.base_url

    def _call(
        self,
        endpoint: ModuleType,
        parse: Callable[[Any], T],
        options: RequestOptions,
        *,
        auth: bool = True,
        **params: Any,
    ) -> Call[T]:
        kwargs = endpoint._get_kwargs(**params)
        return build_call(self._http, self._config, kwargs, options, parse, auth=auth)

    def _chat_call(
        self, request: ChatCompletionRequest | None, fields: dict[str, Any], *, stream: bool
    ) -> Call[ChatCompletion]:
        options = split_options(fields)
        what = "chat_stream()" if stream else "chat()"
        body = _chat_body(request, fields, what)
        if "stream" in body and body["stream"] is not stream:
            other = "chat()" if stream else "chat_stream()"
            raise RequestValidationError(
                f"{what} got stream={body['stream']!r}: use {other} instead"
            )
        if stream:
            body = {**body, "stream": True}
        return build_call(
            self._http, self._config, _CHAT_ROUTE, options, ChatCompletion.from_dict,
            body=body, stream=stream,
        )  # fmt: skip

    def _list_models_call(self, options: RequestOptions) -> Call[ResultList[Model]]:
        return self._call(list_models, _models_data, options)

    def _get_model_call(self, model_id: str, options: RequestOptions) -> Call[Model]:
        if not isinstance(model_id, str) or not model_id:
            raise RequestValidationError(f"model_id must be a non-empty string, got {model_id!r}")
        return self._call(retrieve_model, Model.from_dict, options, model_id=model_id)

    def _capabilities_call(self, options: RequestOptions) -> Call[ResultList[ModelCapabilities]]:
        return self._call(list_capabilities, _capabilities_data, options)

    def _balance_call(self, options: RequestOptions) -> Call[CreditsBalance]:
        return self._call(get_credits_balance, CreditsBalance.from_dict, options)

    def _history_call(self, params: HistoryParams) -> Call[CreditsHistory]:
        return self._query_call(
            list_credits_history, ListCreditsHistoryQuery, CreditsHistory.from_dict, params,
            "get_credits_history()",
        )  # fmt: skip

    def _stats_call(self, params: StatsParams) -> Call[CreditsStats]:
        return self._query_call(
            get_credits_stats, GetCreditsStatsQuery, CreditsStats.from_dict, params,
            "get_credits_stats()",
        )  # fmt: skip

    def _query_call(
        self,
        endpoint: ModuleType,
        query_type: type,
        parse: Callable[[Any], T],
        params: Mapping[str, Any],
        what: str,
    ) -> Call[T]:
        query = dict(params)
        options = split_options(query)
        return self._call(
            endpoint, parse, options, **query_kwargs(endpoint, query_type, query, what)
        )

    def _health_call(self, options: RequestOptions) -> Call[Health]:
        return self._call(get_health, Health.from_dict, options, auth=False)


def _chat_body(
    request: ChatCompletionRequest | None, fields: Mapping[str, Any], what: str
) -> dict[str, Any]:
    if request is None:
        return request_body(ChatCompletionRequest, fields, what=what)
    if not isinstance(request, ChatCompletionRequest):
        raise RequestValidationError(
            f"{what} takes a ChatCompletionRequest or keyword fields, got {type(request).__name__}"
        )
    if fields:
        raise RequestValidationError(
            f"{what} takes a ChatCompletionRequest or keyword fields, not both "
            f"(got {', '.join(sorted(fields))})"
        )
    return request.to_dict()


def _models_data(data: Any) -> ResultList[Model]:
    return ResultList(ModelList.from_dict(data).data)


def _capabilities_data(data: Any) -> ResultList[ModelCapabilities]:
    return ResultList(CapabilitiesList.from_dict(data).data)


def next_cursor(page: CreditsHistory, cursor: str | None) -> str | None:
    """The cursor of the page after ``page`` (fetched with ``cursor``); None at the end."""
    following = page.next_cursor if isinstance(page.next_cursor, str) else None
    if not page.has_more or not following:
        return None
    if following == cursor:  # a server bug would otherwise loop forever
        raise APIError(f"The server returned the same history cursor twice ({cursor!r}).")
    return following


def page_params(params: HistoryParams, page: int, cursor: str | None) -> HistoryParams:
    """The arguments of page number ``page`` (from 1) of an ``iter_credits_history`` walk.

    Each page is its own call: with a caller's request id R, pages after the first are
    sent as R-2, R-3, ... so CoreX never mistakes a new page for a retry of the last.
    """
    following: HistoryParams = {**params}
    if cursor is not None:
        following["cursor"] = cursor
    rid = params.get("request_id")
    if rid is not None and page > 1:
        following["request_id"] = f"{rid}-{page}"
    return following
