"""`zaguan.Hooks` against the local CoreX over real HTTP, sync and async: every event, in order,
for JSON calls, chat and messages streams, retries and failures; a middleware's header reaches
the server; a hook's own failure never breaks the call."""

from __future__ import annotations

import logging
from typing import Any

import pytest

import zaguan
from tests.e2e.conftest import Api
from zaguan import AsyncZaguanClient, ConfigurationError, ZaguanClient
from zaguan.testing import LocalCoreX

HELLO = [{"role": "user", "content": "hello there"}]


class Recorder(zaguan.Hooks):
    """Every event, as (name, attempt, detail), and the events themselves."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int, Any]] = []
        self.events: list[Any] = []

    def _add(self, name: str, event: Any, detail: Any) -> None:
        self.seen.append((name, event.attempt, detail))
        self.events.append(event)

    def on_request(self, event: zaguan.AttemptStart) -> None:
        self._add("request", event, event.request.headers["X-Request-Id"])

    def on_response(self, event: zaguan.AttemptResponse) -> None:
        assert event.latency >= 0
        self._add("response", event, (event.status_code, event.request_id))

    def on_retry(self, event: zaguan.RetryScheduled) -> None:
        self._add("retry", event, (event.delay, event.reason))

    def on_error(self, event: zaguan.CallFailed) -> None:
        self._add("error", event, type(event.error).__name__)

    def on_end(self, event: zaguan.CallEnd) -> None:
        self._add("end", event, event.completed)


def hooked(api: Api, *hooks: Any) -> Api:
    """``api``'s client with these hooks (`with_options` shares its pool)."""
    return Api(api.client.with_options(hooks=list(hooks)))


async def test_a_json_call_reports_its_attempt_and_its_end(api: Api) -> None:
    rec = Recorder()
    reply = await hooked(api, rec)("chat", model="openai/gpt-4o-mini", messages=HELLO,
                                   request_id="h-json")  # fmt: skip
    assert rec.seen == [
        ("request", 1, "h-json"),
        ("response", 1, (200, "h-json")),
        ("end", 1, True),
    ]
    end = rec.events[-1]
    assert end.result is reply
    assert end.call.request_id == "h-json"
    assert (end.call.operation, end.call.method, end.call.stream) == ("chat", "POST", False)
    assert end.call.body["model"] == "openai/gpt-4o-mini"
    assert (end.input_tokens, end.output_tokens) == (
        reply.usage.prompt_tokens,
        reply.usage.completion_tokens,
    )
    assert end.summary.response_id == reply.id
    assert end.summary.finish_reasons == ("stop",)
    assert end.credits_used == 1
    assert end.credits_remaining == reply.promptshield.credits_remaining
    assert end.duration > 0


async def test_a_retried_call_reports_the_retry_and_each_attempt(api: Api) -> None:
    rec = Recorder()
    await hooked(api, rec)("chat", model="test/fail-503-1", messages=HELLO, request_id="h-r")
    assert [(name, attempt) for name, attempt, _ in rec.seen] == [
        ("request", 1),
        ("response", 1),
        ("retry", 1),
        ("request", 2),
        ("response", 2),
        ("end", 2),
    ]
    assert rec.seen[1][2] == (503, "h-r")
    assert rec.seen[2][2] == (0.0, "503")  # backoff is off in these tests
    assert rec.events[0].call is rec.events[-1].call  # one call, one CallInfo


async def test_a_failed_call_reports_one_error_and_no_end(api: Api) -> None:
    rec = Recorder()
    with pytest.raises(zaguan.InternalServerError) as caught:
        await hooked(api, rec)("chat", model="test/fail-503-9", messages=HELLO, max_retries=1)
    assert [name for name, _, _ in rec.seen] == [
        "request",
        "response",
        "retry",
        "request",
        "response",
        "error",
    ]
    assert rec.seen[-1][1:] == (2, "InternalServerError")
    assert rec.events[-1].error is caught.value


async def test_a_refused_call_is_not_retried_and_reports_its_error(api: Api) -> None:
    rec = Recorder()
    with pytest.raises(zaguan.NotFoundError):
        await hooked(api, rec)("chat", model="openai/no-such-model", messages=HELLO)
    assert [name for name, _, _ in rec.seen] == ["request", "response", "error"]
    assert rec.seen[1][2][0] == 404


async def test_a_chat_stream_ends_at_its_end_with_usage_and_credits(api: Api) -> None:
    rec = Recorder()
    chunks, _ = await hooked(api, rec).stream(
        model="openai/gpt-4o-mini", messages=HELLO, stream_options={"include_usage": True}
    )
    assert [name for name, _, _ in rec.seen] == ["request", "response", "end"]
    end = rec.events[-1]
    usage = chunks[-1].usage
    assert (end.input_tokens, end.output_tokens) == (usage.prompt_tokens, usage.completion_tokens)
    assert end.credits_used == 1
    assert end.credits_remaining == chunks[-1].promptshield.credits_remaining
    assert end.summary.finish_reasons == ("stop",)
    assert end.call.stream
    assert end.completed
    assert end.result.choices[0].message.content == "Echo: hello there"  # built on demand


