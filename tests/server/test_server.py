"""The local CoreX server (`zaguan.testing`) over real HTTP: endpoints, answers, ledger, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import httpx2
import pytest

import zaguan.testing
from zaguan.testing import DEFAULT_API_KEY, FREE_API_KEY, LocalCoreX

CHAT = "/v1/chat/completions"
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "days": {"type": "integer", "minimum": 1},
            },
            "required": ["city"],
        },
    },
}


def body(
    text: str = "hello brave new world", model: str = "openai/gpt-4o-mini", **extra: Any
) -> dict[str, Any]:
    return {"model": model, "messages": [{"role": "user", "content": text}], **extra}


def rid() -> str:
    return f"test-{uuid.uuid4()}"


def post_chat(
    client: httpx2.Client, payload: dict[str, Any], request_id: str | None = None, **headers: str
) -> httpx2.Response:
    if request_id:
        headers["X-Request-Id"] = request_id
    return client.post(CHAT, json=payload, headers=headers)


def assert_error(
    response: httpx2.Response, status: int, type_: str, param: str | None = None
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["x-request-id"]
    error = response.json()["error"]
    assert {"message", "type", "code", "param"} <= error.keys()
    assert error["type"] == type_
    assert error["param"] == param
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


# ------------------------------------------------------------------ wire rules


def test_health_needs_no_key(corex_server: LocalCoreX) -> None:
    response = httpx2.get(f"{corex_server.base_url}/health", headers={"X-Request-Id": "h-1"})
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["version"] == zaguan.__version__
    assert response.headers["x-request-id"] == "h-1"


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Missing API key"),
        ("Bearer wrong", "Invalid API key"),
        (f"Basic {DEFAULT_API_KEY}", "Invalid API key"),
    ],
)
def test_missing_or_wrong_key_is_401(
    corex_server: LocalCoreX, authorization: str | None, message: str
) -> None:
    headers = {"X-Request-Id": "auth-1"} | (
        {"Authorization": authorization} if authorization else {}
    )
    for path in ("/v1/models", "/v1/credits/balance"):
        response = httpx2.get(corex_server.base_url + path, headers=headers)
        error = assert_error(response, 401, "authentication_error")
        assert error["code"] == "invalid_api_key"
        assert error["message"].startswith(message)
        assert response.headers["x-request-id"] == "auth-1"
    response = httpx2.post(corex_server.base_url + CHAT, json=body(), headers=headers)
    assert_error(response, 401, "authentication_error")


def test_request_id_is_generated_when_absent(http: httpx2.Client) -> None:
    first, second = http.get("/v1/models"), http.get("/v1/models")
    assert first.headers["x-request-id"].startswith("req_local_")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


def test_unknown_route_is_a_contract_404(http: httpx2.Client) -> None:
    assert_error(http.get("/v1/nothing"), 404, "not_found_error")
    assert http.delete("/v1/models").status_code == 405


# ------------------------------------------------------------------ models


def test_models_list_covers_five_providers(http: httpx2.Client) -> None:
    listing = http.get("/v1/models").json()
    assert listing["object"] == "list"
    ids = [model["id"] for model in listing["data"]]
    assert {i.split("/")[0] for i in ids} >= {
        "openai",
        "anthropic",
        "google",
        "deepseek",
        "perplexity",
    }
    for model in listing["data"]:
        assert model["object"] == "model"
        assert model["owned_by"] == model["id"].split("/")[0]
        assert model["metadata"]["band"] in {"A", "B", "C"}


@pytest.mark.parametrize("path", ["openai/gpt-4o-mini", "openai%2Fgpt-4o-mini", "gpt-4o-mini"])
def test_retrieve_model_id_with_slash(http: httpx2.Client, path: str) -> None:
    response = http.get(f"/v1/models/{path}")
    assert response.status_code == 200
    assert response.json()["id"] == "openai/gpt-4o-mini"


def test_retrieve_unknown_model_is_404(http: httpx2.Client) -> None:
    error = assert_error(http.get("/v1/models/openai%2Fgpt-9"), 404, "not_found_error", "model_id")
    assert error["code"] == "model_not_found"


def test_capabilities_one_per_model(http: httpx2.Client) -> None:
    models = {m["id"] for m in http.get("/v1/models").json()["data"]}
    capabilities = http.get("/v1/capabilities").json()["data"]
    assert {c["model_id"] for c in capabilities} == models
    by_id = {c["model_id"]: c for c in capabilities}
    assert by_id["deepseek/deepseek-reasoner"]["supports_reasoning"] is True
    assert by_id["perplexity/sonar"]["supports_tools"] is False
    assert by_id["openai/gpt-4o-mini"]["input_cost_per_1m"] == 0.15


# ------------------------------------------------------------------ chat answers


def test_chat_is_deterministic_and_counts_words(http: httpx2.Client) -> None:
    first = post_chat(http, body("one two three"), rid()).json()
    second = post_chat(http, body("one two three"), rid()).json()
    assert first["id"] != second["id"]
    assert first["id"].startswith("chatcmpl-")
    assert first["created"] == second["created"] == 1735689600
    assert first["choices"] == second["choices"]
    assert first["choices"][0]["message"] == {
        "role": "assistant",
        "content": "Echo: one two three",
        "refusal": None,
    }
    assert first["choices"][0]["finish_reason"] == "stop"
    assert first["usage"]["prompt_tokens"] == 3
    assert first["usage"]["completion_tokens"] == 4
    assert first["usage"]["total_tokens"] == 7
    assert "completion_tokens_details" not in first["usage"]
    assert first["promptshield"]["credits_used"] == 1


def test_prompt_tokens_count_every_message_and_text_part(http: httpx2.Client) -> None:
    messages = [
        {"role": "system", "content": "be brief"},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "look at"},
                {"type": "image_url", "image_url": {"url": "data:,"}},
            ],
        },
    ]
    answer = post_chat(http, {"model": "openai/gpt-4o-mini", "messages": messages}).json()
    assert answer["usage"]["prompt_tokens"] == 4
    assert answer["choices"][0]["message"]["content"] == "Echo: look at"


@pytest.mark.parametrize(
    ("model", "reasoning_tokens"),
    [("deepseek/deepseek-reasoner", 9), ("perplexity/sonar-reasoning", None)],
)
def test_think_tags_in_content(
    http: httpx2.Client, model: str, reasoning_tokens: int | None
) -> None:
    answer = post_chat(http, body("hi there", model=model)).json()
    content = answer["choices"][0]["message"]["content"]
    assert content == "<think>\nThe user wrote 2 words, so I echo them.\n</think>\n\nEcho: hi there"
    assert answer["usage"]["completion_tokens"] == len(content.split())
    details = answer["usage"].get("completion_tokens_details")
    assert (details or {}).get("reasoning_tokens") == reasoning_tokens


def test_thinking_false_hides_think(http: httpx2.Client) -> None:
    answer = post_chat(http, body("hi", model="deepseek/deepseek-reasoner", thinking=False)).json()
    assert answer["choices"][0]["message"]["content"] == "Echo: hi"
    assert answer["usage"]["completion_tokens_details"] == {"reasoning_tokens": 0}


@pytest.mark.parametrize("model", ["openai/o3-mini", "google/gemini-2.5-pro", "o3-mini"])
def test_hidden_reasoning_tokens(http: httpx2.Client, model: str) -> None:
    answer = post_chat(http, body("hi there", model=model)).json()
    assert answer["choices"][0]["message"]["content"] == "Echo: hi there"
    assert answer["usage"]["completion_tokens"] == 3 + 9
    assert answer["usage"]["completion_tokens_details"]["reasoning_tokens"] == 9
    assert answer["model"].endswith(model)


def test_max_tokens_cuts_the_reply(http: httpx2.Client) -> None:
    answer = post_chat(http, body("a b c d e", max_tokens=3)).json()
    assert answer["choices"][0]["message"]["content"] == "Echo: a b"
    assert answer["choices"][0]["finish_reason"] == "length"
    assert answer["usage"]["completion_tokens"] == 3


def test_n_repeats_the_choice(http: httpx2.Client) -> None:
    answer = post_chat(http, body("x", n=2)).json()
    assert [c["index"] for c in answer["choices"]] == [0, 1]
    assert answer["usage"]["completion_tokens"] == 4


def test_json_response_formats(http: httpx2.Client) -> None:
    plain = post_chat(http, body("hi", response_format={"type": "json_object"})).json()
    assert json.loads(plain["choices"][0]["message"]["content"]) == {"echo": "hi"}
    schema = {"type": "object", "properties": {"n": {"type": "integer"}, "ok": {"type": "boolean"}}}
    fmt = {"type": "json_schema", "json_schema": {"name": "r", "schema": schema}}
    shaped = post_chat(http, body("hi", response_format=fmt)).json()
    assert json.loads(shaped["choices"][0]["message"]["content"]) == {"n": 1, "ok": True}


# ------------------------------------------------------------------ tools


def test_tool_call_when_the_prompt_names_the_tool(http: httpx2.Client) -> None:
    answer = post_chat(http, body("please call get_weather for Paris", tools=[WEATHER_TOOL])).json()
    choice = answer["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    assert choice["message"]["content"] is None
    [call] = choice["message"]["tool_calls"]
    assert call["type"] == "function"
    assert call["id"].startswith("call_")
    assert call["function"]["name"] == "get_weather"
    assert json.loads(call["function"]["arguments"]) == {
        "city": "example",
        "unit": "celsius",
        "days": 1,
    }


@pytest.mark.parametrize(
    ("text", "extra", "calls"),
    [
        ("what is the weather", {}, 0),
        ("get_weather now", {"tool_choice": "none"}, 0),
        ("what is the weather", {"tool_choice": "required"}, 1),
        (
            "no names here",
            {"tool_choice": {"type": "function", "function": {"name": "get_time"}}},
            1,
        ),
        ("get_weather and get_time", {}, 2),
        ("get_weather and get_time", {"parallel_tool_calls": False}, 1),
    ],
)
def test_tool_choice_rules(
    http: httpx2.Client, text: str, extra: dict[str, Any], calls: int
) -> None:
    time_tool = {"type": "function", "function": {"name": "get_time"}}
    answer = post_chat(http, body(text, tools=[WEATHER_TOOL, time_tool], **extra)).json()
    assert len(answer["choices"][0]["message"].get("tool_calls", [])) == calls


def test_tool_results_get_a_text_answer(http: httpx2.Client) -> None:
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "get_weather", "arguments": "{}"},
    }
    messages = [
        {"role": "user", "content": "get_weather please"},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
    ]
    answer = post_chat(
        http, {"model": "openai/gpt-4o-mini", "messages": messages, "tools": [WEATHER_TOOL]}
    ).json()
    assert answer["choices"][0]["finish_reason"] == "stop"
    assert answer["choices"][0]["message"]["content"] == "Echo: get_weather please"


def test_models_without_tools_ignore_them(http: httpx2.Client) -> None:
    answer = post_chat(
        http, body("get_weather", model="perplexity/sonar", tools=[WEATHER_TOOL])
    ).json()
    assert answer["choices"][0]["message"]["content"] == "Echo: get_weather"


# ------------------------------------------------------------------ streaming


def test_stream_shape_matches_the_json_answer(
    http: httpx2.Client, sse: Callable[[str], list[Any]]
) -> None:
    payload = body("stream me please", stream=True, stream_options={"include_usage": True})
    response = post_chat(http, payload, rid())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.startswith(": ping\n\n")
    events = sse(response.text)
    assert events[-1] == "[DONE]"
    chunks = events[:-1]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    pieces = [c["choices"][0]["delta"]["content"] for c in chunks[1:-2]]
    assert len(pieces) == 4
    assert "".join(pieces) == "Echo: stream me please"
    assert chunks[-2]["choices"][0]["finish_reason"] == "stop"
    assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-2])
    usage = chunks[-1]
    assert usage["choices"] == []
    assert usage["usage"] == post_chat(http, body("stream me please")).json()["usage"]
    assert usage["promptshield"]["credits_used"] == 1


def test_stream_without_include_usage(http: httpx2.Client, sse: Callable[[str], list[Any]]) -> None:
    events = sse(post_chat(http, body("x y", model="deepseek/deepseek-reasoner", stream=True)).text)
    assert events[-1] == "[DONE]"
    assert all(c["choices"] for c in events[:-1])
    assert "usage" not in events[-2]
    assert events[-2]["choices"][0]["finish_reason"] == "stop"
    assert "promptshield" in events[-2]
    content = "".join(c["choices"][0]["delta"].get("content") or "" for c in events[:-1])
    assert content.startswith("<think>\n")
    assert content.endswith("</think>\n\nEcho: x y")


def test_stream_tool_call_arguments_arrive_in_fragments(
    http: httpx2.Client, sse: Callable[[str], list[Any]]
) -> None:
    payload = body("get_weather in Oslo", tools=[WEATHER_TOOL])
    whole = post_chat(http, payload).json()["choices"][0]["message"]["tool_calls"][0]
    events = sse(post_chat(http, payload | {"stream": True}).text)
    deltas = [
        c["choices"][0]["delta"]["tool_calls"][0]
        for c in events[:-1]
        if "tool_calls" in c["choices"][0]["delta"]
    ]
    head, fragments = deltas[0], deltas[1:]
    assert head["id"].startswith("call_")
    assert head["function"]["name"] == "get_weather"
    assert len(fragments) >= 2
    assert all(f["index"] == 0 and "id" not in f for f in fragments)
    assert "".join(f["function"]["arguments"] for f in fragments) == whole["function"]["arguments"]
    assert events[-2]["choices"][0]["finish_reason"] == "tool_calls"


# ------------------------------------------------------------------ credits


def test_a_retried_request_id_is_debited_once(
    corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    client = connect(corex_server)
    request_id = rid()
    first = post_chat(client, body("pay once"), request_id)
    second = post_chat(client, body("pay once"), request_id)
    assert first.json() == second.json()
    assert second.headers["x-request-id"] == request_id
    assert corex_server.attempts(request_id) == 2
    assert len(corex_server.ledger.charges_for(request_id)) == 1
    assert corex_server.ledger.balance == 10_000 - 1
    balance = client.get("/v1/credits/balance").json()
    assert balance["credits_used"] == 1
    history = client.get("/v1/credits/history").json()
    assert [e["request_id"] for e in history["entries"]] == [request_id]
    # A retried stream is recognised too.
    stream_id = rid()
    for _ in range(2):
        post_chat(client, body("stream once", stream=True), stream_id)
    assert len(corex_server.ledger.charges_for(stream_id)) == 1
    assert corex_server.ledger.balance == 10_000 - 2


def test_same_request_id_with_another_body_is_409(http: httpx2.Client) -> None:
    request_id = rid()
    assert post_chat(http, body("first"), request_id).status_code == 200
    assert_error(post_chat(http, body("second"), request_id), 409, "conflict_error")


def test_balance_of_each_key(
    corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    pro = connect(corex_server).get("/v1/credits/balance").json()
    free = connect(corex_server, FREE_API_KEY).get("/v1/credits/balance").json()
    assert pro | {"reset_date": None} == {
        "credits_remaining": 10_000,
        "credits_total": 10_000,
        "credits_used": 0,
        "credits_percent": 100.0,
        "tier": "pro",
        "bands": ["A", "B"],
        "reset_date": None,
        "warning": None,
    }
    assert (free["tier"], free["bands"]) == ("free", ["A"])
    assert datetime.fromisoformat(pro["reset_date"]) > datetime.now(UTC)


def test_402_when_credits_run_out(
    start_corex: Callable[..., LocalCoreX], connect: Callable[..., httpx2.Client]
) -> None:
    server = start_corex(credits=4)
    client = connect(server)
    assert (
        post_chat(client, body(model="openai/o3-mini"), rid()).json()["promptshield"][
            "credits_remaining"
        ]
        == 1
    )
    error = assert_error(
        post_chat(client, body(model="openai/o3-mini"), rid()), 402, "insufficient_credits"
    )
    assert (error["credits_required"], error["credits_remaining"]) == (3, 1)
    assert error["code"] == "insufficient_credits"
    assert datetime.fromisoformat(error["reset_date"])
    shield = post_chat(client, body(), rid()).json()["promptshield"]
    assert (shield["credits_remaining"], shield["credits_percent"]) == (0, 0.0)
    assert shield["warning"]
    assert post_chat(client, body(), rid()).status_code == 402
    assert server.ledger.balance == 0
    assert len(server.ledger.entries) == 2


@pytest.mark.parametrize(
    ("key", "model", "band", "required", "current"),
    [
        (DEFAULT_API_KEY, "anthropic/claude-opus-4", "C", "enterprise", "pro"),
        (FREE_API_KEY, "openai/o3-mini", "B", "pro", "free"),
    ],
)
def test_403_band_above_the_tier(
    corex_server: LocalCoreX,
    connect: Callable[..., httpx2.Client],
    key: str,
    model: str,
    band: str,
    required: str,
    current: str,
) -> None:
    response = post_chat(connect(corex_server, key), body(model=model))
    error = assert_error(response, 403, "band_access_denied", "model")
    assert (error["band"], error["required_tier"], error["current_tier"]) == (
        band,
        required,
        current,
    )


def test_enterprise_key_reaches_band_c(
    start_corex: Callable[..., LocalCoreX], connect: Callable[..., httpx2.Client]
) -> None:
    server = start_corex(api_keys={"k-ent": "enterprise"}, credits=50)
    answer = post_chat(connect(server), body(model="anthropic/claude-opus-4")).json()
    assert answer["promptshield"] | {"reset_date": None} == {
        "credits_used": 10,
        "credits_remaining": 40,
        "credits_total": 50,
        "credits_percent": 80.0,
        "reset_date": None,
        "warning": None,
    }


# ------------------------------------------------------------------ validation

_MESSAGES = [{"role": "user", "content": "hi"}]
_IMAGE_PART = {"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "max"}}


@pytest.mark.parametrize(
    ("payload", "param", "message"),
    [
        ({"messages": _MESSAGES}, "model", "'model' is required"),
        ({"model": 5, "messages": _MESSAGES}, "model", "'model' must be a string"),
        ({"model": "openai/gpt-4o-mini"}, "messages", "'messages' is required"),
        (
            {"model": "openai/gpt-4o-mini", "messages": "hi"},
            "messages",
            "'messages' must be an array, got \"hi\"",
        ),
        ({"model": "openai/gpt-4o-mini", "messages": []}, "messages", "must have at least 1 item"),
        (
            {"model": "openai/gpt-4o-mini", "messages": [{"content": "x"}]},
            "messages[0].role",
            "is required",
        ),
        (
            {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": 3}]},
            "messages[0].content",
            "must be a string, an array or null, got 3",
        ),
        (body(temperature=3), "temperature", "'temperature' must be a number from 0 to 2, got 3"),
        (body(temperature="hot"), "temperature", 'from 0 to 2, got "hot"'),
        (body(top_p=True), "top_p", "must be a number from 0 to 1, got true"),
        (body(n=0), "n", "'n' must be an integer of at least 1, got 0"),
        (body(max_tokens=1.5), "max_tokens", "must be an integer"),
        (body(stream="yes"), "stream", "'stream' must be a boolean"),
        (
            body(stream_options={"include_usage": 1}),
            "stream_options.include_usage",
            "must be a boolean",
        ),
        (
            body(tools=[{"type": "function", "function": {}}]),
            "tools[0].function.name",
            "is required",
        ),
        (body(tool_choice="sometimes"), "tool_choice", "must be"),
        (
            body(response_format={"type": "yaml"}),
            "response_format.type",
            'must be one of "text", "json_object", "json_schema", got "yaml"',
        ),
        (body(reasoning_effort="max"), "reasoning_effort", "must be one of"),
        (body(stop=[1]), "stop[0]", "must be a string"),
        (
            {"model": "m", "messages": [{"role": "user", "content": [{"type": "text"}]}]},
            "messages[0].content[0].text",
            "'messages[0].content[0].text' is required",
        ),
        (
            {"model": "m", "messages": [{"role": "user", "content": [_IMAGE_PART]}]},
            "messages[0].content[0].image_url.detail",
            'must be one of "low", "high", "auto", got "max"',
        ),
        (
            body(response_format={"type": "json_schema"}),
            "response_format.json_schema",
            "is required",
        ),
        (body(tool_choice={"type": "function"}), "tool_choice.function", "is required"),
        ([1, 2], None, "JSON object"),
    ],
)
def test_validation_names_the_field(
    http: httpx2.Client, payload: Any, param: str | None, message: str
) -> None:
    error = assert_error(http.post(CHAT, json=payload), 400, "invalid_request_error", param)
    assert message in error["message"]


_UNKNOWN_TOOL = {"type": "function", "function": {"name": "x"}}


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"n": 129}, "n"),
        ({"tools": [WEATHER_TOOL], "tool_choice": _UNKNOWN_TOOL}, "tool_choice.function.name"),
    ],
)
def test_valid_but_unservable_is_422(
    http: httpx2.Client, extra: dict[str, Any], param: str
) -> None:
    assert_error(post_chat(http, body(**extra)), 422, "invalid_request_error", param)


def test_invalid_json_is_400(http: httpx2.Client) -> None:
    for raw in (b"{not json", b'{"model": NaN}', b"\xff"):
        assert_error(http.post(CHAT, content=raw), 400, "invalid_request_error")


def test_unknown_model_is_404(http: httpx2.Client) -> None:
    for model in ("openai/gpt-9", "test/unknown-fault"):
        error = assert_error(post_chat(http, body(model=model)), 404, "not_found_error", "model")
        assert error["code"] == "model_not_found"


def test_unknown_fields_pass(http: httpx2.Client) -> None:
    payload = body(
        provider_specific_params={"flex": True}, future_field={"x": 1}, metadata={"a": "b"}
    )
    assert post_chat(http, payload).status_code == 200
    later_part = {"type": "video_url", "video_url": {"url": "https://x/y.mp4"}}
    message = {"role": "narrator", "content": [{"type": "text", "text": "hi"}, later_part]}
    assert post_chat(http, body() | {"messages": [message]}).status_code == 200


# ------------------------------------------------------------------ history and stats


class FakeClock:
    """A clock that says what the test sets."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def busy_corex(
    start_corex: Callable[..., LocalCoreX], connect: Callable[..., httpx2.Client]
) -> tuple[LocalCoreX, httpx2.Client]:
    """A server whose ledger has 7 entries, one a day from 2025-03-01: 6 successes, 1 error."""
    clock = FakeClock(datetime(2025, 3, 1, 12, tzinfo=UTC))
    server = start_corex(clock=clock)
    client = connect(server)
    models = [
        "openai/gpt-4o-mini",
        "openai/o3-mini",
        "google/gemini-2.0-flash",
        "deepseek/deepseek-chat",
        "openai/gpt-4o-mini",
        "perplexity/sonar",
    ]
    for index, model in enumerate(models):
        clock.now = datetime(2025, 3, 1 + index, 12, tzinfo=UTC)
        assert (
            post_chat(client, body(f"entry {index}", model=model), f"hist-{index}").status_code
            == 200
        )
    clock.now = datetime(2025, 3, 7, 12, tzinfo=UTC)
    fault = {"X-CoreX-Fault": "status=500"}
    assert post_chat(client, body(), "hist-fail", **fault).status_code == 500
    return server, client


