"""The local CoreX's files and OpenAI batches over plain HTTP: uploads and their limit, the
input file checked line by line, each line run by the server's own handlers, the statuses one
read at a time, the clock and the test switches, keys and retries."""

from __future__ import annotations

import concurrent.futures
import json
import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx2
import pytest

from zaguan._request import derive_request_id
from zaguan.testing import FREE_API_KEY, LocalCoreX
from zaguan.testing._openai_batches import _files as files_module
from zaguan.testing._openai_batches._input import MAX_ERRORS, read_input

Connect = Callable[..., httpx2.Client]
CHAT = "/v1/chat/completions"


def line(custom_id: str, url: str = CHAT, **body: Any) -> dict[str, Any]:
    body = body or {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
    return {"custom_id": custom_id, "method": "POST", "url": url, "body": body}


def jsonl(*lines: dict[str, Any] | bytes) -> bytes:
    return b"".join(
        (item if isinstance(item, bytes) else json.dumps(item).encode()) + b"\n" for item in lines
    )


def upload(http: httpx2.Client, content: bytes, purpose: str = "batch", **kw: Any) -> Any:
    return http.post(
        "/v1/files", files={"file": ("in.jsonl", content)}, data={"purpose": purpose}, **kw
    )


def start(http: httpx2.Client, content: bytes, endpoint: str = CHAT, **metadata: str) -> str:
    file_id = upload(http, content).json()["id"]
    body: dict[str, Any] = {
        "input_file_id": file_id,
        "endpoint": endpoint,
        "completion_window": "24h",
    }
    if metadata:
        body["metadata"] = metadata
    response = http.post("/v1/batches", json=body)
    assert response.status_code == 200, response.text
    batch_id: str = response.json()["id"]
    return batch_id


def read(http: httpx2.Client, batch_id: str, times: int = 1) -> dict[str, Any]:
    for _ in range(times):
        batch: dict[str, Any] = http.get(f"/v1/batches/{batch_id}").json()
    return batch


def lines_of(http: httpx2.Client, file_id: str | None) -> list[dict[str, Any]]:
    if file_id is None:
        return []
    return [json.loads(text) for text in http.get(f"/v1/files/{file_id}/content").text.splitlines()]


# ------------------------------------------------------------------ files


def test_a_file_is_stored_read_listed_and_deleted(http: httpx2.Client) -> None:
    content = b"\x00\xffany bytes\r\n"
    stored = upload(http, content, "user_data").json()
    assert stored | {"created_at": 0} == {
        "id": "file-local-000001", "object": "file", "bytes": len(content), "created_at": 0,
        "expires_at": None, "filename": "in.jsonl", "purpose": "user_data",
        "status": "processed", "status_details": None,
    }  # fmt: skip
    raw = http.get(f"/v1/files/{stored['id']}/content")
    assert (raw.content, raw.headers["content-type"]) == (content, "application/octet-stream")
    assert http.get(f"/v1/files/{stored['id']}").json() == stored
    deleted = http.delete(f"/v1/files/{stored['id']}")
    assert deleted.json() == {"id": stored["id"], "object": "file", "deleted": True}
    for path in (f"/v1/files/{stored['id']}", f"/v1/files/{stored['id']}/content"):
        error = http.get(path).json()["error"]
        assert (error["type"], error["param"]) == ("not_found_error", "file_id")
        assert stored["id"] in error["message"]


def test_a_zero_byte_file_is_stored(http: httpx2.Client) -> None:
    assert upload(http, b"").json()["bytes"] == 0


def test_files_belong_to_their_key(
    http: httpx2.Client, corex_server: LocalCoreX, connect: Connect
) -> None:
    file_id = upload(http, b"x").json()["id"]
    other = connect(corex_server, FREE_API_KEY)
    assert other.get(f"/v1/files/{file_id}").status_code == 404
    assert other.delete(f"/v1/files/{file_id}").status_code == 404
    assert other.get("/v1/files").json()["data"] == []


def test_a_retried_upload_makes_no_second_file(http: httpx2.Client) -> None:
    first = upload(http, b"a", headers={"X-Request-Id": "up-1"}).json()
    assert upload(http, b"a", headers={"X-Request-Id": "up-1"}).json() == first
    conflict = upload(http, b"b", headers={"X-Request-Id": "up-1"})
    assert (conflict.status_code, conflict.json()["error"]["type"]) == (409, "conflict_error")
    assert len(http.get("/v1/files").json()["data"]) == 1


def test_files_page_by_after_filtered_by_purpose(http: httpx2.Client) -> None:
    ids = [upload(http, b"x", "batch" if i % 2 else "user_data").json()["id"] for i in range(5)]
    batch_ids = ids[1::2]
    page = http.get("/v1/files", params={"purpose": "batch", "limit": 1}).json()
    assert (page["object"], [f["id"] for f in page["data"]], page["has_more"]) == (
        "list", [batch_ids[-1]], True,
    )  # fmt: skip
    assert page["first_id"] == page["last_id"] == batch_ids[-1]
    rest = http.get("/v1/files", params={"purpose": "batch", "after": page["last_id"]}).json()
    assert ([f["id"] for f in rest["data"]], rest["has_more"]) == ([batch_ids[0]], False)
    ascending = http.get("/v1/files", params={"order": "asc", "limit": 2}).json()
    assert [f["id"] for f in ascending["data"]] == ids[:2]
    bad = http.get("/v1/files", params={"after": "file-nope"}).json()["error"]
    assert (bad["param"], bad["message"]) == (
        "after",
        "'after' names no file of this key here: 'file-nope'",
    )
    for query in ({"limit": 0}, {"limit": 10_001}, {"order": "up"}):
        assert http.get("/v1/files", params=query).status_code == 400


@pytest.mark.parametrize(
    ("fields", "files", "param"),
    [
        ({}, {"file": ("a.jsonl", b"x")}, "purpose"),
        ({"purpose": "batch"}, {"other": ("b", b"x")}, "file"),
        ({"purpose": "batch", "file": "text, not a file"}, {"other": ("b", b"x")}, "file"),
    ],
)
def test_a_malformed_upload_is_a_400_naming_the_field(
    http: httpx2.Client, fields: dict[str, str], files: dict[str, Any], param: str
) -> None:
    response = http.post("/v1/files", data=fields, files=files)
    assert (response.status_code, response.json()["error"]["param"]) == (400, param)


def test_an_upload_that_cannot_fit_is_refused_before_its_body(corex_server: LocalCoreX) -> None:
    head = (
        "POST /v1/files HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {corex_server.api_key}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        "Content-Length: 600000000\r\n\r\n--b\r\n"
    )
    with socket.create_connection(("127.0.0.1", corex_server.port), timeout=10) as sock:
        sock.sendall(head.encode())  # 600 MB announced, a few bytes sent
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            piece = sock.recv(65536)
            if not piece:
                break
            answer += piece
    status, _, body = answer.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 413")
    error = json.loads(body)["error"]
    assert (error["code"], error["param"]) == ("file_too_large", "file")
    assert "536870912 bytes (512 MB) per file" in error["message"]


def test_a_file_over_the_limit_is_a_413(
    http: httpx2.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a chunked body (no `Content-Length`) brings is measured too; the contract's
    512 MB limit is lowered here, where only this test's requests read it."""
    monkeypatch.setattr(files_module, "_max_bytes", lambda: 10)
    response = upload(http, b"x" * 11)
    assert response.status_code == 413
    assert response.json()["error"]["message"] == (
        "The upload is 11 bytes; at most 10 bytes (9.53674e-06 MB) per file"
    )
    assert upload(http, b"x" * 10).status_code == 200


# ------------------------------------------------------------------ a batch's life


def test_a_batch_moves_one_step_per_read(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    batch_id = start(http, jsonl(line("a"), line("b")), job="x")
    created = http.get("/v1/batches").json()["data"][0]  # a list is a read too
    assert created["status"] == "in_progress"
    assert created["metadata"] == {"job": "x"}
    assert created["request_counts"] == {"total": 2, "completed": 0, "failed": 0}
    assert corex_server.ledger.entries == ()  # validated, nothing run yet
    finalizing = read(http, batch_id)
    assert finalizing["status"] == "finalizing"
    assert finalizing["output_file_id"] is None
    assert corex_server.ledger.balance == 10_000 - 2
    done = read(http, batch_id)
    assert done["status"] == "completed"
    times = [done[f"{s}_at"] for s in ("in_progress", "finalizing", "completed")]
    assert None not in times
    assert (
        done["failed_at"] is done["cancelled_at"] is done["errors"] is done["error_file_id"] is None
    )
    assert read(http, batch_id, 3) == done  # the end: reads change nothing, charge nothing
    assert len(corex_server.ledger.entries) == 2
    assert corex_server.attempts(derive_request_id(batch_id, "a")) == 1
    output = http.get(f"/v1/files/{done['output_file_id']}").json()
    assert (output["purpose"], output["filename"]) == ("batch_output", f"{batch_id}_output.jsonl")


def test_output_lines_are_in_a_fixed_order_that_is_not_the_inputs(
    http: httpx2.Client, corex_server: LocalCoreX
) -> None:
    content = jsonl(*(line(f"line-{i}") for i in range(8)))
    first = lines_of(http, read(http, start(http, content), 3)["output_file_id"])
    order = [item["custom_id"] for item in first]
    assert sorted(order) == sorted(f"line-{i}" for i in range(8)) != order
    corex_server.reset()
    again = lines_of(http, read(http, start(http, content), 3)["output_file_id"])
    assert [item["custom_id"] for item in again] == order
    assert again == first  # deterministic, to the byte of each answer


def test_each_line_runs_through_the_endpoints_own_handler(
    http: httpx2.Client, corex_server: LocalCoreX
) -> None:
    embed = line("e", "/v1/embeddings", model="openai/text-embedding-3-small", input="one two")
    direct = http.post("/v1/embeddings", json=embed["body"]).json()
    batch = read(http, start(http, jsonl(embed), "/v1/embeddings"), 3)
    [output] = lines_of(http, batch["output_file_id"])
    assert output["response"]["body"]["data"] == direct["data"]
    message = line(
        "m", "/v1/messages", model="anthropic/claude-3-5-haiku", max_tokens=64,
        messages=[{"role": "user", "content": "hello there"}],
    )  # fmt: skip
    batch = read(http, start(http, jsonl(message), "/v1/messages"), 3)
    [output] = lines_of(http, batch["output_file_id"])
    assert output["response"]["body"]["content"][0]["text"] == "Echo: hello there"
    request_id = derive_request_id(batch["id"], "m")
    assert output["response"]["request_id"] == request_id
    assert corex_server.ledger.entries[-1].request_id == request_id


@pytest.mark.parametrize(
    ("body", "status", "code", "message"),
    [
        ({"model": "openai/gpt-4o-mini"}, 400, None, "'messages' is required"),
        ({"model": "openai/gpt-9", "messages": [{"role": "user", "content": "x"}]}, 404,
         "model_not_found", "'openai/gpt-9' not found"),
        ({"model": "test/fail-429", "messages": [{"role": "user", "content": "x"}]}, 429,
         "rate_limit_exceeded", "Injected fault"),
        ({"model": "openai/gpt-4o-mini", "stream": True,
          "messages": [{"role": "user", "content": "x"}]}, 400, None, "'stream' is not allowed"),
        ({"model": "anthropic/claude-opus-4", "messages": [{"role": "user", "content": "x"}]},
         403, "band_access_denied", "requires tier enterprise"),
    ],
)  # fmt: skip
def test_a_line_that_fails_goes_to_the_error_file(
    http: httpx2.Client,
    corex_server: LocalCoreX,
    body: dict[str, Any],
    status: int,
    code: str | None,
    message: str,
) -> None:
    batch = read(http, start(http, jsonl(line("ok"), line("bad", **body))), 3)
    assert batch["request_counts"] == {"total": 2, "completed": 1, "failed": 1}
    [failed] = lines_of(http, batch["error_file_id"])
    assert failed["custom_id"] == "bad"
    assert failed["response"]["status_code"] == status
    assert failed["response"]["request_id"] == derive_request_id(batch["id"], "bad")
    error = failed["response"]["body"]["error"]
    assert failed["error"] == {"code": code or error["type"], "message": error["message"]}
    assert message in error["message"]
    assert corex_server.ledger.charges_for(derive_request_id(batch["id"], "bad")) == ()


def test_a_dropped_line_has_an_error_and_no_response(http: httpx2.Client) -> None:
    body = {"model": "test/drop", "messages": [{"role": "user", "content": "x"}]}
    batch = read(http, start(http, jsonl(line("gone", **body))), 3)
    [failed] = lines_of(http, batch["error_file_id"])
    assert (failed["response"], failed["error"]["code"]) == (None, "connection_dropped")


def test_a_batch_runs_the_file_as_it_was_when_created(http: httpx2.Client) -> None:
    batch_id = start(http, jsonl(line("a")))
    input_file_id = read(http, batch_id)["input_file_id"]
    assert http.delete(f"/v1/files/{input_file_id}").status_code == 200
    assert read(http, batch_id, 2)["request_counts"]["completed"] == 1


# ------------------------------------------------------------------ validation


def test_read_input_reports_each_bad_line() -> None:
    ok = line("a")
    content = b"".join(
        [
            jsonl(ok), b"\n", b"{bad\n", b"\xff\xfe\n", b"[1]\n",
            jsonl(line("b", "/v1/messages"), {**ok, "method": "GET"}, {**ok, "custom_id": ""}),
            jsonl({"custom_id": "c", "method": "POST", "url": CHAT}, ok),
        ]
    )  # fmt: skip
    lines, errors = read_input(content, CHAT, max_lines=100, max_bytes=10**6)
    assert lines == []
    assert [(e["code"], e["line"], e["param"]) for e in errors] == [
        ("invalid_json_line", 3, None),
        ("invalid_utf8", 4, None),
        ("invalid_json_line", 5, None),
        ("mismatched_url", 6, "url"),
        ("invalid_method", 7, "method"),
        ("invalid_request", 8, "custom_id"),
        ("invalid_request", 9, "body"),
        ("duplicate_custom_id", 10, "custom_id"),
    ]
    assert errors[-1]["message"] == "'custom_id' repeats 'a' (line 1)"
    assert errors[3]["message"] == (
        "'url' must be the batch's endpoint '/v1/chat/completions', got '/v1/messages'"
    )


def test_read_input_limits_come_first_and_errors_are_bounded() -> None:
    assert read_input(b"x" * 11, CHAT, max_lines=5, max_bytes=10)[1][0]["code"] == "file_too_large"
    assert read_input(b"1\n2\n3", CHAT, max_lines=2, max_bytes=99)[1][0]["code"] == (
        "too_many_requests"
    )
    assert read_input(b"\r\n \n", CHAT, max_lines=2, max_bytes=99)[1][0]["code"] == "empty_file"
    many = b"{\n" * (MAX_ERRORS + 5)
    assert len(read_input(many, CHAT, max_lines=10**6, max_bytes=10**6)[1]) == MAX_ERRORS
    lines, errors = read_input(
        jsonl(line("a")).replace(b"\n", b"\r\n"), CHAT, max_lines=1, max_bytes=999
    )
    assert ([item.custom_id for item in lines], errors) == (["a"], [])


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\xff" + jsonl(line("a")), "invalid_utf8"),
        (jsonl(*(line(f"{i}") for i in range(50_001))), "too_many_requests"),
        (jsonl(line("a"), line("a")), "duplicate_custom_id"),
    ],
    ids=["empty", "not-utf8", "50001-lines", "repeated-custom-id"],
)
def test_a_bad_input_file_fails_the_batch(http: httpx2.Client, content: bytes, code: str) -> None:
    batch_id = start(http, content)
    failed = read(http, batch_id)
    assert failed["status"] == "failed"
    assert failed["failed_at"] is not None
    assert failed["errors"]["object"] == "list"
    assert failed["errors"]["data"][0]["code"] == code
    assert failed["request_counts"] == {"total": 0, "completed": 0, "failed": 0}
    assert read(http, batch_id) == failed  # failed is the end


@pytest.mark.parametrize(
    ("change", "status", "param"),
    [
        ({"input_file_id": "file-none"}, 404, "input_file_id"),
        ({"endpoint": "/v1/moderations"}, 400, "endpoint"),
        ({"completion_window": "1h"}, 400, "completion_window"),
        ({"metadata": {"k": 5}}, 400, "metadata.k"),
        ({"metadata": {f"k{i}": "v" for i in range(17)}}, 400, "metadata"),
        ({"metadata": {"zaguan_test_lines_per_read": "0"}}, 400,
         "metadata.zaguan_test_lines_per_read"),
        ({"metadata": {"zaguan_test_expire_after": "-1"}}, 400,
         "metadata.zaguan_test_expire_after"),
        ({"metadata": {"zaguan_test_expire_after": "²"}}, 400,
         "metadata.zaguan_test_expire_after"),
    ],
)  # fmt: skip
def test_a_batch_the_contract_or_the_server_refuses(
    http: httpx2.Client, change: dict[str, Any], status: int, param: str
) -> None:
    file_id = upload(http, jsonl(line("a"))).json()["id"]
    body = {"input_file_id": file_id, "endpoint": CHAT, "completion_window": "24h", **change}
    response = http.post("/v1/batches", json=body)
    assert (response.status_code, response.json()["error"]["param"]) == (status, param)


def test_a_retried_create_makes_no_second_batch(http: httpx2.Client) -> None:
    file_id = upload(http, jsonl(line("a"))).json()["id"]
    body = {"input_file_id": file_id, "endpoint": CHAT, "completion_window": "24h"}
    first = http.post("/v1/batches", json=body, headers={"X-Request-Id": "b-1"}).json()
    assert http.post("/v1/batches", json=body, headers={"X-Request-Id": "b-1"}).json() == first
    other = http.post(
        "/v1/batches", json={**body, "metadata": {"a": "b"}}, headers={"X-Request-Id": "b-1"}
    )
    assert other.status_code == 409
    assert len(http.get("/v1/batches").json()["data"]) == 1


# ------------------------------------------------------------------ cancel, expiry, keys


def test_cancelling_keeps_what_finished(http: httpx2.Client) -> None:
    batch_id = start(http, jsonl(line("a"), line("b"), line("c")), zaguan_test_lines_per_read="2")
    read(http, batch_id, 2)  # validated, then two lines run
    cancelling = http.post(f"/v1/batches/{batch_id}/cancel").json()
    assert (cancelling["status"], cancelling["request_counts"]["completed"]) == ("cancelling", 2)
    cancelled = read(http, batch_id)
    assert cancelled["status"] == "cancelled"
    assert sorted(i["custom_id"] for i in lines_of(http, cancelled["output_file_id"])) == ["a", "b"]
    assert http.post(f"/v1/batches/{batch_id}/cancel").json() == cancelled


def test_a_validating_batch_cancels_with_nothing_run(http: httpx2.Client) -> None:
    batch_id = start(http, jsonl(line("a")))
    assert http.post(f"/v1/batches/{batch_id}/cancel").json()["status"] == "cancelling"
    cancelled = read(http, batch_id)
    assert (cancelled["status"], cancelled["output_file_id"]) == ("cancelled", None)
    assert cancelled["request_counts"] == {"total": 0, "completed": 0, "failed": 0}


def test_a_batch_expires_when_the_clock_passes_its_window(
    start_corex: Callable[..., LocalCoreX], connect: Connect
) -> None:
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    server = start_corex(clock=lambda: now[0])
    http = connect(server)
    batch_id = start(http, jsonl(line("a"), line("b")))
    created = read(http, batch_id)
    assert created["expires_at"] == created["created_at"] + 24 * 3600
    now[0] += timedelta(hours=24)
    expired = read(http, batch_id)
    assert (expired["status"], expired["expired_at"]) == ("expired", created["expires_at"])
    unrun = lines_of(http, expired["error_file_id"])
    assert sorted(i["custom_id"] for i in unrun) == ["a", "b"]
    assert unrun[0]["error"]["code"] == "batch_expired"
    assert expired["output_file_id"] is None
    assert server.ledger.entries == ()


def test_expire_after_zero_expires_before_any_line(http: httpx2.Client) -> None:
    batch_id = start(http, jsonl(line("a")), zaguan_test_expire_after="0")
    assert read(http, batch_id)["status"] == "in_progress"
    expired = read(http, batch_id)
    assert (expired["status"], expired["request_counts"]["completed"]) == ("expired", 0)


def test_batches_belong_to_their_key(
    http: httpx2.Client, corex_server: LocalCoreX, connect: Connect
) -> None:
    batch_id = start(http, jsonl(line("a")))
    other = connect(corex_server, FREE_API_KEY)
    assert other.get(f"/v1/batches/{batch_id}").status_code == 404
    assert other.post(f"/v1/batches/{batch_id}/cancel").status_code == 404
    assert other.get("/v1/batches").json()["data"] == []
    not_found = other.get(f"/v1/batches/{batch_id}").json()["error"]
    assert (not_found["param"], not_found["message"]) == (
        "batch_id",
        f"No such batch: {batch_id!r}",
    )


def test_batches_page_newest_first(http: httpx2.Client) -> None:
    ids = [start(http, jsonl(line("a"))) for _ in range(3)]
    page = http.get("/v1/batches", params={"limit": 2}).json()
    assert ([b["id"] for b in page["data"]], page["has_more"]) == (ids[:0:-1], True)
    rest = http.get("/v1/batches", params={"after": page["last_id"]}).json()
    assert ([b["id"] for b in rest["data"]], rest["has_more"]) == ([ids[0]], False)
    assert http.get("/v1/batches", params={"after": "batch_x"}).status_code == 400
    assert http.get("/v1/batches", params={"limit": 101}).status_code == 400


def test_reset_forgets_files_and_batches(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    batch_id = start(http, jsonl(line("a")))
    corex_server.reset()
    assert http.get(f"/v1/batches/{batch_id}").status_code == 404
    assert http.get("/v1/files").json()["data"] == []
    assert upload(http, b"x").json()["id"] == "file-local-000001"


def test_a_read_while_another_runs_the_lines_runs_nothing(
    http: httpx2.Client, corex_server: LocalCoreX, connect: Connect
) -> None:
    slow = {"model": "test/slow-1", "messages": [{"role": "user", "content": "x"}]}
    batch_id = start(http, jsonl(line("slow", **slow), line("b")))
    read(http, batch_id)  # validated
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        running = pool.submit(read, connect(corex_server), batch_id)
        deadline = time.monotonic() + 10
        while not corex_server.attempts(derive_request_id(batch_id, "slow")):
            assert time.monotonic() < deadline, "the first read never reached the slow line"
            time.sleep(0.01)  # until the first read is inside the slow line (1 s)
        meanwhile = read(http, batch_id)
        assert (meanwhile["status"], running.result()["status"]) == ("in_progress", "finalizing")
    assert read(http, batch_id)["status"] == "completed"
    assert len(corex_server.ledger.entries) == 2  # each line ran once
