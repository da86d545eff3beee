"""The unit tests check pure policy, the backoff rules among them: the root conftest's
autouse `no_backoff` (delays all 0, for the facade and live suites) would hide exactly
what tests/unit/test_retry.py measures, so here it does nothing."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_backoff() -> None:
    """Backoff stays real in the unit tests (overrides the root fixture of the same name)."""
