"""`zaguan local`: the local CoreX in the foreground, the command it suggests answering, Ctrl-C;
one line and a documented status when it cannot listen or an option is wrong; one line naming
the install command when the `testing` extra is missing; colour only on a terminal."""

from __future__ import annotations

import io
import shlex
import signal
import socket
import subprocess
import sys

import pytest

from tests.cli.conftest import (
    INTERRUPTIBLE,
    TIMEOUT,
    ZAGUAN,
    clean_env,
    on_terminal,
    one_line,
    started,
)
from tests.cli.test_cli_chat import read_until
from zaguan.testing.__main__ import log_colors


def test_local_serves_until_ctrl_c_and_its_suggested_command_answers() -> None:
    env = clean_env()
    command = [*INTERRUPTIBLE, "local", "--port", "0", "--log-level", "warning"]
    with started(command, env) as process:
        try:
            printed = read_until(process, b"--stream\n", timeout=TIMEOUT).decode()
            # The line it suggests, run as a shell would: its variables, then the command.
            words = shlex.split(printed.splitlines()[-1].removeprefix("Try: "))
            *assignments, program = words[:3]
            assert program == "zaguan"
            values = dict(assignment.split("=", 1) for assignment in assignments)
            answer = subprocess.run(
                [*ZAGUAN, *words[3:]],
                env={**env, **values},
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
            )
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=TIMEOUT)
        finally:
            process.kill()
    assert "serving on http://127.0.0.1:" in printed
    assert "API key zk-local-pro" in printed
    assert (answer.returncode, answer.stdout) == (0, "Echo: Hello\n"), answer.stderr
    assert process.returncode == 130
    assert b"Traceback" not in stderr


WITHOUT_STARLETTE = """
import sys
sys.modules["starlette"] = None  # as if the `testing` extra were not installed
from zaguan._cli import main
sys.exit(main(["local"]))
"""


def test_local_without_the_testing_extra_names_the_install_command() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_STARLETTE],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert 'pip install "zaguan-corex[testing]"' in one_line(result.stderr)


def test_a_port_in_use_is_one_line_and_exit_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = local("--port", str(port))
    assert (result.returncode, result.stdout) == (1, "")
    line = one_line(result.stderr)
    assert line.startswith(f"zaguan local: cannot listen on 127.0.0.1:{port}: address already in")
    assert "--port 0 picks a free port" in line


def test_a_host_that_does_not_resolve_is_one_line_and_exit_2() -> None:
    # Not looked up on a network: glibc refuses a label of 64 letters before any query.
    result = local("--host", "a" * 64)
    assert (result.returncode, result.stdout) == (2, "")
    assert "the host does not resolve" in one_line(result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["--port", "70000"],
        ["--log-level", "loud"],
        ["--pace", "nan"],
        ["--pace", "61"],
        ["--host", "é" * 64],  # no DNS name can carry it (IDNA)
    ],
)
def test_bad_options_are_usage_errors_without_a_traceback(args: list[str]) -> None:
    result = local(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr
    assert f"argument {args[0]}" in result.stderr


def local(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ZAGUAN, "local", *args],
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(("no_color", "coloured"), [("", True), ("1", False)], ids=["", "NO_COLOR"])
def test_the_log_is_coloured_on_a_terminal_unless_no_color(no_color: str, coloured: bool) -> None:
    env = clean_env(NO_COLOR=no_color)
    command = [*INTERRUPTIBLE, "local", "--port", "0"]
    shown = on_terminal(command, env, stderr_too=True, interrupt_after=b"Started server process")
    assert shown.returncode == 130
    assert ("\x1b[" in shown.terminal) is coloured


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("streams", "environ", "expected"),
    [
        ((Terminal(), Terminal()), {}, True),
        ((Terminal(), Terminal()), {"NO_COLOR": "1"}, False),
        ((Terminal(), Terminal()), {"NO_COLOR": ""}, True),  # no-color.org: set and non-empty
        ((Terminal(), io.StringIO()), {}, False),  # `zaguan local 2>server.log`
        ((io.StringIO(), Terminal()), {}, False),
    ],
    ids=["terminal", "NO_COLOR", "empty-NO_COLOR", "log-to-file", "stdout-to-file"],
)
def test_log_colours_need_terminals_and_no_no_color(
    streams: tuple[io.StringIO, io.StringIO], environ: dict[str, str], expected: bool
) -> None:
    assert log_colors(environ, *streams) is expected
