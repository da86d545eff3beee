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
    from ..models.message_request import MessageRequest


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "custom_id",
        "params",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageBatchRequestItem:
    custom_id: str
    """ The caller's id of this request, unique within the batch; its result carries it. """
    params: MessageRequest
    """ An Anthropic Messages request. Only the fields the caller sets are sent; fields this
    document does not list are passed through to the provider unchanged.
     """
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
        field_dict["custom_id"] = self.custom_id
        field_dict["params"] = self.params.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageBatchRequestItem is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        custom_id = _d["custom_id"]
        params = MessageRequest.from_dict(_d["params"])
        # Built without __init__: it would only copy the same values once more.
        message_batch_request_item = _new(cls)
        message_batch_request_item.custom_id = custom_id
        message_batch_request_item.params = params
        message_batch_request_item.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return message_batch_request_item

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
    from ..models.message_request import MessageRequest

    globals().update(
        MessageRequest=MessageRequest,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.message_request import MessageRequestParam


class MessageBatchRequestItemParam(TypedDict, total=False):
    """`MessageBatchRequestItem` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    custom_id: Required[str]
    """ The caller's id of this request, unique within the batch; its result carries it. """

    params: Required[MessageRequestParam | MessageRequest]
    """ An Anthropic Messages request. Only the fields the caller sets are sent; fields this
    document does not list are passed through to the provider unchanged. """
