from __future__ import annotations

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
    from ..models.message_batch_canceled_result import MessageBatchCanceledResult
    from ..models.message_batch_errored_result import MessageBatchErroredResult
    from ..models.message_batch_expired_result import MessageBatchExpiredResult
    from ..models.message_batch_succeeded_result import MessageBatchSucceededResult
    from ..models.unknown_message_batch_result import UnknownMessageBatchResult


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "custom_id",
        "result",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageBatchIndividualResponse:
    """One line of a batch's results."""

    custom_id: str
    result: (
        MessageBatchCanceledResult
        | MessageBatchErroredResult
        | MessageBatchExpiredResult
        | MessageBatchSucceededResult
        | UnknownMessageBatchResult
    )
    """ The outcome of one request, told apart by `type`: `succeeded` (with the `message`),
    `errored` (with the `error`), `canceled`, `expired`; a later type is kept as
    `UnknownMessageBatchResult`.
     """
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
        field_dict["custom_id"] = self.custom_id
        field_dict["result"] = _serialize_message_batch_individual_response_result(
            self.result
        )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageBatchIndividualResponse is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        custom_id = _d["custom_id"]
        result = _parse_message_batch_individual_response_result(_d["result"])
        # Built without __init__: it would only copy the same values once more.
        message_batch_individual_response = _new(cls)
        message_batch_individual_response.custom_id = custom_id
        message_batch_individual_response.result = result
        message_batch_individual_response.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        message_batch_individual_response._nulls = _nulls
        message_batch_individual_response._request_id = None
        return message_batch_individual_response

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


def _parse_message_batch_individual_response_result(
    data: Any,
) -> (
    MessageBatchCanceledResult
    | MessageBatchErroredResult
    | MessageBatchExpiredResult
    | MessageBatchSucceededResult
    | UnknownMessageBatchResult
):
    if isinstance(data, dict):
        try:
            return MessageBatchSucceededResult.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return MessageBatchErroredResult.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return MessageBatchCanceledResult.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return MessageBatchExpiredResult.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return UnknownMessageBatchResult.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        MessageBatchCanceledResult
        | MessageBatchErroredResult
        | MessageBatchExpiredResult
        | MessageBatchSucceededResult
        | UnknownMessageBatchResult,
        data,
    )


def _serialize_message_batch_individual_response_result(data: Any) -> Any:
    if isinstance(data, MessageBatchSucceededResult):
        return data.to_dict()
    if isinstance(data, MessageBatchErroredResult):
        return data.to_dict()
    if isinstance(data, MessageBatchCanceledResult):
        return data.to_dict()
    if isinstance(data, MessageBatchExpiredResult):
        return data.to_dict()
    if isinstance(data, UnknownMessageBatchResult):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.message_batch_canceled_result import MessageBatchCanceledResult
    from ..models.message_batch_errored_result import MessageBatchErroredResult
    from ..models.message_batch_expired_result import MessageBatchExpiredResult
    from ..models.message_batch_succeeded_result import MessageBatchSucceededResult
    from ..models.unknown_message_batch_result import UnknownMessageBatchResult

    globals().update(
        MessageBatchCanceledResult=MessageBatchCanceledResult,
        MessageBatchErroredResult=MessageBatchErroredResult,
        MessageBatchExpiredResult=MessageBatchExpiredResult,
        MessageBatchSucceededResult=MessageBatchSucceededResult,
        UnknownMessageBatchResult=UnknownMessageBatchResult,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.message_batch_canceled_result import MessageBatchCanceledResultParam
    from ..models.message_batch_errored_result import MessageBatchErroredResultParam
    from ..models.message_batch_expired_result import MessageBatchExpiredResultParam
    from ..models.message_batch_succeeded_result import MessageBatchSucceededResultParam
    from ..models.unknown_message_batch_result import UnknownMessageBatchResultParam


class MessageBatchIndividualResponseParam(TypedDict, total=False):
    """`MessageBatchIndividualResponse` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    custom_id: Required[str]

    result: Required[
        MessageBatchSucceededResultParam
        | MessageBatchSucceededResult
        | MessageBatchErroredResultParam
        | MessageBatchErroredResult
        | MessageBatchCanceledResultParam
        | MessageBatchCanceledResult
        | MessageBatchExpiredResultParam
        | MessageBatchExpiredResult
        | UnknownMessageBatchResultParam
        | UnknownMessageBatchResult
    ]
    """ The outcome of one request, told apart by `type`: `succeeded` (with the `message`),
    `errored` (with the `error`), `canceled`, `expired`; a later type is kept as
    `UnknownMessageBatchResult`. """
