"""The `zaguan` command line, end to end: each test runs it in a subprocess
(``python -m zaguan``) against the session's local CoreX (`corex_server`), as a user would.

* `zaguan`: ``zaguan("models", "--json")`` runs it with ``ZAGUAN_BASE_URL`` and
  ``ZAGUAN_API_KEY`` set to the server's; the `subprocess.CompletedProcess`, text mode.
* `cli_env`: that environment, for tests that start the process themselves.
* `one_line`: asserts an error output is one line and no traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
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
        return subprocess.run(
            [*ZAGUAN, *args],
            env=cli_env if env is None else env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            **options,
        )

    return run


def one_line(stderr: str) -> str:
    """The single line of an expected failure's stderr (asserted: one line, no traceback)."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]
