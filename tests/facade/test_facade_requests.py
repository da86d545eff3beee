"""What each call puts on the wire: path, query, body, headers, request id, per-call options;
and the arguments refused before anything is sent."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    API_KEY,
    BALANCE_JSON,
    CAPABILITIES_JSON,
    CHAT_PATH,
    HEALTH_JSON,
    MESSAGES,
    MODEL,
    MODEL_JSON,
    STATS_JSON,
    Api,
    MakeApi,
    Reply,
    completion_json,
    history_json,
    is_uuid4,
)

import zaguan
from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessage,
    CreditsBalance,
    CreditsHistory,
    CreditsStats,
    Health,
    Model,
    ModelCapabilities,
)

# method, positional args, HTTP method, path, response JSON, check of the result
ENDPOINTS: list[tuple[str, tuple[Any, ...], str, str, dict[str, Any], Any]] = [
    ("list_models", (), "GET", "/v1/models", {"data": [MODEL_JSON]},
     lambda r: [m.id for m in r] == [MODEL] and isinstance(r[0], Model)),
    ("get_model", (MODEL,), "GET", "/v1/models/openai%2Fgpt-4o-mini", MODEL_JSON,
     lambda r: isinstance(r, Model) and r.owned_by == "openai"),
    ("get_capabilities", (), "GET", "/v1/capabilities", CAPABILITIES_JSON,
     lambda r: isinstance(r[0], ModelCapabilities) and r[0].supports_tools is True),
    ("get_credits_balance", (), "GET", "/v1/credits/balance", BALANCE_JSON,
     lambda r: isinstance(r, CreditsBalance) and r.credits_remaining == 90),
    ("get_credits_history", (), "GET", "/v1/credits/history", history_json("e1"),
     lambda r: isinstance(r, CreditsHistory) and [e.id for e in r.entries] == ["e1"]),
    ("get_credits_stats", (), "GET", "/v1/credits/stats", STATS_JSON,
     lambda r: isinstance(r, CreditsStats) and r.total_requests == 4),
    ("health", (), "GET", "/health", HEALTH_JSON,
     lambda r: isinstance(r, Health) and r.status == "ok"),
]  # fmt: skip
ENDPOINT_IDS = [e[0] for e in ENDPOINTS]
GET_METHODS = pytest.mark.parametrize(
    ("method", "args", "verb", "path", "payload", "check"), ENDPOINTS, ids=ENDPOINT_IDS
)


def _chat_route(mock: respx.MockRouter) -> respx.Route:
    return mock.post(CHAT_PATH).respond(json=completion_json())


def _sent_json(route: respx.Route) -> Any:
    return json.loads(route.calls.last.request.content)


async def _chat(api: Api, **fields: Any) -> Any:
    return await api.call("chat", model=MODEL, messages=MESSAGES, **fields)


# -- Every method: route, parsed result, SDK headers ---------------------------------------


@GET_METHODS
async def test_each_method_sends_its_request_and_parses_the_answer(
    api: Api, mock: respx.MockRouter, method: str, args: tuple[Any, ...], verb: str,
    path: str, payload: dict[str, Any], check: Any,
) -> None:  # fmt: skip
    route = mock.request(verb, path).respond(json=payload)
    result = await api.call(method, *args)
    assert check(result)
    request = route.calls.last.request
    assert request.headers["User-Agent"] == f"zaguan-corex-python/{zaguan.__version__}"
    assert is_uuid4(request.headers["X-Request-Id"])
    assert request.headers.get_list("X-Request-Id") == [request.headers["X-Request-Id"]]
    if method == "health":
        assert "Authorization" not in request.headers
    else:
        assert request.headers.get_list("Authorization") == [f"Bearer {API_KEY}"]


async def test_chat_sends_its_fields_as_json(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    reply = await _chat(api, temperature=0.2, max_tokens=5, tools=[
        {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
    ])  # fmt: skip
    assert isinstance(reply, ChatCompletion)
    assert reply.choices[0].message.content == "Hello!"
    request = route.calls.last.request
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["Content-Type"] == "application/json"
    assert _sent_json(route) == {
        "model": MODEL,
        "messages": MESSAGES,
        "temperature": 0.2,
        "max_tokens": 5,
        "tools": [
            {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
        ],
    }


async def test_chat_accepts_a_request_model(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    request = ChatCompletionRequest(
        model=MODEL, messages=[ChatMessage(role="user", content="Hi")], temperature=1.0
    )
    before = request.to_dict()
    await api.call("chat", request)
    assert _sent_json(route) == before == {
        "model": MODEL, "messages": [{"role": "user", "content": "Hi"}], "temperature": 1.0,
    }  # fmt: skip
    assert request.to_dict() == before


async def test_chat_accepts_message_models_among_dicts(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    messages: list[Any] = [ChatMessage(role="system", content="Be brief."), *MESSAGES]
    await api.call("chat", model=MODEL, messages=messages)
    assert _sent_json(route)["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ]
    assert isinstance(messages[0], ChatMessage)  # the caller's list is not rewritten


async def test_chat_stream_sends_stream_true(api: Api, mock: respx.MockRouter) -> None:
    route = mock.post(CHAT_PATH).respond(
        200, content=b"data: [DONE]\n\n", headers={"Content-Type": "text/event-stream"}
    )
    stream = await api.start(model=MODEL, messages=MESSAGES)
    assert await api.read(stream) == []
    assert _sent_json(route) == {"model": MODEL, "messages": MESSAGES, "stream": True}


# -- Request ids --------------------------------------------------------------------------


async def test_each_call_gets_a_fresh_request_id(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/health").respond(json=HEALTH_JSON)
    await api.call("health")
    await api.call("health")
    first, second = (call.request.headers["X-Request-Id"] for call in route.calls)
    assert is_uuid4(first)
    assert is_uuid4(second)
    assert first != second


async def test_given_request_id_is_sent_and_reported(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/credits/balance").respond(json=BALANCE_JSON)
    raw = await api.raw("get_credits_balance", request_id="my-trace-42")
    assert route.calls.last.request.headers.get_list("X-Request-Id") == ["my-trace-42"]
    assert raw.request_id == "my-trace-42"


async def test_request_id_in_extra_headers_is_the_calls_id(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/v1/credits/balance").respond(json=BALANCE_JSON)
    raw = await api.raw("get_credits_balance", extra_headers={"x-request-id": "from-headers"})
    assert route.calls.last.request.headers.get_list("X-Request-Id") == ["from-headers"]
    assert raw.request_id == "from-headers"


BAD_REQUEST_IDS = ["abc\r\nX-Evil: 1", "abc\n", "a\rb", "tab\there", "", "two words",
                   "caf\u00e9", "nul\x00", "bell\x07", 42]  # fmt: skip


@pytest.mark.parametrize("request_id", BAD_REQUEST_IDS)
async def test_bad_request_id_is_refused_before_sending(
    api: Api, mock: respx.MockRouter, request_id: object
) -> None:
    chat, models = _chat_route(mock), mock.get("/v1/models").respond(json={"data": []})
    with pytest.raises((ValueError, TypeError), match="request_id"):
        await api.call("list_models", request_id=request_id)
    with pytest.raises((ValueError, TypeError), match="request_id"):
        await _chat(api, request_id=request_id)
    with pytest.raises((ValueError, TypeError)):
        await api.call("list_models", extra_headers={"X-Request-Id": request_id})
    assert not chat.called
    assert not models.called


# -- Headers: defaults, extras, overrides ------------------------------------------------


async def test_default_headers_are_sent_on_every_call(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    route = mock.get("/health").respond(json=HEALTH_JSON)
    api = make_api(default_headers={"X-Team": "search", "X-Env": "ci"})
    await api.call("health")
    await api.call("health")
    for call in route.calls:
        assert call.request.headers["X-Team"] == "search"
        assert call.request.headers["X-Env"] == "ci"


async def test_extra_headers_add_and_override(make_api: MakeApi, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    api = make_api(default_headers={"X-Team": "search"})
    extra = {
        "X-Team": "ads",
        "X-Trace": "t1",
        "User-Agent": "my-app/2",
        "Authorization": "Bearer k2",
    }
    await _chat(api, extra_headers=extra)
    headers = route.calls.last.request.headers
    assert headers.get_list("X-Team") == ["ads"]
    assert headers.get_list("X-Trace") == ["t1"]
    assert headers.get_list("User-Agent") == ["my-app/2"]
    assert headers.get_list("Authorization") == ["Bearer k2"]
    assert extra == {"X-Team": "ads", "X-Trace": "t1", "User-Agent": "my-app/2",
                     "Authorization": "Bearer k2"}  # fmt: skip


@pytest.mark.parametrize("name", ["user-agent", "USER-AGENT", "authorization", "x-team"])
async def test_extra_headers_override_whatever_the_letter_case(
    make_api: MakeApi, mock: respx.MockRouter, name: str
) -> None:
    """HTTP header names are case-insensitive: an override replaces, it never duplicates."""
    route = mock.get("/v1/models").respond(json={"data": []})
    api = make_api(default_headers={"X-Team": "search"})
    await api.call("list_models", extra_headers={name: "override"})
    assert route.calls.last.request.headers.get_list(name) == ["override"]


@pytest.mark.parametrize("name", ["accept", "user-agent", "authorization", "x-request-id"])
async def test_default_headers_never_duplicate_the_sdks_whatever_the_letter_case(
    make_api: MakeApi, mock: respx.MockRouter, name: str
) -> None:
    """One value per header name: a default header replaces the SDK's or yields to it."""
    route = mock.get("/v1/models").respond(json={"data": []})
    api = make_api(default_headers={name: "chosen"})
    await api.call("list_models")
    assert len(route.calls.last.request.headers.get_list(name)) == 1


