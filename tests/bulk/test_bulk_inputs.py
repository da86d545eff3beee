"""What stops a bulk run before it sends anything: bad lines, bad files, bad options, a resume
that does not match. Each is a `BulkInputError` naming the problem, and nothing is charged."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from tests.bulk._support import chat_line, outputs, run_id, write_input
from zaguan import AsyncZaguanClient
from zaguan.bulk import BulkInputError, arun
from zaguan.bulk._state import state_path
from zaguan.testing import LocalCoreX


async def refused(source: Path, target: Path, client: AsyncZaguanClient, **options: Any) -> str:
    with pytest.raises(BulkInputError) as caught:
        await arun(source, target, client=client, **options)
    return str(caught.value)


async def test_bad_lines_are_listed_with_their_numbers_before_anything_is_sent(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows: list[Any] = [
        chat_line("a"),
        b"{not json\n",
        b"  \n",  # blank: skipped, as CoreX's batches skip it
        {"custom_id": "b", "method": "POST", "url": "/v1/nowhere", "body": {}},
        chat_line("a"),
        {"custom_id": "c", "url": "/v1/chat/completions", "body": {}},
        b'{"model": "caf\xe9"}\n',
        {"model": "m", "messages": []},
    ]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    text = await refused(source, target, client)
    assert text.startswith(f"{source}: line 2: not JSON")
    assert "line 3" not in text
    for expected in (
        "line 4: url must be one of",
        "line 5: custom_id 'a' is on an earlier line too",
        "line 6: missing 'method'",
        "line 7: not UTF-8 text",
        "line 8: a bare request body needs the run's endpoint",
    ):
        assert expected in text
    assert server.ledger.entries == ()
    assert not target.exists()
    assert not state_path(target).exists()


async def test_checking_stops_after_ten_bad_lines(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [b"nope\n"] * 50)
    with pytest.raises(BulkInputError) as caught:
        await arun(source, tmp_path / "out.jsonl", client=client)
    assert len(caught.value.problems) == 11
    assert caught.value.problems[-1] == (None, "stopped checking after 10 bad lines")


async def test_a_ten_megabyte_line_is_refused_and_the_lines_after_it_are_read(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    huge = chat_line("huge", "word " * 2_000_000)
    source = write_input(tmp_path / "in.jsonl", [chat_line("a"), huge, b"oops\n"])
    text = await refused(source, tmp_path / "out.jsonl", client)
    assert "line 2: longer than 8,388,608 bytes" in text
    assert "line 3: not JSON" in text  # the reader found the end of line 2


async def test_blank_lines_are_skipped_but_counted_in_the_numbering(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    body = {"model": "openai/text-embedding-3-small", "input": "x"}
    source = write_input(tmp_path / "in.jsonl", [body, b"\n", b"\r\n", body, b"\n"])
    summary = await arun(source, tmp_path / "out.jsonl", client=client, endpoint="embeddings")
    assert summary.total == 2
    assert sorted(line["custom_id"] for line in outputs(tmp_path / "out.jsonl")) == ["1", "4"]


async def test_an_empty_input_writes_an_empty_output(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [])
    summary = await arun(source, tmp_path / "out.jsonl", client=client)
    assert (summary.total, summary.done, summary.finished) == (0, 0, True)
    assert (tmp_path / "out.jsonl").read_bytes() == b""


async def test_files_that_cannot_be_used_are_named(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a")])
    out = tmp_path / "out.jsonl"
    assert "is a directory" in await refused(tmp_path, out, client)
    assert "cannot read the input" in await refused(tmp_path / "missing.jsonl", out, client)
    assert "Not a directory" in await refused(source / "in.jsonl", out, client)  # unreadable
    missing = tmp_path / "nowhere" / "out.jsonl"
    assert f"the output's folder {missing.parent} does not exist" in await refused(
        source, missing, client
    )
    assert "the output" in await refused(source, source, client)
    assert "is a directory" in await refused(source, tmp_path, client)
    assert "is not a regular file" in await refused(Path("/dev/null"), out, client)
    assert not out.exists()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"concurrency": 0}, "concurrency must be from 1 to 1,000, got 0"),
        ({"concurrency": -1}, "concurrency must be from 1 to 1,000, got -1"),
        ({"concurrency": 10**9}, "concurrency must be from 1 to 1,000"),
        ({"concurrency": float("nan")}, "concurrency must be a whole number, got nan"),
        ({"concurrency": True}, "concurrency must be a whole number, got True"),
        ({"max_credits": float("nan")}, "max_credits must be a finite number >= 0"),
        ({"max_credits": -1}, "max_credits must be a finite number >= 0"),
        ({"deadline": 0}, "deadline must be a positive number of seconds"),
        ({"progress_interval": float("inf")}, "progress_interval must be a positive number"),
        ({"endpoint": "completions"}, "endpoint must be one of"),
        ({"run_id": "has space"}, "run_id: request_id must not contain spaces"),
        ({"ordered": "yes"}, "ordered must be True or False"),
    ],
)
async def test_bad_options_are_refused(
    tmp_path: Path, client: AsyncZaguanClient, options: dict[str, Any], expected: str
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a")])
    assert expected in await refused(source, tmp_path / "out.jsonl", client, **options)
    assert not (tmp_path / "out.jsonl").exists()


async def test_an_existing_output_is_not_overwritten(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a")])
    target = tmp_path / "out.jsonl"
    target.write_text("precious\n")
    assert "out.jsonl exists: resume=True (--resume) carries on" in await refused(
        source, target, client
    )
    assert target.read_text() == "precious\n"


async def test_resume_needs_a_run_to_resume(tmp_path: Path, client: AsyncZaguanClient) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a")])
    target = tmp_path / "out.jsonl"
    assert "no run to resume" in await refused(source, target, client, resume=True)
    target.write_text("")
    assert "has no run state" in await refused(source, target, client, resume=True)


async def test_resume_refuses_another_input_naming_both(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a"), chat_line("b")])
    target = tmp_path / "out.jsonl"
    await arun(source, target, client=client)
    other = write_input(tmp_path / "other.jsonl", [chat_line("a"), chat_line("c")])
    text = await refused(other, target, client, resume=True)
    assert f"{other} is not the input this run started with ({source})" in text
    assert "sha256" in text
    assert "now" in text
    assert "then" in text


async def test_resume_refuses_an_output_the_state_does_not_match(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a"), chat_line("b")])
    target = tmp_path / "out.jsonl"
    await arun(source, target, client=client, concurrency=1)
    lines = target.read_bytes().splitlines(keepends=True)
    state = state_path(target).read_bytes()
    foreign = json.loads(lines[1])
    foreign["response"]["request_id"] = "bulk_other:b"
    target.write_bytes(lines[0] + json.dumps(foreign).encode() + b"\n")
    assert "line 2: written by another run" in await refused(source, target, client, resume=True)
    target.write_bytes(lines[0] + lines[0])
    assert "line 2: custom_id 'a' is on an earlier line too" in await refused(
        source, target, client, resume=True
    )
    target.write_bytes(lines[0] + b"garbage\n")
    assert "line 2: not a result line" in await refused(source, target, client, resume=True)
    target.write_bytes(b"".join(lines))
    state_path(target).write_text("{}")
    assert "is not the state of a run" in await refused(source, target, client, resume=True)
    state_path(target).write_bytes(state)
    assert "endpoint /v1/embeddings now" in await refused(
        source, target, client, resume=True, endpoint="embeddings"
    )
    assert "run_id 'other' now" in await refused(
        source, target, client, resume=True, run_id="other"
    )
    assert len(outputs(target)) == 2
    assert run_id(target).startswith("bulk_")


async def test_resume_refuses_an_output_line_the_input_does_not_have(
    tmp_path: Path, client: AsyncZaguanClient
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a"), chat_line("b")])
    target = tmp_path / "out.jsonl"
    await arun(source, target, client=client, run_id="fixed")
    line = json.loads(target.read_bytes().splitlines()[0])
    line["custom_id"] = "zzz"
    line["response"]["request_id"] = "fixed:zzz"
    with target.open("ab") as file:
        file.write(json.dumps(line).encode() + b"\n")
    assert "1 custom_id(s) of" in await refused(source, target, client, resume=True)


async def test_a_second_resume_of_a_running_run_is_refused(
    tmp_path: Path, server: LocalCoreX, client: AsyncZaguanClient
) -> None:
    rows = [chat_line(f"l{i}", model="test/slow-0.2") for i in range(10)]
    source, target = write_input(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    running = asyncio.create_task(arun(source, target, client=client, concurrency=2))
    while not state_path(target).exists():
        await asyncio.sleep(0.01)
    assert "another run is writing this output now" in await refused(
        source, target, client, resume=True
    )
    assert (await running).done == 10
    assert len(outputs(target)) == 10
    summary = await arun(source, target, client=client, resume=True)  # the lock is given back
    assert summary.skipped == 10
