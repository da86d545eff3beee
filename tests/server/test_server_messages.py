"""The Anthropic side of the local CoreX over raw HTTP: what `/v1/messages` answers, its event
stream, `count_tokens`, and the message batches, each checked against the contract's schemas."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx2
import pytest

from tests.server.test_server_conformance import spec_schema
from zaguan._streams._accumulate_messages import MessageAccumulator
from zaguan.testing import FAULT_HEADER, LocalCoreX
from zaguan.testing._catalog._models import find_model
from zaguan.testing._messages._answers import build_message, message_json
from zaguan.testing._messages._stream import message_events

MESSAGES = "/v1/messages"
BATCHES = "/v1/messages/batches"
MODEL = "anthropic/claude-3-5-haiku"
WEATHER = {
    "name": "get_weather",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}, "unit": {"enum": ["c", "f"]}},
    },
}
THINKING = {"type": "enabled", "budget_tokens": 1024}


def ask(text: str = "hello world", **extra: Any) -> dict[str, Any]:
    return {
        "model": MODEL,
        "max_tokens": 2048,
        "messages": [{"role": "user", "content": text}],
    } | extra


def named_events(body: str) -> list[tuple[str, dict[str, Any]]]:
    """(event name, JSON data) of every event of a `text/event-stream` body."""
    events = []
    for block in body.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "data" in fields:
            events.append((fields.get("event", "message"), json.loads(fields["data"])))
    return events


def test_text_message(http: httpx2.Client) -> None:
    message = http.post(MESSAGES, json=ask(system="Be brief.")).json()
    spec_schema("Message").validate(message)
    assert message["content"] == [{"type": "text", "text": "Echo: hello world"}]
    assert message["stop_reason"] == "end_turn"
    assert message["usage"] == {
        "input_tokens": 4,  # "Be brief." and "hello world"
        "output_tokens": 3,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
    }


def test_the_stream_event_sequence(http: httpx2.Client) -> None:
    body = ask("get_weather in Quito", thinking=THINKING, tools=[WEATHER], stream=True)
    response = http.post(MESSAGES, json=body)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = named_events(response.text)
    for name, data in events:
        assert name == data["type"]
        spec_schema("MessageStreamData").validate(data)
    deltas = [d["delta"]["type"] for _, d in events if d["type"] == "content_block_delta"]
    assert [name for name, _ in events if name != "content_block_delta"] == [
        "message_start",
        "ping",
        "content_block_start",
        "content_block_stop",
        "content_block_start",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    assert deltas == ["thinking_delta"] * 9 + ["signature_delta"] + ["input_json_delta"] * 3
    partial = "".join(
        d["delta"].get("partial_json", "") for _, d in events if d["type"] == "content_block_delta"
    )
    assert json.loads(partial) == {"city": "example", "unit": "c"}
    assert events[-2][1]["delta"] == {"stop_reason": "tool_use", "stop_sequence": None}


@pytest.mark.parametrize(
    ("extra", "text", "stop"),
    [
        ({"max_tokens": 2}, "Echo: hello", "max_tokens"),
        ({"stop_sequences": ["wor", "zzz"]}, "Echo: hello ", "stop_sequence"),
        ({"tools": [WEATHER], "tool_choice": {"type": "none"}}, "Echo: hello world", "end_turn"),
    ],
)
def test_stop_reasons(http: httpx2.Client, extra: dict[str, Any], text: str, stop: str) -> None:
    message = http.post(MESSAGES, json=ask(**extra)).json()
    assert message["content"] == [{"type": "text", "text": text}]
    assert message["stop_reason"] == stop
    assert message["stop_sequence"] == ("wor" if stop == "stop_sequence" else None)


def test_a_tool_result_is_echoed_not_called_again(http: httpx2.Client) -> None:
    first = http.post(MESSAGES, json=ask("use get_weather", tools=[WEATHER])).json()
    call = first["content"][0]
    turn = {"type": "tool_result", "tool_use_id": call["id"], "content": "get_weather says sun"}
    messages = [
        {"role": "user", "content": "use get_weather"},
        {"role": "assistant", "content": first["content"]},
        {"role": "user", "content": [turn]},
    ]
    body = ask(tools=[WEATHER]) | {"messages": messages}
    second = http.post(MESSAGES, json=body).json()
    assert second["content"] == [{"type": "text", "text": "Echo: get_weather says sun"}]
    counted = http.post(f"{MESSAGES}/count_tokens", json=body).json()
    assert counted["input_tokens"] == second["usage"]["input_tokens"]


@pytest.mark.parametrize(
    ("body", "status", "param"),
    [
        (ask(max_tokens=1024, thinking=THINKING), 400, "thinking.budget_tokens"),
        (
            ask(tool_choice={"type": "tool", "name": "nope"}, tools=[WEATHER]),
            422,
            "tool_choice.name",
        ),
        (ask(tool_choice={"type": "any"}), 422, "tool_choice"),
        (ask(model="openai/gpt-9"), 404, "model"),
        (ask(model="anthropic/claude-opus-4"), 403, "model"),
        ({"model": MODEL, "messages": []}, 400, "max_tokens"),
    ],
)
def test_errors_have_the_contract_shape(
    http: httpx2.Client, body: dict[str, Any], status: int, param: str
) -> None:
    response = http.post(MESSAGES, json=body)
    assert response.status_code == status
    spec_schema("ErrorResponse").validate(response.json())
    assert response.json()["error"]["param"] == param


def test_one_request_id_one_charge_stream_or_not(
    http: httpx2.Client, corex_server: LocalCoreX
) -> None:
    headers = {"X-Request-Id": "same"}
    streamed = http.post(MESSAGES, json=ask(stream=True), headers=headers)
    plain = http.post(MESSAGES, json=ask(), headers=headers).json()
    start = named_events(streamed.text)[0][1]["message"]
    assert start["id"] == plain["id"]
    assert len(corex_server.ledger.charges_for("same")) == 1
    other = http.post(MESSAGES, json=ask("other"), headers=headers)
    assert other.status_code == 409


def test_a_503_fault_is_not_charged_and_its_retry_is(
    http: httpx2.Client, corex_server: LocalCoreX
) -> None:
    headers = {"X-Request-Id": "r503", FAULT_HEADER: "status=503;times=1"}
    assert http.post(MESSAGES, json=ask(), headers=headers).status_code == 503
    assert http.post(MESSAGES, json=ask(), headers=headers).status_code == 200
    statuses = [entry.status for entry in corex_server.ledger.entries]
    assert statuses == ["error", "success"]


@pytest.mark.parametrize(
    ("spec", "last"),
    [("stream_error_after=1", "error"), ("stream_cut_after=1", "content_block_delta")],
)
def test_stream_faults(http: httpx2.Client, corex_server: LocalCoreX, spec: str, last: str) -> None:
    response = http.post(MESSAGES, json=ask(stream=True), headers={FAULT_HEADER: spec})
    events = named_events(response.text)
    assert events[-1][0] == last
    if last == "error":
        spec_schema("ErrorEvent").validate(events[-1][1])
        assert events[-1][1]["error"]["type"] == "provider_error"
    assert corex_server.ledger.balance == 10_000  # an unfinished stream is not charged


def test_stream_drop_closes_the_connection(http: httpx2.Client) -> None:
    with pytest.raises(httpx2.HTTPError):
        http.post(MESSAGES, json=ask(stream=True), headers={FAULT_HEADER: "stream_drop_after=1"})


def test_count_tokens(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    body = {
        "model": MODEL,
        "messages": ask()["messages"],
        "system": "Be brief.",
        "tools": [WEATHER],
    }
    counted = http.post(f"{MESSAGES}/count_tokens", json=body).json()
    spec_schema("MessageTokensCount").validate(counted)
    message = http.post(MESSAGES, json=body | {"max_tokens": 5}).json()
    assert counted["input_tokens"] == message["usage"]["input_tokens"] == 6
    assert len(corex_server.ledger.entries) == 1  # counting is free


# ------------------------------------------------------------------ batches


def item(custom_id: str, **params: Any) -> dict[str, Any]:
    return {"custom_id": custom_id, "params": ask(max_tokens=10) | params}


def results(http: httpx2.Client, batch_id: str) -> dict[str, Any]:
    response = http.get(f"{BATCHES}/{batch_id}/results")
    assert response.headers["content-type"].startswith("application/x-jsonl")
    lines = [json.loads(line) for line in response.text.splitlines()]
    for line in lines:
        spec_schema("MessageBatchIndividualResponse").validate(line)
    return {line["custom_id"]: line["result"] for line in lines}


def test_a_batch_runs_when_read(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    requests = [
        item("ok"),
        {"custom_id": "no-max", "params": {"model": MODEL, "messages": []}},
        item("streamed", stream=True),
        item("down", model="test/fail-503"),
    ]
    created = http.post(BATCHES, json={"requests": requests}).json()
    spec_schema("MessageBatch").validate(created)
    assert created["processing_status"] == "in_progress"
    assert created["request_counts"]["processing"] == 4
    assert created["results_url"] is None
    assert corex_server.ledger.entries == ()  # nothing has run yet
    ended = http.get(f"{BATCHES}/{created['id']}").json()
    spec_schema("MessageBatch").validate(ended)
    assert ended["processing_status"] == "ended"
    assert ended["request_counts"] | {"processing": 0} == {
        "processing": 0,
        "succeeded": 1,
        "errored": 3,
        "canceled": 0,
        "expired": 0,
    }
    assert ended["results_url"] == f"{corex_server.base_url}{BATCHES}/{created['id']}/results"
    found = results(http, created["id"])
    assert found["ok"]["message"]["content"][0]["text"] == "Echo: hello world"
    assert found["no-max"]["error"] == {
        "type": "error",
        "error": {
            "message": "'max_tokens' is required",
            "type": "invalid_request_error",
            "code": None,
            "param": "max_tokens",
        },
    }
    assert found["streamed"]["error"]["error"]["param"] == "stream"
    assert found["down"]["error"]["error"]["type"] == "overloaded_error"
    assert [e.request_id for e in corex_server.ledger.entries] == [f"{created['id']}:ok"]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"requests": []}, "requests"),
        ({"requests": [{"custom_id": "a"}]}, "requests[0].params"),
        ({"requests": [{"custom_id": "a", "params": "x"}]}, "requests[0].params"),
        ({"requests": [item("a"), item("a")]}, "requests[1].custom_id"),
    ],
)
def test_a_malformed_batch_is_a_400(http: httpx2.Client, body: Any, param: str) -> None:
    response = http.post(BATCHES, json=body)
    assert response.status_code == 400
    assert response.json()["error"]["param"] == param


def test_a_retried_create_makes_no_second_batch(http: httpx2.Client) -> None:
    headers = {"X-Request-Id": "batch-1"}
    first = http.post(BATCHES, json={"requests": [item("a")]}, headers=headers).json()
    again = http.post(BATCHES, json={"requests": [item("a")]}, headers=headers).json()
    assert again["id"] == first["id"]
    other = http.post(BATCHES, json={"requests": [item("b")]}, headers=headers)
    assert other.status_code == 409
    assert len(http.get(BATCHES).json()["data"]) == 1


def test_cancel(http: httpx2.Client) -> None:
    batch_id = http.post(BATCHES, json={"requests": [item("a"), item("b")]}).json()["id"]
    canceling = http.post(f"{BATCHES}/{batch_id}/cancel").json()
    assert canceling["processing_status"] == "canceling"
    assert canceling["cancel_initiated_at"] is not None
    ended = http.get(f"{BATCHES}/{batch_id}").json()
    assert ended["request_counts"]["canceled"] == 2
    assert results(http, batch_id) == {"a": {"type": "canceled"}, "b": {"type": "canceled"}}
    again = http.post(f"{BATCHES}/{batch_id}/cancel").json()
    assert again["processing_status"] == "ended"  # cancelling an ended batch changes nothing


def test_paging(http: httpx2.Client) -> None:
    ids = [http.post(BATCHES, json={"requests": [item("a")]}).json()["id"] for _ in range(5)]
    newest = ids[::-1]

    def page(**query: Any) -> tuple[list[str], bool, str | None, str | None]:
        body = http.get(BATCHES, params=query).json()
        spec_schema("MessageBatchList").validate(body)
        return [b["id"] for b in body["data"]], body["has_more"], body["first_id"], body["last_id"]

    assert page() == (newest, False, newest[0], newest[-1])
    assert page(limit=2) == (newest[:2], True, newest[0], newest[1])
    assert page(limit=2, after_id=newest[1]) == (newest[2:4], True, newest[2], newest[3])
    assert page(limit=2, after_id=newest[3]) == (newest[4:], False, newest[4], newest[4])
    assert page(limit=2, before_id=newest[4]) == (newest[2:4], True, newest[2], newest[3])
    assert page(limit=2, before_id=newest[1]) == (newest[:1], False, newest[0], newest[0])
    assert page(after_id=newest[-1]) == ([], False, None, None)
    unknown = http.get(BATCHES, params={"after_id": "msgbatch_nope"})
    assert (unknown.status_code, unknown.json()["error"]["param"]) == (400, "after_id")
    both = http.get(BATCHES, params={"after_id": ids[0], "before_id": ids[1]})
    assert both.status_code == 400


def test_batches_belong_to_their_key(
    http: httpx2.Client, corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    batch_id = http.post(BATCHES, json={"requests": [item("a")]}).json()["id"]
    other = connect(corex_server, api_key="zk-local-free")
    assert other.get(BATCHES).json()["data"] == []
    for path in (f"{BATCHES}/{batch_id}", f"{BATCHES}/{batch_id}/results"):
        assert other.get(path).status_code == 404
    assert other.post(f"{BATCHES}/{batch_id}/cancel").status_code == 404


def test_batch_times_come_from_the_clock(
    start_corex: Callable[..., LocalCoreX], connect: Callable[..., httpx2.Client]
) -> None:
    moments = [datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), datetime(2026, 1, 2, 3, 9, 0, tzinfo=UTC)]

    def clock() -> datetime:  # each reading of the clock, then the last one again
        return moments.pop(0) if len(moments) > 1 else moments[0]

    server = start_corex(clock=clock)
    client = connect(server)
    created = client.post(BATCHES, json={"requests": [item("a", model="test/echo")]}).json()
    assert (created["created_at"], created["expires_at"]) == (
        "2026-01-02T03:04:05Z",
        "2026-01-03T03:04:05Z",
    )
    assert client.get(f"{BATCHES}/{created['id']}").json()["ended_at"] == "2026-01-02T03:09:00Z"


def test_reset_forgets_the_batches(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    batch_id = http.post(BATCHES, json={"requests": [item("a")]}).json()["id"]
    corex_server.reset()
    assert http.get(f"{BATCHES}/{batch_id}").status_code == 404
    assert http.post(BATCHES, json={"requests": [item("a")]}).json()["id"] == batch_id  # from 1


@pytest.mark.parametrize(
    "body",
    [
        ask(),
        ask(max_tokens=1),
        ask(thinking=THINKING),
        ask("get_weather", tools=[WEATHER, WEATHER | {"name": "weather"}]),
        ask(thinking=THINKING, tools=[WEATHER | {"input_schema": {}}], tool_choice={"type": "any"}),
        ask("  spaced\tout  words ", stop_sequences=["out"]),
    ],
)
def test_the_events_add_up_to_the_message(body: dict[str, Any]) -> None:
    """No network: the events of an answer, joined by the SDK's accumulator, are its message."""
    answer = build_message(body, find_model(MODEL), "rid")  # type: ignore[arg-type]
    accumulator = MessageAccumulator()
    for _, event in message_events(answer):
        accumulator.add(event)
    assert accumulator.message() == message_json(answer)
