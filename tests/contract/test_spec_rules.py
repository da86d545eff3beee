"""House rules of openapi/zaguan-corex.yaml, checked for every operation and schema."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "zaguan-corex.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
SPEC_URI = "urn:zaguan-corex"
REGISTRY: Registry[Any] = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(SPEC))
METHODS = {"get", "post", "put", "patch", "delete"}
EXPECTED_OPERATIONS = {
    ("post", "/v1/chat/completions"): "create_chat_completion",
    ("get", "/v1/models"): "list_models",
    ("get", "/v1/models/{model_id}"): "retrieve_model",
    ("get", "/v1/capabilities"): "list_capabilities",
    ("get", "/v1/credits/balance"): "get_credits_balance",
    ("get", "/v1/credits/history"): "list_credits_history",
    ("get", "/v1/credits/stats"): "get_credits_stats",
    ("get", "/health"): "get_health",
    # Priority 2
    ("post", "/v1/embeddings"): "create_embeddings",
    ("post", "/v1/moderations"): "create_moderation",
    ("post", "/v1/audio/transcriptions"): "create_transcription",
    ("post", "/v1/audio/translations"): "create_translation",
    ("post", "/v1/audio/speech"): "create_speech",
    ("post", "/v1/images/generations"): "create_image",
    ("post", "/v1/images/edits"): "edit_image",
    ("post", "/v1/images/variations"): "create_image_variation",
    ("post", "/v1/messages"): "create_message",
    ("post", "/v1/messages/count_tokens"): "count_message_tokens",
    ("get", "/v1/providers/status"): "get_provider_status",
    ("get", "/v1/virtual-models"): "list_virtual_models",
    ("get", "/v1/virtual-models/{model_id}"): "get_virtual_model",
    # Anthropic message batches (Priority 3, ahead of time)
    ("post", "/v1/messages/batches"): "create_messages_batch",
    ("get", "/v1/messages/batches"): "list_messages_batches",
    ("get", "/v1/messages/batches/{batch_id}"): "get_messages_batch",
    ("post", "/v1/messages/batches/{batch_id}/cancel"): "cancel_messages_batch",
    ("get", "/v1/messages/batches/{batch_id}/results"): "get_messages_batch_results",
    # Priority 3: OpenAI files and batches
    ("post", "/v1/files"): "create_file",
    ("get", "/v1/files"): "list_files",
    ("get", "/v1/files/{file_id}"): "get_file",
    ("delete", "/v1/files/{file_id}"): "delete_file",
    ("get", "/v1/files/{file_id}/content"): "get_file_content",
    ("post", "/v1/batches"): "create_batch",
    ("get", "/v1/batches"): "list_batches",
    ("get", "/v1/batches/{batch_id}"): "get_batch",
    ("post", "/v1/batches/{batch_id}/cancel"): "cancel_batch",
}
VERBS = {"create", "list", "retrieve", "get", "edit", "count", "cancel", "delete"}
BINARY = {"type": "string", "format": "binary"}  # bytes: the generator's `File`
TEXT = {"type": "string"}
JSON_LINES = {"$ref": "#/components/schemas/JsonLines"}
ITEM_SCHEMA = "x-zaguan-item-schema"  # OpenAPI 3.2's `itemSchema`, for JSON Lines in 3.1
OPERATIONS = [
    pytest.param(method, path, op, id=op["operationId"])
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in METHODS
]


def deref(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` chain to the node it names."""
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (json-path, node) below `node`."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


