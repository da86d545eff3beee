from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.text_content_part import TextContentPart


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "input",
        "model",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ModerationRequest:
    input_: list[ImageUrlContentPart | TextContentPart] | list[str] | str
    """ A string, a list of strings, or a list of `text` and `image_url` parts. """
    model: str | Unset = UNSET
    """ Provider-prefixed moderation model id (`openai/omni-moderation-latest`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "input_": "input",
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
        field_dict["input"] = _serialize_moderation_request_input_(self.input_)
        model = self.model
        if not isinstance(model, Unset):
            field_dict["model"] = model
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ModerationRequest is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        input_ = _parse_moderation_request_input_(_d["input"])
        model = _get("model", UNSET)
        # Built without __init__: it would only copy the same values once more.
        moderation_request = _new(cls)
        moderation_request.input_ = input_
        moderation_request.model = model
        moderation_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return moderation_request

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


def _parse_moderation_request_input_(
    data: Any,
) -> list[ImageUrlContentPart | TextContentPart] | list[str] | str:
    if isinstance(data, list):
        try:
            return [
                _parse_moderation_request_input__3(_input_type_2_item)
                for _input_type_2_item in data
            ]
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[ImageUrlContentPart | TextContentPart] | list[str] | str, data)


def _serialize_moderation_request_input_(data: Any) -> Any:
    if isinstance(data, list):
        return [
            _serialize_moderation_request_input__3(_input_type_2_item)
            for _input_type_2_item in data
        ]
    return data


def _parse_moderation_request_input__3(
    data: Any,
) -> ImageUrlContentPart | TextContentPart:
    if isinstance(data, dict):
        try:
            return TextContentPart.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ImageUrlContentPart.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(ImageUrlContentPart | TextContentPart, data)


def _serialize_moderation_request_input__3(data: Any) -> Any:
    if isinstance(data, TextContentPart):
        return data.to_dict()
    if isinstance(data, ImageUrlContentPart):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.text_content_part import TextContentPart

    globals().update(
        ImageUrlContentPart=ImageUrlContentPart,
        TextContentPart=TextContentPart,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.image_url_content_part import ImageUrlContentPartParam
    from ..models.text_content_part import TextContentPartParam


class ModerationRequestParam(TypedDict, total=False):
    """`ModerationRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    input: Required[
        str
        | Sequence[str]
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ImageUrlContentPartParam
            | ImageUrlContentPart
        ]
    ]
    """ A string, a list of strings, or a list of `text` and `image_url` parts. """

    model: str
    """ Provider-prefixed moderation model id (`openai/omni-moderation-latest`). """
