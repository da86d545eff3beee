"""OpenAI files and batches on both clients (respx): what each method sends and parses, the
512 MB upload limit checked before sending, OpenAI's ``after`` paging, and hostile arguments."""

from __future__ import annotations

import contextlib
import io
import json
import mmap
from pathlib import Path
from typing import Any

import pytest
import respx
from facade_support import Reply
from test_facade_operations import multipart_fields

import zaguan
from tests.adapter import Api
from zaguan_corex_client.models.file_create_request import LIMITS

LIMIT = LIMITS["file"]["max_bytes"]
FILE_JSON: dict[str, Any] = {
    "id": "file-1",
    "object": "file",
    "bytes": 3,
    "created_at": 1764527844,
    "filename": "in.jsonl",
    "purpose": "batch",
}
BATCH_JSON: dict[str, Any] = {
    "id": "batch_1",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-1",
    "completion_window": "24h",
    "status": "validating",
    "created_at": 1764527844,
    "request_counts": {"total": 0, "completed": 0, "failed": 0},
}
CREATE = {"input_file_id": "file-1", "endpoint": "/v1/chat/completions", "completion_window": "24h"}


def test_the_limit_is_the_contracts() -> None:
    assert LIMIT == 512 * 1024 * 1024


async def test_an_upload_is_multipart_and_answers_the_file(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post("/v1/files").respond(json=FILE_JSON)
    stored = await api.call("create_file", file=("in.jsonl", b"{}\n{}"), purpose="batch")
    assert (stored.id, stored.bytes_, stored.purpose) == ("file-1", 3, "batch")
    fields = multipart_fields(route.calls.last.request)
    assert fields["file"][0] == "in.jsonl"
    assert fields["file"][2] == b"{}\n{}"
    assert fields["purpose"][2] == b"batch"


@pytest.fixture
def sparse(tmp_path: Path) -> Path:
    """A file just over the limit that takes no room on disk (nothing is ever read of it)."""
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.truncate(LIMIT + 1)
    return path


class Unseekable(io.RawIOBase):
    """A stream of unknown length (a pipe): `size` bytes of one shared 1 MB piece."""

    piece = b"x" * (1 << 20)

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        n = min(self.left, len(self.piece) if size < 0 else size)
        self.left -= n
        return self.piece if n == len(self.piece) else self.piece[:n]


OPEN = contextlib.ExitStack()  # closes the files a case opens, when the case ends
TOO_LARGE = [
    pytest.param(lambda path: path, id="path"),
    pytest.param(str, id="str"),
    pytest.param(lambda path: OPEN.enter_context(path.open("rb")), id="open file"),
    pytest.param(lambda path: ("big.jsonl", OPEN.enter_context(path.open("rb"))), id="tuple"),
    pytest.param(lambda path: memoryview(mmap.mmap(-1, LIMIT + 1)), id="memoryview"),
    pytest.param(lambda path: Unseekable(LIMIT + 1), id="unseekable stream"),
]


@pytest.mark.parametrize("make", TOO_LARGE)
async def test_an_upload_over_the_limit_is_refused_before_sending(
    api: Api, mock: respx.MockRouter, sparse: Path, make: Any
) -> None:
    with OPEN, pytest.raises(zaguan.RequestValidationError) as caught:
        await api.call("create_file", file=make(sparse), purpose="batch")
    message = str(caught.value)
    assert message.startswith("file: ")
    assert "536,870,912 bytes (512 MB) per upload" in message
    assert "536,870,913 bytes" in message or "more than" in message  # the size, or a bound
    assert not mock.calls


async def test_an_upload_at_the_limit_of_a_stream_is_read_whole(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post("/v1/files").respond(json=FILE_JSON)
    await api.call("create_file", file=("s.jsonl", Unseekable(3 << 20)), purpose="batch")
    assert len(multipart_fields(route.calls.last.request)["file"][2]) == 3 << 20


async def test_a_seekable_file_is_sent_from_where_it_stands(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post("/v1/files").respond(json=FILE_JSON)
    handle = io.BytesIO(b"skip{}\n{}")
    handle.seek(4)
    await api.call("create_file", file=handle, purpose="batch")
    assert multipart_fields(route.calls.last.request)["file"][2] == b"{}\n{}"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"file": b"x", "purpose": 5}, "purpose: expected"),
        ({"file": b"x"}, "missing required argument: 'purpose'"),
        ({"file": io.StringIO("text"), "purpose": "batch"}, "opened in binary mode"),
        ({"file": b"x", "purpose": "batch", "purpos": "x"}, "Did you mean 'purpose'"),
    ],
)
async def test_bad_upload_arguments_are_refused_before_sending(
    api: Api, mock: respx.MockRouter, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(zaguan.RequestValidationError, match=message):
        await api.call("create_file", **fields)
    assert not mock.calls


async def test_files_are_listed_page_after_page(api: Api, mock: respx.MockRouter) -> None:
    pages = mock.get("/v1/files").mock(
        side_effect=[
            Reply(200, json={"data": [FILE_JSON], "has_more": True, "last_id": "file-1"}),
            Reply(200, json={"data": [{**FILE_JSON, "id": "file-0"}], "has_more": False}),
        ]
    )
    walk = api.client.list_files(limit=1, purpose="batch", order="asc", request_id="L")
    files = await api.collect(walk)
    assert [f.id for f in files] == ["file-1", "file-0"]
    sent = [dict(call.request.url.params) for call in pages.calls]
    assert sent == [
        {"limit": "1", "purpose": "batch", "order": "asc"},
        {"limit": "1", "purpose": "batch", "order": "asc", "after": "file-1"},
    ]
    assert [c.request.headers["x-request-id"] for c in pages.calls] == ["L", "L:page-2"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": "2"}, "limit must be an integer from 1 to 10000, got '2'"),
        ({"limit": 0}, "limit must be an integer from 1 to 10000, got 0"),
        ({"after": 5}, "after must be a string, got int"),
        ({"purpose": ["batch"]}, "purpose must be a string, got list"),
        ({"order": "sideways"}, "order must be one of 'asc', 'desc', got 'sideways'"),
    ],
)
async def test_bad_list_arguments_are_refused_before_sending(
    api: Api, mock: respx.MockRouter, params: dict[str, Any], message: str
) -> None:
    with pytest.raises(zaguan.RequestValidationError, match=message):
        await api.call("list_files_page", **params)
    with pytest.raises(zaguan.RequestValidationError):
        await api.call("list_batches_page", limit=101)
    assert not mock.calls


