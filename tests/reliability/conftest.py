"""The reliability suites: the session's local CoreX, and one Hypothesis profile.

The profile ``"properties"`` (``settings.get_profile("properties")``) is registered, never
loaded, so that other Hypothesis users in the session keep their own defaults. It runs the
same examples on every run (``derandomize``, no example database) and never times an example
(``deadline=None``): other work on a two-core machine must not make a property flaky.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from zaguan.testing import corex_server

__all__ = ["corex_server"]

settings.register_profile(
    "properties",
    deadline=None,
    derandomize=True,
    database=None,
    max_examples=60,
    print_blob=False,
    # The session server is shared on purpose (one per session, reset per test); each example
    # uses its own request id, so no example depends on another's state.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
