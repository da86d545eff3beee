"""`make demo`'s script runs to the end, and styles its output and paces its streams only on a
terminal."""

from __future__ import annotations

import io
import os
import runpy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DEMO = Path(__file__).resolve().parents[2] / "scripts" / "demo.py"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def use_color() -> Callable[..., Any]:
    # The script's namespace, without running its tour (not "__main__").
    function: Callable[..., Any] = runpy.run_path(str(DEMO), run_name="demo")["use_color"]
    return function


def test_the_tour_runs_against_its_own_local_server_without_escape_codes_in_a_pipe() -> None:
    # No CoreX configured: the demo starts its own, as `make demo` does on a fresh clone.
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZAGUAN_") and k != "NO_COLOR"}
    result = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"\n== chat\n" in result.stdout
    # The last step: the `zaguan` command streams an answer from the same local server.
    assert (
        b"$ zaguan chat 'Hello from the terminal' -m openai/gpt-4o-mini --stream\n" in result.stdout
    )
    assert b"Echo: Hello from the terminal" in result.stdout
    assert result.stdout.rstrip().endswith(b"done.")
    assert b"\x1b" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("stream", "environ", "expected"),
    [
        (Terminal(), {}, True),
        (Terminal(), {"NO_COLOR": "1"}, False),
        (Terminal(), {"NO_COLOR": ""}, True),  # no-color.org: set *and* non-empty
        (io.StringIO(), {}, False),
    ],
    ids=["terminal", "terminal-NO_COLOR", "terminal-empty-NO_COLOR", "pipe"],
)
def test_color_only_on_a_terminal_without_no_color(
    use_color: Callable[..., Any], stream: io.StringIO, environ: dict[str, str], expected: bool
) -> None:
    assert use_color(stream, environ) is expected


def test_streams_are_paced_for_a_person_on_a_terminal_only() -> None:
    stream_pace = runpy.run_path(str(DEMO), run_name="demo")["stream_pace"]
    assert 0.02 <= stream_pace(Terminal()) <= 0.2  # words a person sees arrive, not a wait
    assert stream_pace(io.StringIO()) == 0  # a pipe, as here: the suite stays fast
