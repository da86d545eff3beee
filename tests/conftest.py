"""Fixtures shared by the facade (respx) and live (local CoreX) suites.

Both define an `api` fixture: an object with ``client`` (a `ZaguanClient` or
`AsyncZaguanClient`) and ``is_async``, and both turn `no_backoff` on for every test with an
autouse fixture of their own. It is not autouse here: the unit tests of `zaguan._retry` need
the real backoff, and a module fixture of the same name there would inherit the autouse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from zaguan.testing import set_testing


@pytest.fixture
def no_backoff() -> Iterator[None]:
    """Retries without waiting: `set_testing` makes every backoff delay 0 (it patches no
    sleep function, so the local CoreX in this process is not affected)."""
    set_testing(True)
    yield
    set_testing(False)


@pytest.fixture
def sleeps(api: Any, no_backoff: None, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays `api`'s client asks to sleep, with real backoff (testing switch off).

    Only that client's `_sleep` is replaced: `time.sleep` and `asyncio.sleep` are shared by
    every thread and event loop of the process (the local CoreX's among them), and any other
    client must still wait."""
    delays: list[float] = []

    def record(seconds: float) -> None:
        delays.append(seconds)

    async def arecord(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(api.client, "_sleep", arecord if api.is_async else record)
    set_testing(False)
    return delays
