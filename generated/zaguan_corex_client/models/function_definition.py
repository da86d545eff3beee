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
    from ..models.function_definition_parameters import FunctionDefinitionParameters


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "description",
        "parameters",
        "strict",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class FunctionDefinition:
    name: str
    description: str | Unset = UNSET
    parameters: FunctionDefinitionParameters | Unset = UNSET
    """ The arguments as a JSON Schema object. """
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
        parameters = self.parameters
        if not isinstance(parameters, Unset):
            field_dict["parameters"] = (
                None if parameters is None else parameters.to_dict()
            )
        strict = self.strict
        if not isinstance(strict, Unset):
            field_dict["strict"] = strict
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"FunctionDefinition is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        name = _d["name"]
        description = _get("description", UNSET)
        parameters = _get("parameters", UNSET)
        if parameters is not UNSET and parameters is not None:
            parameters = FunctionDefinitionParameters.from_dict(parameters)
        strict = _get("strict", UNSET)
        # Built without __init__: it would only copy the same values once more.
        function_definition = _new(cls)
        function_definition.name = name
        function_definition.description = description
        function_definition.parameters = parameters
        function_definition.strict = strict
        function_definition.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return function_definition

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
    from ..models.function_definition_parameters import FunctionDefinitionParameters

    globals().update(
        FunctionDefinitionParameters=FunctionDefinitionParameters,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.function_definition_parameters import (
        FunctionDefinitionParametersParam,
    )


class FunctionDefinitionParam(TypedDict, total=False):
    """`FunctionDefinition` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    name: Required[str]

    description: str

    parameters: FunctionDefinitionParametersParam
    """ The arguments as a JSON Schema object. """

    strict: bool
