"""`scripts/bench.py --quick` end to end: its server, our clients and raw httpx, every measure.

The peers need not be installed (``--only zaguan`` leaves them out); the counts are tiny, so
this checks that the benchmark runs and reports, not how fast anything is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "scripts" / "bench.py"
CLIENTS = ["zaguan", "zaguan-async", "httpx", "httpx-async"]


def test_quick_run_reports_every_measure_for_our_clients_and_raw_httpx(tmp_path: Path) -> None:
    command = [sys.executable, str(SCRIPT), "--quick", "--only", "zaguan", "--out", str(tmp_path)]
    # A generous bound: other test runs share this machine's two cores.
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = (tmp_path / "benchmarks.md").read_text()
    assert report in done.stdout
    rows = [line.split("|")[1:-1] for line in report.splitlines() if line.startswith("| (")]
    header = next(line for line in report.splitlines() if line.startswith("| measure |"))
    names = [cell.strip() for cell in header.split("|")[2:-1]]
    assert names == CLIENTS
    measures = {
        row[0].strip(): dict(zip(names, (c.strip() for c in row[1:]), strict=True)) for row in rows
    }
    for prefix in ("(a)", "(b)", "(c)", "(d)", "(e)", "(f)"):
        assert any(label.startswith(prefix) for label in measures), prefix
    for label, cells in measures.items():
        expected = (
            [n for n in CLIENTS if n.endswith("-async")] if label.startswith("(e)") else CLIENTS
        )
        for name in expected:
            assert cells[name][:1].isdigit(), (label, name, cells[name])
    assert "## Targets" in report
