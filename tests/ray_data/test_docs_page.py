"""docs/ray.md's job, run on the session's local Ray against the local CoreX: the site's docs
test (tests/docs) only compiles it, as it starts no Ray."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.docs._markdown import PYTHON, ROOT, parse_blocks, run_block
from tests.ray_data._marks import RAY
from zaguan.testing import LocalCoreX

PAGE = ROOT / "docs" / "ray.md"

pytestmark = [
    *RAY,
    # Three rows make one block, which one of the page's two actors gets: Ray says so.
    pytest.mark.filterwarnings("ignore:The minimum number of concurrent actors:UserWarning"),
]


def test_the_pages_job_runs(
    server: LocalCoreX,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("ZAGUAN_API_KEY", server.api_key)
    monkeypatch.setenv("ZAGUAN_BASE_URL", server.base_url)
    monkeypatch.chdir(tmp_path)
    blocks = parse_blocks(PAGE.read_text(encoding="utf-8"), "ray.md")
    jobs = [b for b in blocks if b.language in PYTHON and "write_parquet" in b.code]
    assert len(jobs) == 1
    run_block(dataclasses.replace(jobs[0], fragment=False), PAGE)
    printed = capsys.readouterr().out.splitlines()
    assert sorted(line.split()[:3] for line in printed) == [
        [f"ticket-{n}", "200", "None"] for n in range(3)
    ]
    assert len(server.ledger.entries) == 3
