"""The documented blocks run against `corex_server`, the fixture `zaguan.testing` ships to users."""

from __future__ import annotations

from pathlib import Path

import pytest

from zaguan.testing import LocalCoreX, corex_server

__all__ = ["corex_server"]  # the fixture, re-exported for pytest


@pytest.fixture
def corex(corex_server: LocalCoreX) -> LocalCoreX:
    """The session's local CoreX, reset for each block (`zaguan.testing.corex_server`)."""
    return corex_server


@pytest.fixture
def zaguan_env(corex: LocalCoreX, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``ZaguanClient()`` without arguments reaches the local server, as the pages promise;
    the batch jobs they submit are recorded in a folder of the test's own."""
    monkeypatch.setenv("ZAGUAN_API_KEY", corex.api_key)
    monkeypatch.setenv("ZAGUAN_BASE_URL", corex.base_url)
    monkeypatch.setenv("ZAGUAN_BATCH_DIR", str(tmp_path / "batch-jobs"))
