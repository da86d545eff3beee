"""`zaguan run`: a file of requests end to end, its exit statuses, and what kill -9 or Ctrl-C
in the middle leaves: with ``--resume``, every line once in the output and one debit per line
in the server's ledger."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from tests.bulk._support import charges, chat_line, outputs, run_id, write_input
from tests.cli.conftest import INTERRUPTIBLE, TIMEOUT, ZAGUAN, Run, one_line
from zaguan.bulk._state import state_path
from zaguan.testing import LocalCoreX

EXAMPLE = Path(__file__).parents[2] / "examples" / "bulk.jsonl"


def slow_input(path: Path, count: int, delay: float) -> Path:
    return write_input(path, [chat_line(f"s{i}", model=f"test/slow-{delay}") for i in range(count)])


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """``command`` running, its output and errors piped."""
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def wait_for_lines(path: Path, count: int, process: subprocess.Popen[Any]) -> None:
    """Until ``path`` has ``count`` whole lines (the command still running)."""
    deadline = time.monotonic() + TIMEOUT
    while not (path.exists() and path.read_bytes().count(b"\n") >= count):
        assert process.poll() is None, "the command ended before it was stopped"
        assert time.monotonic() < deadline, "no output"
        time.sleep(0.02)


def test_run_writes_every_line_and_sums_up(
    zaguan: Run, tmp_path: Path, corex_server: LocalCoreX
) -> None:
    target = tmp_path / "out.jsonl"
    result = zaguan("run", str(EXAMPLE), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("30 of 30 lines written in ")
    assert "by status: 200: 30" in result.stdout
    assert "credits: 30" in result.stdout
    assert len(outputs(target)) == 30
    assert corex_server.ledger.credits_used == 30


def test_json_prints_the_summary_as_json(zaguan: Run, tmp_path: Path) -> None:
    result = zaguan("run", str(EXAMPLE), "-o", str(tmp_path / "out.jsonl"), "--json")
    summary = json.loads(result.stdout)
    assert (summary["event"], summary["done"], summary["by_status"]) == ("summary", 30, {"200": 30})


def test_bare_bodies_with_an_endpoint(zaguan: Run, tmp_path: Path) -> None:
    rows = [{"model": "openai/text-embedding-3-small", "input": "a b"}] * 3
    source = write_input(tmp_path / "in.jsonl", rows)
    result = zaguan(
        "run", str(source), "-o", str(tmp_path / "out.jsonl"), "--endpoint", "embeddings"
    )
    assert result.returncode == 0, result.stderr
    assert sorted(line["custom_id"] for line in outputs(tmp_path / "out.jsonl")) == ["1", "2", "3"]


def test_kill_9_halfway_then_resume_writes_each_line_once_and_charges_it_once(
    zaguan: Run, cli_env: dict[str, str], tmp_path: Path, corex_server: LocalCoreX
) -> None:
    source, target = slow_input(tmp_path / "in.jsonl", 120, 0.1), tmp_path / "out.jsonl"
    arguments = ["run", str(source), "-o", str(target), "--concurrency", "4"]
    with start([*ZAGUAN, *arguments], cli_env) as process:
        wait_for_lines(target, 20, process)
        process.kill()  # SIGKILL: no cleanup of any kind
    assert process.returncode == -signal.SIGKILL
    before = len(outputs(target))
    assert 20 <= before < 120
    result = zaguan(*arguments, "--resume")
    assert result.returncode == 0, result.stderr
    lines = outputs(target)
    custom_ids = [f"s{i}" for i in range(120)]
    assert sorted(line["custom_id"] for line in lines) == sorted(custom_ids)
    assert all(line["error"] is None for line in lines)
    assert set(charges(corex_server, target, custom_ids).values()) == {1}
    assert corex_server.ledger.credits_used == 120
    assert f"{before:,} lines were written by the run before" in result.stdout


def test_ctrl_c_lets_lines_in_flight_end_then_resume_completes(
    zaguan: Run, cli_env: dict[str, str], tmp_path: Path, corex_server: LocalCoreX
) -> None:
    source, target = slow_input(tmp_path / "in.jsonl", 60, 0.2), tmp_path / "out.jsonl"
    command = [*INTERRUPTIBLE, "run", str(source), "-o", str(target), "--concurrency", "4"]
    with start(command, cli_env) as process:
        wait_for_lines(target, 8, process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "interrupted, the lines in flight written; to carry on: zaguan run" in stdout
    assert "--resume" in stdout
    written = {line["custom_id"] for line in outputs(target)}
    run = run_id(target)
    sent = {f"s{i}" for i in range(60) if corex_server.attempts(f"{run}:s{i}")}
    assert sent == written
    assert len(written) < 60
    resumed = zaguan("run", str(source), "-o", str(target), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert len(outputs(target)) == 60
    assert set(charges(corex_server, target, [f"s{i}" for i in range(60)]).values()) == {1}


def test_a_second_ctrl_c_drops_the_lines_in_flight_at_once(
    cli_env: dict[str, str], tmp_path: Path, corex_server: LocalCoreX
) -> None:
    source, target = slow_input(tmp_path / "in.jsonl", 10, 8), tmp_path / "out.jsonl"
    command = [*INTERRUPTIBLE, "run", str(source), "-o", str(target), "--concurrency", "2"]
    with start(command, cli_env) as process:
        deadline = time.monotonic() + TIMEOUT
        while not state_path(target).exists() or not corex_server.attempts(f"{run_id(target)}:s1"):
            assert time.monotonic() < deadline
            assert process.poll() is None
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        time.sleep(0.3)
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 130, stderr
    assert time.monotonic() - started < 5  # not the 8 s the lines in flight take
    assert "interrupted, the lines in flight dropped" in stdout
    assert "Traceback" not in stderr
    assert target.read_bytes() == b""


def test_a_bad_input_is_one_line_and_status_2(zaguan: Run, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line("a"), b"{oops\n"])
    result = zaguan("run", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"zaguan: {source}: line 2: not JSON")
    assert result.stdout == ""


def test_an_existing_output_is_status_2(zaguan: Run, tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_text("")
    result = zaguan("run", str(EXAMPLE), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert "exists: resume=True (--resume) carries on its run" in one_line(result.stderr)


def test_bad_option_values_are_usage_errors(zaguan: Run, tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    for args in (["-c", "nan"], ["-c", "0"], ["--max-credits", "inf"], ["--deadline", "-1"]):
        result = zaguan("run", str(EXAMPLE), "-o", out, *args)
        assert result.returncode == 2, args
        assert "zaguan run: error: argument" in one_line(result.stderr)
    huge = zaguan("run", str(EXAMPLE), "-o", out, "-c", "100000")
    assert huge.returncode == 2
    assert one_line(huge.stderr) == "zaguan: concurrency must be from 1 to 1,000, got 100000"


def test_failed_lines_are_status_3(zaguan: Run, tmp_path: Path) -> None:
    source = write_input(
        tmp_path / "in.jsonl", [chat_line("a"), chat_line("b", model="test/fail-400")]
    )
    result = zaguan("run", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 3, result.stderr
    assert "by error: BadRequestError: 1" in result.stdout


def test_a_stalled_line_fails_at_its_deadline_and_the_run_ends(zaguan: Run, tmp_path: Path) -> None:
    rows = [chat_line("stalled", model="test/slow-10"), chat_line("a"), chat_line("b")]
    source = write_input(tmp_path / "in.jsonl", rows)
    result = zaguan("run", str(source), "-o", str(tmp_path / "out.jsonl"), "--deadline", "2.5")
    assert result.returncode == 3
    assert "by error: APITimeoutError: 1" in result.stdout


def test_max_credits_is_status_4_and_says_how_to_carry_on(
    zaguan: Run, tmp_path: Path, corex_server: LocalCoreX
) -> None:
    out = str(tmp_path / "out.jsonl")
    result = zaguan("run", str(EXAMPLE), "-o", out, "-c", "1", "--max-credits", "5")
    assert result.returncode == 4, result.stderr
    assert "stopped at --max-credits 5; to carry on:" in result.stdout
    assert corex_server.ledger.credits_used == 5
    rest = zaguan("run", str(EXAMPLE), "-o", out, "--resume", "--max-credits", "30")
    assert rest.returncode == 0
    assert len(outputs(Path(out))) == 30


def test_a_refused_key_is_status_1_and_leaves_every_line_to_resume(
    zaguan: Run, cli_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = zaguan(
        "run", str(EXAMPLE), "-o", str(out), env={**cli_env, "ZAGUAN_API_KEY": "zk-no-such-key"}
    )
    assert result.returncode == 1
    assert "authentication_error" in result.stderr.strip().splitlines()[-1]
    assert "stopped by the error below; to carry on:" in result.stdout
    assert out.read_bytes() == b""
    assert zaguan("run", str(EXAMPLE), "-o", str(out), "--resume").returncode == 0


def test_a_closed_stdout_changes_nothing(cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes its summary
    with subprocess.Popen([*ZAGUAN, "run", str(EXAMPLE), "-o", str(out)], env=cli_env,
                          stdout=write, stderr=subprocess.PIPE) as process:  # fmt: skip
        os.close(write)
        _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, stderr
    assert stderr == b""
    assert len(outputs(out)) == 30


def test_rpm_keeps_under_the_servers_limit_with_no_429(
    zaguan: Run, cli_env: dict[str, str], tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", [chat_line(f"r{i}") for i in range(20)])
    with LocalCoreX(rate_limits={"zk-local-pro": (300, None)}) as limited:
        env = {**cli_env, "ZAGUAN_BASE_URL": limited.base_url}
        started = time.monotonic()
        result = zaguan("run", str(source), "-o", str(tmp_path / "out.jsonl"), "--rpm", "240",
                        env=env)  # fmt: skip
        elapsed = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        assert limited.rate_limited() == 0
        assert limited.ledger.credits_used == 20
    # 240/min is 4 a second: a burst of one second's worth, then one every 0.25 s.
    assert elapsed >= (20 - 4) / 4 * 0.9
