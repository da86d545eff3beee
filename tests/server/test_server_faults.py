"""Fault injection in the local CoreX server: statuses, Retry-After, delays, streams, drops."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from zaguan.testing import FAULT_HEADER, LocalCoreX

CHAT = "/v1/chat/completions"
Connect = Callable[..., httpx2.Client]
Sse = Callable[[str], list[Any]]


def body(
    text: str = "one two three four", model: str = "openai/gpt-4o-mini", **extra: Any
) -> dict[str, Any]:
    return {"model": model, "messages": [{"role": "user", "content": text}], **extra}


def stream_body(**extra: Any) -> dict[str, Any]:
    return body(stream=True, stream_options={"include_usage": True}, **extra)


def attempt(
    client: httpx2.Client,
    request_id: str,
    fault: str | None = None,
    payload: dict[str, Any] | None = None,
) -> httpx2.Response:
    headers = {"X-Request-Id": request_id} | ({FAULT_HEADER: fault} if fault else {})
    return client.post(CHAT, json=payload or body(), headers=headers)


def rid() -> str:
    return f"fault-{uuid.uuid4()}"


def test_503_twice_then_success_is_debited_once(corex_server: LocalCoreX, connect: Connect) -> None:
    client = connect(corex_server)
    request_id = rid()
    statuses = [attempt(client, request_id, "status=503;times=2") for _ in range(3)]
    assert [r.status_code for r in statuses] == [503, 503, 200]
    error = statuses[0].json()["error"]
    assert (error["type"], error["provider"]) == ("overloaded_error", "openai")
    assert "attempt 1 of 2" in error["message"]
    assert all(r.headers["x-request-id"] == request_id for r in statuses)
    assert corex_server.attempts(request_id) == 3
    assert len(corex_server.ledger.charges_for(request_id)) == 1
    assert corex_server.ledger.balance == 10_000 - 1
    history = client.get("/v1/credits/history").json()["entries"]
    assert [(e["status"], e["credits_debited"]) for e in history] == [
        ("success", 1),
        ("error", 0),
        ("error", 0),
    ]
    # A fourth try with the same id is a replay: same answer, no debit.
    assert attempt(client, request_id, "status=503;times=2").json() == statuses[2].json()
    assert corex_server.ledger.balance == 10_000 - 1


@pytest.mark.parametrize(
    ("status", "type_"), [(500, "server_error"), (502, "provider_error"), (504, "provider_error")]
)
def test_model_name_faults(
    corex_server: LocalCoreX, connect: Connect, status: int, type_: str
) -> None:
    client = connect(corex_server)
    request_id = rid()
    first = attempt(client, request_id, payload=body(model=f"test/fail-{status}-1"))
    assert first.status_code == status
    assert first.json()["error"]["type"] == type_
    second = attempt(client, request_id, payload=body(model=f"test/fail-{status}-1"))
    assert second.json()["model"] == f"test/fail-{status}-1"
    assert corex_server.attempts(request_id) == 2


def test_fault_without_times_fails_every_attempt(
    corex_server: LocalCoreX, connect: Connect
) -> None:
    client = connect(corex_server)
    request_id = rid()
    assert [attempt(client, request_id, "status=500").status_code for _ in range(3)] == [500] * 3


def test_429_carries_retry_after(corex_server: LocalCoreX, connect: Connect) -> None:
    client = connect(corex_server)
    response = attempt(client, rid(), "retry_after=2")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "2"
    error = response.json()["error"]
    assert (error["type"], error["code"], error["retry_after"]) == (
        "rate_limit_exceeded",
        "rate_limit_exceeded",
        2,
    )
    default = attempt(client, rid(), "status=429;times=1")
    assert (default.headers["retry-after"], default.json()["error"]["retry_after"]) == ("1", 1)
    fraction = attempt(client, rid(), "status=429;retry_after=0.25")
    assert fraction.headers["retry-after"] == "0.25"
    statuses = client.get("/v1/credits/history", params={"status": "rate_limited"}).json()
    assert statuses["total"] == 3


def test_delay_slows_the_first_byte(corex_server: LocalCoreX, connect: Connect) -> None:
    client = connect(corex_server)
    start = time.monotonic()
    assert attempt(client, rid(), "delay=0.3").status_code == 200
    assert time.monotonic() - start >= 0.3
    impatient = connect(corex_server, timeout=httpx2.Timeout(5, read=0.1))
    request_id = rid()
    with pytest.raises(httpx2.ReadTimeout):
        attempt(impatient, request_id, "delay=0.5;times=1")
    assert attempt(impatient, request_id, "delay=0.5;times=1").status_code == 200


def test_stream_error_event_then_a_clean_retry(
    corex_server: LocalCoreX, connect: Connect, sse: Sse
) -> None:
    client = connect(corex_server)
    request_id = rid()
    broken = attempt(client, request_id, "stream_error_after=2;times=1", stream_body())
    assert broken.status_code == 200
    events = sse(broken.text)
    assert "[DONE]" not in events
    pieces = [e["choices"][0]["delta"].get("content") for e in events[1:-1]]
    assert pieces == ["Echo: ", "one "]
    error = events[-1]["error"]
    assert (error["type"], error["code"], error["provider"]) == (
        "provider_error",
        "stream_error",
        "openai",
    )
    assert corex_server.ledger.balance == 10_000
    retry = sse(attempt(client, request_id, "stream_error_after=2;times=1", stream_body()).text)
    assert retry[-1] == "[DONE]"
    assert len(corex_server.ledger.charges_for(request_id)) == 1


def test_stream_cut_ends_without_done(corex_server: LocalCoreX, connect: Connect, sse: Sse) -> None:
    client = connect(corex_server)
    events = sse(attempt(client, rid(), "stream_cut_after=3", stream_body()).text)
    assert len(events) == 1 + 3
    assert all("error" not in e and e != "[DONE]" for e in events)
    assert corex_server.ledger.balance == 10_000
    assert corex_server.ledger.entries[-1].status == "error"


def test_stream_cut_by_model_name(corex_server: LocalCoreX, connect: Connect, sse: Sse) -> None:
    events = sse(
        attempt(
            connect(corex_server), rid(), payload=body(model="test/stream-cut-0", stream=True)
        ).text
    )
    assert [e["choices"][0]["delta"] for e in events] == [{"role": "assistant", "content": ""}]


def test_stream_drop_is_a_transport_error(corex_server: LocalCoreX, connect: Connect) -> None:
    client = connect(corex_server)
    received: list[bytes] = []
    headers = {FAULT_HEADER: "stream_drop_after=1"}
    with client.stream("POST", CHAT, json=stream_body(), headers=headers) as response:
        assert response.status_code == 200
        with pytest.raises(httpx2.RemoteProtocolError):
            received.extend(response.iter_bytes())
    assert b"Echo" in b"".join(received)


def test_drop_before_the_response(corex_server: LocalCoreX, connect: Connect) -> None:
    client = connect(corex_server)
    request_id = rid()
    with pytest.raises(httpx2.RemoteProtocolError, match="without sending a response"):
        attempt(client, request_id, "drop=1;times=1")
    assert attempt(client, request_id, "drop=1;times=1").status_code == 200
    assert corex_server.attempts(request_id) == 2
    assert [e.status for e in corex_server.ledger.entries] == ["error", "success"]
    with pytest.raises(httpx2.TransportError):
        client.get("/v1/models", headers={FAULT_HEADER: "drop=1"})
    with pytest.raises(httpx2.TransportError):
        attempt(client, rid(), payload=body(model="test/drop"))


def test_faults_on_other_endpoints(corex_server: LocalCoreX, connect: Connect) -> None:
    client = connect(corex_server)
    response = client.get("/v1/models", headers={FAULT_HEADER: "status=503", "X-Request-Id": rid()})
    assert response.status_code == 503
    assert response.json()["error"]["provider"] == "corex"
    assert client.get("/health", headers={FAULT_HEADER: "status=500"}).status_code == 500


def test_server_wide_fault(start_corex: Callable[..., LocalCoreX], connect: Connect) -> None:
    server = start_corex(fault="status=502;times=1")
    client = connect(server)
    request_id = rid()
    assert attempt(client, request_id).status_code == 502
    assert attempt(client, request_id).status_code == 200
    assert client.get("/health").status_code == 200
    assert attempt(client, rid(), "status=418").status_code == 418  # the header wins
    server.fault = "status=500"
    assert client.get("/v1/models").status_code == 500
    server.fault = None
    assert client.get("/v1/models").status_code == 200


@pytest.mark.parametrize(
    "spec", ["status=200", "times=-1", "delay=soon", "explode=1", "status", "delay=61"]
)
def test_malformed_fault_spec_is_400(corex_server: LocalCoreX, connect: Connect, spec: str) -> None:
    response = attempt(connect(corex_server), rid(), spec)
    assert response.status_code == 400
    assert response.json()["error"]["param"] == FAULT_HEADER


def test_faults_come_after_the_checks(
    start_corex: Callable[..., LocalCoreX], connect: Connect
) -> None:
    client = connect(start_corex(credits=0))
    assert attempt(client, rid(), "status=503").status_code == 402
    assert attempt(client, rid(), "status=503", {"model": "openai/gpt-4o-mini"}).status_code == 400
