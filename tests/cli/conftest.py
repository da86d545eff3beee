"""The `zaguan` command line, end to end: each test runs it in a subprocess
(``python -m zaguan``) against the session's local CoreX (`corex_server`), as a user would.

* `zaguan`: ``zaguan("models", "--json")`` runs it with ``ZAGUAN_BASE_URL`` and
  ``ZAGUAN_API_KEY`` set to the server's; the `subprocess.CompletedProcess`, text mode. Its
  stdin is empty (``/dev/null``) unless ``input=`` pipes text in: never the test runner's own.
* `started`: starts a command with an empty stdin and piped stdout and stderr.
* `on_terminal`: runs it with stdout (and stderr, if asked) on a pseudo-terminal, as a user
  at a terminal sees it.
* `cli_env`: that environment, for tests that start the process themselves.
* `one_line`: asserts an error output is one line and no traceback.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from zaguan.testing import LocalCoreX, corex_server

__all__ = ["corex_server"]

ZAGUAN = [sys.executable, "-m", "zaguan"]


# `python -m zaguan` as a terminal starts it, with SIGINT raising KeyboardInterrupt. A background
# job of a non-interactive shell (as a CI runner may start the suite) ignores SIGINT, the ignore
# is inherited through exec, and Python then installs no handler: Ctrl-C tests would hang.
INTERRUPTIBLE = [
    sys.executable, "-c",
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('zaguan', run_name='__main__', alter_sys=True)",
]  # fmt: skip


TIMEOUT = 60  # a hung command fails the test instead of the whole run; generous on a busy host

Run = Callable[..., "subprocess.CompletedProcess[str]"]


def clean_env(**values: str) -> dict[str, str]:
    """This process's environment without any ZAGUAN_ variable, plus ``values``.

    Without PYTHONUNBUFFERED too (CI machines often set it): the command must flush a
    stream's pieces itself, as it has to in a user's pipe."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ZAGUAN_") and k != "PYTHONUNBUFFERED"
    }
    return {**env, **values}


@pytest.fixture
def cli_env(corex_server: LocalCoreX) -> dict[str, str]:
    return clean_env(ZAGUAN_BASE_URL=corex_server.base_url, ZAGUAN_API_KEY=corex_server.api_key)


@pytest.fixture
def zaguan(cli_env: dict[str, str]) -> Run:
    def run(*args: str, env: dict[str, str] | None = None, **options: Any) -> Any:
        if "input" not in options:
            options.setdefault("stdin", subprocess.DEVNULL)
        return subprocess.run(
            [*ZAGUAN, *args],
            env=cli_env if env is None else env,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            **{"text": True, **options},
        )

    return run


def one_line(stderr: str) -> str:
    """The single line of an expected failure's stderr (asserted: one line, no traceback)."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def started(argv: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``argv`` started with an empty stdin and its stdout and stderr piped here."""
    return subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


@dataclass(frozen=True)
class Shown:
    """What a command run on a terminal showed there, its stderr (if a pipe) and its status."""

    returncode: int
    terminal: str  # line ends as written: the terminal's "\r\n" turned back into "\n"
    stderr: str


def on_terminal(
    argv: Sequence[str],
    env: dict[str, str],
    *,
    stderr_too: bool = False,
    interrupt_after: bytes | None = None,
) -> Shown:
    """Run ``argv`` with stdout on a pseudo-terminal (stderr too if ``stderr_too``, else a pipe)
    and stdin empty, to its end, or to Ctrl-C once it has shown ``interrupt_after``."""
    leader, follower = pty.openpty()
    errors = follower if stderr_too else subprocess.PIPE
    with subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=follower, stderr=errors
    ) as process:
        os.close(follower)
        try:
            shown = b""
            if interrupt_after is not None:
                shown = _read_terminal(leader, until=interrupt_after)
                process.send_signal(signal.SIGINT)
            shown += _read_terminal(leader)
            _, stderr = process.communicate(timeout=TIMEOUT)
        finally:
            process.kill()
            os.close(leader)
    text = shown.decode(errors="replace").replace("\r\n", "\n")
    return Shown(process.returncode, text, (stderr or b"").decode(errors="replace"))


def _read_terminal(leader: int, until: bytes | None = None) -> bytes:
    """What is written to the terminal until ``until`` appears, or its last writer closed it."""
    seen, deadline = b"", time.monotonic() + TIMEOUT
    while until is None or until not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"waited {TIMEOUT} s, having seen {seen!r}"
        if not select.select([leader], [], [], remaining)[0]:
            continue
        try:
            piece = os.read(leader, 4096)
        except OSError:  # EIO: the process ended and closed the terminal
            piece = b""
        if not piece:
            assert until is None, f"the terminal closed after {seen!r}"
            return seen
        seen += piece
    return seen
