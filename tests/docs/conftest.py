"""The README's blocks run against `corex_server`, the fixture `zaguan.testing` ships to users."""

from __future__ import annotations

from zaguan.testing import corex_server

__all__ = ["corex_server"]  # the fixture, re-exported for pytest
