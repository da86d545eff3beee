from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_generation_request_style import (
    ImageGenerationRequestStyle,
    check_image_generation_request_style,
)
from ..models.image_response_format import (
    ImageResponseFormat,
    check_image_response_format,
)
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
        "prompt",
        "model",
        "n",
        "size",
        "quality",
        "style",
        "response_format",
        "user",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ImageGenerationRequest:
    prompt: str
    """ What to draw. """
    model: str | Unset = UNSET
    """ Provider-prefixed image model id (`openai/dall-e-3`, `openai/gpt-image-1`). """
    n: int | Unset = UNSET
    """ How many images (`dall-e-3` makes only 1). """
    size: str | Unset = UNSET
    """ `WIDTHxHEIGHT`; the sizes depend on the model (`256x256`, `512x512`, `1024x1024`,
    `1792x1024`, `1024x1792`, `1536x1024`, `1024x1536`, `auto`), so any string is sent.
     """
    quality: str | Unset = UNSET
    """ Depends on the model: `standard`, `hd` (`dall-e-3`); `low`, `medium`, `high`, `auto` (`gpt-image-1`). """
    style: ImageGenerationRequestStyle | Unset = UNSET
    """ `dall-e-3` only. """
    response_format: ImageResponseFormat | Unset = UNSET
    """ How each image comes back (the provider's default is `url`; `gpt-image-1` always answers `b64_json`). """
    user: str | Unset = UNSET
    """ An end-user id, for abuse monitoring. """
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
        field_dict["prompt"] = self.prompt
        model = self.model
        if not isinstance(model, Unset):
            field_dict["model"] = model
        n = self.n
        if not isinstance(n, Unset):
            field_dict["n"] = n
        size = self.size
        if not isinstance(size, Unset):
            field_dict["size"] = size
        quality = self.quality
        if not isinstance(quality, Unset):
            field_dict["quality"] = quality
        style = self.style
        if not isinstance(style, Unset):
            field_dict["style"] = None if style is None else style
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            field_dict["response_format"] = (
                None if response_format is None else response_format
            )
        user = self.user
        if not isinstance(user, Unset):
            field_dict["user"] = user
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ImageGenerationRequest is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        prompt = _d["prompt"]
        model = _get("model", UNSET)
        n = _get("n", UNSET)
        size = _get("size", UNSET)
        quality = _get("quality", UNSET)
        style = _get("style", UNSET)
        if style is not UNSET and style is not None:
            style = check_image_generation_request_style(style)
        response_format = _get("response_format", UNSET)
        if response_format is not UNSET and response_format is not None:
            response_format = check_image_response_format(response_format)
        user = _get("user", UNSET)
        # Built without __init__: it would only copy the same values once more.
        image_generation_request = _new(cls)
        image_generation_request.prompt = prompt
        image_generation_request.model = model
        image_generation_request.n = n
        image_generation_request.size = size
        image_generation_request.quality = quality
        image_generation_request.style = style
        image_generation_request.response_format = response_format
        image_generation_request.user = user
        image_generation_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return image_generation_request

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


class ImageGenerationRequestParam(TypedDict, total=False):
    """`ImageGenerationRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    prompt: Required[str]
    """ What to draw. """

    model: str
    """ Provider-prefixed image model id (`openai/dall-e-3`, `openai/gpt-image-1`). """

    n: int
    """ How many images (`dall-e-3` makes only 1). From 1 to 10. """

    size: str
    """ `WIDTHxHEIGHT`; the sizes depend on the model (`256x256`, `512x512`, `1024x1024`,
    `1792x1024`, `1024x1792`, `1536x1024`, `1024x1536`, `auto`), so any string is sent. """

    quality: str
    """ Depends on the model: `standard`, `hd` (`dall-e-3`); `low`, `medium`, `high`, `auto` (`gpt-image-1`). """

    style: ImageGenerationRequestStyle
    """ `dall-e-3` only. """

    response_format: ImageResponseFormat
    """ How each image comes back (the provider's default is `url`; `gpt-image-1` always answers `b64_json`). """

    user: str
    """ An end-user id, for abuse monitoring. """
