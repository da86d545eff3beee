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
        "cached_tokens",
        "audio_tokens",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class PromptTokensDetails:
    cached_tokens: int | None = None
    audio_tokens: int | None = None
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
        cached_tokens = self.cached_tokens
        if cached_tokens is not None:
            field_dict["cached_tokens"] = cached_tokens
        elif "cached_tokens" in self._nulls:
            field_dict["cached_tokens"] = None
        audio_tokens = self.audio_tokens
        if audio_tokens is not None:
            field_dict["audio_tokens"] = audio_tokens
        elif "audio_tokens" in self._nulls:
            field_dict["audio_tokens"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"PromptTokensDetails is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        cached_tokens = _get("cached_tokens")
        if cached_tokens is None and "cached_tokens" in _d:
            _nulls += ("cached_tokens",)
        audio_tokens = _get("audio_tokens")
        if audio_tokens is None and "audio_tokens" in _d:
            _nulls += ("audio_tokens",)
        # Built without __init__: it would only copy the same values once more.
        prompt_tokens_details = _new(cls)
        prompt_tokens_details.cached_tokens = cached_tokens
        prompt_tokens_details.audio_tokens = audio_tokens
        prompt_tokens_details.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        prompt_tokens_details._nulls = _nulls
        prompt_tokens_details._request_id = None
        return prompt_tokens_details

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


class PromptTokensDetailsParam(TypedDict, total=False):
    """`PromptTokensDetails` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    cached_tokens: int

    audio_tokens: int
