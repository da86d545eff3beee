"""`zaguan.bulk.arun` against the local CoreX: answers, failures, order, budget, stopping."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

import httpx2
import pytest

from tests.bulk._support import charges, chat_line, outputs, run_id, write_input
from zaguan import (
    AsyncZaguanClient,
    AuthenticationError,
    ConfigurationError,
    InsufficientCreditsError,
)
from zaguan.bulk import Progress, arun, run
from zaguan.bulk._runner import WINDOW
from zaguan.testing import LocalCoreX


async def test_every_line_is_answered_once_under_its_derived_request_id(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"q-{i}", f"hello {i}") for i in range(20)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    summary = await arun(source, target, client=client, concurrency=4)
    lines = outputs(target)
    run = run_id(target)
    assert sorted(line["custom_id"] for line in lines) == sorted(r["custom_id"] for r in rows)
    for line in lines:
        response = line["response"]
        assert line["error"] is None
        assert response["status_code"] == 200
        assert response["request_id"] == f"{run}:{line['custom_id']}"
        number = line["custom_id"].removeprefix("q-")
        assert response["body"]["choices"][0]["message"]["content"] == f"Echo: hello {number}"
    assert set(charges(server, target, (r["custom_id"] for r in rows)).values()) == {1}
    assert (summary.done, summary.failed, summary.total, summary.credits) == (20, 0, 20, 20.0)
    assert dict(summary.by_status) == {200: 20}
    assert summary.finished
    assert summary.stopped is None


async def test_the_body_written_is_corex_answer_byte_for_byte(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("only")])
    await arun(source, tmp_path / "out.jsonl", client=client)
    request_id = f"{run_id(tmp_path / 'out.jsonl')}:only"
    # The same request again is answered from CoreX's record: the same bytes.
    again = httpx2.post(
        f"{server.base_url}/v1/chat/completions",
        json=chat_line("only")["body"],
        headers={"Authorization": f"Bearer {server.api_key}", "X-Request-Id": request_id},
    )
    assert again.status_code == 200
    assert b'"body":' + again.content.strip() + b"}" in (tmp_path / "out.jsonl").read_bytes()


async def test_retried_lines_keep_their_request_id_and_are_charged_once(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"r{i}", model="test/fail-503-2") for i in range(4)]  # 503, 503, 200
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    summary = await arun(source, target, client=client)
    assert (summary.done, summary.failed) == (4, 0)
    run = run_id(target)
    assert {server.attempts(f"{run}:r{i}") for i in range(4)} == {3}
    assert set(charges(server, target, (r["custom_id"] for r in rows)).values()) == {1}


async def test_run_refuses_to_start_inside_an_event_loop(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a")])
    with pytest.raises(ConfigurationError, match=r"await zaguan.bulk.arun"):
        run(source, tmp_path / "out.jsonl", client=client)
    assert not (tmp_path / "out.jsonl").exists()


async def test_bare_bodies_go_to_the_endpoint_numbered_by_line(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [{"model": "openai/text-embedding-3-small", "input": f"text {i}"} for i in range(3)]
    source = write_input(tmp_path / "in.jsonl", rows)
    await arun(source, tmp_path / "out.jsonl", client=client, endpoint="embeddings")
    lines = outputs(tmp_path / "out.jsonl")
    assert sorted(line["custom_id"] for line in lines) == ["1", "2", "3"]
    assert {line["response"]["body"]["object"] for line in lines} == {"list"}


async def test_a_failed_line_is_written_with_its_error_and_the_run_goes_on(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line("ok-1"), chat_line("bad", model="test/fail-400"), chat_line("ok-2"),
            chat_line("gone", model="nobody/no-model")]  # fmt: skip
    source = write_input(tmp_path / "in.jsonl", rows)
    summary = await arun(source, tmp_path / "out.jsonl", client=client, concurrency=1)
    by_id = {line["custom_id"]: line for line in outputs(tmp_path / "out.jsonl")}
    assert by_id["ok-1"]["error"] is None
    assert by_id["ok-2"]["error"] is None
    bad = by_id["bad"]
    assert bad["response"]["status_code"] == 400
    assert bad["response"]["body"]["error"]["type"] == bad["error"]["code"]
    assert bad["error"]["message"] == bad["response"]["body"]["error"]["message"]
    assert by_id["gone"]["response"]["status_code"] == 404
    assert by_id["gone"]["error"]["code"] == "model_not_found"
    assert (summary.done, summary.failed, summary.succeeded) == (4, 2, 2)
    assert dict(summary.by_error) == {"BadRequestError": 1, "NotFoundError": 1}
    assert dict(summary.by_status) == {200: 2, 400: 1, 404: 1}


async def test_ordered_output_is_in_input_order(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(str(i), model="test/slow-0.3" if i < 2 else "test/echo") for i in range(12)]
    source = write_input(tmp_path / "in.jsonl", rows)
    await arun(source, tmp_path / "ordered.jsonl", client=client, concurrency=4, ordered=True)
    assert [line["custom_id"] for line in outputs(tmp_path / "ordered.jsonl")] == [
        str(i) for i in range(12)
    ]
    await arun(source, tmp_path / "as-done.jsonl", client=client, concurrency=4)
    assert [line["custom_id"] for line in outputs(tmp_path / "as-done.jsonl")][:2] != ["0", "1"]


async def test_ordered_mode_runs_at_most_a_window_ahead_of_a_slow_line(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line("0", model="test/slow-1")] + [chat_line(str(i)) for i in range(1, 60)]
    source = write_input(tmp_path / "in.jsonl", rows)
    await arun(source, tmp_path / "out.jsonl", client=client, concurrency=2, ordered=True)
    # Debits are recorded as answers are made: before line 0's, only the window's lines ran.
    first = f"{run_id(tmp_path / 'out.jsonl')}:0"
    position = [entry.request_id for entry in server.ledger.entries].index(first)
    assert 0 < position <= WINDOW * 2
    assert len(outputs(tmp_path / "out.jsonl")) == 60


async def test_max_credits_stops_sending_and_resume_with_more_carries_on(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"c{i}") for i in range(30)]  # 1 credit each
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    first = await arun(source, target, client=client, concurrency=1, max_credits=10)
    assert (first.stopped, first.done, first.credits) == ("max_credits", 10, 10.0)
    assert server.ledger.credits_used == 10
    again = await arun(source, target, client=client, resume=True, max_credits=10)
    assert (again.stopped, again.done, again.skipped) == ("max_credits", 0, 10)
    rest = await arun(source, target, client=client, resume=True, max_credits=100)
    assert (rest.stopped, rest.done, rest.skipped, rest.credits) == (None, 20, 10, 30.0)
    assert sorted(line["custom_id"] for line in outputs(target)) == sorted(
        f"c{i}" for i in range(30)
    )
    assert server.ledger.credits_used == 30


async def test_resume_after_a_crash_sends_only_what_is_missing_and_charges_once(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"r{i}", f"text {i}") for i in range(20)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    await arun(source, target, client=client, concurrency=4)
    # The crash: the last three answers never reached the disk, and a fourth only half of it.
    lines = target.read_bytes().splitlines(keepends=True)
    lost = [json.loads(line)["custom_id"] for line in lines[-4:]]
    target.write_bytes(b"".join(lines[:-4]) + lines[-4][: len(lines[-4]) // 2])
    summary = await arun(source, target, client=client, resume=True)
    assert (summary.done, summary.skipped, summary.total) == (4, 16, 4)
    after = outputs(target)
    assert sorted(line["custom_id"] for line in after) == sorted(r["custom_id"] for r in rows)
    assert set(charges(server, target, (r["custom_id"] for r in rows)).values()) == {1}
    run = run_id(target)
    assert {cid: server.attempts(f"{run}:{cid}") for cid in lost} == dict.fromkeys(lost, 2)
    assert server.ledger.credits_used == 20


async def test_cancelling_drops_the_lines_in_flight_and_resume_completes_them(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"s{i}", model="test/slow-0.4") for i in range(12)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    seen: list[Progress] = []
    task = asyncio.create_task(
        arun(source, target, client=client, concurrency=4, on_progress=seen.append,
             progress_interval=0.05)
    )  # fmt: skip
    while not (target.exists() and target.read_bytes().count(b"\n") >= 4):
        await asyncio.sleep(0.02)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert seen[-1].finished
    assert seen[-1].stopped == "abandoned"
    written = outputs(target)
    assert 4 <= len(written) < 12
    summary = await arun(source, target, client=client, resume=True, concurrency=4)
    assert summary.skipped == len(written)
    assert summary.done == 12 - len(written)
    assert len(outputs(target)) == 12
    await asyncio.sleep(0.5)  # the abandoned requests' answers, still being made, are in
    assert set(charges(server, target, (r["custom_id"] for r in rows)).values()) == {1}


async def test_stop_lets_the_lines_in_flight_end_and_writes_them(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"t{i}", model="test/slow-0.3") for i in range(20)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    stop = asyncio.Event()
    task = asyncio.create_task(arun(source, target, client=client, concurrency=3, stop=stop))
    while not target.exists() or not target.read_bytes():
        await asyncio.sleep(0.02)
    stop.set()
    summary = await task
    assert summary.stopped == "stopped"
    assert summary.done < 20
    written = {line["custom_id"] for line in outputs(target)}
    run = run_id(target)
    sent = {r["custom_id"] for r in rows if server.attempts(f"{run}:{r['custom_id']}")}
    assert sent == written  # every line sent was written, none half


async def test_a_deadline_fails_a_stalled_line_and_the_run_goes_on(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    # A deadline well above what a quick line takes on a loaded machine, well below the stall.
    rows = [chat_line("stalled", model="test/slow-10")] + [chat_line(f"f{i}") for i in range(6)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    started = time.monotonic()
    summary = await arun(source, target, client=client, concurrency=2, deadline=2.5)
    assert time.monotonic() - started < 8  # not the 10 s of the stalled answer
    by_id = {line["custom_id"]: line for line in outputs(target)}
    assert by_id["stalled"]["response"] is None
    assert by_id["stalled"]["error"]["code"] == "APITimeoutError"
    assert "deadline of 2.5 s" in by_id["stalled"]["error"]["message"]
    assert (summary.done, summary.failed) == (7, 1)


async def test_a_refused_key_stops_the_run_unwritten_and_resume_carries_on(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"k{i}") for i in range(10)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    async with AsyncZaguanClient("zk-wrong-key-123", base_url=server.base_url) as wrong:
        with pytest.raises(AuthenticationError):
            await arun(source, target, client=wrong, concurrency=2)
    assert outputs(target) == []  # no line is written as failed: each stays to be sent
    summary = await arun(source, target, client=client, resume=True)
    assert summary.done == 10
    assert len(outputs(target)) == 10


async def test_spent_credits_stop_the_run_with_the_answers_written(tmp_path: Path) -> None:
    rows = [chat_line(f"p{i}") for i in range(8)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    with LocalCoreX(credits=5) as poor:
        async with AsyncZaguanClient(poor.api_key, base_url=poor.base_url) as client:
            with pytest.raises(InsufficientCreditsError):
                await arun(source, target, client=client, concurrency=1)
    assert len(outputs(target)) == 5


async def test_a_failing_progress_callback_is_logged_and_the_run_goes_on(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient, caplog: pytest.LogCaptureFixture
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"x{i}") for i in range(5)])

    def broken(progress: Progress) -> None:
        raise RuntimeError("display broke")

    with caplog.at_level(logging.ERROR, logger="zaguan.bulk"):
        summary = await arun(source, tmp_path / "out.jsonl", client=client, on_progress=broken)
    assert summary.done == 5
    assert "on_progress raised" in caplog.text


async def test_progress_reports_along_the_way_and_ends_with_the_summary(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"g{i}", model="test/slow-0.1") for i in range(10)]
    source = write_input(tmp_path / "in.jsonl", rows)
    seen: list[Progress] = []
    summary = await arun(source, tmp_path / "out.jsonl", client=client, concurrency=2,
                         on_progress=seen.append, progress_interval=0.05)  # fmt: skip
    assert seen[-1] == summary
    assert summary.finished
    running = [p for p in seen if not p.finished]
    assert running
    assert all(p.total == 10 for p in running)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert any(0 < p.done < 10 and p.eta is not None and p.rate > 0 for p in running)


def test_run_is_the_same_without_an_event_loop(tmp_path: Path, server: LocalCoreX) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"y{i}") for i in range(5)])

    def make(http: httpx2.AsyncClient) -> AsyncZaguanClient:
        return AsyncZaguanClient(server.api_key, base_url=server.base_url, http_client=http)

    summary = run(source, tmp_path / "out.jsonl", client=make)
    assert summary.done == 5
    assert len(outputs(tmp_path / "out.jsonl")) == 5


def test_run_makes_its_own_client_from_the_environment(
    tmp_path: Path, server: LocalCoreX, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_API_KEY", server.api_key)
    monkeypatch.setenv("ZAGUAN_BASE_URL", server.base_url)
    source = write_input(tmp_path / "in.jsonl", [chat_line("env")])
    assert run(source, tmp_path / "out.jsonl").done == 1
