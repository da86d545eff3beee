"""The local CoreX checks requests against the contract itself, not against lists of its own.

The contract reaches the server as `zaguan_corex_client/openapi.json`, written by
`scripts/generate.py`; `zaguan.testing._contract._spec` compiles one check per operation from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest
import yaml
from starlette.routing import Route

from zaguan.testing import LocalCoreX, create_app
from zaguan.testing._contract._spec import Contract, load_contract
from zaguan.testing._core._app import LOCAL_ROUTES, contract_path

ROOT = Path(__file__).resolve().parents[2]
CHAT = "/v1/chat/completions"
BODY = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}

# Runs in a fresh interpreter that imports the regenerated `zaguan_corex_client` (PYTHONPATH
# first): the local server and the facade, both unchanged, meet the new field.
_WITH_NEW_CONTRACT = """
import json, sys
import httpx2
import zaguan_corex_client
from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX

assert zaguan_corex_client.__file__.startswith(sys.argv[1]), zaguan_corex_client.__file__
body = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
sent = []
hooks = {"request": [lambda request: sent.append(json.loads(request.read()))]}
with LocalCoreX() as server, httpx2.Client(base_url=server.base_url) as http:
    auth = {"Authorization": f"Bearer {server.api_key}"}
    good = http.post("/v1/chat/completions", json={**body, "x_new_field": "v"}, headers=auth)
    bad = http.post("/v1/chat/completions", json={**body, "x_new_field": 5}, headers=auth)
    with ZaguanClient(server.api_key, base_url=server.base_url,
                      http_client=httpx2.Client(event_hooks=hooks)) as client:
        client.chat(**body, x_new_field="v")
print(json.dumps({"good": good.status_code, "bad": bad.json(), "facade_sent": sent}))
"""


def _contract_with_new_field(folder: Path) -> Path:
    contract = yaml.safe_load((ROOT / "openapi" / "zaguan-corex.yaml").read_text())
    schema = contract["components"]["schemas"]["ChatCompletionFields"]  # the request's fields
    schema["properties"]["x_new_field"] = {"type": "string", "description": "Added by a test."}
    path = folder / "zaguan-corex.yaml"
    path.write_text(yaml.safe_dump(contract, sort_keys=False, allow_unicode=True))
    return path


def test_a_field_added_to_the_contract_is_checked_with_no_other_edit(
    tmp_path: Path, corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    # Today's contract does not name the field: any value passes (forward compatibility).
    assert connect(corex_server).post(CHAT, json={**BODY, "x_new_field": 5}).status_code == 200
    spec = _contract_with_new_field(tmp_path)
    generate = [sys.executable, str(ROOT / "scripts" / "generate.py"), "--spec", str(spec)]
    subprocess.run([*generate, "--into", str(tmp_path / "gen")], check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "gen")}
    run = subprocess.run(
        [sys.executable, "-c", _WITH_NEW_CONTRACT, str(tmp_path / "gen")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["good"] == 200
    assert result["bad"]["error"]["param"] == "x_new_field"
    assert result["bad"]["error"]["message"] == "'x_new_field' must be a string, got 5"
    assert [sent.get("x_new_field") for sent in result["facade_sent"]] == ["v"]


def test_every_route_is_an_operation_of_the_contract() -> None:
    operations = load_contract().operations()
    served = {
        (method, contract_path(route.path))
        for route in create_app().routes
        if isinstance(route, Route)
        for method in route.methods or ()
        if method != "HEAD"
    }
    assert served >= LOCAL_ROUTES
    assert served - LOCAL_ROUTES <= set(operations)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": "0"}, "'limit' must be an integer from 1 to 100, got 0"),
        ({"limit": "x"}, "'limit' must be an integer from 1 to 100, got \"x\""),
        ({"start_date": "2025-02-30"}, "in the format date"),
    ],
)
def test_query_parameters_are_read_as_their_type_then_checked(
    corex_server: LocalCoreX,
    connect: Callable[..., httpx2.Client],
    params: dict[str, str],
    message: str,
) -> None:
    response = connect(corex_server).get("/v1/credits/history", params=params)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


# ------------------------------------------------------------------ operations yet to come

# A contract of the shapes the next operations bring: a multipart upload, a request body shared
# through `$ref`, a recursive schema, a path parameter, an array query parameter.
_FUTURE: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {
        "/v1/audio/transcriptions": {
            "post": {
                "operationId": "create_transcription",
                "requestBody": {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": {"type": "object"}}},
                },
            }
        },
        "/v1/messages": {
            "post": {
                "operationId": "create_message",
                "requestBody": {"$ref": "#/components/requestBodies/Message"},
            }
        },
        "/v1/batches/{batch_id}": {
            "parameters": [{"name": "batch_id", "in": "path", "required": True,
                            "schema": {"type": "string", "minLength": 4}}],
            "get": {
                "operationId": "retrieve_batch",
                "parameters": [{"name": "ids", "in": "query",
                                "schema": {"type": "array", "items": {"type": "integer"}}}],
            },
        },
    },
    "components": {
        "requestBodies": {
            "Message": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Block"}}},
            }
        },
        "schemas": {
            "Block": {
                "type": "object",
                "required": ["type"],
                "properties": {
                    "type": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Block"}},
                },
            }
        },
    },
}  # fmt: skip


def test_operations_are_compiled_from_any_contract() -> None:
    contract = Contract(_FUTURE)
    upload = contract.operation("POST", "/v1/audio/transcriptions")
    assert upload is not None
    assert (upload.json_body, upload.body_required) == (None, True)
    message = contract.operation("POST", "/v1/messages")
    assert message is not None
    assert message.json_body is not None
    tree = {"type": "a", "children": [{"type": "b", "children": [{"children": []}]}]}
    [error] = message.json_body.iter_errors(tree)
    assert list(error.absolute_path) == ["children", 0, "children", 0]
    batch = contract.operation("GET", "/v1/batches/{batch_id}")
    assert batch is not None
    assert [(p.name, p.location) for p in batch.parameters] == [
        ("batch_id", "path"),
        ("ids", "query"),
    ]
    assert contract.operation("DELETE", "/v1/messages") is None
