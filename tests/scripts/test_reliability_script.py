"""`make reliability`'s script, run small: both tables print and their invariants hold.

The full run (1,000 calls per client, 5,000 streams, 32 threads) is too long for the gate; this
runs the same code with tiny counts (~10 s), on a seed whose 20 calls include every kind of
fault, among them a timeout after which the server charges.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
SMALL = ["--seed", "2", "--calls", "20", "--workers", "4", "--streams", "20", "--threads", "2"]


def _row(output: str, label: str) -> list[str]:
    """The cells after `label` in the line of a table that starts with it."""
    match = re.search(rf"^{re.escape(label)}\s+(.+)$", output, re.MULTILINE)
    assert match, f"no row {label!r} in:\n{output}"
    return match.group(1).split()


def test_small_run_prints_both_tables_with_their_invariants() -> None:
    command = [sys.executable, str(SCRIPTS / "reliability.py"), *SMALL, "--per-thread", "3"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    output = done.stdout
    assert done.returncode == 0, output + done.stderr
    assert "seed 2" in output
    assert _row(output, "calls") == ["20", "20"]
    assert _row(output, "double debits (must be 0)") == ["0", "0"]
    assert _row(output, "successes not debited (must be 0)") == ["0", "0"]
    retries = _row(output, "retries (attempts - 1, from the server)")
    assert all(int(n) > 0 for n in retries)  # the faults were there, and retried
    # The "slow, always" call timed out on every attempt while the server finished and charged.
    assert _row(output, "  APITimeoutError")[:2] == ["1", "1"]
    assert _row(output, "  recovered by a retry with the same id") == ["1", "1"]
    streams = _row(output, "20 concurrent async streams")
    threads = _row(output, "2 threads: 6 calls + 6 streams")
    assert streams[3:5] == ["0", "20"]  # errors, debits
    assert threads[3:5] == ["0", "12"]


def _calls_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """`scripts/_reliability_calls.py`, imported for this test only (its dataclasses need their
    module in `sys.modules` while they are made)."""
    spec = importlib.util.spec_from_file_location(
        "_reliability_calls", SCRIPTS / "_reliability_calls.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_defects_count_what_must_be_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    """The script's exit status rests on `Tally.defects`; failures by class are not defects."""
    calls = _calls_module(monkeypatch)
    assert calls.Tally(failures=Counter(APITimeoutError=3)).defects == 0
    assert calls.Tally(double_debits=1).defects == 1
    assert calls.Tally(failures=Counter({"wrong answer": 1, "ESCAPED KeyError": 2})).defects == 3
    assert calls.Tally(uncharged_successes=1, recovery_debits=1).defects == 2
