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
        "output_tokens",
        "input_tokens",
        "cache_creation_input_tokens",
        "cache_read_input_tokens",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageDeltaUsage:
    output_tokens: int
    input_tokens: int | None = None
    cache_creation_input_tokens: int | None = None
    cache_read_input_tokens: int | None = None
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
        field_dict["output_tokens"] = self.output_tokens
        input_tokens = self.input_tokens
        if input_tokens is not None:
            field_dict["input_tokens"] = input_tokens
        elif "input_tokens" in self._nulls:
            field_dict["input_tokens"] = None
        cache_creation_input_tokens = self.cache_creation_input_tokens
        if cache_creation_input_tokens is not None:
            field_dict["cache_creation_input_tokens"] = cache_creation_input_tokens
        elif "cache_creation_input_tokens" in self._nulls:
            field_dict["cache_creation_input_tokens"] = None
        cache_read_input_tokens = self.cache_read_input_tokens
        if cache_read_input_tokens is not None:
            field_dict["cache_read_input_tokens"] = cache_read_input_tokens
        elif "cache_read_input_tokens" in self._nulls:
            field_dict["cache_read_input_tokens"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageDeltaUsage is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        output_tokens = _d["output_tokens"]
        input_tokens = _get("input_tokens")
        if input_tokens is None and "input_tokens" in _d:
            _nulls += ("input_tokens",)
        cache_creation_input_tokens = _get("cache_creation_input_tokens")
        if cache_creation_input_tokens is None and "cache_creation_input_tokens" in _d:
            _nulls += ("cache_creation_input_tokens",)
        cache_read_input_tokens = _get("cache_read_input_tokens")
        if cache_read_input_tokens is None and "cache_read_input_tokens" in _d:
            _nulls += ("cache_read_input_tokens",)
        # Built without __init__: it would only copy the same values once more.
        message_delta_usage = _new(cls)
        message_delta_usage.output_tokens = output_tokens
        message_delta_usage.input_tokens = input_tokens
        message_delta_usage.cache_creation_input_tokens = cache_creation_input_tokens
        message_delta_usage.cache_read_input_tokens = cache_read_input_tokens
        message_delta_usage.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        message_delta_usage._nulls = _nulls
        message_delta_usage._request_id = None
        return message_delta_usage

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


class MessageDeltaUsageParam(TypedDict, total=False):
    """`MessageDeltaUsage` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    output_tokens: Required[int]

    input_tokens: int | None

    cache_creation_input_tokens: int | None

    cache_read_input_tokens: int | None