def reachable_schemas(roots: list[Any]) -> set[str]:
    """Names of component schemas reachable through `$ref` from `roots`."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        for _, node in walk(todo.pop()):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in seen:
                    seen.add(name)
                    todo.append(SPEC["components"]["schemas"][name])
    return seen


def validator_for(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator of a body schema, which the house rules want to be a component `$ref` (or a
    plain string, the schema of a `text/plain` body)."""
    assert set(schema) == {"$ref"} or schema == TEXT, schema
    return Draft202012Validator(
        {"$ref": SPEC_URI + schema["$ref"]} if "$ref" in schema else schema,
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def media_examples(op: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    if "requestBody" in op:
        for ctype, media in deref(op["requestBody"])["content"].items():
            yield f"request {ctype}", media
    for status, response in op["responses"].items():
        for ctype, media in deref(response).get("content", {}).items():
            yield f"{status} {ctype}", media


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"] == "3.1.0"
    validate(SPEC)


def test_every_endpoint_of_the_brief_is_present_with_its_operation_id() -> None:
    found = {(m, p): op["operationId"] for m, p, op in (x.values for x in OPERATIONS)}
    assert found == EXPECTED_OPERATIONS


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_operation_is_named_tagged_and_summarised(
    method: str, path: str, op: dict[str, Any]
) -> None:
    assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", op["operationId"])
    assert op["operationId"].split("_")[0] in VERBS
    declared_tags = {t["name"] for t in SPEC["tags"]}
    assert len(op["tags"]) == 1
    assert op["tags"][0] in declared_tags
    assert op["summary"].strip()
    assert op.get("description", "").strip()


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_operation_sends_and_echoes_the_request_id(
    method: str, path: str, op: dict[str, Any]
) -> None:
    assert {"$ref": "#/components/parameters/XRequestId"} in op["parameters"]
    for status, response in op["responses"].items():
        assert "X-Request-Id" in deref(response).get("headers", {}), status


RATE_LIMIT_HEADERS = {
    f"x-ratelimit-{kind}-{dimension}": {
        "$ref": f"#/components/headers/RateLimit{kind.title()}{dimension.title()}"
    }
    for kind in ("limit", "remaining", "reset")
    for dimension in ("requests", "tokens")
}


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_every_answer_may_carry_the_rate_limit_headers(
    method: str, path: str, op: dict[str, Any]
) -> None:
    """CoreX sends OpenAI's six optional headers on any answer (not /health's: no key)."""
    for status, response in op["responses"].items():
        headers = deref(response).get("headers", {})
        if path == "/health" and status == "200":
            assert not RATE_LIMIT_HEADERS.keys() & headers.keys()
            continue
        assert {name: headers.get(name) for name in RATE_LIMIT_HEADERS} == RATE_LIMIT_HEADERS
        for name in RATE_LIMIT_HEADERS:
            assert deref(headers[name]).get("required", False) is False, (status, name)


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_every_error_response_is_the_shared_error_response(
    method: str, path: str, op: dict[str, Any]
) -> None:
    errors = {s: r for s, r in op["responses"].items() if s[0] in "45"}
    assert "500" in errors
    assert "503" in errors
    for status, response in errors.items():
        assert response["$ref"].startswith("#/components/responses/"), status
        schema = deref(response)["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, status
    if path != "/health":
        assert "401" in errors
        assert "429" in errors
        assert "Retry-After" in deref(errors["429"])["headers"]


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_security_is_bearer_except_health(method: str, path: str, op: dict[str, Any]) -> None:
    security = op.get("security", SPEC["security"])
    assert security == ([] if path == "/health" else [{"bearerAuth": []}])


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_every_body_has_an_example_valid_against_its_schema(
    method: str, path: str, op: dict[str, Any]
) -> None:
    examples = list(media_examples(op))
    assert examples
    for where, media in examples:
        if media["schema"] == BINARY:
            # Bytes (audio) cannot be shown in YAML; an example would be a made-up string.
            assert "example" not in media, f"{where}: an example of bytes"
            continue
        assert "example" in media, f"{where}: no example"
        schema, values = media["schema"], [media["example"]]
        if schema == JSON_LINES:  # each line is one JSON value of the item schema
            schema = media[ITEM_SCHEMA]
            values = [json.loads(line) for line in media["example"].splitlines()]
            assert values, where
        for value in values:
            errors = list(validator_for(schema).iter_errors(value))
            assert not errors, f"{where}: {errors[0].message}"


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_bodies_that_are_not_json_are_described_for_the_generator(
    method: str, path: str, op: dict[str, Any]
) -> None:
    # The generator reads JSON, `text/*` as a str and `application/octet-stream` as bytes; any
    # other media type must say what it is, or generation fails or guesses.
    for where, media in media_examples(op):
        ctype = where.split(" ", 1)[1]
        if ctype.startswith(("audio/", "image/", "application/octet-stream")):
            assert media["schema"] == BINARY, where
        elif ctype in {"application/x-jsonl", "application/jsonl"}:
            assert media["schema"] == JSON_LINES, where
            assert set(media[ITEM_SCHEMA]) == {"$ref"}, where
        elif ctype == "text/plain":
            assert media["schema"] == TEXT, where
        else:
            assert ctype in {"application/json", "text/event-stream", "multipart/form-data"}, where
    binaries = [m for w, m in media_examples(op) if w.startswith("2") and m["schema"] == BINARY]
    if binaries:
        # The generator takes the first media type it can read: bytes, not a JSON guess.
        assert "application/octet-stream" in op["responses"]["200"]["content"]


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS)
def test_multipart_bodies_name_the_content_type_of_each_file(
    method: str, path: str, op: dict[str, Any]
) -> None:
    media = deref(op.get("requestBody", {"content": {}}))["content"].get("multipart/form-data")
    if media is None:
        return
    schema = deref(media["schema"])
    files = {name for name, prop in schema["properties"].items() if prop.get("format") == "binary"}
    assert files, "a multipart body without a file is JSON's job"
    assert set(media["encoding"]) == files
    for name in files:
        assert media["encoding"][name]["contentType"].strip(), name


def test_the_example_checker_rejects_a_bad_example() -> None:
    schema = {"$ref": "#/components/schemas/ChatCompletion"}
    assert list(validator_for(schema).iter_errors({"id": 1}))


def test_request_fields_have_no_defaults() -> None:
    # The generator would send every default to every provider ("stream": false, "n": 1).
    found = [path for path, node in walk(SPEC) if isinstance(node, dict) and "default" in node]
    assert found == []


def test_server_owned_values_are_open_strings_not_enums() -> None:
    response_roots = [
        r for item in SPEC["paths"].values() for m, op in item.items() if m in METHODS
        for r in op["responses"].values()
    ]  # fmt: skip
    response_side = reachable_schemas([deref(r) for r in response_roots])
    assert {"ChatCompletion", "ChatCompletionChunk", "CreditsHistoryEntry"} <= response_side
    enums = [
        f"{name}{path}"
        for name in sorted(response_side)
        for path, node in walk(SPEC["components"]["schemas"][name])
        # A catch-all's `not: {enum: [...]}` excludes the known types; it closes nothing (the
        # generator ignores `not`, and the value stays an open string).
        if isinstance(node, dict) and "enum" in node and not path.endswith("/not")
    ]
    assert enums == []


def test_header_parameters_are_plain_strings() -> None:
    params = [deref(p) for item in SPEC["paths"].values() for m, op in item.items()
              if m in METHODS for p in op.get("parameters", [])]  # fmt: skip
    headers = [p for p in params if p["in"] == "header"]
    assert headers
    for param in headers:
        assert param["schema"] == {"type": "string"}, param["name"]


def test_union_variants_carry_a_const_type() -> None:
    schemas = SPEC["components"]["schemas"]
    unions = {name: s["oneOf"] for name, s in schemas.items() if "oneOf" in s}
    assert {"ContentPart", "ResponseFormat", "ContentBlock", "MessageStreamData"} <= set(unions)
    for name, variants in unions.items():
        objects = [deref(v) for v in variants if "$ref" in v]
        consts = [v["properties"]["type"].get("const") for v in objects]
        if None in consts:
            # Only a last catch-all may lack a const, and it must exclude the known types,
            # or `oneOf` would match two variants for every known part.
            assert consts.index(None) == len(consts) - 1, name
            catch_all = objects[-1]["properties"]["type"]
            assert catch_all["not"] == {"enum": consts[:-1]}, name


CONTENT_PART = {"$ref": "#/components/schemas/ContentPart"}


@pytest.mark.parametrize(
    ("part", "valid"),
    [
        ({"type": "text", "text": "hi"}, True),
        ({"type": "image_url", "image_url": {"url": "https://x/y.png"}}, True),
        ({"type": "input_video", "anything": [1]}, True),  # a later type passes through
        ({"type": "text", "text": 5}, False),  # a known type must be well-formed
        ({"type": "image_url"}, False),
        ({"text": "no type"}, False),
    ],
)
def test_content_part_union_is_exclusive(part: dict[str, Any], valid: bool) -> None:
    errors = list(validator_for(CONTENT_PART).iter_errors(part))
    assert (not errors) is valid, errors


def test_stream_event_example_carries_a_valid_chunk() -> None:
    op = SPEC["paths"]["/v1/chat/completions"]["post"]
    media = op["responses"]["200"]["content"]["text/event-stream"]
    chunk = json.loads(media["example"]["data"])
    schema = {"$ref": "#/components/schemas/ChatCompletionChunk"}
    assert list(validator_for(schema).iter_errors(chunk)) == []


def test_messages_stream_event_example_carries_valid_data() -> None:
    op = SPEC["paths"]["/v1/messages"]["post"]
    example = op["responses"]["200"]["content"]["text/event-stream"]["example"]
    data = json.loads(example["data"])
    assert example["event"] == data["type"]
    schema = {"$ref": "#/components/schemas/MessageStreamData"}
    assert list(validator_for(schema).iter_errors(data)) == []


CONTENT_BLOCK = {"$ref": "#/components/schemas/ContentBlock"}


@pytest.mark.parametrize(
    ("block", "valid"),
    [
        ({"type": "text", "text": "hi"}, True),
        ({"type": "tool_use", "id": "t", "name": "f", "input": {}}, True),
        ({"type": "server_tool_use", "id": "s", "anything": 1}, True),  # later types survive
        ({"type": "thinking", "thinking": "x"}, False),  # a known type must be well-formed
        ({"text": "no type"}, False),
    ],
)
def test_content_block_union_is_exclusive(block: dict[str, Any], valid: bool) -> None:
    errors = list(validator_for(CONTENT_BLOCK).iter_errors(block))
    assert (not errors) is valid, errors
