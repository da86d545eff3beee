"""`zaguan local`: the local CoreX in the foreground, the command it suggests answering, Ctrl-C;
and one line naming the install command when the `testing` extra is missing."""

from __future__ import annotations

import shlex
import signal
import subprocess
import sys

from tests.cli.conftest import INTERRUPTIBLE, TIMEOUT, ZAGUAN, clean_env, one_line
from tests.cli.test_cli_chat import read_until


def test_local_serves_until_ctrl_c_and_its_suggested_command_answers() -> None:
    env = clean_env()
    command = [*INTERRUPTIBLE, "local", "--port", "0", "--log-level", "warning"]
    with subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
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
