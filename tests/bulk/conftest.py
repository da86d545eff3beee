"""The bulk runner against the local CoreX over real HTTP (the session's `corex_server`):
`client` is an `AsyncZaguanClient` on it, retrying without waiting. The helpers that write
inputs and read outputs are in `tests.bulk._support`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from zaguan import AsyncZaguanClient
from zaguan.testing import LocalCoreX, corex_server

__all__ = ["corex_server"]


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Retries here do not wait."""


@pytest.fixture
def server(corex_server: LocalCoreX) -> LocalCoreX:
    return corex_server


@pytest.fixture
async def client(server: LocalCoreX) -> AsyncIterator[AsyncZaguanClient]:
    async with AsyncZaguanClient(server.api_key, base_url=server.base_url, timeout=20) as made:
        yield made
