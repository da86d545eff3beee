from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_create_request_completion_window import (
    BatchCreateRequestCompletionWindow,
    check_batch_create_request_completion_window,
)
from ..models.batch_endpoint import BatchEndpoint, check_batch_endpoint
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.batch_metadata import BatchMetadata


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "input_file_id",
        "endpoint",
        "completion_window",
        "metadata",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""

LIMITS: dict[str, dict[str, int]] = {
    "input_file_id": {
        "max_bytes": 209715200,
        "max_lines": 50000,
    },
}
"""Each limited field's `x-zaguan-limits` in the contract (``max_bytes``, ``max_lines``)."""


@_attrs_define(repr=False)
class BatchCreateRequest:
    input_file_id: str
    """ An uploaded file of purpose `batch`: JSON Lines of `BatchRequestInput`, at most 50,000
    lines and 200 MB (209,715,200 bytes).
     """
    endpoint: BatchEndpoint
    """ The operation every request of a batch is sent to; each line's `url` must be it. """
    completion_window: BatchCreateRequestCompletionWindow
    """ The time the batch has to finish; only `24h`. """
    metadata: BatchMetadata | Unset = UNSET
    """ Up to 16 key-value pairs stored with the batch (keys up to 64 characters, values up to 512). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["input_file_id"] = self.input_file_id
        field_dict["endpoint"] = self.endpoint
        field_dict["completion_window"] = self.completion_window
        metadata = self.metadata
        if not isinstance(metadata, Unset):
            field_dict["metadata"] = None if metadata is None else metadata.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchCreateRequest is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        input_file_id = _d["input_file_id"]
        endpoint = check_batch_endpoint(_d["endpoint"])
        completion_window = check_batch_create_request_completion_window(
            _d["completion_window"]
        )
        metadata = _get("metadata", UNSET)
        if metadata is not UNSET and metadata is not None:
            metadata = BatchMetadata.from_dict(metadata)
        # Built without __init__: it would only copy the same values once more.
        batch_create_request = _new(cls)
        batch_create_request.input_file_id = input_file_id
        batch_create_request.endpoint = endpoint
        batch_create_request.completion_window = completion_window
        batch_create_request.metadata = metadata
        batch_create_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return batch_create_request

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
    from ..models.batch_metadata import BatchMetadata

    globals().update(
        BatchMetadata=BatchMetadata,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch_metadata import BatchMetadataParam


class BatchCreateRequestParam(TypedDict, total=False):
    """`BatchCreateRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    input_file_id: Required[str]
    """ An uploaded file of purpose `batch`: JSON Lines of `BatchRequestInput`, at most 50,000
    lines and 200 MB (209,715,200 bytes).
     """
    endpoint: Required[BatchEndpoint]
    """ The operation every request of a batch is sent to; each line's `url` must be it. """
    completion_window: Required[BatchCreateRequestCompletionWindow]
    """ The time the batch has to finish; only `24h`. """
    metadata: BatchMetadataParam
    """ Up to 16 key-value pairs stored with the batch (keys up to 64 characters, values up to 512). """