def test_history_pages_really_page(busy_corex: tuple[LocalCoreX, httpx2.Client]) -> None:
    server, client = busy_corex
    pages, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/credits/history", params=params).json()
        pages.append(page)
        assert page["total"] == 7
        cursor = page["next_cursor"]
        if not page["has_more"]:
            assert cursor is None
            break
        assert cursor
    assert [len(p["entries"]) for p in pages] == [3, 3, 1]
    ids = [e["request_id"] for p in pages for e in p["entries"]]
    assert ids == ["hist-fail"] + [f"hist-{i}" for i in reversed(range(6))]
    assert [e["id"] for p in pages for e in p["entries"]] == [
        e.id for e in reversed(server.ledger.entries)
    ]
    entry = pages[-1]["entries"][0]
    assert entry.pop("cost") == pytest.approx((2 * 0.15 + 3 * 0.6) / 1e6)
    assert entry | {"id": None} == {
        "id": None,
        "timestamp": "2025-03-01T12:00:00Z",
        "request_id": "hist-0",
        "model": "openai/gpt-4o-mini",
        "provider": "openai",
        "band": "A",
        "prompt_tokens": 2,
        "completion_tokens": 3,
        "total_tokens": 5,
        "credits_debited": 1,
        "latency_ms": 130,
        "status": "success",
        "error_message": None,
    }


