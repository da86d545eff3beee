"""A quick yes for values plainly valid under a simple schema, compiled from its keywords.

jsonschema costs ~100 us per batch input line on a loaded machine, most of it its own overhead:
120,000 lines took 15 s to validate. A schema made only of the keywords below (a batch's input
line is) compiles here to plain Python with the same meaning; a value it passes is valid. Any
other value, or a schema with another keyword, goes to jsonschema, which words the error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from ._spec import load_contract

__all__ = ["quick_check"]

Check = Callable[[Any], bool]
_TYPES: Mapping[str, type | tuple[type, ...]] = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}  # fmt: skip
_NOTES = frozenset({"description", "title", "example", "examples"})


@functools.cache
def quick_check(name: str) -> Check | None:
    """The quick check of the contract's component schema ``name``, or None when the schema
    uses a keyword this module does not know."""
    document = load_contract().document
    try:
        return _compile(document["components"]["schemas"][name], document)
    except LookupError:
        return None


def _compile(schema: Mapping[str, Any], document: Any) -> Check:
    if "$ref" in schema:
        if set(schema) - {"$ref"} - _NOTES:
            raise LookupError("$ref beside other keywords")
        *_, name = schema["$ref"].split("/")
        return _compile(document["components"]["schemas"][name], document)
    checks: list[Check] = []
    for keyword, value in schema.items():
        if keyword in _NOTES:
            continue
        checks.append(_keyword(keyword, value, document))
    return lambda value: all(check(value) for check in checks)


def _keyword(keyword: str, value: Any, document: Any) -> Check:  # noqa: PLR0911
    if keyword == "type" and value in _TYPES:
        kind = _TYPES[value]
        if value == "object":
            return lambda v: isinstance(v, dict)
        return lambda v: isinstance(v, kind) and (value == "boolean" or not isinstance(v, bool))
    if keyword == "enum":
        allowed = list(value)
        return lambda v: any(v == a and type(v) is type(a) for a in allowed)
    if keyword == "const":
        return lambda v: v == value and type(v) is type(value)
    if keyword == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= value
    if keyword == "maxLength":
        return lambda v: not isinstance(v, str) or len(v) <= value
    if keyword == "required":
        names = list(value)
        return lambda v: not isinstance(v, dict) or all(n in v for n in names)
    if keyword == "properties":
        inner = {name: _compile(sub, document) for name, sub in value.items()}
        return lambda v: (
            not isinstance(v, dict)
            or all(check(v[name]) for name, check in inner.items() if name in v)
        )
    raise LookupError(keyword)