async def test_content_comes_as_bytes_or_as_a_stream(
    api: Api, mock: respx.MockRouter, tmp_path: Path
) -> None:
    lines = b'{"custom_id":"a"}\n{"custom_id":"b"}\n'
    mock.get("/v1/files/file-1/content").respond(
        content=lines, headers={"content-type": "application/octet-stream"}
    )
    content = await api.call("get_file_content", "file-1", request_id="c1")
    assert (content, content._request_id) == (lines, "c1")
    target = tmp_path / "out.jsonl"
    if api.is_async:
        async with await api.client.get_file_content_stream("file-1") as stream:
            assert await stream.write_to(target) == len(lines)
    else:
        with api.client.get_file_content_stream("file-1") as sync_stream:
            assert sync_stream.write_to(target) == len(lines)
    assert target.read_bytes() == lines


async def test_a_missing_file_is_a_not_found_error_naming_it(
    api: Api, mock: respx.MockRouter
) -> None:
    error = {"error": {"message": "No such file: 'file-9'", "type": "not_found_error"}}
    mock.get("/v1/files/file-9/content").respond(404, json=error)
    with pytest.raises(zaguan.NotFoundError, match="file-9"):
        await api.call("get_file_content", "file-9")
    with pytest.raises(zaguan.NotFoundError, match="file-9"):
        await api.call("get_file_content_stream", "file-9")


@pytest.mark.parametrize(
    ("file_id", "path"),
    [("a/b", "/v1/files/a%2Fb"), ("a b", "/v1/files/a%20b"), ("file-..x", "/v1/files/file-..x")],
)
async def test_a_file_id_is_one_path_segment(
    api: Api, mock: respx.MockRouter, file_id: str, path: str
) -> None:
    route = mock.delete(url__regex=r"/v1/files/.*").respond(
        json={"id": file_id, "object": "file", "deleted": True}
    )
    deleted = await api.call("delete_file", file_id)
    assert deleted.deleted is True
    assert route.calls.last.request.url.raw_path.decode() == path


@pytest.mark.parametrize("file_id", ["..", ".", "", 5, None])
async def test_a_file_id_that_is_no_segment_is_refused(
    api: Api, mock: respx.MockRouter, file_id: Any
) -> None:
    for method in ("get_file", "delete_file", "get_file_content"):
        with pytest.raises(zaguan.RequestValidationError, match="file_id"):
            await api.call(method, file_id)
    assert not mock.calls


async def test_a_batch_is_created_read_listed_and_cancelled(
    api: Api, mock: respx.MockRouter
) -> None:
    created = mock.post("/v1/batches").respond(json=BATCH_JSON)
    batch = await api.call("create_batch", **CREATE, metadata={"job": "nightly"})
    assert batch.status == "validating"
    assert json.loads(created.calls.last.request.content) == {
        **CREATE,
        "metadata": {"job": "nightly"},
    }
    done = {**BATCH_JSON, "status": "completed", "output_file_id": "file-2", "error_file_id": None}
    mock.get("/v1/batches/batch_1").respond(json=done)
    again = await api.call("get_batch", "batch_1")
    assert (again.status, again.output_file_id, again.error_file_id) == (
        "completed",
        "file-2",
        None,
    )
    mock.post("/v1/batches/batch_1/cancel").respond(json={**BATCH_JSON, "status": "cancelling"})
    assert (await api.call("cancel_batch", "batch_1")).status == "cancelling"
    pages = mock.get("/v1/batches").mock(
        side_effect=[
            Reply(200, json={"data": [BATCH_JSON], "has_more": True, "last_id": "batch_1"}),
            Reply(200, json={"data": [], "has_more": False}),
        ]
    )
    assert [b.id for b in await api.collect(api.client.list_batches(limit=1))] == ["batch_1"]
    assert dict(pages.calls.last.request.url.params) == {"limit": "1", "after": "batch_1"}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({**CREATE, "endpoint": "/v1/moderations"}, "endpoint: expected one of"),
        ({**CREATE, "completion_window": "48h"}, "completion_window: expected one of '24h'"),
        ({**CREATE, "input_file_id": 7}, "input_file_id: expected str"),
        ({**CREATE, "metadata": {"job": 5}}, "metadata.job: expected str, got int"),
        ({"endpoint": "/v1/embeddings", "completion_window": "24h"}, "'input_file_id'"),
    ],
)
async def test_bad_batch_arguments_are_refused_before_sending(
    api: Api, mock: respx.MockRouter, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(zaguan.RequestValidationError, match=message):
        await api.call("create_batch", **fields)
    assert not mock.calls
