"""Fixtures for tests that talk HTTP to the local CoreX server (`zaguan.testing`) on 127.0.0.1.

* `corex_server`: the fixture `zaguan.testing` ships to users: one server for the session,
  reset before each test.
* `start_corex`: a factory, `start_corex(credits=3, fault=..., clock=...)`, stopped after the test.
* `connect`: a factory of `httpx2.Client`s on a server, closed after the test.
* `http`: an `httpx2.Client` on `corex_server` with its API key.
* `sse`: splits a `text/event-stream` body into its `data:` payloads (JSON decoded, `[DONE]` kept).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx2
import pytest

from zaguan.testing import LocalCoreX, corex_server

__all__ = ["corex_server"]

Connect = Callable[..., httpx2.Client]


@pytest.fixture
def start_corex() -> Iterator[Callable[..., LocalCoreX]]:
    servers: list[LocalCoreX] = []

    def start(**options: Any) -> LocalCoreX:
        server = LocalCoreX(**options).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def connect() -> Iterator[Connect]:
    clients: list[httpx2.Client] = []

    def make(server: LocalCoreX, api_key: str | None = None, **options: Any) -> httpx2.Client:
        headers = {"Authorization": f"Bearer {api_key or server.api_key}"}
        options.setdefault("timeout", 10)
        client = httpx2.Client(base_url=server.base_url, headers=headers, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def http(corex_server: LocalCoreX, connect: Connect) -> httpx2.Client:
    return connect(corex_server)


def _sse_payloads(body: str) -> list[Any]:
    payloads: list[Any] = []
    for event in body.replace("\r\n", "\n").split("\n\n"):
        data = [line[len("data: ") :] for line in event.split("\n") if line.startswith("data: ")]
        if data:
            text = "\n".join(data)
            payloads.append(text if text == "[DONE]" else json.loads(text))
    return payloads


@pytest.fixture
def sse() -> Callable[[str], list[Any]]:
    return _sse_payloads
