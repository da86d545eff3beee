"""The `corex_server` pytest fixture: a `LocalCoreX` in a fresh state for each test.

Use it with ``from zaguan.testing import corex_server`` in a ``conftest.py``, or with
``pytest_plugins = ["zaguan.testing.pytest_plugin"]``::

    def test_models(corex_server):
        response = httpx2.get(f"{corex_server.base_url}/v1/models",
                             headers={"Authorization": f"Bearer {corex_server.api_key}"})
        assert response.status_code == 200

One server runs for the whole session (started by the first test that asks for it) and is
`LocalCoreX.reset` before each test, as pytest-httpserver's plugin clears its server: each test
sees 10,000 credits, no attempts, request ids from ``req_local_000001`` and no server-wide fault,
without paying for a server start per test. The port stays the same across tests.

For other options (keys, credits, a server-wide fault, a clock) write your own fixture around
``with LocalCoreX(...) as server: yield server``.
"""

from __future__ import annotations

import pytest

from ._core._server import LocalCoreX

__all__ = ["corex_server"]

# The session's server lives in the config's stash rather than in a session-scoped fixture, so
# that importing `corex_server` alone into a conftest is enough: no second fixture to import.
_SESSION_SERVER = pytest.StashKey[LocalCoreX]()


def _session_server(config: pytest.Config) -> LocalCoreX:
    server = config.stash.get(_SESSION_SERVER, None)
    if server is None:
        server = LocalCoreX().start()
        config.stash[_SESSION_SERVER] = server
        config.add_cleanup(server.stop)
    elif not server.running:  # a test stopped it: the next one still gets a server
        server.start()
    return server


@pytest.fixture
def corex_server(request: pytest.FixtureRequest) -> LocalCoreX:
    """A running local CoreX with the default keys and 10,000 credits each, reset for this test."""
    server = _session_server(request.config)
    server.reset()
    return server