@pytest.mark.parametrize("value", ["a\r\nX-Evil: 1", "caf\u00e9", 1])
async def test_unsendable_extra_header_is_refused_before_sending(
    api: Api, mock: respx.MockRouter, value: object
) -> None:
    route = mock.get("/health").respond(json=HEALTH_JSON)
    with pytest.raises(ValueError, match="X-Bad"):
        await api.call("health", extra_headers={"X-Bad": value})
    assert not route.called


# -- Query, body, path --------------------------------------------------------------------


async def test_extra_query_is_added_and_wins(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/credits/history").respond(json=history_json())
    await api.call("get_credits_history", limit=10, extra_query={"limit": 20, "trace": "on"})
    assert dict(route.calls.last.request.url.params) == {"limit": "20", "trace": "on"}


async def test_extra_body_is_merged_and_the_caller_wins(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    extra = {"temperature": 0.1, "custom_flag": True, "nested": {"a": [1]}}
    snapshot = copy.deepcopy(extra)
    await _chat(api, temperature=0.9, extra_body=extra)
    assert _sent_json(route) == {
        "model": MODEL, "messages": MESSAGES, "temperature": 0.1,
        "custom_flag": True, "nested": {"a": [1]},
    }  # fmt: skip
    assert extra == snapshot


@GET_METHODS
async def test_extra_body_on_a_get_is_refused_before_sending(
    api: Api, mock: respx.MockRouter, method: str, args: tuple[Any, ...], verb: str,
    path: str, payload: dict[str, Any], check: Any,
) -> None:  # fmt: skip
    route = mock.request(verb, path).respond(json=payload)
    with pytest.raises(TypeError, match="extra_body"):
        await api.call(method, *args, extra_body={"x": 1})
    assert not route.called


@pytest.mark.parametrize(
    ("model_id", "raw_path"),
    [
        ("openai/gpt-4o-mini", b"/v1/models/openai%2Fgpt-4o-mini"),
        ("a b?c#d", b"/v1/models/a%20b%3Fc%23d"),
        ("../health", b"/v1/models/..%2Fhealth"),
    ],
)
async def test_model_id_is_one_encoded_path_segment(
    api: Api, mock: respx.MockRouter, model_id: str, raw_path: bytes
) -> None:
    route = mock.get(path__regex=r"^/v1/models/.+").respond(json={"id": model_id})
    model = await api.call("get_model", model_id)
    assert model.id == model_id
    assert route.calls.last.request.url.raw_path == raw_path


@pytest.mark.parametrize("model_id", ["", None, 3])
async def test_get_model_refuses_a_non_id(
    api: Api, mock: respx.MockRouter, model_id: object
) -> None:
    route = mock.route().respond(json=MODEL_JSON)
    with pytest.raises(TypeError, match="model_id"):
        await api.call("get_model", model_id)
    assert not route.called


async def test_credits_history_filters_become_the_query(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/credits/history").respond(json=history_json())
    await api.call(
        "get_credits_history", limit=50, cursor="c1", start_date=datetime.date(2026, 1, 1),
        end_date="2026-01-31", model=MODEL, provider="openai", band="premium", status="error",
    )  # fmt: skip
    assert dict(route.calls.last.request.url.params) == {
        "limit": "50", "cursor": "c1", "start_date": "2026-01-01", "end_date": "2026-01-31",
        "model": MODEL, "provider": "openai", "band": "premium", "status": "error",
    }  # fmt: skip


async def test_credits_history_none_filters_are_left_out(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/credits/history").respond(json=history_json())
    await api.call("get_credits_history", limit=None, model=None)
    assert route.calls.last.request.url.query == b""


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"limit": 0}, ValueError, "limit"),
        ({"limit": 101}, ValueError, "limit"),
        ({"limit": True}, ValueError, "limit"),
        ({"limit": "10"}, ValueError, "limit"),
        ({"start_date": "01/02/2026"}, ValueError, "start_date"),
        ({"end_date": datetime.datetime(2026, 1, 1)}, TypeError, "end_date"),
        ({"end_date": 20260101}, TypeError, "end_date"),
        ({"model": 3}, TypeError, "model"),
        ({"page": 2}, TypeError, "page"),
    ],
)
async def test_credits_history_bad_filters_are_refused_before_sending(
    api: Api, mock: respx.MockRouter, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    route = mock.get("/v1/credits/history").respond(json=history_json())
    with pytest.raises(error, match=match):
        await api.call("get_credits_history", **kwargs)
    assert not route.called


async def test_credits_stats_query(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/credits/stats").respond(json=STATS_JSON)
    await api.call("get_credits_stats", period="week", start_date="2026-01-01",
                   end_date=datetime.date(2026, 2, 1))  # fmt: skip
    assert dict(route.calls.last.request.url.params) == {
        "period": "week", "start_date": "2026-01-01", "end_date": "2026-02-01",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"period": "year"}, ValueError),
        ({"start_date": "soon"}, ValueError),
        ({"limit": 5}, TypeError),
    ],
)
async def test_credits_stats_bad_arguments_are_refused_before_sending(
    api: Api, mock: respx.MockRouter, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    route = mock.get("/v1/credits/stats").respond(json=STATS_JSON)
    with pytest.raises(error, match=next(iter(kwargs))):
        await api.call("get_credits_stats", **kwargs)
    assert not route.called


async def test_iter_credits_history_follows_next_cursor(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/credits/history").mock(
        side_effect=[
            Reply(200, json=history_json("e1", "e2", next_cursor="c2")),
            Reply(200, json=history_json("e3", next_cursor="c3")),
            Reply(200, json=history_json("e4")),
        ]
    )
    entries = await api.history(limit=2, model=MODEL, request_id="walk")
    assert [e.id for e in entries] == ["e1", "e2", "e3", "e4"]
    params = [dict(call.request.url.params) for call in route.calls]
    assert params == [
        {"limit": "2", "model": MODEL},
        {"limit": "2", "model": MODEL, "cursor": "c2"},
        {"limit": "2", "model": MODEL, "cursor": "c3"},
    ]
    ids = [call.request.headers["X-Request-Id"] for call in route.calls]
    assert ids == ["walk", "walk:page-2", "walk:page-3"]


async def test_iter_credits_history_stops_on_a_repeated_cursor(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/v1/credits/history").respond(json=history_json("e1", next_cursor="same"))
    with pytest.raises(zaguan.APIError, match="same"):
        await api.history(cursor="same")
    assert route.call_count == 1


async def test_iter_credits_history_stops_on_a_cursor_cycle(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/v1/credits/history").mock(
        side_effect=[
            Reply(200, json=history_json("e1", next_cursor="B")),
            Reply(200, json=history_json("e2", next_cursor="A")),
        ]
    )
    with pytest.raises(zaguan.APIError, match="'A' twice"):
        await api.history(cursor="A")
    assert route.call_count == 2  # A -> B -> A: never a third request


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "get_model() missing required argument: 'model_id'"),
        (("a", "b"), {}, "get_model() takes 1 positional arguments, got 2"),
        ((5,), {}, "model_id must be a non-empty string, got 5"),
        ((), {"model_id": ""}, "model_id must be a non-empty string, got ''"),
        ((".",), {}, "model_id cannot be '.'"),
        (("..",), {}, "model_id cannot be '..'"),
        (("m",), {"limit": 3}, "get_model() got an unexpected keyword argument 'limit'"),
    ],
)
async def test_path_parameters_are_checked_before_sending(
    api: Api, mock: respx.MockRouter, args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(zaguan.RequestValidationError) as caught:
        await api.call("get_model", *args, **kwargs)
    assert str(caught.value) == message
    assert not mock.calls


async def test_a_path_parameter_may_be_given_by_name(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/models/openai%2Fgpt-4o-mini").respond(json=MODEL_JSON)
    model = await api.call("get_model", model_id="openai/gpt-4o-mini")
    assert model.id == MODEL_JSON["id"]
    assert route.called


# -- Per-call timeout and retries, and unknown options -------------------------------------


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (1.5, {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}),
        (httpx2.Timeout(3, read=30), {"connect": 3.0, "read": 30.0, "write": 3.0, "pool": 3.0}),
    ],
)
async def test_per_call_timeout_overrides_the_clients(
    make_api: MakeApi, mock: respx.MockRouter, timeout: Any, expected: dict[str, float]
) -> None:
    route = _chat_route(mock)
    api = make_api(timeout=20)
    await _chat(api, timeout=timeout)
    assert route.calls.last.request.extensions["timeout"] == expected
    await _chat(api)
    assert route.calls.last.request.extensions["timeout"]["read"] == 20.0