@pytest.mark.parametrize(
    ("params", "request_ids"),
    [
        ({"model": "openai/gpt-4o-mini"}, ["hist-fail", "hist-4", "hist-0"]),
        ({"provider": "openai"}, ["hist-fail", "hist-4", "hist-1", "hist-0"]),
        ({"band": "B"}, ["hist-1"]),
        ({"status": "error"}, ["hist-fail"]),
        ({"status": "success", "provider": "openai"}, ["hist-4", "hist-1", "hist-0"]),
        ({"start_date": "2025-03-06"}, ["hist-fail", "hist-5"]),
        ({"end_date": "2025-03-02"}, ["hist-1", "hist-0"]),
        ({"start_date": "2025-03-03", "end_date": "2025-03-03"}, ["hist-2"]),
        ({"provider": "mistral"}, []),
    ],
)
def test_history_filters(
    busy_corex: tuple[LocalCoreX, httpx2.Client], params: dict[str, str], request_ids: list[str]
) -> None:
    page = busy_corex[1].get("/v1/credits/history", params=params).json()
    assert [e["request_id"] for e in page["entries"]] == request_ids
    assert page["total"] == len(request_ids)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "x"}, "limit"),
        ({"cursor": "nope!"}, "cursor"),
        ({"start_date": "yesterday"}, "start_date"),
        ({"start_date": "2025-03-05", "end_date": "2025-03-01"}, "start_date"),
    ],
)
def test_history_rejects_bad_queries(
    http: httpx2.Client, params: dict[str, str], param: str
) -> None:
    assert_error(
        http.get("/v1/credits/history", params=params), 400, "invalid_request_error", param
    )


