"""Expected failures: one line on stderr, no traceback, exit 2 for usage and configuration,
1 when CoreX refuses or cannot be reached; never the key."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import TIMEOUT, Run, clean_env, one_line
from zaguan import __version__ as zaguan_version
from zaguan.testing import LocalCoreX


def test_a_bad_key_is_exit_1_with_the_request_id_and_without_the_key(
    zaguan: Run, corex_server: LocalCoreX
) -> None:
    key = "zk-not-a-valid-key-123"
    env = clean_env(ZAGUAN_BASE_URL=corex_server.base_url, ZAGUAN_API_KEY=key)
    result = zaguan("chat", "hi", "-m", "test/echo", env=env)
    assert (result.returncode, result.stdout) == (1, "")
    line = one_line(result.stderr)
    assert line.startswith("zaguan: Error code: 401 - authentication_error")
    assert "request_id=" in line
    assert key not in result.stderr


def test_an_unknown_model_is_exit_1(zaguan: Run) -> None:
    result = zaguan("embed", "hi", "-m", "nobody/nothing")
    assert result.returncode == 1
    assert "404" in one_line(result.stderr)


def test_no_reachable_server_is_exit_1(zaguan: Run) -> None:
    with socket.socket() as unused:  # a port nobody listens on, once this socket is closed
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = zaguan("models", "--base-url", f"http://127.0.0.1:{port}")
    assert result.returncode == 1
    assert "Connection" in one_line(result.stderr)


def test_no_key_is_a_configuration_error(zaguan: Run, corex_server: LocalCoreX) -> None:
    result = zaguan("credits", "balance", env=clean_env(ZAGUAN_BASE_URL=corex_server.base_url))
    assert (result.returncode, result.stdout) == (2, "")
    assert "ZAGUAN_API_KEY" in one_line(result.stderr)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["chat", "hi"], "-m/--model"),
        (["teleport"], "invalid choice: 'teleport'"),
        (["models", "surplus"], "unrecognized arguments: surplus"),
    ],
)
def test_usage_mistakes_are_exit_2_in_one_line(zaguan: Run, args: list[str], said: str) -> None:
    result = zaguan(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert said in one_line(result.stderr)


def test_help_lists_every_command_and_the_console_script_runs(zaguan: Run) -> None:
    result = zaguan("--help")
    assert result.returncode == 0
    for command in ("chat", "models", "capabilities", "embed", "credits", "local"):
        assert f"\n    {command}" in result.stdout
    # The `zaguan` script pyproject.toml declares, installed beside this interpreter.
    script = Path(sys.executable).with_name("zaguan")
    version = subprocess.run(
        [script, "--version"], capture_output=True, text=True, timeout=TIMEOUT, check=True
    )
    assert version.stdout == f"zaguan-corex {zaguan_version}\n"
