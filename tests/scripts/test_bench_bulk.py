"""`scripts/bench_bulk.py --quick` end to end: every measure runs and reports, and its section of
benchmarks.md replaces the last one without touching the rest of the file. The counts are tiny:
this checks that the benchmark runs, not how fast anything is."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "scripts" / "bench_bulk.py"
_SPEC = importlib.util.spec_from_file_location("bench_bulk", SCRIPT)
assert _SPEC is not None
assert _SPEC.loader is not None
bench_bulk = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_bulk"] = bench_bulk  # its dataclasses look their module up there
_SPEC.loader.exec_module(bench_bulk)


def test_quick_run_reports_every_measure_in_its_own_section(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text(
        "# Benchmarks\n\nthe other benchmark's text\n\n"
        "<!-- bench_bulk:start -->\nan old run\n<!-- bench_bulk:end -->\n\nmore text\n"
    )
    command = [sys.executable, str(SCRIPT), "--quick", "--out", str(tmp_path)]
    # A generous bound: other test runs share this machine's two cores.
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    text = page.read_text()
    assert text.startswith(
        "# Benchmarks\n\nthe other benchmark's text\n\n<!-- bench_bulk:start -->"
    )
    assert text.endswith("<!-- bench_bulk:end -->\n\nmore text\n")
    assert "an old run" not in text
    assert "load average" in text
    rows = {
        line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| (")
    }
    throughput = rows["(1) lines/s, 200 chat lines, concurrency 64"]
    assert throughput.count("x)") >= 2  # ours and the hand loop over httpx2, as ratios
    assert any(label.startswith("(2) `--rpm") for label in rows)
    memory = next(line for label, line in rows.items() if label.startswith("(3) peak RSS"))
    assert " MB at the end)" in memory


def test_without_markers_the_section_is_appended(tmp_path: Path) -> None:
    start, end, write_section = bench_bulk.START, bench_bulk.END, bench_bulk.write_section
    page = tmp_path / "benchmarks.md"
    page.write_text("# Benchmarks\n")
    write_section(page, "new")
    assert page.read_text() == f"# Benchmarks\n\n{start}\nnew\n{end}\n"
    write_section(page, "newer")
    assert page.read_text() == f"# Benchmarks\n\n{start}\nnewer\n{end}\n"
