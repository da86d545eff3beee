"""`zaguan.batch` against the local CoreX over real HTTP (the session's `corex_server`):
`client` is a `ZaguanClient` on it; every test records its jobs in its own folder
(``ZAGUAN_BATCH_DIR``), and `finished` waits for a job without sleeping (its `_sleep` seam)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zaguan import ZaguanClient
from zaguan.batch import BatchJob, JobStatus
from zaguan.testing import LocalCoreX, corex_server

__all__ = ["corex_server"]


@pytest.fixture(autouse=True)
def jobs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "jobs"
    monkeypatch.setenv("ZAGUAN_BATCH_DIR", str(folder))
    monkeypatch.delenv("ZAGUAN_BATCH_RECORD", raising=False)
    return folder


@pytest.fixture
def client(corex_server: LocalCoreX) -> Iterator[ZaguanClient]:
    with ZaguanClient(corex_server.api_key, base_url=corex_server.base_url, timeout=60) as made:
        yield made


def finished(job: BatchJob) -> JobStatus:
    """``job.wait()``, polling at once; the sleeps it asked for are checked to back off."""
    asked: list[float] = []
    job._sleep = asked.append  # type: ignore[method-assign]
    status = job.wait(poll_interval=1.0, max_interval=2.0)
    assert asked == sorted(asked)
    assert all(1.0 <= s <= 2.0 for s in asked)
    return status