def test_stats_aggregate_the_ledger(busy_corex: tuple[LocalCoreX, httpx2.Client]) -> None:
    client = busy_corex[1]
    stats = client.get(
        "/v1/credits/stats", params={"start_date": "2025-03-01", "end_date": "2025-03-07"}
    ).json()
    assert (stats["period"], stats["start_date"], stats["end_date"]) == (
        "month",
        "2025-03-01",
        "2025-03-07",
    )
    assert (stats["total_requests"], stats["total_credits_used"]) == (7, 1 + 3 + 1 + 1 + 1 + 1)
    assert stats["by_provider"]["openai"] | {"cost": None} == {
        "credits_used": 5,
        "requests": 4,
        "tokens": 5 + 14 + 5,
        "cost": None,
    }
    assert stats["by_band"]["B"]["credits_used"] == 3
    assert stats["by_model"]["perplexity/sonar"]["requests"] == 1
    assert [d["date"] for d in stats["by_day"]] == [f"2025-03-0{d}" for d in range(1, 8)]
    assert stats["total_tokens"] == sum(d["tokens"] for d in stats["by_day"])
    # The default window ends today (the clock) and spans the period.
    week = client.get("/v1/credits/stats", params={"period": "week"}).json()
    assert (week["start_date"], week["end_date"]) == ("2025-03-01", "2025-03-07")
    assert week["total_requests"] == 7
    day = client.get("/v1/credits/stats", params={"period": "day"}).json()
    assert (day["start_date"], day["total_requests"], day["total_credits_used"]) == (
        "2025-03-07",
        1,
        0,
    )
    assert day["by_model"]["openai/gpt-4o-mini"]["requests"] == 1
    assert_error(
        client.get("/v1/credits/stats", params={"period": "year"}),
        400,
        "invalid_request_error",
        "period",
    )


