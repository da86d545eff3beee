"""Every script of examples/ runs as `python examples/NAME.py` and prints what it promises.

The scripts run as on a fresh clone, with no CoreX configured, so each starts its own
`LocalCoreX`; all at once, since they share nothing (one at a time took 20-30 s on a loaded
machine). One also runs against a configured CoreX, through $ZAGUAN_BASE_URL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.docs._markdown import ROOT
from zaguan.testing import LocalCoreX

EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(path for path in EXAMPLES.glob("*.py") if not path.name.startswith("_"))

#: What each script's output must contain: the behaviour it demonstrates.
EXPECTED = {
    "async_stream.py": ["openai/gpt-4o-mini: Echo: Hello", "gemini-2.0-flash: Echo: Bonjour"],
    "bulk.py": ["lines: 30 failed: 0 credits: 30", "resumed: 30 already done, 0 sent"],
    "chat.py": ["Echo: Hello from the examples", "tokens: 7 + 5", "request id: "],
    "credits.py": ["pages of 2: 2", "requests today: 3 credits: 3"],
    "deadline.py": ["The call's deadline of 0.5 s passed"],
    "embeddings.py": ["3 vectors of 256 dimensions", "same text: 1.000"],
    "faults.py": [
        "429, retry after 3.0 s",
        "dropped: APIConnectionError",
        "test/stream-error-2 -> StreamError",
        "test/stream-cut-2 -> APIConnectionError",
        "server-wide: 500",
    ],
    "lowlevel.py": ["status: 200", "'openai/gpt-4o-mini'"],
    "messages_stream.py": ["block: thinking", "block: text", "stop reason: end_turn"],
    "raw_response.py": ["status: 200 application/json", "reply: Echo: Hi"],
    "retries.py": ["Echo: Hi as invoice-7", "attempts: 3", "charges: 1"],
    "stream.py": ["Echo: Tell me a short story", "finish reason: stop"],
}


def _environ(**zaguan: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZAGUAN_")}
    return env | zaguan


def _outcome(process: subprocess.Popen[bytes]) -> str:
    stdout, stderr = process.communicate(timeout=120)
    output = stdout.decode() + stderr.decode(errors="replace")
    assert process.returncode == 0, output
    assert "Traceback" not in output, output
    return stdout.decode()


def _start(script: Path, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(script)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, subprocess.Popen[bytes]]]:
    """Every script, started at once with no CoreX configured."""
    started = {script.name: _start(script, _environ()) for script in SCRIPTS}
    yield started
    for process in started.values():  # also those a -k selection left unread
        if process.poll() is None:
            process.kill()
        process.wait()
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()


def test_every_script_has_expectations() -> None:
    assert {path.name for path in SCRIPTS} == set(EXPECTED)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_example_runs(script: Path, runs: dict[str, subprocess.Popen[bytes]]) -> None:
    output = _outcome(runs[script.name])
    for expected in EXPECTED[script.name]:
        assert expected in output, output


def test_an_example_talks_to_the_configured_corex(corex_server: LocalCoreX) -> None:
    env = _environ(ZAGUAN_BASE_URL=corex_server.base_url, ZAGUAN_API_KEY=corex_server.api_key)
    output = _outcome(_start(EXAMPLES / "chat.py", env))
    assert "Echo: Hello from the examples" in output
    assert len(corex_server.ledger.entries) == 1  # the chat reached this server
