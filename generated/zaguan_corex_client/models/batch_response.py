from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.batch_response_body import BatchResponseBody


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "status_code",
        "request_id",
        "body",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchResponse:
    status_code: int
    request_id: str
    """ The request id the line ran under, as in the credits history. """
    body: BatchResponseBody
    """ The answer of the batch's `endpoint`, or an `ErrorResponse`. """
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
        field_dict["status_code"] = self.status_code
        field_dict["request_id"] = self.request_id
        field_dict["body"] = self.body.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchResponse is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        status_code = _d["status_code"]
        request_id = _d["request_id"]
        body = BatchResponseBody.from_dict(_d["body"])
        # Built without __init__: it would only copy the same values once more.
        batch_response = _new(cls)
        batch_response.status_code = status_code
        batch_response.request_id = request_id
        batch_response.body = body
        batch_response.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch_response._nulls = _nulls
        batch_response._request_id = None
        return batch_response

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
    from ..models.batch_response_body import BatchResponseBody

    globals().update(
        BatchResponseBody=BatchResponseBody,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.batch_response_body import BatchResponseBodyParam


class BatchResponseParam(TypedDict, total=False):
    """`BatchResponse` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    status_code: Required[int]
    request_id: Required[str]
    """ The request id the line ran under, as in the credits history. """
    body: Required[BatchResponseBodyParam]
    """ The answer of the batch's `endpoint`, or an `ErrorResponse`. """
