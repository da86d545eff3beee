"""The helpers against the local CoreX over real HTTP, for both clients: the `api` adapter and
the session server of tests/live, reused."""

from __future__ import annotations

from tests.live.conftest import _no_backoff, api, server
from zaguan.testing import corex_server

__all__ = ["_no_backoff", "api", "corex_server", "server"]  # fixtures, re-exported for pytest
