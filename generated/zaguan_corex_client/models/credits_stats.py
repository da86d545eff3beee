from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.credits_stats_by_band import CreditsStatsByBand
    from ..models.credits_stats_by_model import CreditsStatsByModel
    from ..models.credits_stats_by_provider import CreditsStatsByProvider
    from ..models.daily_usage import DailyUsage


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "period",
        "total_credits_used",
        "total_requests",
        "start_date",
        "end_date",
        "total_tokens",
        "total_cost",
        "average_latency_ms",
        "by_provider",
        "by_model",
        "by_band",
        "by_day",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class CreditsStats:
    period: str
    """ `day`, `week`, `month` (an open set). """
    total_credits_used: float
    total_requests: int
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    total_tokens: int | None = None
    total_cost: float | None = None
    average_latency_ms: float | None = None
    by_provider: CreditsStatsByProvider | None = None
    by_model: CreditsStatsByModel | None = None
    by_band: CreditsStatsByBand | None = None
    by_day: list[DailyUsage] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

    def __repr__(self) -> str:
        return model_repr(self)

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        """`to_dict()`, under pydantic's name; ``exclude_none`` leaves out every null."""
        return model_dump(self, exclude_none=exclude_none)

    def model_dump_json(
        self, *, indent: int | None = None, exclude_none: bool = False
    ) -> str:
        """`to_dict()` as JSON text, under pydantic's name."""
        return model_dump_json(self, indent=indent, exclude_none=exclude_none)

    def to_dict(self) -> dict[str, Any]:
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["period"] = self.period
        field_dict["total_credits_used"] = self.total_credits_used
        field_dict["total_requests"] = self.total_requests
        start_date = self.start_date
        if start_date is not None:
            field_dict["start_date"] = start_date.isoformat()
        elif "start_date" in self._nulls:
            field_dict["start_date"] = None
        end_date = self.end_date
        if end_date is not None:
            field_dict["end_date"] = end_date.isoformat()
        elif "end_date" in self._nulls:
            field_dict["end_date"] = None
        total_tokens = self.total_tokens
        if total_tokens is not None:
            field_dict["total_tokens"] = total_tokens
        elif "total_tokens" in self._nulls:
            field_dict["total_tokens"] = None
        total_cost = self.total_cost
        if total_cost is not None:
            field_dict["total_cost"] = total_cost
        elif "total_cost" in self._nulls:
            field_dict["total_cost"] = None
        average_latency_ms = self.average_latency_ms
        if average_latency_ms is not None:
            field_dict["average_latency_ms"] = average_latency_ms
        elif "average_latency_ms" in self._nulls:
            field_dict["average_latency_ms"] = None
        by_provider = self.by_provider
        if by_provider is not None:
            field_dict["by_provider"] = by_provider.to_dict()
        elif "by_provider" in self._nulls:
            field_dict["by_provider"] = None
        by_model = self.by_model
        if by_model is not None:
            field_dict["by_model"] = by_model.to_dict()
        elif "by_model" in self._nulls:
            field_dict["by_model"] = None
        by_band = self.by_band
        if by_band is not None:
            field_dict["by_band"] = by_band.to_dict()
        elif "by_band" in self._nulls:
            field_dict["by_band"] = None
        by_day = self.by_day
        if by_day is not None:
            field_dict["by_day"] = [_by_day_item.to_dict() for _by_day_item in by_day]
        elif "by_day" in self._nulls:
            field_dict["by_day"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"CreditsStats is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        period = _d["period"]
        total_credits_used = _d["total_credits_used"]
        total_requests = _d["total_requests"]
        start_date = _get("start_date")
        if start_date is not None:
            start_date = datetime.date.fromisoformat(start_date)
        elif "start_date" in _d:
            _nulls += ("start_date",)
        end_date = _get("end_date")
        if end_date is not None:
            end_date = datetime.date.fromisoformat(end_date)
        elif "end_date" in _d:
            _nulls += ("end_date",)
        total_tokens = _get("total_tokens")
        if total_tokens is None and "total_tokens" in _d:
            _nulls += ("total_tokens",)
        total_cost = _get("total_cost")
        if total_cost is None and "total_cost" in _d:
            _nulls += ("total_cost",)
        average_latency_ms = _get("average_latency_ms")
        if average_latency_ms is None and "average_latency_ms" in _d:
            _nulls += ("average_latency_ms",)
        by_provider = _get("by_provider")
        if by_provider is not None:
            by_provider = CreditsStatsByProvider.from_dict(by_provider)
        elif "by_provider" in _d:
            _nulls += ("by_provider",)
        by_model = _get("by_model")
        if by_model is not None:
            by_model = CreditsStatsByModel.from_dict(by_model)
        elif "by_model" in _d:
            _nulls += ("by_model",)
        by_band = _get("by_band")
        if by_band is not None:
            by_band = CreditsStatsByBand.from_dict(by_band)
        elif "by_band" in _d:
            _nulls += ("by_band",)
        by_day = _get("by_day")
        if by_day is not None:
            by_day = [DailyUsage.from_dict(_by_day_item) for _by_day_item in by_day]
        elif "by_day" in _d:
            _nulls += ("by_day",)
        # Built without __init__: it would only copy the same values once more.
        credits_stats = _new(cls)
        credits_stats.period = period
        credits_stats.total_credits_used = total_credits_used
        credits_stats.total_requests = total_requests
        credits_stats.start_date = start_date
        credits_stats.end_date = end_date
        credits_stats.total_tokens = total_tokens
        credits_stats.total_cost = total_cost
        credits_stats.average_latency_ms = average_latency_ms
        credits_stats.by_provider = by_provider
        credits_stats.by_model = by_model
        credits_stats.by_band = by_band
        credits_stats.by_day = by_day
        credits_stats.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        credits_stats._nulls = _nulls
        credits_stats._request_id = None
        return credits_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.credits_stats_by_band import CreditsStatsByBand
    from ..models.credits_stats_by_model import CreditsStatsByModel
    from ..models.credits_stats_by_provider import CreditsStatsByProvider
    from ..models.daily_usage import DailyUsage

    globals().update(
        CreditsStatsByBand=CreditsStatsByBand,
        CreditsStatsByModel=CreditsStatsByModel,
        CreditsStatsByProvider=CreditsStatsByProvider,
        DailyUsage=DailyUsage,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.credits_stats_by_band import CreditsStatsByBandParam
    from ..models.credits_stats_by_model import CreditsStatsByModelParam
    from ..models.credits_stats_by_provider import CreditsStatsByProviderParam
    from ..models.daily_usage import DailyUsageParam


class CreditsStatsParam(TypedDict, total=False):
    """`CreditsStats` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    period: Required[str]
    """ `day`, `week`, `month` (an open set). """

    total_credits_used: Required[float]

    total_requests: Required[int]

    start_date: datetime.date | str

    end_date: datetime.date | str

    total_tokens: int

    total_cost: float

    average_latency_ms: float

    by_provider: CreditsStatsByProviderParam

    by_model: CreditsStatsByModelParam

    by_band: CreditsStatsByBandParam

    by_day: Sequence[DailyUsageParam | DailyUsage]
