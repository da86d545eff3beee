from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "total",
        "completed",
        "failed",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchRequestCounts:
    total: int
    """ The requests in the input file (0 until it is validated). """
    completed: int
    """ Requests that ran and succeeded. """
    failed: int
    """ Requests that ran and failed. """
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

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["total"] = self.total
        field_dict["completed"] = self.completed
        field_dict["failed"] = self.failed
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchRequestCounts is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        total = _d["total"]
        completed = _d["completed"]
        failed = _d["failed"]
        # Built without __init__: it would only copy the same values once more.
        batch_request_counts = _new(cls)
        batch_request_counts.total = total
        batch_request_counts.completed = completed
        batch_request_counts.failed = failed
        batch_request_counts.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch_request_counts._nulls = _nulls
        batch_request_counts._request_id = None
        return batch_request_counts

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


from typing import Required, TypedDict


class BatchRequestCountsParam(TypedDict, total=False):
    """`BatchRequestCounts` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    total: Required[int]
    """ The requests in the input file (0 until it is validated). """
    completed: Required[int]
    """ Requests that ran and succeeded. """
    failed: Required[int]
    """ Requests that ran and failed. """
