"""Every CoreX operation, declared once: `ZaguanClient`, `AsyncZaguanClient` and their
``with_raw_response`` twins all inherit these methods (see `_operation` for how).

Adding an ordinary operation is one declaration here: the generated endpoint module, how to
read its answer, and a signature typed with the generated TypedDicts and `RequestOptions`.
"""

# A declaration's body is its docstring: the descriptor, not the function, does the work.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Unpack

from zaguan_corex_client.api.billing import (
    get_credits_balance,
    get_credits_stats,
    list_credits_history,
)
from zaguan_corex_client.api.billing.get_credits_stats import GetCreditsStatsQuery
from zaguan_corex_client.api.billing.list_credits_history import ListCreditsHistoryQuery
from zaguan_corex_client.api.capabilities import list_capabilities
from zaguan_corex_client.api.health import get_health
from zaguan_corex_client.api.models import list_models, retrieve_model
from zaguan_corex_client.models import (
    CapabilitiesList,
    CreditsBalance,
    CreditsHistory,
    CreditsHistoryEntry,
    CreditsStats,
    Health,
    Model,
    ModelCapabilities,
    ModelList,
)

from ._operation import operation, paginated
from ._pages import HistoryWalk
from ._request import RequestOptions
from ._results import ResultList


class HistoryParams(ListCreditsHistoryQuery, RequestOptions, total=False):
    """The keywords of `get_credits_history`: the contract's filters and paging, and the
    per-request options."""


class StatsParams(GetCreditsStatsQuery, RequestOptions, total=False):
    """The keywords of `get_credits_stats`: the contract's query, and the per-request options."""


def _models(data: Any) -> ResultList[Model]:
    return ResultList(ModelList.from_dict(data).data)


def _capabilities(data: Any) -> ResultList[ModelCapabilities]:
    return ResultList(CapabilitiesList.from_dict(data).data)


class Operations:
    """The methods every client derives from the contract's operations."""

    @operation(list_models, parse=_models)
    def list_models(self, **options: Unpack[RequestOptions]) -> ResultList[Model]:
        """Every model the key can use."""

    @operation(retrieve_model, parse=Model.from_dict)
    def get_model(self, model_id: str, **options: Unpack[RequestOptions]) -> Model:
        """One model, by its provider-prefixed id (``"openai/gpt-4o-mini"``)."""

    @operation(list_capabilities, parse=_capabilities)
    def get_capabilities(self, **options: Unpack[RequestOptions]) -> ResultList[ModelCapabilities]:
        """What each model supports and costs."""

    @operation(get_credits_balance, parse=CreditsBalance.from_dict)
    def get_credits_balance(self, **options: Unpack[RequestOptions]) -> CreditsBalance:
        """Credits left, tier and bands."""

    @operation(list_credits_history, parse=CreditsHistory.from_dict, query=ListCreditsHistoryQuery)
    def get_credits_history(self, **params: Unpack[HistoryParams]) -> CreditsHistory:
        """One page of usage history; see `iter_credits_history` to walk every page."""

    @paginated(HistoryWalk)
    def iter_credits_history(
        self, **params: Unpack[HistoryParams]
    ) -> Iterator[CreditsHistoryEntry]:
        """Every history entry matching the filters, fetching pages as needed."""

    @operation(get_credits_stats, parse=CreditsStats.from_dict, query=GetCreditsStatsQuery)
    def get_credits_stats(self, **params: Unpack[StatsParams]) -> CreditsStats:
        """Usage aggregated over a period, by provider, model, band and day."""

    @operation(get_health, parse=Health.from_dict, auth=False)
    def health(self, **options: Unpack[RequestOptions]) -> Health:
        """Whether CoreX is up (sent without the API key)."""
