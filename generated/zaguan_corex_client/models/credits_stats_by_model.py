from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.usage_aggregate import UsageAggregate


T = TypeVar("T", bound="CreditsStatsByModel")


@_attrs_define
class CreditsStatsByModel:
    additional_properties: dict[str, UsageAggregate] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.usage_aggregate import UsageAggregate

        d = dict(src_dict)
        credits_stats_by_model = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = UsageAggregate.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        credits_stats_by_model.additional_properties = additional_properties
        return credits_stats_by_model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> UsageAggregate:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: UsageAggregate) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from typing import TypeAlias

if TYPE_CHECKING:
    from ..models.usage_aggregate import UsageAggregateParam

CreditsStatsByModelParam: TypeAlias = (
    "Mapping[str, UsageAggregateParam | UsageAggregate]"
)
"""`CreditsStatsByModel` as a plain mapping (a free-form object)."""
