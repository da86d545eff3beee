"""The `corex_server` pytest fixture: a fresh `LocalCoreX` for each test.

Use it with ``from zaguan.testing import corex_server`` in a ``conftest.py``, or with
``pytest_plugins = ["zaguan.testing.pytest_plugin"]``::

    def test_models(corex_server):
        response = httpx.get(f"{corex_server.base_url}/v1/models",
                             headers={"Authorization": f"Bearer {corex_server.api_key}"})
        assert response.status_code == 200

For other options (keys, credits, a server-wide fault, a clock) write your own fixture around
``with LocalCoreX(...) as server: yield server``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._server import LocalCoreX

__all__ = ["corex_server"]


@pytest.fixture
def corex_server() -> Iterator[LocalCoreX]:
    """A running local CoreX server with the default keys and 10,000 credits each."""
    with LocalCoreX() as server:
        yield server
