"""Every script of examples/ runs as `python examples/NAME.py` and prints what it promises.

Scripts that use `examples/_corex.py` run against the session's local CoreX through
$ZAGUAN_BASE_URL (as against a real CoreX); the others start their own `LocalCoreX`, since
they show its faults. One script also runs with no CoreX configured, as on a fresh clone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs._markdown import ROOT
from zaguan.testing import LocalCoreX

EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(path for path in EXAMPLES.glob("*.py") if not path.name.startswith("_"))

#: What each script's output must contain: the behaviour it demonstrates.
EXPECTED = {
    "async_stream.py": ["openai/gpt-4o-mini: Echo: Hello", "gemini-2.0-flash: Echo: Bonjour"],
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


def _run(script: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, env=env, timeout=120, check=False
    )
    output = result.stdout.decode() + result.stderr.decode(errors="replace")
    assert result.returncode == 0, output
    assert "Traceback" not in output, output
    return result.stdout.decode()


def test_every_script_has_expectations() -> None:
    assert {path.name for path in SCRIPTS} == set(EXPECTED)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_example_runs(script: Path, corex_server: LocalCoreX) -> None:
    env = _environ(ZAGUAN_BASE_URL=corex_server.base_url, ZAGUAN_API_KEY=corex_server.api_key)
    output = _run(script, env)
    for expected in EXPECTED[script.name]:
        assert expected in output, output


def test_an_example_starts_its_own_local_corex_when_none_is_configured() -> None:
    output = _run(EXAMPLES / "chat.py", _environ())
    assert "Echo: Hello from the examples" in output
    assert "credits left: 9999" in output  # a fresh server's ledger
