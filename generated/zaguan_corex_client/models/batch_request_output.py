from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.batch_request_error import BatchRequestError
    from ..models.batch_response import BatchResponse


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "custom_id",
        "response",
        "error",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchRequestOutput:
    """One line of a batch's output or error file, in no particular order (match lines by
    `custom_id`). A line that succeeded has `response` with `status_code` 200 and `error`
    null; a line that failed has `error` and, when CoreX answered it, `response` with the
    error status and the `ErrorResponse` as `body`.

    """

    id: str
    """ `batch_req_...`. """
    custom_id: str
    response: BatchResponse | None = None
    error: BatchRequestError | None = None
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
        field_dict["custom_id"] = self.custom_id
        response = self.response
        if response is not None:
            field_dict["response"] = _serialize_batch_request_output_response(response)
        elif "response" in self._nulls:
            field_dict["response"] = None
        error = self.error
        if error is not None:
            field_dict["error"] = _serialize_batch_request_output_error(error)
        elif "error" in self._nulls:
            field_dict["error"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchRequestOutput is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        custom_id = _d["custom_id"]
        response = _get("response")
        if response is not None:
            response = _parse_batch_request_output_response(response)
        elif "response" in _d:
            _nulls += ("response",)
        error = _get("error")
        if error is not None:
            error = _parse_batch_request_output_error(error)
        elif "error" in _d:
            _nulls += ("error",)
        # Built without __init__: it would only copy the same values once more.
        batch_request_output = _new(cls)
        batch_request_output.id = id
        batch_request_output.custom_id = custom_id
        batch_request_output.response = response
        batch_request_output.error = error
        batch_request_output.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch_request_output._nulls = _nulls
        batch_request_output._request_id = None
        return batch_request_output

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


def _parse_batch_request_output_response(data: Any) -> BatchResponse | None:
    if isinstance(data, dict):
        try:
            return BatchResponse.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(BatchResponse | None, data)


def _serialize_batch_request_output_response(data: Any) -> Any:
    if isinstance(data, BatchResponse):
        return data.to_dict()
    return data


def _parse_batch_request_output_error(data: Any) -> BatchRequestError | None:
    if isinstance(data, dict):
        try:
            return BatchRequestError.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(BatchRequestError | None, data)


def _serialize_batch_request_output_error(data: Any) -> Any:
    if isinstance(data, BatchRequestError):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.batch_request_error import BatchRequestError
    from ..models.batch_response import BatchResponse

    globals().update(
        BatchRequestError=BatchRequestError,
        BatchResponse=BatchResponse,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch_request_error import BatchRequestErrorParam
    from ..models.batch_response import BatchResponseParam


class BatchRequestOutputParam(TypedDict, total=False):
    """`BatchRequestOutput` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    """ `batch_req_...`. """
    custom_id: Required[str]
    response: BatchResponseParam | BatchResponse | None
    error: BatchRequestErrorParam | BatchRequestError | None
