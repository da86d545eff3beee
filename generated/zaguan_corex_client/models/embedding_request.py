from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.embedding_request_encoding_format import (
    EmbeddingRequestEncodingFormat,
    check_embedding_request_encoding_format,
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
        "model",
        "input",
        "encoding_format",
        "dimensions",
        "user",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class EmbeddingRequest:
    """An embeddings request. Only the fields the caller sets are sent."""

    model: str
    """ Provider-prefixed embedding model id (`openai/text-embedding-3-small`). """
    input_: list[int] | list[list[int]] | list[str] | str
    """ What to embed: a string, a list of strings, a list of token ids, or a list of lists of
    token ids. Each input is embedded on its own.
     """
    encoding_format: EmbeddingRequestEncodingFormat | Unset = UNSET
    """ `float` (a list of numbers, the provider's default) or `base64` (little-endian float32). """
    dimensions: int | Unset = UNSET
    """ The length of each embedding, for models that can shorten theirs. """
    user: str | Unset = UNSET
    """ An end-user id, for abuse monitoring. """
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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["model"] = self.model
        field_dict["input"] = self.input_
        encoding_format = self.encoding_format
        if not isinstance(encoding_format, Unset):
            field_dict["encoding_format"] = (
                None if encoding_format is None else encoding_format
            )
        dimensions = self.dimensions
        if not isinstance(dimensions, Unset):
            field_dict["dimensions"] = dimensions
        user = self.user
        if not isinstance(user, Unset):
            field_dict["user"] = user
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"EmbeddingRequest is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        model = _d["model"]
        input_ = _d["input"]
        encoding_format = _get("encoding_format", UNSET)
        if encoding_format is not UNSET and encoding_format is not None:
            encoding_format = check_embedding_request_encoding_format(encoding_format)
        dimensions = _get("dimensions", UNSET)
        user = _get("user", UNSET)
        # Built without __init__: it would only copy the same values once more.
        embedding_request = _new(cls)
        embedding_request.model = model
        embedding_request.input_ = input_
        embedding_request.encoding_format = encoding_format
        embedding_request.dimensions = dimensions
        embedding_request.user = user
        embedding_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return embedding_request

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


from collections.abc import Sequence
from typing import Required, TypedDict


class EmbeddingRequestParam(TypedDict, total=False):
    """`EmbeddingRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    model: Required[str]
    """ Provider-prefixed embedding model id (`openai/text-embedding-3-small`). """

    input: Required[str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]]
    """ What to embed: a string, a list of strings, a list of token ids, or a list of lists of
    token ids. Each input is embedded on its own. """

    encoding_format: EmbeddingRequestEncodingFormat
    """ `float` (a list of numbers, the provider's default) or `base64` (little-endian float32). """

    dimensions: int
    """ The length of each embedding, for models that can shorten theirs. At least 1. """

    user: str
    """ An end-user id, for abuse monitoring. """
