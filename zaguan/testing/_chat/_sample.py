"""A deterministic value that a JSON Schema accepts: ``json_schema`` replies and tool arguments.

What pydantic, dataclasses and hand-written schemas use is covered: local ``$ref`` (``#``,
``#/$defs/...``, ``#/definitions/...``, any JSON Pointer into the root), ``allOf``, ``anyOf``
and ``oneOf`` (their first branch), nullable types (``null``: the simplest valid value, as for
an optional field left out), ``const``, ``enum`` (its first value), ``format`` (`FORMATS`),
string lengths, number bounds, arrays with ``minItems`` and ``prefixItems``. A recursive schema
ends where it repeats itself: past the first repeat of a ``$ref`` (or `SHALLOW` levels of
nesting), arrays take their fewest items and objects their required properties only. Past
`DEEPEST` levels a value is ``null``: only a schema with no finite instance goes that far; so
is every value past `BUDGET`. Pure, no clock, no randomness.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "sample"]

#: A valid value per string ``format``; the timestamp is the server's fixed ``created`` time.
FORMATS: Mapping[str, str] = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "00:00:00Z",
    "duration": "PT1S",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "uri": "https://example.com/",
    "iri": "https://example.com/",
    "uri-reference": "https://example.com/",
    "url": "https://example.com/",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
SHALLOW = 8
DEEPEST = 32
#: What one sample may make: values, plus the characters padding strings to ``minLength``. A
#: ``minItems`` of a billion, nested, would fill the memory; past the budget, values are null.
BUDGET = 100_000
_STRING = "example"


@dataclass(frozen=True, slots=True)
class _Place:
    """Where the sampler is: the ``$ref``s being expanded and the nesting depth."""

    refs: tuple[str, ...] = ()
    depth: int = 0

    @property
    def shallow(self) -> bool:
        """Whether to take the shortest way out: a ``$ref`` repeated, or nested deep."""
        return len(set(self.refs)) < len(self.refs) or self.depth >= SHALLOW

    def inside(self) -> _Place:
        return _Place(self.refs, self.depth + 1)


def sample(schema: object) -> object:
    """A value `schema` accepts (``None`` when it is not a schema object)."""
    return _Sampler(schema).value(schema, _Place())


class _Sampler:
    def __init__(self, root: object) -> None:
        self.root = root
        self.left = BUDGET

    def value(self, schema: object, place: _Place) -> object:
        self.left -= 1
        too_far = max(place.depth, len(place.refs)) > DEEPEST  # `$ref`s may nest without depth
        if not isinstance(schema, dict) or too_far or self.left < 0:
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.resolve(ref)
            merged = None if target is None else {**target, **_without(schema, "$ref")}
            return self.value(merged, _Place((*place.refs, ref), place.depth))
        return self.chosen(schema, place)

    def chosen(self, schema: dict[str, Any], place: _Place) -> object:
        """A value of a schema without ``$ref``: its ``const``, ``enum``, combination or type."""
        if "const" in schema:
            return schema["const"]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            return enum[0]
        if isinstance(schema.get("allOf"), list):
            return self.all_of(schema, place)
        branches = schema.get("anyOf", schema.get("oneOf"))
        if isinstance(branches, list) and branches:
            return self.value(_choose(branches), place)
        return self.typed(schema, _type(schema), place)

    def resolve(self, ref: str) -> dict[str, Any] | None:
        """The schema a local ``$ref`` points at (``#``, ``#/$defs/Node``); None otherwise."""
        if not ref.startswith("#"):
            return None
        target: object = self.root
        for token in filter(None, ref[1:].split("/")):
            key = token.replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict):
                target = target.get(key)
            elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
                target = target[int(key)]
            else:
                return None
        return target if isinstance(target, dict) else None

    def all_of(self, schema: dict[str, Any], place: _Place) -> object:
        rest = _without(schema, "allOf")
        parts = [self.value(part, place) for part in (*schema["allOf"], rest)]
        objects = [part for part in parts if isinstance(part, dict)]
        if objects:
            return {key: value for part in objects for key, value in part.items()}
        return next((part for part in parts if part is not None), None)

    def typed(self, schema: dict[str, Any], kind: str | None, place: _Place) -> object:
        if kind == "object":
            return self.object_value(schema, place)
        if kind == "array":
            return self.array_value(schema, place)
        if kind == "string":
            text = _string(schema, longest=max(self.left, 0))
            self.left -= len(text)
            return text
        if kind in ("integer", "number"):
            return _number(schema, kind)
        return {"boolean": True}.get(kind or "")

    def object_value(self, schema: dict[str, Any], place: _Place) -> dict[str, object]:
        properties = schema.get("properties")
        items = properties.items() if isinstance(properties, dict) else ()
        required = schema.get("required")
        needed = set(required) if isinstance(required, list) else set()
        inner = place.inside()
        return {
            name: self.value(sub, inner)
            for name, sub in items
            if name in needed or not place.shallow
        }

    def array_value(self, schema: dict[str, Any], place: _Place) -> list[object]:
        inner = place.inside()
        items = schema.get("items")
        prefix = schema.get("prefixItems", items if isinstance(items, list) else None)
        made = [self.value(sub, inner) for sub in prefix] if isinstance(prefix, list) else []
        least = _count(schema.get("minItems"), 0) or 0
        usual = len(made) if made or place.shallow else 1
        wanted = max(least, usual)
        most = _count(schema.get("maxItems"), None)
        wanted = wanted if most is None else min(wanted, most)
        if isinstance(items, dict):
            more = min(wanted - len(made), max(self.left, 0))
            made += [self.value(items, inner) for _ in range(more)]
        return made[:wanted]


