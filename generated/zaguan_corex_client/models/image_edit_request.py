from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_response_format import (
    ImageResponseFormat,
    check_image_response_format,
)
from ..types import (
    UNSET,
    File,
    RequestFiles,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "image",
        "prompt",
        "mask",
        "model",
        "n",
        "size",
        "response_format",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ImageEditRequest:
    """An image edit request, sent as `multipart/form-data`."""

    image: File
    """ The image to edit (a square PNG under 4 MB for `dall-e-2`), with its file name. """
    prompt: str
    """ The edit to make. """
    mask: File | Unset = UNSET
    """ A PNG of the same size whose fully transparent areas show where to edit. """
    model: str | Unset = UNSET
    """ Provider-prefixed image model id (`openai/dall-e-2`, `openai/gpt-image-1`). """
    n: int | Unset = UNSET
    """ How many images to make. """
    size: str | Unset = UNSET
    """ `WIDTHxHEIGHT`, as for image generation. """
    response_format: ImageResponseFormat | Unset = UNSET
    """ How each image comes back (the provider's default is `url`; `gpt-image-1` always answers `b64_json`). """
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
        field_dict["image"] = self.image
        field_dict["prompt"] = self.prompt
        mask = self.mask
        if not isinstance(mask, Unset):
            field_dict["mask"] = mask
        model = self.model
        if not isinstance(model, Unset):
            field_dict["model"] = model
        n = self.n
        if not isinstance(n, Unset):
            field_dict["n"] = n
        size = self.size
        if not isinstance(size, Unset):
            field_dict["size"] = size
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            field_dict["response_format"] = (
                None if response_format is None else response_format
            )
        return field_dict

    def to_multipart(self) -> RequestFiles:
        """The body as `multipart/form-data` parts, for ``httpx``'s ``files=``."""
        files: RequestFiles = []
        files.append(("image", self.image.to_tuple()))
        files.append(("prompt", (None, str(self.prompt).encode(), "text/plain")))
        mask = self.mask
        if not isinstance(mask, Unset):
            files.append(("mask", mask.to_tuple()))
        model = self.model
        if not isinstance(model, Unset):
            files.append(("model", (None, str(model).encode(), "text/plain")))
        n = self.n
        if not isinstance(n, Unset):
            files.append(("n", (None, str(n).encode(), "text/plain")))
        size = self.size
        if not isinstance(size, Unset):
            files.append(("size", (None, str(size).encode(), "text/plain")))
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            files.append(
                ("response_format", (None, str(response_format).encode(), "text/plain"))
            )
        for key, value in self.additional_properties.items():
            # Unknown fields: text as it is, anything else as JSON (never a Python repr).
            text = value if isinstance(value, str) else json.dumps(value)
            files.append((key, (None, text.encode(), "text/plain")))
        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ImageEditRequest is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        image = _d["image"]
        prompt = _d["prompt"]
        mask = _get("mask", UNSET)
        model = _get("model", UNSET)
        n = _get("n", UNSET)
        size = _get("size", UNSET)
        response_format = _get("response_format", UNSET)
        if response_format is not UNSET and response_format is not None:
            response_format = check_image_response_format(response_format)
        # Built without __init__: it would only copy the same values once more.
        image_edit_request = _new(cls)
        image_edit_request.image = image
        image_edit_request.prompt = prompt
        image_edit_request.mask = mask
        image_edit_request.model = model
        image_edit_request.n = n
        image_edit_request.size = size
        image_edit_request.response_format = response_format
        image_edit_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return image_edit_request

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

if TYPE_CHECKING:
    from ..types import FileInput


class ImageEditRequestParam(TypedDict, total=False):
    """`ImageEditRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    image: Required[FileInput]
    """ The image to edit (a square PNG under 4 MB for `dall-e-2`), with its file name. """

    prompt: Required[str]
    """ The edit to make. """

    mask: FileInput
    """ A PNG of the same size whose fully transparent areas show where to edit. """

    model: str
    """ Provider-prefixed image model id (`openai/dall-e-2`, `openai/gpt-image-1`). """

    n: int
    """ How many images to make. From 1 to 10. """

    size: str
    """ `WIDTHxHEIGHT`, as for image generation. """

    response_format: ImageResponseFormat
    """ How each image comes back (the provider's default is `url`; `gpt-image-1` always answers `b64_json`). """
