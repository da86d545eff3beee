"""The typing test files, checked by ``mypy --strict`` as a user's editor or CI would.

Each ``# E: <code>[, <code>]`` comment marks a line on which mypy must report those error
codes; no other line may have an error. mistakes.py holds one deliberate mistake per line;
everyday.py is code that must be clean (no marks).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = ("mistakes.py", "everyday.py")
GENERATED = ["generated/zaguan_corex_client/models", "generated/zaguan_corex_client/api"]
MARK = re.compile(r"#\s*E:\s*([\w-]+(?:\s*,\s*[\w-]+)*)")
REPORTED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$")


def marked(path: Path) -> set[tuple[int, str]]:
    found = set()
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        if match := MARK.search(text):
            found |= {(number, code.strip()) for code in match.group(1).split(",")}
    return found


@pytest.fixture(scope="module")
def reported() -> dict[str, set[tuple[int, str]]]:
    """mypy's errors per file: one run on the project's config and cache, for both files and
    for the generated models and endpoints (their Param and Query TypedDicts are ours)."""
    paths = [str(Path("tests", "typing", name)) for name in FILES] + GENERATED
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", *paths],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 2: mypy itself failed
    errors: dict[str, set[tuple[int, str]]] = {}
    for line in result.stdout.splitlines():
        if match := REPORTED.match(line):
            name = Path(match["path"]).as_posix()
            errors.setdefault(name, set()).add((int(match["line"]), match["code"]))
    return errors


@pytest.mark.parametrize("name", FILES)
def test_mypy_reports_exactly_the_marked_lines(
    name: str, reported: dict[str, set[tuple[int, str]]]
) -> None:
    expected = marked(ROOT / "tests" / "typing" / name)
    got = reported.get(f"tests/typing/{name}", set())
    assert got == expected, {
        "reported but not marked": sorted(got - expected),
        "marked but not reported": sorted(expected - got),
    }


def test_the_generated_models_and_endpoints_type_check(
    reported: dict[str, set[tuple[int, str]]],
) -> None:
    assert {
        path: errors for path, errors in reported.items() if path.startswith("generated/")
    } == {}


def test_the_mistakes_file_covers_the_brief() -> None:
    assert len(marked(ROOT / "tests" / "typing" / "mistakes.py")) >= 10
