from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credits_stats_by_band import CreditsStatsByBand
    from ..models.credits_stats_by_model import CreditsStatsByModel
    from ..models.credits_stats_by_provider import CreditsStatsByProvider
    from ..models.daily_usage import DailyUsage


T = TypeVar("T", bound="CreditsStats")


@_attrs_define
class CreditsStats:
    period: str
    """ `day`, `week`, `month` (an open set). """
    total_credits_used: float
    total_requests: int
    start_date: datetime.date | Unset = UNSET
    end_date: datetime.date | Unset = UNSET
    total_tokens: int | Unset = UNSET
    total_cost: float | Unset = UNSET
    average_latency_ms: float | Unset = UNSET
    by_provider: CreditsStatsByProvider | Unset = UNSET
    by_model: CreditsStatsByModel | Unset = UNSET
    by_band: CreditsStatsByBand | Unset = UNSET
    by_day: list[DailyUsage] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        total_credits_used = self.total_credits_used

        total_requests = self.total_requests

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        end_date: str | Unset = UNSET
        if not isinstance(self.end_date, Unset):
            end_date = self.end_date.isoformat()

        total_tokens = self.total_tokens

        total_cost = self.total_cost

        average_latency_ms = self.average_latency_ms

        by_provider: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_provider, Unset):
            by_provider = self.by_provider.to_dict()

        by_model: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_model, Unset):
            by_model = self.by_model.to_dict()

        by_band: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_band, Unset):
            by_band = self.by_band.to_dict()

        by_day: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_day, Unset):
            by_day = []
            for by_day_item_data in self.by_day:
                by_day_item = by_day_item_data.to_dict()
                by_day.append(by_day_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "total_credits_used": total_credits_used,
                "total_requests": total_requests,
            }
        )
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if total_cost is not UNSET:
            field_dict["total_cost"] = total_cost
        if average_latency_ms is not UNSET:
            field_dict["average_latency_ms"] = average_latency_ms
        if by_provider is not UNSET:
            field_dict["by_provider"] = by_provider
        if by_model is not UNSET:
            field_dict["by_model"] = by_model
        if by_band is not UNSET:
            field_dict["by_band"] = by_band
        if by_day is not UNSET:
            field_dict["by_day"] = by_day

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.credits_stats_by_band import CreditsStatsByBand
        from ..models.credits_stats_by_model import CreditsStatsByModel
        from ..models.credits_stats_by_provider import CreditsStatsByProvider
        from ..models.daily_usage import DailyUsage

        d = dict(src_dict)
        period = d.pop("period")

        total_credits_used = d.pop("total_credits_used")

        total_requests = d.pop("total_requests")

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        _end_date = d.pop("end_date", UNSET)
        end_date: datetime.date | Unset
        if isinstance(_end_date, Unset):
            end_date = UNSET
        else:
            end_date = datetime.date.fromisoformat(_end_date)

        total_tokens = d.pop("total_tokens", UNSET)

        total_cost = d.pop("total_cost", UNSET)

        average_latency_ms = d.pop("average_latency_ms", UNSET)

        _by_provider = d.pop("by_provider", UNSET)
        by_provider: CreditsStatsByProvider | Unset
        if isinstance(_by_provider, Unset):
            by_provider = UNSET
        else:
            by_provider = CreditsStatsByProvider.from_dict(_by_provider)

        _by_model = d.pop("by_model", UNSET)
        by_model: CreditsStatsByModel | Unset
        if isinstance(_by_model, Unset):
            by_model = UNSET
        else:
            by_model = CreditsStatsByModel.from_dict(_by_model)

        _by_band = d.pop("by_band", UNSET)
        by_band: CreditsStatsByBand | Unset
        if isinstance(_by_band, Unset):
            by_band = UNSET
        else:
            by_band = CreditsStatsByBand.from_dict(_by_band)

        _by_day = d.pop("by_day", UNSET)
        by_day: list[DailyUsage] | Unset = UNSET
        if _by_day is not UNSET:
            by_day = []
            for by_day_item_data in _by_day:
                by_day_item = DailyUsage.from_dict(by_day_item_data)

                by_day.append(by_day_item)

        credits_stats = cls(
            period=period,
            total_credits_used=total_credits_used,
            total_requests=total_requests,
            start_date=start_date,
            end_date=end_date,
            total_tokens=total_tokens,
            total_cost=total_cost,
            average_latency_ms=average_latency_ms,
            by_provider=by_provider,
            by_model=by_model,
            by_band=by_band,
            by_day=by_day,
        )

        credits_stats.additional_properties = d
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
