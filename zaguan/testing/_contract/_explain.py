"""A jsonschema error, told as a 400's `param` and message: ``'messages[0].role' is required``.

Only the wording lives here; what is allowed comes from the schema that failed (`describe`), so
a new field, bound or enum in the contract is explained with no edit.

For `oneOf`/`anyOf` the branch the value was meant for is found first: a branch is the wrong
one when the value is not even of its type, or when a `const`/`not` on one of its properties
fails (the contract tells variants apart by a `const` on `type`). With one branch left, its error
is the one told; with none, the value is told what the branches accept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from jsonschema import ValidationError

__all__ = ["Problem", "describe", "explain", "param_name"]

_TYPES = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "a boolean",
    "object": "a JSON object",
    "array": "an array",
    "null": "null",
}
_BRANCHING = ("oneOf", "anyOf")
_SHOWN = 60  # characters of a wrong value quoted in a message


@dataclass(frozen=True, slots=True)
class Problem:
    """Where a value breaks the contract (a path from the checked value) and how."""

    path: tuple[str | int, ...]
    text: str  # follows the quoted field name: "is required", "must be a boolean, got 1"


def param_name(root: str | None, path: Sequence[str | int]) -> str | None:
    """`messages[0].role` from ("messages", 0, "role"); `root` prefixes it (a parameter)."""
    name = root or ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or None


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _bounds(schema: Mapping[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f" from {low} to {high}"
    parts = [f"of at least {low}"] if low is not None else []
    parts += [f"of at most {high}"] if high is not None else []
    if "exclusiveMinimum" in schema:
        parts.append(f"greater than {schema['exclusiveMinimum']}")
    if "exclusiveMaximum" in schema:
        parts.append(f"less than {schema['exclusiveMaximum']}")
    if "minLength" in schema:
        parts.append(f"of at least {schema['minLength']} characters")
    if "maxLength" in schema:
        parts.append(f"of at most {schema['maxLength']} characters")
    if "pattern" in schema:
        parts.append(f"matching {schema['pattern']}")
    if "format" in schema:
        parts.append(f"in the format {schema['format']}")
    return " " + " and ".join(parts) if parts else ""


def describe(schema: Mapping[str, Any]) -> str:
    """What `schema` accepts, in words: "a number from 0 to 2", "one of 'low', 'high'"."""
    if "const" in schema:
        return _shown(schema["const"])
    if "enum" in schema:
        return "one of " + ", ".join(_shown(value) for value in schema["enum"])
    for keyword in _BRANCHING:
        if keyword in schema:
            return _join([describe(branch) for branch in schema[keyword]])
    kinds = schema.get("type")
    if kinds is None:
        return "a valid value"
    names = [_TYPES.get(kind, kind) for kind in ([kinds] if isinstance(kinds, str) else kinds)]
    return _join(names) + _bounds(schema)


def _wrong_branch(errors: Iterable[ValidationError]) -> bool:
    return any(
        (error.validator == "type" and not error.relative_path)
        or (error.validator in ("const", "not") and len(error.relative_path) == 1)
        for error in errors
    )


def _choose(error: ValidationError) -> ValidationError | Problem:
    """The error to tell, or the Problem itself when no branch of a `oneOf` fits."""
    while error.validator in _BRANCHING and error.context:
        branches = [
            list(errors)
            for _, errors in groupby(error.context, key=lambda e: e.relative_schema_path[0])
        ]
        meant = [branch for branch in branches if not _wrong_branch(branch)]
        if meant:
            error = meant[0][0]
            continue
        path = tuple(error.absolute_path)
        tags = {  # a dict, not a set: the variants keep the contract's order
            (e.relative_path[0], _shown(e.validator_value)): None
            for branch in branches
            for e in branch
            if e.validator == "const" and len(e.relative_path) == 1
        }
        keys = {key for key, _ in tags}
        if len(keys) == 1 and isinstance(error.instance, dict):  # a discriminator (`type`)
            key = keys.pop()
            allowed = ", ".join(value for _, value in tags)
            got = _shown(error.instance.get(key))
            return Problem((*path, key), f"must be one of {allowed}, got {got}")
        return Problem(path, f"must be {describe(_schema(error))}, got {_shown(error.instance)}")
    return error


def _schema(error: ValidationError) -> Mapping[str, Any]:
    return error.schema if isinstance(error.schema, Mapping) else {}


def explain(error: ValidationError) -> Problem:
    """The field at fault and what is wrong with it, for the first error of a check."""
    chosen = _choose(error)
    if isinstance(chosen, Problem):
        return chosen
    path = tuple(chosen.absolute_path)
    if chosen.validator == "required":
        required, instance = chosen.validator_value, chosen.instance
        names = required if isinstance(required, list) else []
        missing = [name for name in names if isinstance(instance, dict) and name not in instance]
        return Problem((*path, *missing[:1]), "is required")
    if chosen.validator in ("minItems", "maxItems"):
        count = chosen.validator_value
        bound = "at least" if chosen.validator == "minItems" else "at most"
        return Problem(path, f"must have {bound} {count} item{'s' if count != 1 else ''}")
    if chosen.validator in ("additionalProperties", "unevaluatedProperties", "not"):
        return Problem(path, f"is not allowed here: {chosen.message}")
    if chosen.validator not in _BRANCHING:
        return Problem(path, f"must be {describe(_schema(chosen))}, got {_shown(chosen.instance)}")
    return Problem(path, f"is invalid: {chosen.message}")
