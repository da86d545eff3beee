"""The facade's files and batches against the local CoreX, sync and async: a batch from upload
to result files, cancelled and expired batches (what finished, and what did not), and the
errors a caller meets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.adapter import Api
from zaguan import BadRequestError, NotFoundError, RequestValidationError
from zaguan._request import derive_request_id
from zaguan.testing import LocalCoreX
from zaguan_corex_client.models import Batch, BatchRequestOutput, FileObject

CHAT = "/v1/chat/completions"


def chat_line(custom_id: str, text: str = "hello", model: str = "openai/gpt-4o-mini") -> str:
    body = {"model": model, "messages": [{"role": "user", "content": text}]}
    return json.dumps({"custom_id": custom_id, "method": "POST", "url": CHAT, "body": body})


def jsonl(*lines: str) -> bytes:
    return "".join(line + "\n" for line in lines).encode()


async def upload(api: Api, *lines: str, purpose: str = "batch") -> FileObject:
    stored: FileObject = await api("create_file", file=("in.jsonl", jsonl(*lines)), purpose=purpose)
    return stored


async def batch_of(api: Api, *lines: str, **metadata: str) -> Batch:
    stored = await upload(api, *lines)
    extra = {"metadata": metadata} if metadata else {}
    batch: Batch = await api(
        "create_batch", input_file_id=stored.id, endpoint=CHAT, completion_window="24h", **extra
    )
    return batch


async def outputs(api: Api, file_id: str | None) -> list[BatchRequestOutput]:
    if file_id is None:
        return []
    content = await api("get_file_content", file_id)
    return [BatchRequestOutput.from_dict(json.loads(line)) for line in content.splitlines()]


async def test_a_batch_from_upload_to_results(api: Api, server: LocalCoreX) -> None:
    lines = [chat_line(f"q{i}", f"hello {i}") for i in range(4)]
    batch = await batch_of(api, *lines, chat_line("down", model="test/fail-503"))
    assert batch.status == "validating"
    statuses = [(await api("get_batch", batch.id)).status for _ in range(3)]
    assert statuses == ["in_progress", "finalizing", "completed"]
    done = await api("get_batch", batch.id)
    assert (done.request_counts.total, done.request_counts.completed) == (5, 4)
    assert done.request_counts.failed == 1
    succeeded = await outputs(api, done.output_file_id)
    assert sorted(line.custom_id for line in succeeded) == ["q0", "q1", "q2", "q3"]
    assert [line.custom_id for line in succeeded] != ["q0", "q1", "q2", "q3"]  # any order
    first = next(line for line in succeeded if line.custom_id == "q2")
    assert first.response is not None
    assert first.response.status_code == 200
    assert first.response.request_id == derive_request_id(batch.id, "q2")
    assert first.response.body["choices"][0]["message"]["content"] == "Echo: hello 2"
    [failed] = await outputs(api, done.error_file_id)
    assert failed.custom_id == "down"
    assert failed.error is not None
    assert failed.error.code == "overloaded_error"
    assert failed.response is not None
    assert failed.response.status_code == 503
    await api("get_batch", batch.id)  # reading again runs nothing again
    for i in range(4):  # each line charged once, under its derived request id
        assert len(server.ledger.charges_for(derive_request_id(batch.id, f"q{i}"))) == 1
    assert server.ledger.balance == 10_000 - 4


async def test_results_stream_to_a_file(api: Api, tmp_path: Path) -> None:
    batch = await batch_of(api, chat_line("a"), chat_line("b"))
    for _ in range(3):
        batch = await api("get_batch", batch.id)
    expected = await api("get_file_content", batch.output_file_id)
    target = tmp_path / "out.jsonl"
    if api.is_async:
        async with await api.client.get_file_content_stream(batch.output_file_id) as stream:
            assert await stream.write_to(target) == len(expected)
    else:
        with api.client.get_file_content_stream(batch.output_file_id) as sync_stream:
            assert sync_stream.write_to(target) == len(expected)
    assert target.read_bytes() == expected


async def test_a_cancelled_batch_keeps_what_finished(api: Api) -> None:
    lines = [chat_line(f"q{i}") for i in range(3)]
    batch = await batch_of(api, *lines, zaguan_test_lines_per_read="1")
    assert (await api("get_batch", batch.id)).status == "in_progress"
    part = await api("get_batch", batch.id)  # one line ran
    assert (part.status, part.request_counts.completed) == ("in_progress", 1)
    cancelling = await api("cancel_batch", batch.id)
    assert cancelling.status == "cancelling"
    assert cancelling.cancelling_at is not None
    cancelled = await api("get_batch", batch.id)
    assert cancelled.status == "cancelled"
    counts = cancelled.request_counts
    assert (counts.total, counts.completed, counts.failed) == (3, 1, 0)  # 2 never ran
    assert [line.custom_id for line in await outputs(api, cancelled.output_file_id)] == ["q0"]
    assert cancelled.error_file_id is None
    assert (await api("cancel_batch", batch.id)).status == "cancelled"  # changes nothing


async def test_an_expired_batch_says_what_never_ran(api: Api) -> None:
    lines = [chat_line(f"q{i}") for i in range(3)]
    batch = await batch_of(api, *lines, zaguan_test_expire_after="1")
    assert (await api("get_batch", batch.id)).status == "in_progress"
    expired = await api("get_batch", batch.id)
    assert expired.status == "expired"
    assert expired.expired_at is not None
    assert (expired.request_counts.total, expired.request_counts.completed) == (3, 1)
    assert [line.custom_id for line in await outputs(api, expired.output_file_id)] == ["q0"]
    unrun = await outputs(api, expired.error_file_id)
    assert sorted(line.custom_id for line in unrun) == ["q1", "q2"]
    assert {(line.error.code if line.error else None, line.response) for line in unrun} == {
        ("batch_expired", None)
    }


async def test_a_bad_input_file_fails_the_batch_with_errors(api: Api) -> None:
    batch = await batch_of(api, chat_line("a"), "{not json", chat_line("a"))
    failed = await api("get_batch", batch.id)
    assert failed.status == "failed"
    assert failed.errors is not None
    assert [(e.code, e.line) for e in failed.errors.data] == [
        ("invalid_json_line", 2),
        ("duplicate_custom_id", 3),
    ]
    assert failed.output_file_id is None


async def test_a_deleted_result_file_is_a_not_found_error_naming_it(api: Api) -> None:
    batch = await batch_of(api, chat_line("a"))
    for _ in range(3):
        batch = await api("get_batch", batch.id)
    deleted = await api("delete_file", batch.output_file_id)
    assert (deleted.id, deleted.deleted) == (batch.output_file_id, True)
    with pytest.raises(NotFoundError, match=batch.output_file_id):
        await api("get_file_content", batch.output_file_id)
    with pytest.raises(NotFoundError, match="no-such-batch"):
        await api("get_batch", "no-such-batch")


async def test_files_are_listed_and_filtered(api: Api) -> None:
    ids = [(await upload(api, chat_line(str(i)))).id for i in range(3)]
    other = await upload(api, chat_line("x"), purpose="user_data")
    walked = await api.collect(api.client.list_files(limit=2, purpose="batch"))
    assert [f.id for f in walked] == ids[::-1]  # newest first
    oldest = await api("list_files_page", order="asc", limit=1)
    assert ([f.id for f in oldest.data], oldest.has_more) == ([ids[0]], True)
    assert (await api("get_file", other.id)).purpose == "user_data"
    with pytest.raises(BadRequestError, match="purpose 'user_data'"):
        await api("create_batch", input_file_id=other.id, endpoint=CHAT, completion_window="24h")


async def test_batches_are_listed_newest_first(api: Api) -> None:
    ids = [(await batch_of(api, chat_line("a"))).id for _ in range(3)]
    walked = await api.collect(api.client.list_batches(limit=2))
    assert [b.id for b in walked] == ids[::-1]


async def test_an_upload_over_the_limit_never_leaves(
    api: Api, tmp_path: Path, server: LocalCoreX
) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.truncate(600_000_000)  # sparse: no room on disk, never read
    with pytest.raises(RequestValidationError, match=r"600,000,000 bytes.*536,870,912"):
        await api("create_file", file=path, purpose="batch", request_id="big")
    assert server.attempts("big") == 0


async def test_an_id_holding_a_slash_names_no_other_resource(api: Api) -> None:
    """The facade sends ``/`` in an id encoded (``%2F``); the server must not read it as a
    separator (``<id>/content`` would be another route, the file's bytes)."""
    stored = await upload(api, chat_line("a"))
    with pytest.raises(NotFoundError, match=f"'{stored.id}/content'"):
        await api("get_file", f"{stored.id}/content")
    batch = await batch_of(api, chat_line("a"))
    with pytest.raises(NotFoundError):
        await api("cancel_batch", f"{batch.id}/cancel")
    with pytest.raises(NotFoundError, match=f"'{stored.id}/content'"):
        await api("delete_file", f"{stored.id}/content")  # a 405 when read as the content route
    with pytest.raises(NotFoundError):
        await api("get_messages_batch", "msgbatch_x/results")  # another route when decoded
    with pytest.raises(NotFoundError):
        await api("cancel_messages_batch", "msgbatch_x/cancel")
    with pytest.raises(RequestValidationError, match=r"file_id cannot be '\.\.'"):
        await api("get_file_content", "..")
    assert (await api("get_file", stored.id)).id == stored.id


async def test_a_literal_percent_2f_in_an_id_is_not_a_slash(api: Api) -> None:
    """``%252F`` on the wire is the id's own ``%2F`` text, not an encoded slash."""
    with pytest.raises(NotFoundError, match="'file-x%2Fcontent'"):
        await api("get_file", "file-x%2Fcontent")
