"""The local record of jobs (found again by another process, turned off, never holding the key)
and hostile inputs: nothing is sent for a bad line, a job id or record that is not one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.batch.conftest import finished
from tests.bulk._support import chat_line, write_input
from zaguan import AsyncZaguanClient, ConfigurationError, ZaguanClient
from zaguan.batch import BatchJobError, asubmit, list_jobs, open_job, record_dir, submit
from zaguan.bulk import BulkInputError
from zaguan.testing import LocalCoreX

FIND_AGAIN = """
import sys
from zaguan import ZaguanClient
from zaguan.batch import open_job
with ZaguanClient(sys.argv[2], base_url=sys.argv[3]) as client:
    job = open_job(sys.argv[1], client=client)
    status = job.status()
    summary = job.results(sys.argv[4])
print(status.finished, status.completed, summary.done)
"""


def test_a_job_is_found_again_by_another_process(
    client: ZaguanClient, corex_server: LocalCoreX, tmp_path: Path, jobs_dir: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"c{i}") for i in range(3)])
    job = submit(source, client=client)
    finished(job)
    record = jobs_dir / f"{job.id}.json"
    text = record.read_text()
    assert corex_server.api_key not in text
    assert corex_server.base_url not in text
    assert json.loads(text)["batches"][0]["id"] == job.record.batches[0].id
    assert not [p for p in jobs_dir.iterdir() if p.suffix != ".json"]  # no temporary left
    env = {**os.environ, "ZAGUAN_BATCH_DIR": str(jobs_dir)}
    found = subprocess.run(
        [sys.executable, "-c", FIND_AGAIN, job.id, corex_server.api_key,
         corex_server.base_url, str(tmp_path / "out.jsonl")],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == ["True", "3", "3"]
    assert [j.id for j in list_jobs()] == [job.id]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_recording_turned_off_writes_nothing(
    client: ZaguanClient, tmp_path: Path, jobs_dir: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("c0")])
    if how == "environment":
        monkeypatch.setenv("ZAGUAN_BATCH_RECORD", "0")
        job = submit(source, client=client)
    else:
        job = submit(source, client=client, record=False)
    assert not jobs_dir.exists()
    finished(job)  # the job itself works in this process
    assert job.results(tmp_path / "out.jsonl").done == 1
    with pytest.raises(BatchJobError, match=f"no job {job.id} in {jobs_dir}"):
        open_job(job.id)


def test_the_record_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ZAGUAN_BATCH_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert record_dir() == tmp_path / "zaguan" / "batches"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert record_dir() == Path.home() / ".local" / "state" / "zaguan" / "batches"


def test_a_bad_line_stops_the_job_before_anything_is_sent(
    client: ZaguanClient, corex_server: LocalCoreX, tmp_path: Path, jobs_dir: Path
) -> None:
    rows = [chat_line("c0"), b'{"custom_id": "c1", "method": "POST",\n', chat_line("c0")]
    source = write_input(tmp_path / "in.jsonl", rows)
    with pytest.raises(BulkInputError, match=r"line 2: not JSON.*line 3: custom_id 'c0'"):
        submit(source, client=client)
    long_id = chat_line("x" * 65) | {"url": "/v1/messages"}
    long_id["body"] |= {"max_tokens": 5}
    with pytest.raises(BulkInputError, match="line 2: custom_id is 65 characters; a message"):
        submit(write_input(tmp_path / "long.jsonl", [chat_line("c0"), long_id]), client=client)
    assert list(client.list_files()) == []
    assert list(client.list_batches()) == []
    assert corex_server.ledger.credits_used == 0
    assert not jobs_dir.exists()


def test_a_job_id_or_record_that_is_not_one(tmp_path: Path, jobs_dir: Path) -> None:
    with pytest.raises(BatchJobError, match=r"'\.\./etc/passwd' is not a job id"):
        open_job("../etc/passwd")
    missing = "job_" + "0" * 32
    with pytest.raises(BatchJobError, match=f"no job {missing} in {jobs_dir}"):
        open_job(missing)
    jobs_dir.mkdir()
    no_fields = b'{"format": "zaguan-batch-job/1", "id": "%s", "batches": []}' % missing.encode()
    for content in (b'{"format": "zaguan-batch-job/1", "id": ', b"[1, 2]", b"\xff\xfe", no_fields):
        (jobs_dir / f"{missing}.json").write_bytes(content)
        with pytest.raises(BatchJobError, match=f"{missing}.json is not a job record"):
            open_job(missing)
    assert list_jobs() == []  # an unreadable record is left out of the list


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"poll_interval": 0}, "poll_interval must be a positive number"),
        ({"poll_interval": float("nan")}, "poll_interval must be a positive number"),
        ({"max_interval": None}, "max_interval must be a positive number of seconds, got None"),
        ({"timeout": -1}, "timeout must be a positive number"),
    ],
)
def test_wait_refuses_bad_intervals(
    client: ZaguanClient, tmp_path: Path, options: dict[str, Any], problem: str
) -> None:
    job = submit(write_input(tmp_path / "in.jsonl", [chat_line("c0")]), client=client)
    with pytest.raises(ConfigurationError, match=problem):
        job.wait(**options)


async def test_a_client_of_the_other_flavour_is_refused(tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("c0")])
    async with AsyncZaguanClient("zk-x", base_url="http://127.0.0.1:9") as aclient:
        with pytest.raises(
            ConfigurationError, match="client must be an instance of ZaguanClient or None"
        ):
            submit(source, client=aclient)  # type: ignore[arg-type]
    with (
        ZaguanClient("zk-x", base_url="http://127.0.0.1:9") as client,
        pytest.raises(
            ConfigurationError, match="client must be an instance of AsyncZaguanClient or None"
        ),
    ):
        await asubmit(source, client=client)  # type: ignore[arg-type]