# ------------------------------------------------------------------ packaging, entry points


def test_the_core_package_does_not_import_the_server() -> None:
    prefixes = ("zaguan.testing", "starlette", "uvicorn")
    code = f"import sys, zaguan; print(sorted(m for m in sys.modules if m.startswith({prefixes})))"
    assert (
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.strip()
        == "[]"
    )


def test_public_names() -> None:
    names = vars(zaguan.testing).items()
    public = {n for n, v in names if not n.startswith("_") and not isinstance(v, ModuleType)}
    assert public - {"annotations", "TYPE_CHECKING"} | {"corex_server"} == set(
        zaguan.testing.__all__
    )
    assert callable(zaguan.testing.corex_server)


async def test_async_context_manager() -> None:
    async with LocalCoreX() as server, httpx2.AsyncClient() as client:
        assert (await client.get(f"{server.base_url}/health")).status_code == 200
    with pytest.raises(httpx2.ConnectError):
        httpx2.get(f"{server.base_url}/health")


def test_python_m_zaguan_testing_serves() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "zaguan.testing",
        "--port",
        "0",
        "--credits",
        "5",
        "--log-level",
        "warning",
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        try:
            assert process.stdout is not None
            banner = process.stdout.readline()
            url = banner.split(" on ")[1].strip()
            assert url.startswith("http://127.0.0.1:")
            assert httpx2.get(f"{url}/health", timeout=10).json()["status"] == "ok"
            assert httpx2.get(f"{url}/v1/models", timeout=10).status_code == 401
            balance = httpx2.get(
                f"{url}/v1/credits/balance", headers={"Authorization": f"Bearer {DEFAULT_API_KEY}"}
            )
            assert balance.json()["credits_total"] == 5
        finally:
            process.terminate()
            process.wait(timeout=10)
