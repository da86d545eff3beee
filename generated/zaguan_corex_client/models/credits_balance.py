from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "credits_remaining",
        "credits_total",
        "credits_used",
        "credits_percent",
        "tier",
        "bands",
        "reset_date",
        "warning",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class CreditsBalance:
    credits_remaining: float
    credits_total: float
    credits_used: float
    credits_percent: float | None = None
    """ Credits remaining, in percent of the total. """
    tier: str | None = None
    """ `free`, `pro`, `enterprise`, ... (an open set). """
    bands: list[str] | None = None
    """ The model bands this key may use (`A`, `B`, `C`, ...). """
    reset_date: datetime.datetime | None = None
    warning: None | str = None
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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["credits_remaining"] = self.credits_remaining
        field_dict["credits_total"] = self.credits_total
        field_dict["credits_used"] = self.credits_used
        credits_percent = self.credits_percent
        if credits_percent is not None:
            field_dict["credits_percent"] = credits_percent
        elif "credits_percent" in self._nulls:
            field_dict["credits_percent"] = None
        tier = self.tier
        if tier is not None:
            field_dict["tier"] = tier
        elif "tier" in self._nulls:
            field_dict["tier"] = None
        bands = self.bands
        if bands is not None:
            field_dict["bands"] = bands
        elif "bands" in self._nulls:
            field_dict["bands"] = None
        reset_date = self.reset_date
        if reset_date is not None:
            field_dict["reset_date"] = reset_date.isoformat()
        elif "reset_date" in self._nulls:
            field_dict["reset_date"] = None
        warning = self.warning
        if warning is not None:
            field_dict["warning"] = warning
        elif "warning" in self._nulls:
            field_dict["warning"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"CreditsBalance is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        credits_remaining = _d["credits_remaining"]
        credits_total = _d["credits_total"]
        credits_used = _d["credits_used"]
        credits_percent = _get("credits_percent")
        if credits_percent is None and "credits_percent" in _d:
            _nulls += ("credits_percent",)
        tier = _get("tier")
        if tier is None and "tier" in _d:
            _nulls += ("tier",)
        bands = _get("bands")
        if bands is None and "bands" in _d:
            _nulls += ("bands",)
        reset_date = _get("reset_date")
        if reset_date is not None:
            reset_date = datetime.datetime.fromisoformat(reset_date)
        elif "reset_date" in _d:
            _nulls += ("reset_date",)
        warning = _get("warning")
        if warning is None and "warning" in _d:
            _nulls += ("warning",)
        # Built without __init__: it would only copy the same values once more.
        credits_balance = _new(cls)
        credits_balance.credits_remaining = credits_remaining
        credits_balance.credits_total = credits_total
        credits_balance.credits_used = credits_used
        credits_balance.credits_percent = credits_percent
        credits_balance.tier = tier
        credits_balance.bands = bands
        credits_balance.reset_date = reset_date
        credits_balance.warning = warning
        credits_balance.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        credits_balance._nulls = _nulls
        credits_balance._request_id = None
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
