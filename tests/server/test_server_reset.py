"""`LocalCoreX.reset()` and the `corex_server` fixture: one server per session, fresh per test."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx2
import pytest

from zaguan.testing import FAULT_HEADER, LocalCoreX
from zaguan.testing._core._state import CoreXState
from zaguan.testing.pytest_plugin import _session_server

CHAT = "/v1/chat/completions"
BODY = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}


def test_reset_forgets_every_request(
    start_corex: Callable[..., LocalCoreX], connect: Callable[..., httpx2.Client]
) -> None:
    server = start_corex(fault="status=500;times=1")
    client = connect(server)
    assert client.post(CHAT, json=BODY, headers={"X-Request-Id": "r1"}).status_code == 500
    assert client.post(CHAT, json=BODY, headers={"X-Request-Id": "r1"}).status_code == 200
    assert client.post(CHAT, json=BODY).headers["x-request-id"] == "req_local_000001"
    server.fault = "status=503"
    server.reset()
    assert (server.ledger.balance, server.ledger.entries, server.attempts("r1")) == (10_000, (), 0)
    assert server.fault is not None
    assert server.fault.status == 500  # the constructor's fault, not the one set later
    server.fault = None
    reply = client.post(CHAT, json=BODY)  # the connection opened before the reset still works
    assert reply.headers["x-request-id"] == "req_local_000001"  # ids count from 1 again
    assert server.ledger.balance == 10_000 - 1


def test_reset_replaces_all_that_a_server_learns() -> None:
    """Everything but the configuration is made anew: state added to `CoreXState.__init__`
    instead of `reset` (a batch store, say) would survive from one test into the next."""
    state = CoreXState()
    before = dict(vars(state))
    state.reset()
    kept = {name for name, value in vars(state).items() if value is before.get(name)}
    assert kept - {name for name, value in before.items() if value is None} <= (
        CoreXState.CONFIG_ATTRIBUTES
    )


async def test_a_request_in_flight_cannot_charge_the_fresh_ledger(
    start_corex: Callable[..., LocalCoreX],
) -> None:
    server = start_corex()
    headers = {"Authorization": f"Bearer {server.api_key}", "X-Request-Id": "slow"}
    async with httpx2.AsyncClient(base_url=server.base_url, headers=headers, timeout=10) as client:
        slow = asyncio.create_task(
            client.post(CHAT, json=BODY, headers={FAULT_HEADER: "delay=0.3"})
        )
        while server.attempts("slow") == 0:  # the request has reached the server
            await asyncio.sleep(0.005)
        server.reset()
        assert (await slow).status_code == 200
    assert server.ledger.balance == 10_000
    assert server.ledger.entries == ()


# The next two tests run in this order (pytest keeps a module's order): the first spends and
# sets a fault on the session's server, the second must see none of it, on the same port.
_PORTS: list[int] = []


def test_corex_server_first_test_changes_the_server(
    corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    _PORTS.append(corex_server.port)
    assert connect(corex_server).post(CHAT, json=BODY).status_code == 200
    corex_server.fault = "status=503"
    assert corex_server.ledger.balance == 10_000 - 1


def test_corex_server_next_test_finds_it_fresh(
    corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    assert corex_server.port == (_PORTS or [corex_server.port])[0]  # the same server
    assert corex_server.fault is None
    assert corex_server.ledger.balance == 10_000
    assert connect(corex_server).post(CHAT, json=BODY).headers["x-request-id"] == (
        "req_local_000001"
    )


def test_a_session_server_a_test_stopped_is_started_again(
    corex_server: LocalCoreX, pytestconfig: pytest.Config
) -> None:
    corex_server.stop()
    assert _session_server(pytestconfig) is corex_server
    assert corex_server.running
    assert httpx2.get(f"{corex_server.base_url}/health", timeout=10).status_code == 200
