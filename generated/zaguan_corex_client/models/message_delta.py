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
        "stop_reason",
        "stop_sequence",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageDelta:
    stop_reason: None | str = None
    """ See `Message.stop_reason`. """
    stop_sequence: None | str = None
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
        stop_reason = self.stop_reason
        if stop_reason is not None:
            field_dict["stop_reason"] = stop_reason
        elif "stop_reason" in self._nulls:
            field_dict["stop_reason"] = None
        stop_sequence = self.stop_sequence
        if stop_sequence is not None:
            field_dict["stop_sequence"] = stop_sequence
        elif "stop_sequence" in self._nulls:
            field_dict["stop_sequence"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageDelta is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        stop_reason = _get("stop_reason")
        if stop_reason is None and "stop_reason" in _d:
            _nulls += ("stop_reason",)
        stop_sequence = _get("stop_sequence")
        if stop_sequence is None and "stop_sequence" in _d:
            _nulls += ("stop_sequence",)
        # Built without __init__: it would only copy the same values once more.
        message_delta = _new(cls)
        message_delta.stop_reason = stop_reason
        message_delta.stop_sequence = stop_sequence
        message_delta.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        message_delta._nulls = _nulls
        message_delta._request_id = None
        return message_delta

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


class MessageDeltaParam(TypedDict, total=False):
    """`MessageDelta` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    stop_reason: str | None
    """ See `Message.stop_reason`. """

    stop_sequence: str | None
