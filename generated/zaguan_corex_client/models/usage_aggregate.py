from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsageAggregate")


@_attrs_define
class UsageAggregate:
    credits_used: float | Unset = UNSET
    requests: int | Unset = UNSET
    tokens: int | Unset = UNSET
    cost: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credits_used = self.credits_used

        requests = self.requests

        tokens = self.tokens

        cost = self.cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if credits_used is not UNSET:
            field_dict["credits_used"] = credits_used
        if requests is not UNSET:
            field_dict["requests"] = requests
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if cost is not UNSET:
            field_dict["cost"] = cost

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credits_used = d.pop("credits_used", UNSET)

        requests = d.pop("requests", UNSET)

        tokens = d.pop("tokens", UNSET)

        cost = d.pop("cost", UNSET)

        usage_aggregate = cls(
            credits_used=credits_used,
            requests=requests,
            tokens=tokens,
            cost=cost,
        )

        usage_aggregate.additional_properties = d
        return usage_aggregate

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


from typing import TypedDict


class UsageAggregateParam(TypedDict, total=False):
    """`UsageAggregate` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    credits_used: float
    requests: int
    tokens: int
    cost: float
