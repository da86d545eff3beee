from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditsBalance")


@_attrs_define
class CreditsBalance:
    credits_remaining: float
    credits_total: float
    credits_used: float
    credits_percent: float | Unset = UNSET
    """ Credits remaining, in percent of the total. """
    tier: str | Unset = UNSET
    """ `free`, `pro`, `enterprise`, ... (an open set). """
    bands: list[str] | Unset = UNSET
    """ The model bands this key may use (`A`, `B`, `C`, ...). """
    reset_date: datetime.datetime | Unset = UNSET
    warning: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credits_remaining = self.credits_remaining

        credits_total = self.credits_total

        credits_used = self.credits_used

        credits_percent = self.credits_percent

        tier = self.tier

        bands: list[str] | Unset = UNSET
        if not isinstance(self.bands, Unset):
            bands = self.bands

        reset_date: str | Unset = UNSET
        if not isinstance(self.reset_date, Unset):
            reset_date = self.reset_date.isoformat()

        warning: None | str | Unset
        if isinstance(self.warning, Unset):
            warning = UNSET
        else:
            warning = self.warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credits_remaining": credits_remaining,
                "credits_total": credits_total,
                "credits_used": credits_used,
            }
        )
        if credits_percent is not UNSET:
            field_dict["credits_percent"] = credits_percent
        if tier is not UNSET:
            field_dict["tier"] = tier
        if bands is not UNSET:
            field_dict["bands"] = bands
        if reset_date is not UNSET:
            field_dict["reset_date"] = reset_date
        if warning is not UNSET:
            field_dict["warning"] = warning

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credits_remaining = d.pop("credits_remaining")

        credits_total = d.pop("credits_total")

        credits_used = d.pop("credits_used")

        credits_percent = d.pop("credits_percent", UNSET)

        tier = d.pop("tier", UNSET)

        bands = cast(list[str], d.pop("bands", UNSET))

        _reset_date = d.pop("reset_date", UNSET)
        reset_date: datetime.datetime | Unset
        if isinstance(_reset_date, Unset):
            reset_date = UNSET
        else:
            reset_date = datetime.datetime.fromisoformat(_reset_date)

        def _parse_warning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning = _parse_warning(d.pop("warning", UNSET))

        credits_balance = cls(
            credits_remaining=credits_remaining,
            credits_total=credits_total,
            credits_used=credits_used,
            credits_percent=credits_percent,
            tier=tier,
            bands=bands,
            reset_date=reset_date,
            warning=warning,
        )

        credits_balance.additional_properties = d
        return credits_balance

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


class CreditsBalanceParam(TypedDict, total=False):
    """`CreditsBalance` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    credits_remaining: Required[float]
    credits_total: Required[float]
    credits_used: Required[float]
    credits_percent: float
    """ Credits remaining, in percent of the total. """
    tier: str
    """ `free`, `pro`, `enterprise`, ... (an open set). """
    bands: Sequence[str]
    """ The model bands this key may use (`A`, `B`, `C`, ...). """
    reset_date: datetime.datetime | str
    warning: str | None
