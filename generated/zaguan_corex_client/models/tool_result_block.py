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
    from ..models.cache_control import CacheControl
    from ..models.image_block import ImageBlock
    from ..models.text_block import TextBlock
    from ..models.unknown_tool_result_content_block import UnknownToolResultContentBlock


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "tool_use_id",
        "content",
        "is_error",
        "cache_control",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ToolResultBlock:
    type_: Literal["tool_result"]
    tool_use_id: str
    """ The `id` of the `tool_use` block this answers. """
    content: (
        list[ImageBlock | TextBlock | UnknownToolResultContentBlock] | str | Unset
    ) = UNSET
    """ The tool's output, a string or `text` and `image` blocks. """
    is_error: bool | Unset = UNSET
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
        field_dict["tool_use_id"] = self.tool_use_id
        content = self.content
        if not isinstance(content, Unset):
            field_dict["content"] = (
                None
                if content is None
                else _serialize_tool_result_block_content(content)
            )
        is_error = self.is_error
        if not isinstance(is_error, Unset):
            field_dict["is_error"] = is_error
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
                f"ToolResultBlock is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        type_: Literal["tool_result"] = check_const(_d["type"], "tool_result", "type")
        tool_use_id = _d["tool_use_id"]
        content = _get("content", UNSET)
        if content is not UNSET and content is not None:
            content = _parse_tool_result_block_content(content)
        is_error = _get("is_error", UNSET)
        cache_control = _get("cache_control", UNSET)
        if cache_control is not UNSET and cache_control is not None:
            cache_control = CacheControl.from_dict(cache_control)
        # Built without __init__: it would only copy the same values once more.
        tool_result_block = _new(cls)
        tool_result_block.type_ = type_
        tool_result_block.tool_use_id = tool_use_id
        tool_result_block.content = content
        tool_result_block.is_error = is_error
        tool_result_block.cache_control = cache_control
        tool_result_block.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return tool_result_block

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


def _parse_tool_result_block_content(
    data: Any,
) -> list[ImageBlock | TextBlock | UnknownToolResultContentBlock] | str:
    if isinstance(data, list):
        try:
            return [
                _parse_tool_result_block_content_2(_content_type_1_item)
                for _content_type_1_item in data
            ]
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        list[ImageBlock | TextBlock | UnknownToolResultContentBlock] | str, data
    )


def _serialize_tool_result_block_content(data: Any) -> Any:
    if isinstance(data, list):
        return [
            _serialize_tool_result_block_content_2(_content_type_1_item)
            for _content_type_1_item in data
        ]
    return data


def _parse_tool_result_block_content_2(
    data: Any,
) -> ImageBlock | TextBlock | UnknownToolResultContentBlock:
    if isinstance(data, dict):
        try:
            return TextBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ImageBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return UnknownToolResultContentBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(ImageBlock | TextBlock | UnknownToolResultContentBlock, data)


def _serialize_tool_result_block_content_2(data: Any) -> Any:
    if isinstance(data, TextBlock):
        return data.to_dict()
    if isinstance(data, ImageBlock):
        return data.to_dict()
    if isinstance(data, UnknownToolResultContentBlock):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.cache_control import CacheControl
    from ..models.image_block import ImageBlock
    from ..models.text_block import TextBlock
    from ..models.unknown_tool_result_content_block import UnknownToolResultContentBlock

    globals().update(
        CacheControl=CacheControl,
        ImageBlock=ImageBlock,
        TextBlock=TextBlock,
        UnknownToolResultContentBlock=UnknownToolResultContentBlock,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.cache_control import CacheControlParam
    from ..models.image_block import ImageBlockParam
    from ..models.text_block import TextBlockParam
    from ..models.unknown_tool_result_content_block import (
        UnknownToolResultContentBlockParam,
    )


class ToolResultBlockParam(TypedDict, total=False):
    """`ToolResultBlock` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["tool_result"]]

    tool_use_id: Required[str]
    """ The `id` of the `tool_use` block this answers. """

    content: (
        str
        | Sequence[
            TextBlockParam
            | TextBlock
            | ImageBlockParam
            | ImageBlock
            | UnknownToolResultContentBlockParam
            | UnknownToolResultContentBlock
        ]
    )
    """ The tool's output, a string or `text` and `image` blocks. """

    is_error: bool

    cache_control: CacheControlParam | CacheControl
    """ Marks the prompt up to this block for caching. """
