"""The official `openai` package, a client nobody here wrote, runs a batch end to end against
the local CoreX, unchanged: `files.create`, `batches.create/retrieve/list/cancel`,
`files.content`, `files.list/retrieve/delete`. The server's answers match the contract's
schemas and round-trip through the generated models."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from test_server_conformance import spec_schema

from zaguan._request import derive_request_id
from zaguan.testing import LocalCoreX
from zaguan_corex_client import models

CHAT = "/v1/chat/completions"


@pytest.fixture
def client(corex_server: LocalCoreX) -> Iterator[openai.OpenAI]:
    base_url = f"{corex_server.base_url}/v1"
    with openai.OpenAI(base_url=base_url, api_key=corex_server.api_key, max_retries=0) as client:
        yield client


def request_line(custom_id: str, text: str) -> dict[str, Any]:
    body = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": text}]}
    return {"custom_id": custom_id, "method": "POST", "url": CHAT, "body": body}


def jsonl(*lines: dict[str, Any]) -> bytes:
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


def test_a_batch_end_to_end(
    client: openai.OpenAI, corex_server: LocalCoreX, tmp_path: Path
) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(jsonl(request_line("r1", "one"), request_line("r2", "two")))
    uploaded = client.files.create(file=path, purpose="batch")
    assert (uploaded.filename, uploaded.purpose, uploaded.bytes) == (
        "requests.jsonl", "batch", path.stat().st_size,
    )  # fmt: skip
    batch = client.batches.create(
        input_file_id=uploaded.id, endpoint=CHAT, completion_window="24h",
        metadata={"job": "conformance"},
    )  # fmt: skip
    assert (batch.status, batch.metadata) == ("validating", {"job": "conformance"})
    statuses = [client.batches.retrieve(batch.id).status for _ in range(3)]
    assert statuses == ["in_progress", "finalizing", "completed"]
    done = client.batches.retrieve(batch.id)
    assert done.request_counts is not None
    assert (done.request_counts.total, done.request_counts.completed) == (2, 2)
    assert done.output_file_id is not None
    assert done.error_file_id is None
    lines = [
        json.loads(text) for text in client.files.content(done.output_file_id).text.splitlines()
    ]
    answers = {line["custom_id"]: line["response"]["body"] for line in lines}
    assert {k: v["choices"][0]["message"]["content"] for k, v in answers.items()} == {
        "r1": "Echo: one", "r2": "Echo: two",
    }  # fmt: skip
    for line in lines:
        assert line["response"]["request_id"] == derive_request_id(batch.id, line["custom_id"])
    assert [b.id for b in client.batches.list(limit=1)] == [batch.id]
    assert corex_server.ledger.balance == 10_000 - 2


def test_files_listed_retrieved_and_deleted(client: openai.OpenAI) -> None:
    ids = [client.files.create(file=("f.jsonl", b"{}"), purpose="batch").id for _ in range(3)]
    other = client.files.create(file=("notes.txt", b"hello"), purpose="user_data")
    assert [f.id for f in client.files.list(limit=2, purpose="batch")] == ids[::-1]  # every page
    assert [f.id for f in client.files.list(order="asc")] == [*ids, other.id]
    assert client.files.retrieve(other.id).purpose == "user_data"
    assert client.files.content(other.id).read() == b"hello"
    deleted = client.files.delete(other.id)
    assert (deleted.id, deleted.deleted) == (other.id, True)
    with pytest.raises(openai.NotFoundError, match=other.id):
        client.files.content(other.id)


def test_cancel_and_errors(client: openai.OpenAI) -> None:
    uploaded = client.files.create(
        file=("in.jsonl", jsonl(request_line("a", "x"))), purpose="batch"
    )
    batch = client.batches.create(input_file_id=uploaded.id, endpoint=CHAT, completion_window="24h")
    assert client.batches.cancel(batch.id).status == "cancelling"
    assert client.batches.retrieve(batch.id).status == "cancelled"
    notes = client.files.create(file=("n.txt", b"x"), purpose="user_data")
    with pytest.raises(openai.BadRequestError, match="purpose 'user_data'"):
        client.batches.create(input_file_id=notes.id, endpoint=CHAT, completion_window="24h")
    with pytest.raises(openai.NotFoundError, match="file-nope"):
        client.batches.create(input_file_id="file-nope", endpoint=CHAT, completion_window="24h")
    with pytest.raises(openai.NotFoundError):
        client.batches.retrieve("batch_nope")


def test_answers_match_the_contract_and_the_generated_models(client: openai.OpenAI) -> None:
    good = request_line("ok", "fine")
    bad = {**request_line("bad", "x"), "body": {"model": "test/fail-503", "messages": []}}
    uploaded = client.files.with_raw_response.create(
        file=("in.jsonl", jsonl(good, bad)), purpose="batch"
    )
    answers: list[tuple[str, Any]] = [("FileObject", uploaded.http_response.json())]
    input_file_id = uploaded.parse().id
    created = client.batches.with_raw_response.create(
        input_file_id=input_file_id, endpoint=CHAT, completion_window="24h"
    )
    answers.append(("Batch", created.http_response.json()))
    for _ in range(3):
        answers.append(
            (
                "Batch",
                client.batches.with_raw_response.retrieve(created.parse().id).http_response.json(),
            )
        )
    done = answers[-1][1]
    for file_id in (done["output_file_id"], done["error_file_id"]):
        text = client.files.content(file_id).text
        answers += [("BatchRequestOutput", json.loads(line)) for line in text.splitlines()]
    answers.append(("FileList", client.files.with_raw_response.list().http_response.json()))
    answers.append(("BatchList", client.batches.with_raw_response.list().http_response.json()))
    failed = client.batches.with_raw_response.create(
        input_file_id=client.files.create(file=("x.jsonl", b"{oops\n"), purpose="batch").id,
        endpoint=CHAT, completion_window="24h",
    ).parse()  # fmt: skip
    answers.append(
        ("Batch", client.batches.with_raw_response.retrieve(failed.id).http_response.json())
    )
    assert answers[-1][1]["errors"]["data"][0]["code"] == "invalid_json_line"
    for name, answer in answers:
        spec_schema(name).validate(answer)
        assert getattr(models, name).from_dict(answer).to_dict() == answer, name
