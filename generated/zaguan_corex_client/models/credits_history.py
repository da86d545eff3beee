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
    from ..models.credits_history_entry import CreditsHistoryEntry


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "entries",
        "has_more",
        "total",
        "next_cursor",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class CreditsHistory:
    entries: list[CreditsHistoryEntry]
    has_more: bool
    total: int | None = None
    """ Entries matching the filters, over all pages. """
    next_cursor: None | str = None
    """ Pass as `cursor` for the next page; null on the last page. """
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
        field_dict["entries"] = [
            _entries_item.to_dict() for _entries_item in self.entries
        ]
        field_dict["has_more"] = self.has_more
        total = self.total
        if total is not None:
            field_dict["total"] = total
        elif "total" in self._nulls:
            field_dict["total"] = None
        next_cursor = self.next_cursor
        if next_cursor is not None:
            field_dict["next_cursor"] = next_cursor
        elif "next_cursor" in self._nulls:
            field_dict["next_cursor"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"CreditsHistory is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        entries = [
            CreditsHistoryEntry.from_dict(_entries_item)
            for _entries_item in _d["entries"]
        ]
        has_more = _d["has_more"]
        total = _get("total")
        if total is None and "total" in _d:
            _nulls += ("total",)
        next_cursor = _get("next_cursor")
        if next_cursor is None and "next_cursor" in _d:
            _nulls += ("next_cursor",)
        # Built without __init__: it would only copy the same values once more.
        credits_history = _new(cls)
        credits_history.entries = entries
        credits_history.has_more = has_more
        credits_history.total = total
        credits_history.next_cursor = next_cursor
        credits_history.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        credits_history._nulls = _nulls
        credits_history._request_id = None
        return credits_history

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
    from ..models.credits_history_entry import CreditsHistoryEntry

    globals().update(
        CreditsHistoryEntry=CreditsHistoryEntry,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.credits_history_entry import CreditsHistoryEntryParam


class CreditsHistoryParam(TypedDict, total=False):
    """`CreditsHistory` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    entries: Required[Sequence[CreditsHistoryEntryParam | CreditsHistoryEntry]]

    has_more: Required[bool]

    total: int
    """ Entries matching the filters, over all pages. """

    next_cursor: str | None
    """ Pass as `cursor` for the next page; null on the last page. """
