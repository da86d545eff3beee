"""What the sync and async clients share: configuration and building each method's call.

Nothing here does I/O. Each ``_*_call`` method turns a public method's arguments into
a `Call`; the clients only send it (`ZaguanClient`, `AsyncZaguanClient`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any, Literal, TypedDict, TypeVar

import httpx

from zaguan_corex_client.api.billing import (
    get_credits_balance,
    get_credits_stats,
    list_credits_history,
)
from zaguan_corex_client.api.capabilities import list_capabilities
from zaguan_corex_client.api.chat import create_chat_completion
from zaguan_corex_client.api.health import get_health
from zaguan_corex_client.api.models import list_models, retrieve_model
from zaguan_corex_client.models import (
    CapabilitiesList,
    ChatCompletion,
    ChatCompletionRequest,
    CreditsBalance,
    CreditsHistory,
    CreditsStats,
    Health,
    Model,
    ModelCapabilities,
    ModelList,
)
from zaguan_corex_client.types import UNSET, Unset

from ._config import ClientConfig
from ._errors import APIError
from ._request import Call, RequestOptions, build_call, split_options
from ._results import ResultList
from ._validate import RequestValidationError, request_body

T = TypeVar("T")
Period = Literal["day", "week", "month"]
DateArg = datetime.date | str | None

# The chat endpoint's method and path, from the generated client rather than retyped here.
_CHAT_ROUTE = {
    k: v
    for k, v in create_chat_completion._get_kwargs(
        body=ChatCompletionRequest(model="", messages=[])
    ).items()
    if k in ("method", "url")
}
_HISTORY_LIMIT = range(1, 101)  # the contract's bounds for `limit`


class HistoryQuery(TypedDict, total=False):
    """Filters and paging of `get_credits_history` (all optional, combined with AND)."""

    limit: int
    """Entries per page, 1 to 100."""
    cursor: str
    """A previous page's ``next_cursor``."""
    start_date: datetime.date | str
    """Only entries on or after this day (UTC); a date or ``"YYYY-MM-DD"``."""
    end_date: datetime.date | str
    """Only entries on or before this day (UTC)."""
    model: str
    provider: str
    band: str
    status: str
    """``success``, ``error``, ``rate_limited``, or a later value."""


class HistoryParams(HistoryQuery, RequestOptions, total=False):
    """`HistoryQuery` and the per-request options."""


class StatsParams(RequestOptions, total=False):
    """Arguments of `get_credits_stats`."""

    period: Period
    """``day``, ``week`` or ``month`` (server default ``month``)."""
    start_date: datetime.date | str
    end_date: datetime.date | str


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
        query = dict(params)
        options = split_options(query)
        return self._call(
            list_credits_history, CreditsHistory.from_dict, options, **_history_query(query)
        )

    def _stats_call(self, params: StatsParams) -> Call[CreditsStats]:
        query: dict[str, Any] = dict(params)
        options = split_options(query)
        _reject_unknown("get_credits_stats()", query, ("period", "start_date", "end_date"))
        period = query.get("period")
        if period is not None and period not in ("day", "week", "month"):
            raise RequestValidationError(f"period must be 'day', 'week' or 'month', got {period!r}")
        return self._call(
            get_credits_stats, CreditsStats.from_dict, options,
            period=_unset(period),
            start_date=_date("start_date", query.get("start_date")),
            end_date=_date("end_date", query.get("end_date")),
        )  # fmt: skip

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


def _reject_unknown(what: str, given: Mapping[str, Any], known: Iterable[str]) -> None:
    unknown = sorted(given.keys() - set(known))
    if unknown:
        raise RequestValidationError(f"{what} got an unexpected keyword argument {unknown[0]!r}")


def _history_query(query: Mapping[str, Any]) -> dict[str, Any]:
    _reject_unknown("get_credits_history()", query, HistoryQuery.__optional_keys__)
    limit = query.get("limit")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or limit not in _HISTORY_LIMIT
    ):
        raise RequestValidationError(f"limit must be an integer from 1 to 100, got {limit!r}")
    params: dict[str, Any] = {}
    for name, value in query.items():
        if name in ("start_date", "end_date"):
            params[name] = _date(name, value)
        elif value is not None and name != "limit" and not isinstance(value, str):
            raise RequestValidationError(f"{name} must be a string, got {type(value).__name__}")
        else:
            params[name] = _unset(value)
    return params


def _date(name: str, value: DateArg) -> datetime.date | Unset:
    """A date from a `datetime.date` or an ISO 8601 ``YYYY-MM-DD`` string."""
    if value is None:
        return UNSET
    if isinstance(value, datetime.datetime):  # a date-time where a day is meant: be explicit
        raise RequestValidationError(f"{name} must be a datetime.date (a day), got a datetime")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise RequestValidationError(
                f"{name} must be a date like '2026-11-01', got {value!r}"
            ) from None
    raise RequestValidationError(
        f"{name} must be a datetime.date or an ISO date string, got {value!r}"
    )


def _unset(value: T | None) -> T | Unset:
    return UNSET if value is None else value


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
