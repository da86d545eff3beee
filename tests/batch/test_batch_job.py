"""`zaguan.batch` end to end against the local CoreX: both batch APIs in one job, results in
input order in `zaguan run`'s format, the limits splitting a job, and the edges (expired,
cancelled, a result file missing or cut short)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import zaguan.bulk
from tests.batch.conftest import finished
from tests.bulk._support import chat_line, outputs, write_input
from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan._request import derive_request_id
from zaguan.batch import BatchJobError, asubmit, submit
from zaguan.testing import LocalCoreX


def message_line(custom_id: str, model: str = "test/echo") -> dict[str, Any]:
    body = {"model": model, "max_tokens": 16, "messages": [{"role": "user", "content": "hi"}]}
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/messages", "body": body}


def embedding_line(custom_id: str) -> dict[str, Any]:
    body = {"model": "openai/text-embedding-3-small", "input": "hello"}
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/embeddings", "body": body}


def mixed(path: Path) -> Path:
    """Chats, messages and embeddings interleaved, two of them failing."""
    rows = []
    for i in range(4):
        rows += [chat_line(f"c{i}"), message_line(f"m{i}"), embedding_line(f"e{i}")]
    rows += [chat_line("c-bad", model="test/fail-400"), message_line("m-bad", "test/fail-429")]
    return write_input(path / "in.jsonl", rows)


def shape(line: dict[str, Any]) -> tuple[str, int | None, str | None]:
    """What must agree between `zaguan run` and `zaguan batch` (bodies aside)."""
    response, error = line["response"], line["error"]
    status = None if response is None else response["status_code"]
    return line["custom_id"], status, None if error is None else error["code"]


def test_one_job_runs_both_apis_and_gives_input_order(
    client: ZaguanClient, corex_server: LocalCoreX, tmp_path: Path
) -> None:
    source = mixed(tmp_path)
    job = submit(source, client=client)
    assert [(b.api, b.url, b.lines) for b in job.record.batches] == [
        ("openai", "/v1/chat/completions", 5),
        ("anthropic", "/v1/messages", 5),
        ("openai", "/v1/embeddings", 4),
    ]
    status = finished(job)
    assert (status.finished, status.total, status.completed, status.failed) == (True, 14, 12, 2)
    summary = job.results(tmp_path / "out.jsonl")
    assert (summary.done, summary.failed) == (14, 2)
    assert dict(summary.by_status) == {200: 12, 400: 1, 429: 1}
    lines = outputs(tmp_path / "out.jsonl")
    assert [line["custom_id"] for line in lines] == [
        json.loads(raw)["custom_id"] for raw in source.read_bytes().splitlines()
    ]
    by_id = {line["custom_id"]: line for line in lines}
    assert by_id["m0"]["response"]["body"]["type"] == "message"
    assert by_id["e0"]["response"]["body"]["object"] == "list"
    assert by_id["m-bad"]["error"]["code"] == "rate_limit_exceeded"
    for batch in job.record.batches:  # each line charged once, under the batch's derived id
        line = next(line for line in lines if line["response"]["request_id"].startswith(batch.id))
        request_id = derive_request_id(batch.id, line["custom_id"])
        assert line["response"]["request_id"] == request_id
        assert len(corex_server.ledger.charges_for(request_id)) == 1
    assert corex_server.ledger.credits_used == 12


async def test_results_agree_with_zaguan_run(
    client: ZaguanClient, corex_server: LocalCoreX, tmp_path: Path
) -> None:
    source = mixed(tmp_path)
    async with AsyncZaguanClient(
        corex_server.api_key, base_url=corex_server.base_url
    ) as run_client:
        await zaguan.bulk.arun(source, tmp_path / "run.jsonl", client=run_client, ordered=True)
    job = submit(source, client=client)
    finished(job)
    job.results(tmp_path / "batch.jsonl")
    ran, batched = outputs(tmp_path / "run.jsonl"), outputs(tmp_path / "batch.jsonl")
    assert [shape(line) for line in batched] == [shape(line) for line in ran]
    assert [set(line) for line in batched] == [set(line) for line in ran]
    assert [line["error"] for line in batched if line["custom_id"] == "c-bad"] == [
        line["error"] for line in ran if line["custom_id"] == "c-bad"
    ]


def test_an_input_over_the_limits_is_split_and_comes_back_whole(tmp_path: Path) -> None:
    """120,000 lines: three batches (the contract's 50,000 a batch), each running its first 100
    lines and expiring with the rest (the server's switch: running them all costs a minute),
    so both result files of each batch are merged back, every line once, in input order."""
    count, ran = 120_000, 100
    with (tmp_path / "in.jsonl").open("wb") as file:
        for i in range(count):
            file.write(b'{"model":"test/echo","messages":[{"role":"user","content":"%d"}]}\n' % i)
    with (
        LocalCoreX() as server,
        ZaguanClient(server.api_key, base_url=server.base_url, timeout=120) as client,
    ):
        job = submit(
            tmp_path / "in.jsonl", client=client, endpoint="chat",
            metadata={"zaguan_test_expire_after": str(ran)},
        )  # fmt: skip
        assert [b.lines for b in job.record.batches] == [50_000, 50_000, 20_000]
        assert finished(job).completed == 3 * ran
        summary = job.results(tmp_path / "out.jsonl")
        assert (summary.done, summary.failed) == (count, count - 3 * ran)
        assert dict(summary.by_error) == {"batch_expired": count - 3 * ran}
        assert server.ledger.credits_used == 3 * ran
    statuses: dict[int, int] = {}
    with (tmp_path / "out.jsonl").open("rb") as file:
        for number, raw in enumerate(file, 1):
            line = json.loads(raw)
            assert line["custom_id"] == str(number)
            ok = (number - 1) % 50_000 < ran
            assert (line["error"] is None) is ok
            statuses[number] = ok
    assert len(statuses) == count


def test_an_expired_batch_returns_what_ran_and_names_the_rest(
    client: ZaguanClient, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"c{i}") for i in range(5)])
    job = submit(source, client=client, metadata={"zaguan_test_expire_after": "2"})
    assert finished(job).batches[0].status == "expired"
    summary = job.results(tmp_path / "out.jsonl")
    lines = outputs(tmp_path / "out.jsonl")
    assert [shape(line) for line in lines] == [
        ("c0", 200, None), ("c1", 200, None),
        ("c2", None, "batch_expired"), ("c3", None, "batch_expired"), ("c4", None, "batch_expired"),
    ]  # fmt: skip
    assert dict(summary.by_error) == {"batch_expired": 3}


def test_a_cancelled_job_returns_what_ran_and_names_the_rest(
    client: ZaguanClient, tmp_path: Path
) -> None:
    rows = [chat_line(f"c{i}") for i in range(4)] + [message_line("m0")]
    source = write_input(tmp_path / "in.jsonl", rows)
    job = submit(source, client=client, metadata={"zaguan_test_lines_per_read": "1"})
    job.status()  # validating -> in_progress; the message batch runs at its first read
    job.status()  # one line runs
    job.cancel()
    status = finished(job)
    assert [b.status for b in status.batches] == ["cancelled", "ended"]
    job.results(tmp_path / "out.jsonl")
    assert [shape(line) for line in outputs(tmp_path / "out.jsonl")] == [
        ("c0", 200, None), ("c1", None, "batch_cancelled"), ("c2", None, "batch_cancelled"),
        ("c3", None, "batch_cancelled"), ("m0", 200, None),
    ]  # fmt: skip


def test_a_message_batch_cancelled_before_it_ran(client: ZaguanClient, tmp_path: Path) -> None:
    job = submit(write_input(tmp_path / "in.jsonl", [message_line("m0")]), client=client)
    job.cancel()
    assert finished(job).batches[0].status == "ended"
    summary = job.results(tmp_path / "out.jsonl")
    assert [shape(line) for line in outputs(tmp_path / "out.jsonl")] == [
        ("m0", None, "batch_cancelled")
    ]
    assert dict(summary.by_error) == {"batch_cancelled": 1}


class CuttingClient(ZaguanClient):
    """A client whose file downloads lose their last ``cut`` bytes, as a broken proxy might."""

    cut = 10

    def get_file_content(self, file_id: str, **options: Any) -> Any:
        return super().get_file_content(file_id, **options)[: -self.cut]


@pytest.mark.parametrize("cut", [10, 1_000])
def test_a_result_file_cut_short_is_an_error_naming_the_batch(
    corex_server: LocalCoreX, tmp_path: Path, cut: int
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"c{i}") for i in range(5)])
    with CuttingClient(corex_server.api_key, base_url=corex_server.base_url) as client:
        client.cut = cut  # 10: the last line is cut; 1,000: whole lines are gone
        job = submit(source, client=client)
        finished(job)
        with pytest.raises(BatchJobError, match=r"batch batch_local_\d+: .*(cut short|holds 2)"):
            job.results(tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_a_missing_result_file_is_an_error_naming_the_batch(
    client: ZaguanClient, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("c0")])
    job = submit(source, client=client)
    finished(job)
    output_file = client.get_batch(job.record.batches[0].id).output_file_id
    assert output_file is not None
    client.delete_file(output_file)
    with pytest.raises(BatchJobError, match=f"batch batch_local_.*output file {output_file}"):
        job.results(tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_results_before_the_end_and_over_an_output_are_refused(
    client: ZaguanClient, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("c0")])
    job = submit(source, client=client)
    with pytest.raises(BatchJobError, match="is still in_progress: wait"):
        job.results(tmp_path / "out.jsonl")
    (tmp_path / "taken.jsonl").write_text("")
    with pytest.raises(BatchJobError, match=r"taken\.jsonl exists"):
        job.results(tmp_path / "taken.jsonl")
    finished(job)
    source.write_text(source.read_text().replace("hello", "bye"))
    with pytest.raises(BatchJobError, match="has changed since it was submitted"):
        job.results(tmp_path / "out.jsonl")


def test_wait_gives_progress_and_a_timeout(client: ZaguanClient, tmp_path: Path) -> None:
    rows = [chat_line(f"c{i}") for i in range(3)]
    job = submit(write_input(tmp_path / "in.jsonl", rows), client=client,
                 metadata={"zaguan_test_lines_per_read": "1"})  # fmt: skip
    job._sleep = lambda seconds: None  # type: ignore[method-assign]
    with pytest.raises(BatchJobError, match=r"has not ended after 0\.5 s"):
        job.wait(poll_interval=1, timeout=0.5)
    seen: list[zaguan.bulk.Progress] = []
    job.wait(poll_interval=1, on_progress=seen.append)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert (seen[-1].total, seen[-1].done, seen[-1].finished) == (3, 3, True)
    assert not any(p.finished for p in seen[:-1])


async def test_the_async_twin_gives_the_same_lines(
    client: ZaguanClient, corex_server: LocalCoreX, tmp_path: Path
) -> None:
    source = mixed(tmp_path)
    job = submit(source, client=client)
    finished(job)
    job.results(tmp_path / "sync.jsonl")
    async with AsyncZaguanClient(corex_server.api_key, base_url=corex_server.base_url) as aclient:
        ajob = await asubmit(source, client=aclient)
        assert [b.api for b in ajob.record.batches] == ["openai", "anthropic", "openai"]
        asked: list[float] = []

        async def record(seconds: float) -> None:
            asked.append(seconds)

        ajob._sleep = record  # type: ignore[method-assign]
        status = await ajob.wait(poll_interval=1.0)
        assert (status.finished, status.completed, status.failed) == (True, 12, 2)
        assert asked
        summary = await ajob.results(tmp_path / "async.jsonl")
        assert (summary.done, summary.failed) == (14, 2)
        assert (await ajob.cancel()).finished
    a, b = outputs(tmp_path / "sync.jsonl"), outputs(tmp_path / "async.jsonl")
    assert [shape(line) for line in b] == [shape(line) for line in a]
