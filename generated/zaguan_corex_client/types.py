"""Contains some shared types for properties, and the helpers every generated model uses.

(A project template, openapi/templates/types.py.jinja: `Unset` survives copy and pickle, and
models share one readable, bounded repr.)
"""

import json
import os
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeAlias, TypeVar

from attrs import NOTHING, define


class Unset:
    """The type of `UNSET`: a request field the caller left out, so it is not sent."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # The global's name: copy, deepcopy and pickle keep the one instance, so that
        # `is UNSET` and `to_dict()` still work on a copy.
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


FileInput: TypeAlias = (
    File
    | bytes
    | IO[bytes]
    | str
    | os.PathLike[str]
    | tuple[str | None, bytes | IO[bytes]]
    | tuple[str | None, bytes | IO[bytes], str | None]
)
"""What a file field accepts in a ``*Param`` TypedDict: a path, bytes, an open binary file,
``(filename, content)`` or ``(filename, content, content_type)``, or a `File`."""

T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


REPR_STRING = 200
"""Characters of a string shown in a model's repr; the rest is counted, not shown."""
REPR_ITEMS = 10
"""Items of a list or dict shown in a model's repr."""


def model_repr(model: Any, renamed: Mapping[str, str] = {}) -> str:  # read only
    """``Name(field=value, ...)``: required fields always, optional ones only when set (or an
    explicit null), unknown fields only when there are some; long strings and containers are cut (`REPR_STRING`,
    `REPR_ITEMS`), so a 5 MB base64 field cannot flood a log. A field is named by its JSON key
    (``object``, not ``object_``: ``renamed``), as `to_dict()` and the wire name it."""
    parts: list[str] = []
    nulls = getattr(model, "_nulls", ())  # explicit nulls are shown: they were sent
    for field in type(model).__attrs_attrs__:
        value = getattr(model, field.name)
        if not field.repr or (field.name == "additional_properties" and not value):
            continue
        if field.default is not NOTHING and value is UNSET:
            continue
        if field.default is not NOTHING and value is None and field.name not in nulls:
            continue
        parts.append(f"{renamed.get(field.name, field.name)}={short_repr(value)}")
    return f"{type(model).__name__}({', '.join(parts)})"


def model_dump(model: Any, *, exclude_none: bool = False) -> dict[str, Any]:
    """A model's ``model_dump()``: its `to_dict()` (JSON keys, JSON values), for the pydantic
    habit; ``exclude_none`` leaves out every null, nested ones included."""
    data: dict[str, Any] = model.to_dict()
    return _without_none(data) if exclude_none else data


def model_dump_json(
    model: Any, *, indent: int | None = None, exclude_none: bool = False
) -> str:
    """A model's ``model_dump_json()``: `model_dump` as JSON text (non-ASCII kept as is)."""
    return json.dumps(
        model_dump(model, exclude_none=exclude_none), indent=indent, ensure_ascii=False
    )


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: _without_none(item) for key, item in value.items() if item is not None
        }
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value


def short_repr(value: Any) -> str:
    """`repr`, with strings, lists and dicts cut to `REPR_STRING` / `REPR_ITEMS`."""
    if isinstance(value, str) and len(value) > REPR_STRING:
        return f"{value[:REPR_STRING]!r}...(+{len(value) - REPR_STRING} chars)"
    if isinstance(value, list):
        return (
            "["
            + _join([short_repr(item) for item in value[:REPR_ITEMS]], len(value))
            + "]"
        )
    if isinstance(value, dict):
        shown = list(value.items())[:REPR_ITEMS]
        return (
            "{" + _join([f"{k!r}: {short_repr(v)}" for k, v in shown], len(value)) + "}"
        )
    return repr(value)


def _join(shown: list[str], total: int) -> str:
    more = total - len(shown)
    return ", ".join([*shown, f"...(+{more} more)"] if more > 0 else shown)


def check_const(value: Any, expected: T, name: str) -> T:
    """``value`` if it equals the schema's ``const``, else `ValueError` naming the field."""
    if value != expected:
        raise ValueError(f"{name} must be {expected!r}, got {value!r}")
    return expected


__all__ = [
    "REPR_ITEMS",
    "REPR_STRING",
    "UNSET",
    "File",
    "FileInput",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "check_const",
    "model_dump",
    "model_dump_json",
    "model_repr",
    "short_repr",
]
