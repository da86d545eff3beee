"""`json_schema` answers and tool arguments: a value the schema accepts, `$ref`s, formats,
recursion and bounds included (checked with jsonschema and its format checker), made fast and
bounded from a hostile schema."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx2
import jsonschema
import pytest

from tests.server.test_server import body, post_chat

VALIDATOR = jsonschema.Draft202012Validator

ORDER = {
    "$defs": {
        "Address": {
            "type": "object",
            "properties": {"street": {"type": "string"}, "zip": {"type": "string", "minLength": 9}},
            "required": ["street", "zip"],
            "additionalProperties": False,
        },
        "Node": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                "parent": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]},
            },
            "required": ["name", "children", "parent"],
        },
        "Color": {"enum": ["red", "blue"], "type": "string"},
        "Named": {"type": "object", "properties": {"name": {"type": "string"}}},
    },
    "definitions": {"Money": {"type": "number", "exclusiveMinimum": 10, "multipleOf": 0.25}},
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "placed": {"type": "string", "format": "date-time"},
        "day": {"type": "string", "format": "date"},
        "at": {"type": "string", "format": "time"},
        "email": {"type": "string", "format": "email"},
        "host": {"type": "string", "format": "ipv4"},
        "site": {"type": "string", "format": "uri"},
        "ship_to": {"$ref": "#/$defs/Address"},
        "bill_to": {"anyOf": [{"$ref": "#/$defs/Address"}, {"type": "null"}]},
        "lines": {"type": "array", "items": {"$ref": "#/$defs/Address"}, "minItems": 3},
        "pair": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}]},
        "tree": {"$ref": "#/$defs/Node"},
        "color": {"$ref": "#/$defs/Color"},
        "kind": {"const": "order"},
        "price": {"$ref": "#/definitions/Money"},
        "qty": {"type": "integer", "minimum": 5, "maximum": 9, "multipleOf": 3},
        "note": {"type": "string", "maxLength": 3},
        "maybe": {"type": ["integer", "null"]},
        "meta": {"allOf": [{"$ref": "#/$defs/Named"}, {"properties": {"x": {"type": "boolean"}}}]},
        "either": {"oneOf": [{"type": "integer", "exclusiveMaximum": 0}, {"type": "string"}]},
    },
    "required": ["id", "placed", "ship_to", "tree"],
}


def answer(http: httpx2.Client, schema: dict[str, Any]) -> Any:
    fmt = {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema}}
    response = post_chat(http, body("hi", response_format=fmt))
    assert response.status_code == 200, response.text
    return json.loads(response.json()["choices"][0]["message"]["content"])


def test_a_schema_with_defs_refs_formats_and_recursion_is_answered_validly(
    http: httpx2.Client,
) -> None:
    value = answer(http, ORDER)
    VALIDATOR(ORDER, format_checker=VALIDATOR.FORMAT_CHECKER).validate(value)
    assert value["placed"] == "2025-01-01T00:00:00Z"  # the server's fixed `created` time
    assert value["ship_to"] == {"street": "example", "zip": "examplexx"}
    assert (value["bill_to"], value["maybe"]) == (None, None)  # nullable: the simplest value
    assert len(value["lines"]) == 3
    assert value["pair"] == [1, "example"]
    # The recursion goes one level down, then ends: no children there.
    assert value["tree"] == {
        "name": "example",
        "children": [{"name": "example", "children": [], "parent": None}],
        "parent": None,
    }
    assert (value["color"], value["kind"], value["qty"]) == ("red", "order", 6)
    assert value["price"] == 10.5  # 1.5 moved above 10, a multiple of 0.25
    assert value["note"] == "exa"
    assert value["meta"] == {"name": "example", "x": True}
    assert value["either"] == -1


def test_a_recursive_model_at_the_root_is_answered_validly(http: httpx2.Client) -> None:
    # pydantic's schema of a model that refers to itself: the root is a $ref into $defs.
    schema = {"$defs": ORDER["$defs"], "$ref": "#/$defs/Node"}
    value = answer(http, schema)
    VALIDATOR(schema).validate(value)
    assert value == {
        "name": "example",
        "children": [{"name": "example", "children": [], "parent": None}],
        "parent": None,
    }


@pytest.mark.parametrize(
    "schema",
    [
        {"$ref": "#"},
        {"$defs": {"A": {"$ref": "#/$defs/A"}}, "$ref": "#/$defs/A"},
        {"type": "object", "properties": {"a": {"$ref": "#"}}, "required": ["a"]},
        {"$ref": "#/$defs/Missing"},
        {"$ref": "https://example.com/schema.json"},
        {
            "type": "array",
            "minItems": 10**9,
            "items": {
                "type": "array",
                "minItems": 10**9,
                "items": {"type": "string", "minLength": 10**9},
            },
        },
    ],
    ids=["root-itself", "ref-cycle", "infinite-object", "missing", "remote", "huge"],
)
def test_a_schema_without_a_finite_answer_is_answered_quickly_and_bounded(
    http: httpx2.Client, schema: dict[str, Any]
) -> None:
    started = time.monotonic()
    fmt = {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema}}
    response = post_chat(http, body("hi", response_format=fmt))
    assert response.status_code == 200
    assert len(response.content) < 2_000_000
    assert time.monotonic() - started < 30  # minutes, and gigabytes, before the budget


def test_tool_arguments_follow_refs_as_answers_do(http: httpx2.Client) -> None:
    # A tool whose parameters are a pydantic model's schema: the model sits in $defs.
    parameters = {
        "$defs": {"City": {"type": "object", "properties": {"name": {"type": "string"}}}},
        "type": "object",
        "properties": {
            "city": {"$ref": "#/$defs/City"},
            "when": {"type": "string", "format": "date"},
        },
        "required": ["city", "when"],
    }
    tool = {"type": "function", "function": {"name": "forecast", "parameters": parameters}}
    response = post_chat(http, body("call forecast please", tools=[tool]))
    [call] = response.json()["choices"][0]["message"]["tool_calls"]
    assert json.loads(call["function"]["arguments"]) == {
        "city": {"name": "example"},
        "when": "2025-01-01",
    }
