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
    from ..models.image import Image
    from ..models.image_list_usage import ImageListUsage


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "created",
        "data",
        "usage",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ImageList:
    created: int
    """ Unix time in seconds. """
    data: list[Image]
    usage: ImageListUsage | None = None
    """ Token counts, from models that report them (`gpt-image-1`). """
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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["created"] = self.created
        field_dict["data"] = [_data_item.to_dict() for _data_item in self.data]
        usage = self.usage
        if usage is not None:
            field_dict["usage"] = usage.to_dict()
        elif "usage" in self._nulls:
            field_dict["usage"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ImageList is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        created = _d["created"]
        data = [Image.from_dict(_data_item) for _data_item in _d["data"]]
        usage = _get("usage")
        if usage is not None:
            usage = ImageListUsage.from_dict(usage)
        elif "usage" in _d:
            _nulls += ("usage",)
        # Built without __init__: it would only copy the same values once more.
        image_list = _new(cls)
        image_list.created = created
        image_list.data = data
        image_list.usage = usage
        image_list.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        image_list._nulls = _nulls
        image_list._request_id = None
        return image_list

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


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.image import Image
    from ..models.image_list_usage import ImageListUsage

    globals().update(
        Image=Image,
        ImageListUsage=ImageListUsage,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.image import ImageParam
    from ..models.image_list_usage import ImageListUsageParam


class ImageListParam(TypedDict, total=False):
    """`ImageList` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    created: Required[int]
    """ Unix time in seconds. """

    data: Required[Sequence[ImageParam | Image]]

    usage: ImageListUsageParam
    """ Token counts, from models that report them (`gpt-image-1`). """
