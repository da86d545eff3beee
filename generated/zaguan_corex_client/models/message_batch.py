from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.message_batch_request_counts import MessageBatchRequestCounts


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "processing_status",
        "request_counts",
        "created_at",
        "expires_at",
        "ended_at",
        "cancel_initiated_at",
        "archived_at",
        "results_url",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageBatch:
    """A message batch. `processing_status` is `in_progress`, `canceling` or `ended` (an open
    set); results can be read once it is `ended`, until 29 days after `created_at`.

    """

    id: str
    type_: str
    """ `message_batch`. """
    processing_status: str
    """ `in_progress`, `canceling`, `ended` (an open set). """
    request_counts: MessageBatchRequestCounts
    """ How many requests are in each state; the counts add up to the batch's size once it has ended. """
    created_at: datetime.datetime
    expires_at: datetime.datetime
    """ When unfinished requests expire, 24 hours after `created_at`. """
    ended_at: datetime.datetime | None = None
    """ When processing ended; null until then. """
    cancel_initiated_at: datetime.datetime | None = None
    archived_at: datetime.datetime | None = None
    results_url: None | str = None
    """ Where the results are (`GET .../results`); null until the batch has ended. """
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
                "type_": "type",
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
        field_dict["type"] = self.type_
        field_dict["processing_status"] = self.processing_status
        field_dict["request_counts"] = self.request_counts.to_dict()
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["expires_at"] = self.expires_at.isoformat()
        ended_at = self.ended_at
        if ended_at is not None:
            field_dict["ended_at"] = _serialize_message_batch_ended_at(ended_at)
        elif "ended_at" in self._nulls:
            field_dict["ended_at"] = None
        cancel_initiated_at = self.cancel_initiated_at
        if cancel_initiated_at is not None:
            field_dict["cancel_initiated_at"] = (
                _serialize_message_batch_cancel_initiated_at(cancel_initiated_at)
            )
        elif "cancel_initiated_at" in self._nulls:
            field_dict["cancel_initiated_at"] = None
        archived_at = self.archived_at
        if archived_at is not None:
            field_dict["archived_at"] = _serialize_message_batch_archived_at(
                archived_at
            )
        elif "archived_at" in self._nulls:
            field_dict["archived_at"] = None
        results_url = self.results_url
        if results_url is not None:
            field_dict["results_url"] = results_url
        elif "results_url" in self._nulls:
            field_dict["results_url"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageBatch is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        type_ = _d["type"]
        processing_status = _d["processing_status"]
        request_counts = MessageBatchRequestCounts.from_dict(_d["request_counts"])
        created_at = datetime.datetime.fromisoformat(_d["created_at"])
        expires_at = datetime.datetime.fromisoformat(_d["expires_at"])
        ended_at = _get("ended_at")
        if ended_at is not None:
            ended_at = _parse_message_batch_ended_at(ended_at)
        elif "ended_at" in _d:
            _nulls += ("ended_at",)
        cancel_initiated_at = _get("cancel_initiated_at")
        if cancel_initiated_at is not None:
            cancel_initiated_at = _parse_message_batch_cancel_initiated_at(
                cancel_initiated_at
            )
        elif "cancel_initiated_at" in _d:
            _nulls += ("cancel_initiated_at",)
        archived_at = _get("archived_at")
        if archived_at is not None:
            archived_at = _parse_message_batch_archived_at(archived_at)
        elif "archived_at" in _d:
            _nulls += ("archived_at",)
        results_url = _get("results_url")
        if results_url is None and "results_url" in _d:
            _nulls += ("results_url",)
        # Built without __init__: it would only copy the same values once more.
        message_batch = _new(cls)
        message_batch.id = id
        message_batch.type_ = type_
        message_batch.processing_status = processing_status
        message_batch.request_counts = request_counts
        message_batch.created_at = created_at
        message_batch.expires_at = expires_at
        message_batch.ended_at = ended_at
        message_batch.cancel_initiated_at = cancel_initiated_at
        message_batch.archived_at = archived_at
        message_batch.results_url = results_url
        message_batch.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        message_batch._nulls = _nulls
        message_batch._request_id = None
        return message_batch

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


def _parse_message_batch_ended_at(data: Any) -> datetime.datetime | None:
    if isinstance(data, str):
        try:
            return datetime.datetime.fromisoformat(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None, data)


def _serialize_message_batch_ended_at(data: Any) -> Any:
    if isinstance(data, datetime.datetime):
        return data.isoformat()
    return data


def _parse_message_batch_cancel_initiated_at(data: Any) -> datetime.datetime | None:
    if isinstance(data, str):
        try:
            return datetime.datetime.fromisoformat(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None, data)


def _serialize_message_batch_cancel_initiated_at(data: Any) -> Any:
    if isinstance(data, datetime.datetime):
        return data.isoformat()
    return data


def _parse_message_batch_archived_at(data: Any) -> datetime.datetime | None:
    if isinstance(data, str):
        try:
            return datetime.datetime.fromisoformat(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None, data)


def _serialize_message_batch_archived_at(data: Any) -> Any:
    if isinstance(data, datetime.datetime):
        return data.isoformat()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.message_batch_request_counts import MessageBatchRequestCounts

    globals().update(
        MessageBatchRequestCounts=MessageBatchRequestCounts,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.message_batch_request_counts import MessageBatchRequestCountsParam


class MessageBatchParam(TypedDict, total=False):
    """`MessageBatch` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]

    type: Required[str]
    """ `message_batch`. """

    processing_status: Required[str]
    """ `in_progress`, `canceling`, `ended` (an open set). """

    request_counts: Required[MessageBatchRequestCountsParam | MessageBatchRequestCounts]
    """ How many requests are in each state; the counts add up to the batch's size once it has ended. """

    created_at: Required[datetime.datetime | str]

    expires_at: Required[datetime.datetime | str]
    """ When unfinished requests expire, 24 hours after `created_at`. """

    ended_at: datetime.datetime | str | None
    """ When processing ended; null until then. """

    cancel_initiated_at: datetime.datetime | str | None

    archived_at: datetime.datetime | str | None

    results_url: str | None
    """ Where the results are (`GET .../results`); null until the batch has ended. """