def _without(schema: dict[str, Any], key: str) -> dict[str, Any]:
    return {name: value for name, value in schema.items() if name != key}


def _count(value: object, default: int | None) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type", _implied_type(schema))
    if isinstance(kind, list):
        kinds = [k for k in kind if isinstance(k, str)]
        return "null" if "null" in kinds else next(iter(kinds), None)
    return kind if isinstance(kind, str) else None


def _implied_type(schema: dict[str, Any]) -> str | None:
    if "properties" in schema:
        return "object"
    return "array" if "items" in schema or "prefixItems" in schema else None


def _choose(branches: list[Any]) -> object:
    """The branch to sample: ``null`` if there is one, else the first."""
    nulls = [b for b in branches if isinstance(b, dict) and b.get("type") == "null"]
    return (nulls or branches)[0]


def _string(schema: dict[str, Any], longest: int) -> str:
    fmt = schema.get("format")
    text = FORMATS.get(fmt, _STRING) if isinstance(fmt, str) else _STRING
    least = _count(schema.get("minLength"), 0) or 0
    most = _count(schema.get("maxLength"), None)
    if len(text) < least:
        text += "x" * (min(least, longest) - len(text))
    return text[:most] if most is not None else text


def _number(schema: dict[str, Any], kind: str) -> int | float:
    """1 (an integer) or 1.5, moved inside the schema's bounds and onto its ``multipleOf``."""
    low, high = _bound(schema, "minimum"), _bound(schema, "maximum")
    above, below = _bound(schema, "exclusiveMinimum"), _bound(schema, "exclusiveMaximum")
    step = 1.0 if kind == "integer" else 0.5
    value = 1.0 if kind == "integer" else 1.5
    if above is not None and value <= above:
        value = above + step
    if low is not None and value < low:
        value = low
    if below is not None and value >= below:
        value = below - step
    if high is not None and value > high:
        value = high
    multiple = _bound(schema, "multipleOf")
    if multiple and value % multiple:
        value = math.ceil(value / multiple) * multiple
    return math.ceil(value) if kind == "integer" else value


def _bound(schema: dict[str, Any], key: str) -> float | None:
    value = schema.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)
