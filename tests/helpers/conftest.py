"""The helpers against the local CoreX over real HTTP, for both clients: the `api` adapter and
the session server of tests/e2e, reused."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import _no_backoff, api, make_api, server
from zaguan.testing import corex_server

__all__ = ["_no_backoff", "api", "corex_server", "make_api", "server"]  # fixtures, for pytest


@pytest.fixture(params=["sync", "async"])
def transport(request: pytest.FixtureRequest) -> str:
    """Both clients on their default pools: the helpers sit above the transport, which
    tests/e2e and tests/reliability run on aiohttp too."""
    return str(request.param)
