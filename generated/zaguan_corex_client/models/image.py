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
        "url",
        "b64_json",
        "revised_prompt",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class Image:
    """One image, as `url` or as `b64_json` (the other is absent)."""

    url: str | None = None
    """ Where to download the image; it expires after about an hour. """
    b64_json: str | None = None
    """ The image, base64-encoded. """
    revised_prompt: str | None = None
    """ The prompt the model actually used, when it rewrote it (`dall-e-3`). """
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
        url = self.url
        if url is not None:
            field_dict["url"] = url
        elif "url" in self._nulls:
            field_dict["url"] = None
        b64_json = self.b64_json
        if b64_json is not None:
            field_dict["b64_json"] = b64_json
        elif "b64_json" in self._nulls:
            field_dict["b64_json"] = None
        revised_prompt = self.revised_prompt
        if revised_prompt is not None:
            field_dict["revised_prompt"] = revised_prompt
        elif "revised_prompt" in self._nulls:
            field_dict["revised_prompt"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Image is a JSON object, got {type(src_dict).__name__}")
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        url = _get("url")
        if url is None and "url" in _d:
            _nulls += ("url",)
        b64_json = _get("b64_json")
        if b64_json is None and "b64_json" in _d:
            _nulls += ("b64_json",)
        revised_prompt = _get("revised_prompt")
        if revised_prompt is None and "revised_prompt" in _d:
            _nulls += ("revised_prompt",)
        # Built without __init__: it would only copy the same values once more.
        image = _new(cls)
        image.url = url
        image.b64_json = b64_json
        image.revised_prompt = revised_prompt
        image.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        image._nulls = _nulls
        image._request_id = None
        return image

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


class ImageParam(TypedDict, total=False):
    """`Image` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    url: str
    """ Where to download the image; it expires after about an hour. """

    b64_json: str
    """ The image, base64-encoded. """

    revised_prompt: str
    """ The prompt the model actually used, when it rewrote it (`dall-e-3`). """
