"""The contract this server serves, and one compiled check per operation, as Prism does it.

The contract is the one `zaguan_corex_client` was generated from: `scripts/generate.py` writes it
into that package as `openapi.json`, so the models and this server always agree, and a field
added to `openapi/zaguan-corex.yaml` is checked here after `make generate` with no other edit.

Each operation's JSON request body and its query, path and header parameters are checked with
`jsonschema` (OpenAPI 3.1 schemas are JSON Schema 2020-12), compiled once per operation and
process. A multipart body is not checked here: the handler that reads the form checks it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

__all__ = ["Contract", "Operation", "Parameter", "load_contract"]

CONTRACT_PACKAGE = "zaguan_corex_client"
CONTRACT_FILE = "openapi.json"
_URI = "urn:zaguan-corex:contract"
_JSON = "application/json"
# Keywords that only annotate (skipped when checking) and keywords whose value is data, not a
# schema (never searched for `$ref`).
_ANNOTATIONS = frozenset({"description", "example", "examples", "title", "summary"})
_VALUES = frozenset({"const", "enum", "default", "required"})
_NAMED = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Formats are annotations in JSON Schema 2020-12; these two are checked, as a real server parses
# them. The standard library checks both, so no optional jsonschema extra decides the result.
_FORMATS = FormatChecker(formats=())
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(_DATE.fullmatch(value) and date.fromisoformat(value))


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or bool(
        _DATE.match(value) and "T" in value.upper() and datetime.fromisoformat(value)
    )


@dataclass(frozen=True, slots=True)
class Parameter:
    """A query, path or header parameter and the check of its (coerced) value."""

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]
    validator: Validator


@dataclass(frozen=True, slots=True)
class Operation:
    """What a request to one operation must look like."""

    operation_id: str
    body: Mapping[str, Validator]  # media type -> the check of the body
    body_required: bool
    parameters: tuple[Parameter, ...]

    @property
    def json_body(self) -> Validator | None:
        return self.body.get(_JSON)


def _pointer(*parts: str) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


class Contract:
    """An OpenAPI 3.1 document and the compiled checks of its operations."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_URI, resource)
        self._resolver = self._registry.resolver(_URI)

    def _follow(self, node: Mapping[str, Any], pointer: str) -> tuple[Mapping[str, Any], str]:
        """`node` and where it is, or what its `$ref` points to (refs to refs followed)."""
        while "$ref" in node:
            pointer = node["$ref"].removeprefix("#/")
            node = self._resolver.lookup(node["$ref"]).contents
        return node, pointer

    def _validator(self, pointer: str) -> Validator:
        schema = self._inline(self._resolver.lookup(f"#/{pointer}").contents, ())
        return Draft202012Validator(schema, registry=self._registry, format_checker=_FORMATS)

    def _inline(self, node: Any, refs: tuple[str, ...]) -> Any:
        """`node` with its `$ref`s replaced by their targets and without annotations.

        jsonschema resolves a `$ref` on every use, which more than doubled the time a chat
        request took to check; a ref back into a schema being inlined (recursion) is kept,
        pointing into the registered document.
        """
        if isinstance(node, list):
            return [self._inline(item, refs) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in refs:
                return {"$ref": _URI + ref}
            return self._inline(self._resolver.lookup(ref).contents, (*refs, ref))
        return {
            key: self._keyword(key, value, refs)
            for key, value in node.items()
            if key not in _ANNOTATIONS
        }

    def _keyword(self, key: str, value: Any, refs: tuple[str, ...]) -> Any:
        if key in _VALUES:
            return value
        if key in _NAMED:  # names to schemas: a property may be called `description`
            return {name: self._inline(schema, refs) for name, schema in value.items()}
        return self._inline(value, refs)

    @functools.cache  # noqa: B019 -- one Contract per process: compile each schema once
    def schema(self, name: str) -> Validator:
        """The check of the component schema `name` (a line of a JSON Lines file, ...)."""
        return self._validator(_pointer("components", "schemas", name))

    def limits(self, schema: str, field: str) -> Mapping[str, int]:
        """The `x-zaguan-limits` of a field of a component schema (``max_bytes``, ...)."""
        properties = self.document["components"]["schemas"][schema].get("properties", {})
        limits: Mapping[str, int] = properties.get(field, {}).get("x-zaguan-limits", {})
        return limits

    def operations(self) -> dict[tuple[str, str], str]:
        """(METHOD, path) -> operationId, for every operation of the contract."""
        return {
            (method.upper(), path): item[method].get("operationId", "")
            for path, item in self.document.get("paths", {}).items()
            for method in _METHODS
            if method in item
        }

    @functools.cache  # noqa: B019 -- one Contract per process: compile each operation once
    def operation(self, method: str, path: str) -> Operation | None:
        """The checks of `method path` (a path template as the contract writes it), if any."""
        item = self.document.get("paths", {}).get(path, {})
        spec = item.get(method.lower())
        if spec is None:
            return None
        where = _pointer("paths", path)
        body, at = self._follow(
            spec.get("requestBody", {}), f"{where}/{method.lower()}/requestBody"
        )
        media = {
            kind: self._validator(f"{at}/{_pointer('content', kind)}/schema")
            for kind, content in body.get("content", {}).items()
            if "schema" in content
        }
        shared = {(p.name, p.location): p for p in self._parameters(item, f"{where}/parameters")}
        own = {
            (p.name, p.location): p
            for p in self._parameters(spec, f"{where}/{method.lower()}/parameters")
        }
        return Operation(
            operation_id=spec.get("operationId", f"{method} {path}"),
            body=media,
            body_required=bool(body.get("required", False)),
            parameters=tuple((shared | own).values()),  # an operation's own win, as OpenAPI says
        )

    def _parameters(self, owner: Mapping[str, Any], pointer: str) -> list[Parameter]:
        found = []
        for index, node in enumerate(owner.get("parameters", [])):
            parameter, at = self._follow(node, f"{pointer}/{index}")
            schema, _ = self._follow(parameter.get("schema", {}), "")
            found.append(
                Parameter(
                    name=parameter["name"],
                    location=parameter["in"],
                    required=bool(parameter.get("required", False)),
                    schema=schema,
                    validator=self._validator(f"{at}/schema"),
                )
            )
        return found


@functools.cache
def load_contract() -> Contract:
    """The contract shipped in the generated package (read and parsed once per process)."""
    text = resources.files(CONTRACT_PACKAGE).joinpath(CONTRACT_FILE).read_text("utf-8")
    return Contract(json.loads(text))
