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
    from ..models.message_batch_request_item import MessageBatchRequestItem


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "requests",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""

LIMITS: dict[str, dict[str, int]] = {
    "requests": {
        "max_bytes": 268435456,
        "max_lines": 100000,
    },
}
"""Each limited field's `x-zaguan-limits` in the contract (``max_bytes``, ``max_lines``)."""


@_attrs_define(repr=False)
class MessageBatchCreateRequest:
    requests: list[MessageBatchRequestItem]
    """ The Messages requests to run, each with its `custom_id`: at most 100,000, and 256 MB
    (268,435,456 bytes) of request body.
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
        field_dict["requests"] = [
            _requests_item.to_dict() for _requests_item in self.requests
        ]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageBatchCreateRequest is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        requests = [
            MessageBatchRequestItem.from_dict(_requests_item)
            for _requests_item in _d["requests"]
        ]
        # Built without __init__: it would only copy the same values once more.
        message_batch_create_request = _new(cls)
        message_batch_create_request.requests = requests
        message_batch_create_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return message_batch_create_request

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
    from ..models.message_batch_request_item import MessageBatchRequestItem

    globals().update(
        MessageBatchRequestItem=MessageBatchRequestItem,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.message_batch_request_item import MessageBatchRequestItemParam


class MessageBatchCreateRequestParam(TypedDict, total=False):
    """`MessageBatchCreateRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    requests: Required[Sequence[MessageBatchRequestItemParam | MessageBatchRequestItem]]
    """ The Messages requests to run, each with its `custom_id`: at most 100,000, and 256 MB
    (268,435,456 bytes) of request body. """
