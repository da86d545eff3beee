from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.batch_error import BatchError


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "data",
        "object",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchErrors:
    data: list[BatchError]
    object_: str | None = None
    """ `list`. """
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

    def to_dict(self) -> dict[str, Any]:
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["data"] = [_data_item.to_dict() for _data_item in self.data]
        object_ = self.object_
        if object_ is not None:
            field_dict["object"] = object_
        elif "object" in self._nulls:
            field_dict["object"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchErrors is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        data = [BatchError.from_dict(_data_item) for _data_item in _d["data"]]
        object_ = _get("object")
        if object_ is None and "object" in _d:
            _nulls += ("object",)
        # Built without __init__: it would only copy the same values once more.
        batch_errors = _new(cls)
        batch_errors.data = data
        batch_errors.object_ = object_
        batch_errors.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch_errors._nulls = _nulls
        batch_errors._request_id = None
        return batch_errors

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
    from ..models.batch_error import BatchError

    globals().update(
        BatchError=BatchError,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch_error import BatchErrorParam


class BatchErrorsParam(TypedDict, total=False):
    """`BatchErrors` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    data: Required[Sequence[BatchErrorParam | BatchError]]
    object: str
    """ `list`. """
