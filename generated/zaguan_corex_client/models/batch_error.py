from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "code",
        "message",
        "param",
        "line",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchError:
    """One fault of the input file. Known codes (an open set): `empty_file`, `file_too_large`,
    `too_many_requests`, `invalid_utf8`, `invalid_json_line`, `invalid_request` (a field of
    `BatchRequestInput` missing or wrong, `param` names it), `invalid_method`,
    `mismatched_url`, `duplicate_custom_id`.

    """

    code: str
    message: str
    param: None | str = None
    line: int | None = None
    """ The line of the input file at fault, from 1; null for the file as a whole. """
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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["code"] = self.code
        field_dict["message"] = self.message
        param = self.param
        if param is not None:
            field_dict["param"] = param
        elif "param" in self._nulls:
            field_dict["param"] = None
        line = self.line
        if line is not None:
            field_dict["line"] = line
        elif "line" in self._nulls:
            field_dict["line"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchError is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        code = _d["code"]
        message = _d["message"]
        param = _get("param")
        if param is None and "param" in _d:
            _nulls += ("param",)
        line = _get("line")
        if line is None and "line" in _d:
            _nulls += ("line",)
        # Built without __init__: it would only copy the same values once more.
        batch_error = _new(cls)
        batch_error.code = code
        batch_error.message = message
        batch_error.param = param
        batch_error.line = line
        batch_error.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        batch_error._nulls = _nulls
        batch_error._request_id = None
        return batch_error

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


from typing import Required, TypedDict


class BatchErrorParam(TypedDict, total=False):
    """`BatchError` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    code: Required[str]
    message: Required[str]
    param: str | None
    line: int | None
    """ The line of the input file at fault, from 1; null for the file as a whole. """
