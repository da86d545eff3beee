from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.base_64_image_source import Base64ImageSource
    from ..models.cache_control import CacheControl
    from ..models.url_image_source import UrlImageSource


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "source",
        "cache_control",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ImageBlock:
    type_: Literal["image"]
    source: Base64ImageSource | UrlImageSource
    """ Where the image comes from, told apart by `type`. """
    cache_control: CacheControl | Unset = UNSET
    """ Marks the prompt up to this block for caching. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "type_": "type",
            },
        )

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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["source"] = _serialize_image_block_source(self.source)
        cache_control = self.cache_control
        if not isinstance(cache_control, Unset):
            field_dict["cache_control"] = (
                None if cache_control is None else cache_control.to_dict()
            )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ImageBlock is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        type_: Literal["image"] = check_const(_d["type"], "image", "type")
        source = _parse_image_block_source(_d["source"])
        cache_control = _get("cache_control", UNSET)
        if cache_control is not UNSET and cache_control is not None:
            cache_control = CacheControl.from_dict(cache_control)
        # Built without __init__: it would only copy the same values once more.
        image_block = _new(cls)
        image_block.type_ = type_
        image_block.source = source
        image_block.cache_control = cache_control
        image_block.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return image_block

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


def _parse_image_block_source(data: Any) -> Base64ImageSource | UrlImageSource:
    if isinstance(data, dict):
        try:
            return Base64ImageSource.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return UrlImageSource.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(Base64ImageSource | UrlImageSource, data)


def _serialize_image_block_source(data: Any) -> Any:
    if isinstance(data, Base64ImageSource):
        return data.to_dict()
    if isinstance(data, UrlImageSource):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.base_64_image_source import Base64ImageSource
    from ..models.cache_control import CacheControl
    from ..models.url_image_source import UrlImageSource

    globals().update(
        Base64ImageSource=Base64ImageSource,
        CacheControl=CacheControl,
        UrlImageSource=UrlImageSource,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.base_64_image_source import Base64ImageSourceParam
    from ..models.cache_control import CacheControlParam
    from ..models.url_image_source import UrlImageSourceParam


class ImageBlockParam(TypedDict, total=False):
    """`ImageBlock` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["image"]]

    source: Required[
        Base64ImageSourceParam
        | Base64ImageSource
        | UrlImageSourceParam
        | UrlImageSource
    ]
    """ Where the image comes from, told apart by `type`. """

    cache_control: CacheControlParam | CacheControl
    """ Marks the prompt up to this block for caching. """
