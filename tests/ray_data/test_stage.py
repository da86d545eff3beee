"""`CoreXStage` without Ray: its settings, how it reads rows, and a batch sent in this process
against the local CoreX; and that ``import zaguan`` never pays for the extra."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import AsyncIterator
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from tests.bulk._support import chat_line
from zaguan import ConfigurationError, RateLimit, RequestValidationError
from zaguan.bulk import BulkInputError
from zaguan.ray import OUTPUT_SCHEMA, CoreXStage
from zaguan.ray._stage import line_of_row, share
from zaguan.testing import LocalCoreX

CHAT = "/v1/chat/completions"


@pytest.fixture
async def stage(server: LocalCoreX) -> AsyncIterator[CoreXStage]:
    made = CoreXStage(
        run_id="local", api_key=server.api_key, base_url=server.base_url,
        endpoint="chat", client_options={"max_retries": 0},
    )  # fmt: skip
    yield made
    await made._client.aclose()


# ------------------------------------------------------------------ rows read


def test_a_struct_body_loses_the_null_fields_arrow_gave_it() -> None:
    first = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}]}
    second = {"model": "m", "messages": [{"role": "user", "content": "y"}]}
    lines = [chat_line("a") | {"body": first}, chat_line("b") | {"body": second}]
    rows = pa.Table.from_pylist(lines).to_pylist()
    assert rows[1]["body"]["max_tokens"] is None  # what Arrow does
    line = line_of_row(rows[1], None)
    assert (line.custom_id, line.url, line.body) == ("b", CHAT, second)


def test_a_body_of_json_text_is_sent_as_it_is() -> None:
    body = {"model": "m", "messages": [], "temperature": None}
    line = line_of_row(chat_line("a") | {"body": json.dumps(body)}, None)
    assert line.body == body


@pytest.mark.parametrize(
    ("row", "endpoint", "says"),
    [
        (chat_line("a") | {"body": '{"model": NaN}'}, None, "body is not JSON"),
        (chat_line("a") | {"body": "[" * 100_000}, None, "body is not JSON"),
        (chat_line("a") | {"body": "[1]"}, None, "body must be a JSON object"),
        ({"model": "m", "messages": []}, "/v1/chat/completions", "needs a custom_id column"),
        ({"custom_id": "a", "model": "m"}, None, "needs the run's endpoint"),
        (chat_line(""), None, "custom_id must be a non-empty string"),
        (chat_line("a") | {"url": "/v1/models"}, None, "url must be one of"),
        (chat_line("a") | {"body": {"stream": True}}, None, '"stream": true'),
    ],
)
def test_a_row_that_is_no_request_is_named(
    row: dict[str, Any], endpoint: str | None, says: str
) -> None:
    with pytest.raises(BulkInputError, match=says.replace("(", r"\(")):
        line_of_row(row, endpoint)


def test_a_bare_body_takes_its_custom_id_column_and_numbers_become_text() -> None:
    line = line_of_row({"custom_id": 7, "model": "m", "input": "x"}, "/v1/embeddings")
    assert (line.custom_id, line.url, line.body) == (
        "7",
        "/v1/embeddings",
        {"model": "m", "input": "x"},
    )


# ------------------------------------------------------------------ settings


def test_the_budget_is_split_between_the_workers() -> None:
    assert share(RateLimit(600, 90_000), 4) == RateLimit(150, 22_500)
    assert share(RateLimit(tokens_per_minute=100), 3) == RateLimit(None, 100 / 3)
    assert share(None, 3) is None


@pytest.mark.parametrize(
    ("settings", "error", "says"),
    [
        ({"run_id": ""}, RequestValidationError, "request_id must be"),
        ({"run_id": "a b"}, RequestValidationError, "spaces"),
        ({"run_id": "r", "workers": 0}, ConfigurationError, "workers must be a positive"),
        ({"run_id": "r", "workers": True}, ConfigurationError, "workers"),
        ({"run_id": "r", "max_in_flight": 1001}, ConfigurationError, "at most 1000"),
        ({"run_id": "r", "deadline": math.nan}, ConfigurationError, "deadline"),
        ({"run_id": "r", "deadline": "5"}, ConfigurationError, "deadline"),
        ({"run_id": "r", "endpoint": "models"}, BulkInputError, "endpoint must be one of"),
        ({"run_id": "r", "rate_limit": 600}, ConfigurationError, "rate_limit must be"),
        ({"run_id": "r", "client_options": {"http_client": None}}, ConfigurationError, "own pool"),
        ({"run_id": "r", "client_options": {"api_key": "k"}}, ConfigurationError, "api_key"),
    ],
)
def test_wrong_settings_are_named(
    settings: dict[str, Any], error: type[Exception], says: str
) -> None:
    with pytest.raises(error, match=says):
        CoreXStage(api_key="zk-secret-key-123456", base_url="http://127.0.0.1:9", **settings)


def test_the_key_is_never_shown() -> None:
    key = "zk-secret-key-123456"
    stage = CoreXStage(run_id="r", api_key=key, base_url="http://127.0.0.1:9")
    assert key not in repr(stage)
    assert "run_id='r'" in repr(stage)
    with pytest.raises(ConfigurationError) as caught:
        CoreXStage(run_id="r", api_key=key, client_options={"timeout": "soon"})
    assert key not in str(caught.value)


# ------------------------------------------------------------------ a batch, in this process


async def test_a_batch_becomes_its_answers_in_order(stage: CoreXStage, server: LocalCoreX) -> None:
    rows = [
        chat_line("a"),
        chat_line("b", model="test/fail-400"),
        chat_line("c") | {"method": "GET"},
    ]
    out = await stage(pa.Table.from_pylist(rows))
    assert out.schema == OUTPUT_SCHEMA
    a, b, c = out.to_pylist()
    assert [a["custom_id"], b["custom_id"], c["custom_id"]] == ["a", "b", "c"]
    assert (a["status_code"], a["request_id"], a["error_code"], a["credits"]) == (
        200,
        "local:a",
        None,
        1.0,
    )
    assert json.loads(a["body"])["object"] == "chat.completion"
    assert (b["status_code"], b["error_code"]) == (400, "invalid_request_error")
    assert (c["status_code"], c["body"], c["error_code"]) == (None, None, "BulkInputError")
    assert c["request_id"] == "local:c"
    assert len(server.ledger.charges_for("local:a")) == 1


async def test_a_batch_sent_again_is_not_charged_again(
    stage: CoreXStage, server: LocalCoreX
) -> None:
    batch = pa.Table.from_pylist([chat_line(f"r{n}") for n in range(5)])
    first, again = (await stage(batch)).to_pylist(), (await stage(batch)).to_pylist()
    assert [row["body"] for row in first] == [row["body"] for row in again]
    assert len(server.ledger.entries) == 5


async def test_pandas_and_numpy_batches_are_read_too(stage: CoreXStage) -> None:
    bare = {"custom_id": ["x", "y"], "model": ["test/echo"] * 2,
            "messages": [[{"role": "user", "content": "hi"}]] * 2}  # fmt: skip
    for batch in (
        pd.DataFrame(bare),
        {k: pa.array(v).to_numpy(zero_copy_only=False) for k, v in bare.items()},
    ):
        out = (await stage(batch)).to_pylist()
        assert [(row["custom_id"], row["status_code"]) for row in out] == [("x", 200), ("y", 200)]
    with pytest.raises(TypeError, match='batch_format="pyarrow"'):
        await stage([{"custom_id": "x"}])


async def test_a_dead_server_is_an_error_per_row() -> None:
    stage = CoreXStage(run_id="r", api_key="zk-local-pro", base_url="http://127.0.0.1:9",
                       client_options={"max_retries": 0})  # fmt: skip
    try:
        out = (await stage(pa.Table.from_pylist([chat_line("a")]))).to_pylist()
    finally:
        await stage._client.aclose()
    assert (out[0]["status_code"], out[0]["error_code"]) == (None, "APIConnectionError")


# ------------------------------------------------------------------ the extra


def test_import_zaguan_imports_neither_ray_nor_pyarrow() -> None:
    code = (
        "import sys, zaguan, zaguan.bulk\n"
        "loaded = sorted(m for m in ('ray', 'pyarrow', 'zaguan.ray') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.parametrize("module", ["ray", "pyarrow"])
def test_without_the_extra_the_error_names_the_install_command(module: str) -> None:
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "try:\n"
        "    import zaguan.ray\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc.name, exc, sep='|')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    name, message = done.stdout.strip().split("|")
    assert name == module
    assert 'pip install "zaguan-corex[ray]"' in message
