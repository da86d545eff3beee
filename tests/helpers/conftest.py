"""The helpers against the local CoreX over real HTTP, for both clients: the `api` adapter and
the session server of tests/e2e, reused."""

from __future__ import annotations

from tests.e2e.conftest import _no_backoff, api, server
from zaguan.testing import corex_server

__all__ = ["_no_backoff", "api", "corex_server", "server"]  # fixtures, re-exported for pytest