async def test_a_stream_closed_early_ends_incomplete(api: Api) -> None:
    rec = Recorder()
    client = hooked(api, rec).client
    if isinstance(client, AsyncZaguanClient):
        async with client.chat_stream(model="openai/gpt-4o-mini", messages=HELLO) as astream:
            await anext(aiter(astream))
    else:
        with client.chat_stream(model="openai/gpt-4o-mini", messages=HELLO) as stream:
            next(iter(stream))
    assert [name for name, _, _ in rec.seen] == ["request", "response", "end"]
    assert rec.events[-1].completed is False
    assert rec.events[-1].result is None


async def test_an_error_inside_a_stream_is_the_calls_error(api: Api) -> None:
    rec = Recorder()
    with pytest.raises(zaguan.StreamError):
        await hooked(api, rec).stream(
            model="openai/gpt-4o-mini", messages=HELLO,
            extra_headers={"X-CoreX-Fault": "stream_error_after=1"},
        )  # fmt: skip
    assert [name for name, _, _ in rec.seen] == ["request", "response", "error"]
    assert rec.seen[-1][2] == "StreamError"


async def test_a_messages_stream_ends_with_its_usage(api: Api) -> None:
    rec = Recorder()
    client = hooked(api, rec)
    stream = await client(
        "messages_stream", model="anthropic/claude-3-5-haiku", max_tokens=64,
        messages=[{"role": "user", "content": "one two three"}],
    )  # fmt: skip
    events = await client.collect(stream)
    assert [name for name, _, _ in rec.seen] == ["request", "response", "end"]
    end = rec.events[-1]
    delta = next(e for e in events if e["type"] == "message_delta")
    start = next(e for e in events if e["type"] == "message_start")
    assert end.input_tokens == start["message"]["usage"]["input_tokens"]
    assert end.output_tokens == delta["usage"]["output_tokens"]
    assert end.summary.finish_reasons == ("end_turn",)
    assert (end.call.operation, end.completed) == ("chat", True)


class FaultInjector(zaguan.Hooks):
    """A middleware: the first attempt asks the local CoreX for a 503."""

    def on_request(self, event: zaguan.AttemptStart) -> None:
        if event.attempt == 1:
            event.request.headers["X-CoreX-Fault"] = "status=503;times=1"


async def test_a_middleware_changes_the_request_the_server_gets(
    api: Api, server: LocalCoreX
) -> None:
    rec = Recorder()
    await hooked(api, FaultInjector(), rec)(
        "chat", model="openai/gpt-4o-mini", messages=HELLO, request_id="h-mw"
    )
    assert server.attempts("h-mw") == 2
    assert [d for n, _, d in rec.seen if n == "response"] == [(503, "h-mw"), (200, "h-mw")]


class Broken(zaguan.Hooks):
    def on_response(self, event: zaguan.AttemptResponse) -> None:
        raise RuntimeError("hook bug")


async def test_a_hook_that_raises_is_logged_and_the_call_goes_on(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    rec = Recorder()
    reply = await hooked(api, Broken(), rec)("chat", model="openai/gpt-4o-mini", messages=HELLO)
    assert reply.choices[0].message.content == "Echo: hello there"
    assert [name for name, _, _ in rec.seen] == ["request", "response", "end"]
    [record] = [r for r in caplog.records if r.name == "zaguan.hooks"]
    assert record.levelno == logging.WARNING
    assert "Broken.on_response" in record.getMessage()


def test_async_hooks_are_refused_when_the_client_is_made(server: LocalCoreX) -> None:
    class Async(zaguan.Hooks):
        async def on_end(self, event: zaguan.CallEnd) -> None:  # type: ignore[override]
            pass

    with pytest.raises(ConfigurationError, match="coroutine"):
        ZaguanClient(server.api_key, base_url=server.base_url, hooks=[Async()])


def test_hooks_are_kept_by_copy_and_replaced_by_with_options(
    server: LocalCoreX, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_OTEL", "off")
    rec, other = Recorder(), Recorder()
    with ZaguanClient(server.api_key, base_url=server.base_url, hooks=rec) as client:
        client.copy(max_retries=0).health()
        client.with_options(hooks=[other]).health()
        assert client.with_options(hooks=None)._config.dispatch is None
    assert [n for n, _, _ in rec.seen] == ["request", "response", "end"]
    assert [n for n, _, _ in other.seen] == ["request", "response", "end"]


def test_without_hooks_no_observer_is_made(
    server: LocalCoreX, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_OTEL", "off")
    with ZaguanClient(server.api_key, base_url=server.base_url) as client:
        assert client._config.dispatch is None
        assert client.health().status == "ok"
