from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "include_usage",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class StreamOptions:
    """Options of a streamed answer; for streamed calls only."""

    include_usage: bool | Unset = UNSET
    """ Send a last chunk, before `[DONE]`, with empty `choices` and the `usage`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

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
        include_usage = self.include_usage
        if not isinstance(include_usage, Unset):
            field_dict["include_usage"] = include_usage
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"StreamOptions is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        include_usage = _get("include_usage", UNSET)
        # Built without __init__: it would only copy the same values once more.
        stream_options = _new(cls)
        stream_options.include_usage = include_usage
        stream_options.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return stream_options

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


class StreamOptionsParam(TypedDict, total=False):
    """`StreamOptions` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    include_usage: bool
    """ Send a last chunk, before `[DONE]`, with empty `choices` and the `usage`. """
