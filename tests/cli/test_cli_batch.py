"""`zaguan batch`: submit, wait, results, status, cancel, list, in subprocesses against the
session's local CoreX; `zaguan batch results` gives what `zaguan run` gives, line for line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.bulk._support import chat_line, outputs, write_input
from tests.cli.conftest import Run, one_line

EXAMPLE = Path(__file__).parents[2] / "examples" / "bulk.jsonl"


@pytest.fixture
def batch_env(cli_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    return {**cli_env, "ZAGUAN_BATCH_DIR": str(tmp_path / "jobs")}


def shape(line: dict[str, Any]) -> tuple[str, int | None, Any]:
    response = line["response"]
    return line["custom_id"], None if response is None else response["status_code"], line["error"]


def submitted(zaguan: Run, env: dict[str, str], source: Path) -> str:
    result = zaguan("batch", "submit", str(source), "--wait", "--poll", "0.01", env=env)
    assert result.returncode == 0, result.stderr
    found = re.search(r"job (job_[0-9a-f]{32})", result.stdout)
    assert found, result.stdout
    assert f"results: zaguan batch results {found[1]} -o OUTPUT" in result.stdout
    return found[1]


@pytest.mark.parametrize("source", ["example", "failures"])
def test_batch_results_are_the_lines_of_zaguan_run(
    zaguan: Run, batch_env: dict[str, str], tmp_path: Path, source: str
) -> None:
    path = EXAMPLE
    if source == "failures":
        rows = [chat_line("a"), chat_line("b", model="test/fail-400"), chat_line("c"),
                chat_line("d", model="test/fail-404")]  # fmt: skip
        path = write_input(tmp_path / "in.jsonl", rows)
    ran = zaguan("run", str(path), "-o", str(tmp_path / "a.jsonl"), "--ordered", env=batch_env)
    job = submitted(zaguan, batch_env, path)
    result = zaguan("batch", "results", job, "-o", str(tmp_path / "b.jsonl"), env=batch_env)
    assert result.returncode == ran.returncode, result.stderr
    assert f"output: {tmp_path / 'b.jsonl'}" in result.stdout
    a, b = outputs(tmp_path / "a.jsonl"), outputs(tmp_path / "b.jsonl")
    assert [shape(line) for line in b] == [shape(line) for line in a]
    assert len(b) == (30 if source == "example" else 4)


def test_status_cancel_list_and_json(
    zaguan: Run, batch_env: dict[str, str], tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"c{i}") for i in range(3)])
    made = zaguan("batch", "submit", str(source), "--json", env=batch_env)
    assert made.returncode == 0, made.stderr
    job = json.loads(made.stdout)["job"]
    status = zaguan("batch", "status", job, env=batch_env)
    assert status.returncode == 0
    assert f"job {job} running" in status.stdout
    cancelled = zaguan("batch", "cancel", job, "--json", env=batch_env)
    assert json.loads(cancelled.stdout)["batches"][0]["status"] in ("cancelling", "cancelled")
    waited = zaguan("batch", "wait", job, "--poll", "0.01", "--json", env=batch_env)
    assert json.loads(waited.stdout)["finished"] is True
    listed = zaguan("batch", "list", "--json", env=batch_env)
    assert [j["job"] for j in json.loads(listed.stdout)] == [job]
    assert job in zaguan("batch", "list", env=batch_env).stdout
    result = zaguan("batch", "results", job, "-o", str(tmp_path / "out.jsonl"), env=batch_env)
    assert result.returncode == 3  # lines that never ran are failed lines
    assert {line["error"]["code"] for line in outputs(tmp_path / "out.jsonl")} == {
        "batch_cancelled"
    }


def test_mistakes_are_one_line_with_their_status(
    zaguan: Run, batch_env: dict[str, str], tmp_path: Path
) -> None:
    missing = "job_" + "0" * 32
    result = zaguan("batch", "status", missing, env=batch_env)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"zaguan: no job {missing}")
    bad = write_input(tmp_path / "bad.jsonl", [b"{nope\n"])
    result = zaguan("batch", "submit", str(bad), env=batch_env)
    assert result.returncode == 2
    assert "line 1: not JSON" in one_line(result.stderr)
    assert not (tmp_path / "jobs").exists()
    off = {**batch_env, "ZAGUAN_BATCH_RECORD": "0"}
    source = write_input(tmp_path / "in.jsonl", [chat_line("c0")])
    assert zaguan("batch", "submit", str(source), env=off).returncode == 0
    assert not (tmp_path / "jobs").exists()


def test_help_and_import_zaguan_do_not_load_the_batch_module() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from zaguan._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['batch', '--help'])\n"
        "loaded = [m for m in sys.modules if m.startswith(('zaguan.batch', 'zaguan.bulk'))]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
