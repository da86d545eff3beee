"""Check one request against its operation in the contract; what breaks it is a 400.

Parameters arrive as strings: each is first read as its schema's type (``"5"`` as 5 for an
integer), as Prism does, and left a string when it is not one, so that the schema says why.
A body is read as JSON whatever its ``Content-Type`` (``curl -d`` sends a form type), unless the
operation declares that other media type (a multipart upload): its handler reads the form.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request

from .._core._errors import ApiError, bad_request
from ._explain import Problem, explain, param_name
from ._spec import Operation, Parameter

__all__ = ["check_form", "check_request", "form_properties", "parse_json"]

_JSON = "application/json"
_INTEGER = re.compile(r"[+-]?[0-9]+", re.ASCII)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes) -> object:
    """Decode a request body; anything but strict UTF-8 JSON is a 400."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise bad_request(None, f"The request body is not valid JSON: {exc}") from exc


def _as(raw: str, schema: Mapping[str, Any]) -> object:
    kinds = schema.get("type", "string")
    for kind in [kinds] if isinstance(kinds, str) else kinds:
        if kind == "integer" and _INTEGER.fullmatch(raw):
            return int(raw)
        if kind == "number":
            try:
                number = float(raw)
            except ValueError:
                continue
            if math.isfinite(number):
                return int(number) if _INTEGER.fullmatch(raw) else number
        if kind == "boolean" and raw in ("true", "false"):
            return raw == "true"
    return raw


def _raw_value(request: Request, parameter: Parameter) -> list[str] | str | None:
    if parameter.location == "query":
        values = request.query_params.getlist(parameter.name)
        return (
            None
            if not values
            else values
            if parameter.schema.get("type") == "array"
            else values[-1]
        )
    if parameter.location == "path":
        return request.path_params.get(parameter.name)
    if parameter.location == "header":
        return request.headers.get(parameter.name)
    return None  # cookies: the contract has none


def _fail(root: str | None, problem: Problem) -> ApiError:
    param = param_name(root, problem.path)
    subject = f"'{param}'" if param else "The request body"
    return bad_request(param, f"{subject} {problem.text}")


def _check_parameter(request: Request, parameter: Parameter) -> None:
    raw = _raw_value(request, parameter)
    if raw is None:
        if parameter.required:
            raise _fail(parameter.name, Problem((), "is required"))
        return
    items = parameter.schema.get("items", {})
    value: Any = (
        [_as(v, items) for v in raw] if isinstance(raw, list) else _as(raw, parameter.schema)
    )
    error = next(parameter.validator.iter_errors(value), None)
    if error is not None:
        raise _fail(parameter.name, explain(error))


async def check_request(request: Request, operation: Operation) -> object:
    """Check `request`'s parameters and JSON body; return the body (None when it has none).

    The first error found is reported, in the contract's order of keywords: a missing required
    field before a wrong one. Fields the contract does not name pass (forward compatibility).
    """
    for parameter in operation.parameters:
        _check_parameter(request, parameter)
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    check = operation.json_body
    if check is None or (media_type != _JSON and media_type in operation.body):
        return None  # not JSON (a multipart upload): the handler reads and checks the form
    raw = await request.body()
    if not raw and not operation.body_required:
        return None
    body: Any = parse_json(raw)
    error = next(check.iter_errors(body), None)
    if error is not None:
        raise _fail(None, explain(error))
    return body


def form_properties(operation: Operation, media_type: str) -> Mapping[str, Any]:
    """The properties of the schema of `operation`'s body in `media_type` (a form's fields)."""
    schema = operation.body[media_type].schema
    return schema.get("properties", {}) if isinstance(schema, Mapping) else {}


def check_form(operation: Operation, media_type: str, fields: Mapping[str, str]) -> dict[str, Any]:
    """A form's fields (a file as its file name), each read as its schema's type, then checked
    like a JSON body: the same 400s, naming the same `param`. Returns the converted fields."""
    check = operation.body[media_type]
    properties = form_properties(operation, media_type)
    body: dict[str, Any] = {
        name: _as(value, properties.get(name, {})) for name, value in fields.items()
    }
    error = next(check.iter_errors(body), None)
    if error is not None:
        raise _fail(None, explain(error))
    return body
