from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.error_response import ErrorResponse


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "error",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageBatchErroredResult:
    """The request failed; `error` is an `ErrorResponse` (Anthropic adds `"type": "error"`, kept)."""

    type_: Literal["errored"]
    error: ErrorResponse
    """ The body of every non-2xx response, and of an error event inside a stream. """
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
        field_dict["type"] = self.type_
        field_dict["error"] = self.error.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageBatchErroredResult is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        type_: Literal["errored"] = check_const(_d["type"], "errored", "type")
        error = ErrorResponse.from_dict(_d["error"])
        # Built without __init__: it would only copy the same values once more.
        message_batch_errored_result = _new(cls)
        message_batch_errored_result.type_ = type_
        message_batch_errored_result.error = error
        message_batch_errored_result.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        message_batch_errored_result._nulls = _nulls
        message_batch_errored_result._request_id = None
        return message_batch_errored_result

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
    from ..models.error_response import ErrorResponse

    globals().update(
        ErrorResponse=ErrorResponse,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.error_response import ErrorResponseParam


class MessageBatchErroredResultParam(TypedDict, total=False):
    """`MessageBatchErroredResult` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["errored"]]

    error: Required[ErrorResponseParam | ErrorResponse]
    """ The body of every non-2xx response, and of an error event inside a stream. """
