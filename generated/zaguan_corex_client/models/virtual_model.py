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
    from ..models.virtual_model_target import VirtualModelTarget


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "targets",
        "object",
        "description",
        "strategy",
        "created",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class VirtualModel:
    """A deployment alias: a model id that CoreX routes to one or more provider models
    (`targets`) by a `strategy`. `fallback` tries the targets in order until one answers;
    `weighted` spreads requests over them in proportion to `weight`; the set is open.

    """

    id: str
    """ The id to name as `model`; it may contain `/`. """
    targets: list[VirtualModelTarget]
    object_: str | None = None
    """ `virtual_model`. """
    description: str | None = None
    strategy: str | None = None
    """ `fallback`, `weighted` (an open set). """
    created: int | None = None
    """ Unix time in seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "object_": "object",
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
        field_dict["id"] = self.id
        field_dict["targets"] = [
            _targets_item.to_dict() for _targets_item in self.targets
        ]
        object_ = self.object_
        if object_ is not None:
            field_dict["object"] = object_
        elif "object" in self._nulls:
            field_dict["object"] = None
        description = self.description
        if description is not None:
            field_dict["description"] = description
        elif "description" in self._nulls:
            field_dict["description"] = None
        strategy = self.strategy
        if strategy is not None:
            field_dict["strategy"] = strategy
        elif "strategy" in self._nulls:
            field_dict["strategy"] = None
        created = self.created
        if created is not None:
            field_dict["created"] = created
        elif "created" in self._nulls:
            field_dict["created"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"VirtualModel is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        targets = [
            VirtualModelTarget.from_dict(_targets_item)
            for _targets_item in _d["targets"]
        ]
        object_ = _get("object")
        if object_ is None and "object" in _d:
            _nulls += ("object",)
        description = _get("description")
        if description is None and "description" in _d:
            _nulls += ("description",)
        strategy = _get("strategy")
        if strategy is None and "strategy" in _d:
            _nulls += ("strategy",)
        created = _get("created")
        if created is None and "created" in _d:
            _nulls += ("created",)
        # Built without __init__: it would only copy the same values once more.
        virtual_model = _new(cls)
        virtual_model.id = id
        virtual_model.targets = targets
        virtual_model.object_ = object_
        virtual_model.description = description
        virtual_model.strategy = strategy
        virtual_model.created = created
        virtual_model.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        virtual_model._nulls = _nulls
        virtual_model._request_id = None
        return virtual_model

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
    from ..models.virtual_model_target import VirtualModelTarget

    globals().update(
        VirtualModelTarget=VirtualModelTarget,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.virtual_model_target import VirtualModelTargetParam


class VirtualModelParam(TypedDict, total=False):
    """`VirtualModel` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    """ The id to name as `model`; it may contain `/`. """

    targets: Required[Sequence[VirtualModelTargetParam | VirtualModelTarget]]

    object: str
    """ `virtual_model`. """

    description: str

    strategy: str
    """ `fallback`, `weighted` (an open set). """

    created: int
    """ Unix time in seconds. """
