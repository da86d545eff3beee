from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_url_detail import ImageUrlDetail, check_image_url_detail
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
        "url",
        "detail",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ImageUrl:
    url: str
    """ An https URL or a `data:` URL with base64 image data. """
    detail: ImageUrlDetail | Unset = UNSET
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
        field_dict["url"] = self.url
        detail = self.detail
        if not isinstance(detail, Unset):
            field_dict["detail"] = None if detail is None else detail
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"ImageUrl is a JSON object, got {type(src_dict).__name__}")
        _d = src_dict
        _get = _d.get
        url = _d["url"]
        detail = _get("detail", UNSET)
        if detail is not UNSET and detail is not None:
            detail = check_image_url_detail(detail)
        # Built without __init__: it would only copy the same values once more.
        image_url = _new(cls)
        image_url.url = url
        image_url.detail = detail
        image_url.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return image_url

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


class ImageUrlParam(TypedDict, total=False):
    """`ImageUrl` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    url: Required[str]
    """ An https URL or a `data:` URL with base64 image data. """

    detail: ImageUrlDetail
