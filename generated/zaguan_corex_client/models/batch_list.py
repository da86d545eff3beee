from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.batch import Batch


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "data",
        "has_more",
        "object",
        "first_id",
        "last_id",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchList:
    data: list[Batch]
    has_more: bool
    object_: str | None = None
    """ `list`. """
    first_id: None | str = None
    last_id: None | str = None
    """ The last batch of this page; pass it as `after` for the next page. """
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
        field_dict["has_more"] = self.has_more
        object_ = self.object_
        if object_ is not None:
            field_dict["object"] = object_
        elif "object" in self._nulls:
            field_dict["object"] = None
        first_id = self.first_id
        if first_id is not None:
            field_dict["first_id"] = first_id
        elif "first_id" in self._nulls:
            field_dict["first_id"] = None
        last_id = self.last_id
        if last_id is not None:
            field_dict["last_id"] = last_id
        elif "last_id" in self._nulls:
            field_dict["last_id"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchList is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        data = [Batch.from_dict(_data_item) for _data_item in _d["data"]]
        has_more = _d["has_more"]
        object_ = _get("object")
        if object_ is None and "object" in _d:
            _nulls += ("object",)
        first_id = _get("first_id")
        if first_id is None and "first_id" in _d:
            _nulls += ("first_id",)
        last_id = _get("last_id")
        if last_id is None and "last_id" in _d:
            _nulls += ("last_id",)
        # Built without __init__: it would only copy the same values once more.
        batch_list = _new(cls)
        batch_list.data = data
        batch_list.has_more = has_more
        batch_list.object_ = object_
        batch_list.first_id = first_id
        batch_list.last_id = last_id
        batch_list.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch_list._nulls = _nulls
        batch_list._request_id = None
        return batch_list

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
    from ..models.batch import Batch

    globals().update(
        Batch=Batch,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch import BatchParam


class BatchListParam(TypedDict, total=False):
    """`BatchList` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    data: Required[Sequence[BatchParam | Batch]]
    has_more: Required[bool]
    object: str
    """ `list`. """
    first_id: str | None
    last_id: str | None
    """ The last batch of this page; pass it as `after` for the next page. """
