from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

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
    from ..models.json_schema_format_schema import JsonSchemaFormatSchema


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "description",
        "schema",
        "strict",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class JsonSchemaFormat:
    name: str
    description: str | Unset = UNSET
    schema: JsonSchemaFormatSchema | Unset = UNSET
    """ The JSON Schema the answer must match. """
    strict: bool | Unset = UNSET
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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["name"] = self.name
        description = self.description
        if not isinstance(description, Unset):
            field_dict["description"] = description
        schema = self.schema
        if not isinstance(schema, Unset):
            field_dict["schema"] = None if schema is None else schema.to_dict()
        strict = self.strict
        if not isinstance(strict, Unset):
            field_dict["strict"] = strict
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"JsonSchemaFormat is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        name = _d["name"]
        description = _get("description", UNSET)
        schema = _get("schema", UNSET)
        if schema is not UNSET and schema is not None:
            schema = JsonSchemaFormatSchema.from_dict(schema)
        strict = _get("strict", UNSET)
        # Built without __init__: it would only copy the same values once more.
        json_schema_format = _new(cls)
        json_schema_format.name = name
        json_schema_format.description = description
        json_schema_format.schema = schema
        json_schema_format.strict = strict
        json_schema_format.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return json_schema_format

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
    from ..models.json_schema_format_schema import JsonSchemaFormatSchema

    globals().update(
        JsonSchemaFormatSchema=JsonSchemaFormatSchema,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.json_schema_format_schema import JsonSchemaFormatSchemaParam


class JsonSchemaFormatParam(TypedDict, total=False):
    """`JsonSchemaFormat` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    name: Required[str]

    description: str

    schema: JsonSchemaFormatSchemaParam
    """ The JSON Schema the answer must match. """

    strict: bool
