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
    from ..models.error_detail import ErrorDetail


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "error",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ErrorResponse:
    """The body of every non-2xx response, and of an error event inside a stream."""

    error: ErrorDetail
    """ What went wrong. `type` decides the meaning first, the status second. Known types:
    `invalid_request_error` (400, 422), `authentication_error` (401), `insufficient_credits`
    (402), `band_access_denied` and `permission_error` (403), `not_found_error` (404),
    `conflict_error` (409), `rate_limit_exceeded` (429), `server_error`, `provider_error`,
    `overloaded_error` (5xx). Extra fields depend on the type; unknown ones are kept.
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
        field_dict["error"] = self.error.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ErrorResponse is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        error = ErrorDetail.from_dict(_d["error"])
        # Built without __init__: it would only copy the same values once more.
        error_response = _new(cls)
        error_response.error = error
        error_response.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        error_response._nulls = _nulls
        error_response._request_id = None
        return error_response

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
    from ..models.error_detail import ErrorDetail

    globals().update(
        ErrorDetail=ErrorDetail,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetailParam


class ErrorResponseParam(TypedDict, total=False):
    """`ErrorResponse` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    error: Required[ErrorDetailParam | ErrorDetail]
    """ What went wrong. `type` decides the meaning first, the status second. Known types:
    `invalid_request_error` (400, 422), `authentication_error` (401), `insufficient_credits`
    (402), `band_access_denied` and `permission_error` (403), `not_found_error` (404),
    `conflict_error` (409), `rate_limit_exceeded` (429), `server_error`, `provider_error`,
    `overloaded_error` (5xx). Extra fields depend on the type; unknown ones are kept. """
