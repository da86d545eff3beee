from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "object",
        "bytes",
        "created_at",
        "filename",
        "purpose",
        "expires_at",
        "status",
        "status_details",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class FileObject:
    """A stored file (OpenAI's File object; `FileObject` here, as in `openai`, because `File` is
    the generated package's upload type).

    """

    id: str
    """ `file-...`. """
    object_: str
    """ `file`. """
    bytes_: int
    """ The file's size in bytes. """
    created_at: int
    """ When it was stored, in Unix seconds. """
    filename: str
    purpose: str
    """ `batch`, `batch_output`, `user_data`, ... (an open set). """
    expires_at: int | None = None
    """ When CoreX deletes it, in Unix seconds; null for never. """
    status: str | None = None
    """ `uploaded`, `processed` or `error` (an open set; OpenAI deprecates it). """
    status_details: None | str = None
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
        field_dict["id"] = self.id
        field_dict["object"] = self.object_
        field_dict["bytes"] = self.bytes_
        field_dict["created_at"] = self.created_at
        field_dict["filename"] = self.filename
        field_dict["purpose"] = self.purpose
        expires_at = self.expires_at
        if expires_at is not None:
            field_dict["expires_at"] = expires_at
        elif "expires_at" in self._nulls:
            field_dict["expires_at"] = None
        status = self.status
        if status is not None:
            field_dict["status"] = status
        elif "status" in self._nulls:
            field_dict["status"] = None
        status_details = self.status_details
        if status_details is not None:
            field_dict["status_details"] = status_details
        elif "status_details" in self._nulls:
            field_dict["status_details"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"FileObject is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        object_ = _d["object"]
        bytes_ = _d["bytes"]
        created_at = _d["created_at"]
        filename = _d["filename"]
        purpose = _d["purpose"]
        expires_at = _get("expires_at")
        if expires_at is None and "expires_at" in _d:
            _nulls += ("expires_at",)
        status = _get("status")
        if status is None and "status" in _d:
            _nulls += ("status",)
        status_details = _get("status_details")
        if status_details is None and "status_details" in _d:
            _nulls += ("status_details",)
        # Built without __init__: it would only copy the same values once more.
        file_object = _new(cls)
        file_object.id = id
        file_object.object_ = object_
        file_object.bytes_ = bytes_
        file_object.created_at = created_at
        file_object.filename = filename
        file_object.purpose = purpose
        file_object.expires_at = expires_at
        file_object.status = status
        file_object.status_details = status_details
        file_object.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        file_object._nulls = _nulls
        file_object._request_id = None
        return file_object

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


class FileObjectParam(TypedDict, total=False):
    """`FileObject` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    """ `file-...`. """
    object: Required[str]
    """ `file`. """
    bytes: Required[int]
    """ The file's size in bytes. """
    created_at: Required[int]
    """ When it was stored, in Unix seconds. """
    filename: Required[str]
    purpose: Required[str]
    """ `batch`, `batch_output`, `user_data`, ... (an open set). """
    expires_at: int | None
    """ When CoreX deletes it, in Unix seconds; null for never. """
    status: str
    """ `uploaded`, `processed` or `error` (an open set; OpenAI deprecates it). """
    status_details: str | None
