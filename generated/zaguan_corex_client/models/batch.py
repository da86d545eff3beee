from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.batch_errors import BatchErrors
    from ..models.batch_metadata import BatchMetadata
    from ..models.batch_request_counts import BatchRequestCounts


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "object",
        "endpoint",
        "input_file_id",
        "completion_window",
        "status",
        "created_at",
        "request_counts",
        "errors",
        "output_file_id",
        "error_file_id",
        "in_progress_at",
        "expires_at",
        "finalizing_at",
        "completed_at",
        "failed_at",
        "expired_at",
        "cancelling_at",
        "cancelled_at",
        "metadata",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class Batch:
    """A batch. `status` is an open set: `validating` (the input file is being checked),
    `failed` (it broke a rule: see `errors`), `in_progress` (its requests run),
    `finalizing` (the result files are being written), `completed`, `expired` (the
    completion window ended first), `cancelling`, `cancelled`. `request_counts` counts the
    requests that ran: once a batch has ended, `completed` plus `failed` below `total` is
    how many never ran (cancelled or expired). `output_file_id` holds the lines that
    succeeded and `error_file_id` those that failed (and, for an expired batch, those that
    never ran, with the error `batch_expired`); each is null when it would be empty. Times
    are Unix seconds, null until the batch gets there.

    """

    id: str
    """ `batch_...`. """
    object_: str
    """ `batch`. """
    endpoint: str
    """ The operation its requests are sent to (`/v1/chat/completions`, ...). """
    input_file_id: str
    completion_window: str
    status: str
    """ See the schema's description (an open set). """
    created_at: int
    request_counts: BatchRequestCounts
    errors: BatchErrors | None = None
    """ Why validation failed the batch; null otherwise. """
    output_file_id: None | str = None
    error_file_id: None | str = None
    in_progress_at: int | None = None
    expires_at: int | None = None
    finalizing_at: int | None = None
    completed_at: int | None = None
    failed_at: int | None = None
    expired_at: int | None = None
    cancelling_at: int | None = None
    cancelled_at: int | None = None
    metadata: BatchMetadata | None = None
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
        field_dict["id"] = self.id
        field_dict["object"] = self.object_
        field_dict["endpoint"] = self.endpoint
        field_dict["input_file_id"] = self.input_file_id
        field_dict["completion_window"] = self.completion_window
        field_dict["status"] = self.status
        field_dict["created_at"] = self.created_at
        field_dict["request_counts"] = self.request_counts.to_dict()
        errors = self.errors
        if errors is not None:
            field_dict["errors"] = _serialize_batch_errors(errors)
        elif "errors" in self._nulls:
            field_dict["errors"] = None
        output_file_id = self.output_file_id
        if output_file_id is not None:
            field_dict["output_file_id"] = output_file_id
        elif "output_file_id" in self._nulls:
            field_dict["output_file_id"] = None
        error_file_id = self.error_file_id
        if error_file_id is not None:
            field_dict["error_file_id"] = error_file_id
        elif "error_file_id" in self._nulls:
            field_dict["error_file_id"] = None
        in_progress_at = self.in_progress_at
        if in_progress_at is not None:
            field_dict["in_progress_at"] = in_progress_at
        elif "in_progress_at" in self._nulls:
            field_dict["in_progress_at"] = None
        expires_at = self.expires_at
        if expires_at is not None:
            field_dict["expires_at"] = expires_at
        elif "expires_at" in self._nulls:
            field_dict["expires_at"] = None
        finalizing_at = self.finalizing_at
        if finalizing_at is not None:
            field_dict["finalizing_at"] = finalizing_at
        elif "finalizing_at" in self._nulls:
            field_dict["finalizing_at"] = None
        completed_at = self.completed_at
        if completed_at is not None:
            field_dict["completed_at"] = completed_at
        elif "completed_at" in self._nulls:
            field_dict["completed_at"] = None
        failed_at = self.failed_at
        if failed_at is not None:
            field_dict["failed_at"] = failed_at
        elif "failed_at" in self._nulls:
            field_dict["failed_at"] = None
        expired_at = self.expired_at
        if expired_at is not None:
            field_dict["expired_at"] = expired_at
        elif "expired_at" in self._nulls:
            field_dict["expired_at"] = None
        cancelling_at = self.cancelling_at
        if cancelling_at is not None:
            field_dict["cancelling_at"] = cancelling_at
        elif "cancelling_at" in self._nulls:
            field_dict["cancelling_at"] = None
        cancelled_at = self.cancelled_at
        if cancelled_at is not None:
            field_dict["cancelled_at"] = cancelled_at
        elif "cancelled_at" in self._nulls:
            field_dict["cancelled_at"] = None
        metadata = self.metadata
        if metadata is not None:
            field_dict["metadata"] = _serialize_batch_metadata(metadata)
        elif "metadata" in self._nulls:
            field_dict["metadata"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Batch is a JSON object, got {type(src_dict).__name__}")
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        object_ = _d["object"]
        endpoint = _d["endpoint"]
        input_file_id = _d["input_file_id"]
        completion_window = _d["completion_window"]
        status = _d["status"]
        created_at = _d["created_at"]
        request_counts = BatchRequestCounts.from_dict(_d["request_counts"])
        errors = _get("errors")
        if errors is not None:
            errors = _parse_batch_errors(errors)
        elif "errors" in _d:
            _nulls += ("errors",)
        output_file_id = _get("output_file_id")
        if output_file_id is None and "output_file_id" in _d:
            _nulls += ("output_file_id",)
        error_file_id = _get("error_file_id")
        if error_file_id is None and "error_file_id" in _d:
            _nulls += ("error_file_id",)
        in_progress_at = _get("in_progress_at")
        if in_progress_at is None and "in_progress_at" in _d:
            _nulls += ("in_progress_at",)
        expires_at = _get("expires_at")
        if expires_at is None and "expires_at" in _d:
            _nulls += ("expires_at",)
        finalizing_at = _get("finalizing_at")
        if finalizing_at is None and "finalizing_at" in _d:
            _nulls += ("finalizing_at",)
        completed_at = _get("completed_at")
        if completed_at is None and "completed_at" in _d:
            _nulls += ("completed_at",)
        failed_at = _get("failed_at")
        if failed_at is None and "failed_at" in _d:
            _nulls += ("failed_at",)
        expired_at = _get("expired_at")
        if expired_at is None and "expired_at" in _d:
            _nulls += ("expired_at",)
        cancelling_at = _get("cancelling_at")
        if cancelling_at is None and "cancelling_at" in _d:
            _nulls += ("cancelling_at",)
        cancelled_at = _get("cancelled_at")
        if cancelled_at is None and "cancelled_at" in _d:
            _nulls += ("cancelled_at",)
        metadata = _get("metadata")
        if metadata is not None:
            metadata = _parse_batch_metadata(metadata)
        elif "metadata" in _d:
            _nulls += ("metadata",)
        # Built without __init__: it would only copy the same values once more.
        batch = _new(cls)
        batch.id = id
        batch.object_ = object_
        batch.endpoint = endpoint
        batch.input_file_id = input_file_id
        batch.completion_window = completion_window
        batch.status = status
        batch.created_at = created_at
        batch.request_counts = request_counts
        batch.errors = errors
        batch.output_file_id = output_file_id
        batch.error_file_id = error_file_id
        batch.in_progress_at = in_progress_at
        batch.expires_at = expires_at
        batch.finalizing_at = finalizing_at
        batch.completed_at = completed_at
        batch.failed_at = failed_at
        batch.expired_at = expired_at
        batch.cancelling_at = cancelling_at
        batch.cancelled_at = cancelled_at
        batch.metadata = metadata
        batch.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch._nulls = _nulls
        batch._request_id = None
        return batch

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


def _parse_batch_errors(data: Any) -> BatchErrors | None:
    if isinstance(data, dict):
        try:
            return BatchErrors.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(BatchErrors | None, data)


def _serialize_batch_errors(data: Any) -> Any:
    if isinstance(data, BatchErrors):
        return data.to_dict()
    return data


def _parse_batch_metadata(data: Any) -> BatchMetadata | None:
    if isinstance(data, dict):
        try:
            return BatchMetadata.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(BatchMetadata | None, data)


def _serialize_batch_metadata(data: Any) -> Any:
    if isinstance(data, BatchMetadata):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.batch_errors import BatchErrors
    from ..models.batch_metadata import BatchMetadata
    from ..models.batch_request_counts import BatchRequestCounts

    globals().update(
        BatchErrors=BatchErrors,
        BatchMetadata=BatchMetadata,
        BatchRequestCounts=BatchRequestCounts,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch_errors import BatchErrorsParam
    from ..models.batch_metadata import BatchMetadataParam
    from ..models.batch_request_counts import BatchRequestCountsParam


class BatchParam(TypedDict, total=False):
    """`Batch` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    """ `batch_...`. """
    object: Required[str]
    """ `batch`. """
    endpoint: Required[str]
    """ The operation its requests are sent to (`/v1/chat/completions`, ...). """
    input_file_id: Required[str]
    completion_window: Required[str]
    status: Required[str]
    """ See the schema's description (an open set). """
    created_at: Required[int]
    request_counts: Required[BatchRequestCountsParam | BatchRequestCounts]
    errors: BatchErrorsParam | BatchErrors | None
    """ Why validation failed the batch; null otherwise. """
    output_file_id: str | None
    error_file_id: str | None
    in_progress_at: int | None
    expires_at: int | None
    finalizing_at: int | None
    completed_at: int | None
    failed_at: int | None
    expired_at: int | None
    cancelling_at: int | None
    cancelled_at: int | None
    metadata: BatchMetadataParam | None