@pytest.mark.parametrize("option", [{"timeout": 0}, {"timeout": "1"}, {"max_retries": -1},
                                    {"max_retries": 1.0}])  # fmt: skip
async def test_bad_per_call_option_is_refused_before_sending(
    api: Api, mock: respx.MockRouter, option: dict[str, Any]
) -> None:
    route = mock.get("/v1/models").respond(json={"data": []})
    with pytest.raises(ValueError, match=next(iter(option))):
        await api.call("list_models", **option)
    assert not route.called


@GET_METHODS
async def test_unknown_keyword_is_a_type_error(
    api: Api, mock: respx.MockRouter, method: str, args: tuple[Any, ...], verb: str,
    path: str, payload: dict[str, Any], check: Any,
) -> None:  # fmt: skip
    route = mock.request(verb, path).respond(json=payload)
    with pytest.raises(TypeError, match="request_idd"):
        await api.call(method, *args, request_idd="x")
    assert not route.called


# -- Chat arguments refused before sending ------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"messages": MESSAGES}, "model"),
        ({"model": MODEL}, "messages"),
        ({"model": MODEL, "messages": "Hi"}, "messages"),
        ({"model": MODEL, "messages": [{"content": "Hi"}]}, "role"),
        ({"model": MODEL, "messages": ["Hi"]}, r"messages\[0\]"),
        ({"model": 4, "messages": MESSAGES}, "model"),
        ({"model": MODEL, "messages": MESSAGES, "temperature": "hot"}, "temperature"),
        ({"model": MODEL, "messages": MESSAGES, "temprature": 0.5}, "temprature"),
        ({"model": MODEL, "messages": MESSAGES, "max_tokens": "5"}, "max_tokens"),
    ],
    ids=["no-model", "no-messages", "messages-str", "no-role", "message-str", "model-int",
         "temperature-str", "unknown-keyword", "max-tokens-str"],
)  # fmt: skip
async def test_bad_chat_arguments_are_refused_before_sending(
    api: Api, mock: respx.MockRouter, fields: dict[str, Any], match: str
) -> None:
    route = _chat_route(mock)
    with pytest.raises(TypeError, match=match):
        await api.call("chat", **fields)
    with pytest.raises(TypeError, match=match):
        await api.start(**fields)
    assert not route.called


