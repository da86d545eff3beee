from __future__ import annotations

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
        "credits_used",
        "requests",
        "tokens",
        "cost",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class UsageAggregate:
    credits_used: float | None = None
    requests: int | None = None
    tokens: int | None = None
    cost: float | None = None
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
        credits_used = self.credits_used
        if credits_used is not None:
            field_dict["credits_used"] = credits_used
        elif "credits_used" in self._nulls:
            field_dict["credits_used"] = None
        requests = self.requests
        if requests is not None:
            field_dict["requests"] = requests
        elif "requests" in self._nulls:
            field_dict["requests"] = None
        tokens = self.tokens
        if tokens is not None:
            field_dict["tokens"] = tokens
        elif "tokens" in self._nulls:
            field_dict["tokens"] = None
        cost = self.cost
        if cost is not None:
            field_dict["cost"] = cost
        elif "cost" in self._nulls:
            field_dict["cost"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"UsageAggregate is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        credits_used = _get("credits_used")
        if credits_used is None and "credits_used" in _d:
            _nulls += ("credits_used",)
        requests = _get("requests")
        if requests is None and "requests" in _d:
            _nulls += ("requests",)
        tokens = _get("tokens")
        if tokens is None and "tokens" in _d:
            _nulls += ("tokens",)
        cost = _get("cost")
        if cost is None and "cost" in _d:
            _nulls += ("cost",)
        # Built without __init__: it would only copy the same values once more.
        usage_aggregate = _new(cls)
        usage_aggregate.credits_used = credits_used
        usage_aggregate.requests = requests
        usage_aggregate.tokens = tokens
        usage_aggregate.cost = cost
        usage_aggregate.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        usage_aggregate._nulls = _nulls
        usage_aggregate._request_id = None
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
