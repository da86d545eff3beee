"""Query parameters (zaguan/_query.py): checked from the generated Query TypedDicts alone."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from zaguan._errors import RequestValidationError
from zaguan._query import query_kwargs
from zaguan_corex_client.api.billing import get_credits_stats, list_credits_history
from zaguan_corex_client.api.billing.get_credits_stats import GetCreditsStatsQuery
from zaguan_corex_client.api.billing.list_credits_history import ListCreditsHistoryQuery
from zaguan_corex_client.types import UNSET

SPEC = yaml.safe_load((Path(__file__).parents[2] / "openapi" / "zaguan-corex.yaml").read_text())


def history(**query: Any) -> dict[str, Any]:
    return query_kwargs(list_credits_history, ListCreditsHistoryQuery, query, "history()")


def test_the_generated_bounds_are_the_contracts() -> None:
    params = SPEC["paths"]["/v1/credits/history"]["get"]["parameters"]
    limit = next(p for p in params if p.get("name") == "limit")["schema"]
    assert {"limit": (limit["minimum"], limit["maximum"])} == list_credits_history.QUERY_BOUNDS
    assert get_credits_stats.QUERY_BOUNDS == {}


def test_values_within_the_contract_pass_and_none_means_absent() -> None:
    assert history(limit=100, start_date="2026-11-01", model="m", cursor=None) == {
        "limit": 100, "start_date": datetime.date(2026, 11, 1), "model": "m", "cursor": UNSET,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"limit": 101}, "limit must be an integer from 1 to 100, got 101"),
        ({"limit": 0}, "limit must be an integer from 1 to 100, got 0"),
        ({"limit": True}, "limit must be an integer from 1 to 100, got True"),
        ({"band": 3}, "band must be a string, got int"),
        ({"pages": 2}, "history() got an unexpected keyword argument 'pages'"),
    ],
)
def test_values_outside_the_contract_are_refused(query: dict[str, Any], message: str) -> None:
    with pytest.raises(RequestValidationError) as info:
        history(**query)
    assert str(info.value) == message


def test_an_enum_comes_from_the_generated_literal() -> None:
    with pytest.raises(
        RequestValidationError, match="period must be one of 'day', 'month', 'week'"
    ):
        query_kwargs(get_credits_stats, GetCreditsStatsQuery, {"period": "year"}, "stats()")
