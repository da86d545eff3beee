from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_endpoint import BatchEndpoint, check_batch_endpoint
from ..models.batch_request_input_method import (
    BatchRequestInputMethod,
    check_batch_request_input_method,
)
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.batch_request_input_body import BatchRequestInputBody


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "custom_id",
        "method",
        "url",
        "body",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchRequestInput:
    """One line of a batch's input file: a request to the batch's `endpoint`, with the caller's
    `custom_id` (unique within the file), which its output line carries. CoreX runs it under
    a request id derived from the batch id and the `custom_id`, and charges it once.

    """

    custom_id: str
    method: BatchRequestInputMethod
    url: BatchEndpoint
    """ The operation every request of a batch is sent to; each line's `url` must be it. """
    body: BatchRequestInputBody
    """ The request body of `url`'s operation (`ChatCompletionRequest`, `EmbeddingRequest`,
    `MessageRequest`); `stream` is not allowed.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["custom_id"] = self.custom_id
        field_dict["method"] = self.method
        field_dict["url"] = self.url
        field_dict["body"] = self.body.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchRequestInput is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        custom_id = _d["custom_id"]
        method = check_batch_request_input_method(_d["method"])
        url = check_batch_endpoint(_d["url"])
        body = BatchRequestInputBody.from_dict(_d["body"])
        # Built without __init__: it would only copy the same values once more.
        batch_request_input = _new(cls)
        batch_request_input.custom_id = custom_id
        batch_request_input.method = method
        batch_request_input.url = url
        batch_request_input.body = body
        batch_request_input.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return batch_request_input

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
    from ..models.batch_request_input_body import BatchRequestInputBody

    globals().update(
        BatchRequestInputBody=BatchRequestInputBody,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch_request_input_body import BatchRequestInputBodyParam


class BatchRequestInputParam(TypedDict, total=False):
    """`BatchRequestInput` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    custom_id: Required[str]
    method: Required[BatchRequestInputMethod]
    url: Required[BatchEndpoint]
    """ The operation every request of a batch is sent to; each line's `url` must be it. """
    body: Required[BatchRequestInputBodyParam]
    """ The request body of `url`'s operation (`ChatCompletionRequest`, `EmbeddingRequest`,
    `MessageRequest`); `stream` is not allowed.
     """
