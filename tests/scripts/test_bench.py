"""`scripts/bench.py --quick` end to end: its server, our clients and raw httpx2, every measure.

The peers need not be installed (``--only zaguan`` leaves them out); the counts are tiny, so
this checks that the benchmark runs and reports, not how fast anything is.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "bench.py"
CLIENTS = ["zaguan", "zaguan-async", "zaguan-aiohttp", "zaguan+hook", "httpx2", "httpx2-async"]
ASYNC = [name for name in CLIENTS if name.endswith(("-async", "-aiohttp"))]
CONCURRENT = ("(e)", "(g)")  # async clients only, in their own processes


def expected(label: str) -> list[str]:
    """The clients with a number in the row ``label`` (aiohttp has no mock transport)."""
    if label.startswith(CONCURRENT):
        return ASYNC
    return [n for n in CLIENTS if not (label.startswith("(f)") and n.endswith("-aiohttp"))]


def test_quick_run_reports_every_measure_for_our_clients_and_raw_httpx2(tmp_path: Path) -> None:
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
    for prefix in ("(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)"):
        assert any(label.startswith(prefix) for label in measures), prefix
    for label, cells in measures.items():
        for name in CLIENTS:
            shown = cells[name][:1].isdigit()
            assert shown is (name in expected(label)), (label, name, cells[name])
    assert "## Targets (issue 17)" in report


def test_the_hand_kept_sections_are_carried_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`scripts/bench_bulk.py` writes its section between markers, and the reading of a run is
    kept by hand between its own: bench.py rewrites the rest and keeps both."""
    spec = importlib.util.spec_from_file_location("bench", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, bench)  # its dataclasses need their module
    monkeypatch.setattr(sys, "path", list(sys.path))  # it puts scripts/ first on the path
    spec.loader.exec_module(bench)
    write_report, (start, end) = bench.write_report, bench.BULK_MARKERS
    path = tmp_path / "benchmarks.md"
    section = f"{start}\nbulk table\n{end}"
    reading = "\n".join(
        [bench.ANALYSIS_MARKERS[0], "what the run means", bench.ANALYSIS_MARKERS[1]]
    )
    path.write_text(f"# old\n\n{reading}\n\n## How it was measured\n\nold\n\n{section}\n")
    for title in ("# new", "# newer"):  # and again: nothing doubles
        write_report(path, f"{title}\n\n## Targets\n\n## How it was measured\n\nnew\n")
        assert path.read_text() == (
            f"{title}\n\n## Targets\n\n{reading}\n\n## How it was measured\n\nnew\n\n{section}\n"
        )