async def test_request_model_and_keyword_fields_together_are_refused(
    api: Api, mock: respx.MockRouter
) -> None:
    route = _chat_route(mock)
    request = ChatCompletionRequest(model=MODEL, messages=[ChatMessage(role="user", content="Hi")])
    with pytest.raises(TypeError, match="temperature"):
        await api.call("chat", request, temperature=1)
    with pytest.raises(TypeError, match="ChatCompletionRequest"):
        await api.call("chat", {"model": MODEL, "messages": MESSAGES})
    assert not route.called


async def test_request_model_with_request_options(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    request = ChatCompletionRequest(model=MODEL, messages=[ChatMessage(role="user", content="Hi")])
    await api.call("chat", request, request_id="rid-model", extra_body={"seed": 7})
    assert route.calls.last.request.headers["X-Request-Id"] == "rid-model"
    assert _sent_json(route)["seed"] == 7


async def test_stream_flag_must_match_the_method(api: Api, mock: respx.MockRouter) -> None:
    route = _chat_route(mock)
    with pytest.raises(TypeError, match="chat_stream"):
        await _chat(api, stream=True)
    with pytest.raises(TypeError, match=r"chat\(\)"):
        await api.start(model=MODEL, messages=MESSAGES, stream=False)
    assert not route.called
