from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credits_history_entry import CreditsHistoryEntry


T = TypeVar("T", bound="CreditsHistory")


@_attrs_define
class CreditsHistory:
    entries: list[CreditsHistoryEntry]
    has_more: bool
    total: int | Unset = UNSET
    """ Entries matching the filters, over all pages. """
    next_cursor: None | str | Unset = UNSET
    """ Pass as `cursor` for the next page; null on the last page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        has_more = self.has_more

        total = self.total

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
                "has_more": has_more,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.credits_history_entry import CreditsHistoryEntry

        d = dict(src_dict)
        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = CreditsHistoryEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        has_more = d.pop("has_more")

        total = d.pop("total", UNSET)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        credits_history = cls(
            entries=entries,
            has_more=has_more,
            total=total,
            next_cursor=next_cursor,
        )

        credits_history.additional_properties = d
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
