from __future__ import annotations

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
    from ..models.usage_aggregate import UsageAggregate


_new = object.__new__

_KEYS: frozenset[str] = frozenset({})
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class CreditsStatsByBand:
    additional_properties: dict[str, UsageAggregate] = _attrs_field(
        init=False, factory=dict
    )
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
        field_dict: dict[str, Any] = {
            key: value.to_dict() for key, value in self.additional_properties.items()
        }
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"CreditsStatsByBand is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _nulls: tuple[str, ...] = ()
        # Built without __init__: it would only copy the same values once more.
        credits_stats_by_band = _new(cls)
        credits_stats_by_band.additional_properties = {
            key: UsageAggregate.from_dict(value) for key, value in src_dict.items()
        }
        credits_stats_by_band._nulls = _nulls
        credits_stats_by_band._request_id = None
        return credits_stats_by_band

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


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.usage_aggregate import UsageAggregate

    globals().update(
        UsageAggregate=UsageAggregate,
    )
    _unresolved = False


from typing import TypeAlias

if TYPE_CHECKING:
    from ..models.usage_aggregate import UsageAggregateParam

CreditsStatsByBandParam: TypeAlias = (
    "Mapping[str, UsageAggregateParam | UsageAggregate]"
)
"""`CreditsStatsByBand` as a plain mapping (a free-form object)."""
