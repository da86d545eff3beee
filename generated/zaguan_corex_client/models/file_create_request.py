from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_purpose import FilePurpose, check_file_purpose
from ..types import File, RequestFiles, model_repr

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "file",
        "purpose",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""

LIMITS: dict[str, dict[str, int]] = {
    "file": {
        "max_bytes": 536870912,
    },
}
"""Each limited field's `x-zaguan-limits` in the contract (``max_bytes``, ``max_lines``)."""


@_attrs_define(repr=False)
class FileCreateRequest:
    """A file upload, sent as `multipart/form-data`."""

    file: File
    """ The file, with its file name; at most 512 MB (536,870,912 bytes). A batch's input is
    JSON Lines of `BatchRequestInput`.
     """
    purpose: FilePurpose | str
    """ What the file is for; `batch` for a batch's input. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["file"] = self.file
        field_dict["purpose"] = _serialize_file_create_request_purpose(self.purpose)
        return field_dict

    def to_multipart(self) -> RequestFiles:
        """The body as `multipart/form-data` parts, for ``httpx``'s ``files=``."""
        files: RequestFiles = []
        files.append(("file", self.file.to_tuple()))
        files.append(("purpose", (None, str(self.purpose).encode(), "text/plain")))
        for key, value in self.additional_properties.items():
            # Unknown fields: text as it is, anything else as JSON (never a Python repr).
            text = value if isinstance(value, str) else json.dumps(value)
            files.append((key, (None, text.encode(), "text/plain")))
        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"FileCreateRequest is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        file = _d["file"]
        purpose = _parse_file_create_request_purpose(_d["purpose"])
        # Built without __init__: it would only copy the same values once more.
        file_create_request = _new(cls)
        file_create_request.file = file
        file_create_request.purpose = purpose
        file_create_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return file_create_request

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


def _parse_file_create_request_purpose(data: Any) -> FilePurpose | str:
    try:
        return check_file_purpose(data)
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(FilePurpose | str, data)


def _serialize_file_create_request_purpose(data: Any) -> Any:
    return data


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..types import FileInput


class FileCreateRequestParam(TypedDict, total=False):
    """`FileCreateRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    file: Required[FileInput]
    """ The file, with its file name; at most 512 MB (536,870,912 bytes). A batch's input is
    JSON Lines of `BatchRequestInput`.
     """
    purpose: Required[FilePurpose]
    """ What the file is for; `batch` for a batch's input. """
