"""OpenTelemetry spans and metrics of calls to the local CoreX, sync and async, read with the
SDK's in-memory span exporter and metric reader: a chat, a retried stream, a failed call;
content off by default; the traceparent sent; no key anywhere; no import at ``import zaguan``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

import zaguan
from tests.e2e.conftest import Api
from zaguan import OpenTelemetryHooks
from zaguan.testing import LocalCoreX

HELLO = [{"role": "user", "content": "hello there"}]


class Otel:
    """In-memory providers and the hooks reporting to them."""

    def __init__(self, capture_content: bool | None = None) -> None:
        self.exporter = InMemorySpanExporter()
        tracer_provider = TracerProvider()
        tracer_provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.reader = InMemoryMetricReader()
        meter_provider = MeterProvider(metric_readers=[self.reader])
        self.hooks = OpenTelemetryHooks(
            tracer_provider=tracer_provider, meter_provider=meter_provider,
            capture_content=capture_content,
        )  # fmt: skip

    def span(self) -> ReadableSpan:
        [span] = self.exporter.get_finished_spans()
        return span

    def metrics(self) -> dict[str, list[Any]]:
        data = self.reader.get_metrics_data()
        found: dict[str, list[Any]] = {}
        for resource in data.resource_metrics if data else []:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    found.setdefault(metric.name, []).extend(metric.data.data_points)
        return found


@pytest.fixture
def otel() -> Otel:
    return Otel()


def traced(api: Api, *hooks: Any) -> Api:
    return Api(api.client.with_options(hooks=list(hooks)))


def everything(span: ReadableSpan) -> str:
    """A span's name, attributes and events as one text, to search for what must not be in it."""
    events = [(e.name, dict(e.attributes or {})) for e in span.events]
    return json.dumps([span.name, dict(span.attributes or {}), events], default=str)


async def test_a_chat_is_one_client_span_in_the_genai_conventions(
    api: Api, otel: Otel, server: LocalCoreX
) -> None:
    reply = await traced(api, otel.hooks)(
        "chat", model="openai/gpt-4o-mini", messages=HELLO, max_tokens=50, request_id="o-chat"
    )
    span = otel.span()
    assert span.name == "chat openai/gpt-4o-mini"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    attributes = dict(span.attributes or {})
    assert attributes["gen_ai.system"] == "zaguan.corex"
    assert attributes["gen_ai.operation.name"] == "chat"
    assert attributes["gen_ai.request.model"] == "openai/gpt-4o-mini"
    assert attributes["gen_ai.request.max_tokens"] == 50
    assert attributes["gen_ai.response.model"] == reply.model
    assert attributes["gen_ai.response.id"] == reply.id
    assert attributes["gen_ai.response.finish_reasons"] == ("stop",)
    assert attributes["gen_ai.usage.input_tokens"] == reply.usage.prompt_tokens
    assert attributes["gen_ai.usage.output_tokens"] == reply.usage.completion_tokens
    assert attributes["zaguan.corex.request_id"] == "o-chat"
    assert attributes["zaguan.corex.credits_used"] == 1
    assert attributes["zaguan.corex.credits_remaining"] == reply.promptshield.credits_remaining
    assert attributes["zaguan.corex.provider"] == "openai"
    assert attributes["server.address"] == "127.0.0.1"
    assert [e.name for e in span.events] == ["zaguan.attempt"]
    # Content is off by default; the key is never anywhere.
    assert "gen_ai.input.messages" not in attributes
    assert "gen_ai.output.messages" not in attributes
    assert "hello there" not in everything(span)
    assert server.api_key not in everything(span)


async def test_metrics_duration_and_token_usage(api: Api, otel: Otel) -> None:
    reply = await traced(api, otel.hooks)("chat", model="openai/gpt-4o-mini", messages=HELLO)
    metrics = otel.metrics()
    [duration] = metrics["gen_ai.client.operation.duration"]
    assert duration.count == 1
    assert duration.sum > 0
    assert duration.attributes["gen_ai.request.model"] == "openai/gpt-4o-mini"
    assert duration.attributes["gen_ai.operation.name"] == "chat"
    assert duration.explicit_bounds[:3] == (0.01, 0.02, 0.04)
    tokens = {p.attributes["gen_ai.token.type"]: p for p in metrics["gen_ai.client.token.usage"]}
    assert tokens["input"].sum == reply.usage.prompt_tokens
    assert tokens["output"].sum == reply.usage.completion_tokens
    assert tokens["input"].explicit_bounds[:3] == (1, 4, 16)


async def test_a_retried_stream_is_one_span_over_both_attempts_and_the_stream(
    api: Api, otel: Otel
) -> None:
    chunks, _ = await traced(api, otel.hooks).stream(
        model="test/fail-503-1", messages=HELLO, stream_options={"include_usage": True}
    )
    span = otel.span()
    assert [e.name for e in span.events] == ["zaguan.attempt", "zaguan.retry", "zaguan.attempt"]
    statuses = [e.attributes["http.response.status_code"] for e in span.events
                if e.name == "zaguan.attempt"]  # fmt: skip
    assert statuses == [503, 200]
    assert span.events[1].attributes["zaguan.retry.reason"] == "503"
    attributes = dict(span.attributes or {})
    assert attributes["zaguan.attempts"] == 2
    assert attributes["zaguan.stream"] is True
    assert attributes["gen_ai.usage.output_tokens"] == chunks[-1].usage.completion_tokens
    assert span.status.status_code is StatusCode.UNSET
    # The span covers the stream: it ended after the last chunk was read, not at the headers.
    last_attempt = span.events[-1].timestamp
    assert span.end_time is not None
    assert span.end_time >= last_attempt


async def test_a_failed_call_records_its_error_class(api: Api, otel: Otel) -> None:
    with pytest.raises(zaguan.InternalServerError):
        await traced(api, otel.hooks)(
            "chat", model="test/fail-503-9", messages=HELLO, max_retries=1
        )
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "InternalServerError"
    assert attributes["http.response.status_code"] == 503
    exception = next(e for e in span.events if e.name == "exception")
    assert exception.attributes["exception.type"].endswith("InternalServerError")
    [duration] = otel.metrics()["gen_ai.client.operation.duration"]
    assert duration.attributes["error.type"] == "InternalServerError"


async def test_a_failed_call_never_shows_the_key(api: Api, otel: Otel, server: LocalCoreX) -> None:
    with pytest.raises(zaguan.AuthenticationError):
        await Api(api.client.with_options(hooks=[otel.hooks], api_key="zk-not-a-key-123"))(
            "chat", model="openai/gpt-4o-mini", messages=HELLO
        )
    assert "zk-not-a-key-123" not in everything(otel.span())


async def test_content_is_recorded_only_when_asked(api: Api) -> None:
    otel = Otel(capture_content=True)
    await traced(api, otel.hooks)("chat", model="openai/gpt-4o-mini", messages=HELLO)
    attributes = dict(otel.span().attributes or {})
    assert json.loads(str(attributes["gen_ai.input.messages"])) == HELLO
    [output] = json.loads(str(attributes["gen_ai.output.messages"]))
    assert output["content"] == "Echo: hello there"


class Headers(zaguan.Hooks):
    def __init__(self) -> None:
        self.traceparents: list[str | None] = []

    def on_request(self, event: zaguan.AttemptStart) -> None:
        self.traceparents.append(event.request.headers.get("traceparent"))


async def test_the_trace_context_goes_to_corex_on_every_attempt(api: Api, otel: Otel) -> None:
    seen = Headers()
    await traced(api, otel.hooks, seen)("chat", model="test/fail-503-1", messages=HELLO)
    context = otel.span().context
    flags = int(context.trace_flags)
    expected = f"00-{context.trace_id:032x}-{context.span_id:016x}-{flags:02x}"
    assert seen.traceparents == [expected, expected]  # and the local CoreX accepted it


async def test_a_call_that_is_no_genai_operation_is_named_by_its_route(
    api: Api, otel: Otel
) -> None:
    await traced(api, otel.hooks)("get_model", "openai/gpt-4o-mini")
    span = otel.span()
    assert span.name == "GET /v1/models/{id}"
    assert "gen_ai.operation.name" not in dict(span.attributes or {})


def _run(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, **env}, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip


GLOBAL = """
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX
exporter = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
trace.set_tracer_provider(provider)
with LocalCoreX() as server, ZaguanClient(server.api_key, base_url=server.base_url) as client:
    client.chat(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
print([span.name for span in exporter.get_finished_spans()])
"""


def test_the_applications_global_providers_get_spans_unless_switched_off() -> None:
    on = _run(GLOBAL, ZAGUAN_OTEL="")
    assert on.returncode == 0, on.stderr
    assert on.stdout.strip() == "['chat openai/gpt-4o-mini']"
    off = _run(GLOBAL, ZAGUAN_OTEL="off")
    assert off.returncode == 0, off.stderr
    assert off.stdout.strip() == "[]"


def test_import_zaguan_does_not_import_opentelemetry() -> None:
    done = _run(
        "import sys, zaguan; from zaguan import ZaguanClient; ZaguanClient('k'); "
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry.')))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


LATE = """
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from zaguan import ZaguanClient
from zaguan._observe._otel import default_hooks
from zaguan.testing import LocalCoreX
hi = [{"role": "user", "content": "hi"}]
with LocalCoreX() as server, ZaguanClient(server.api_key, base_url=server.base_url) as client:
    client.chat(model="openai/gpt-4o-mini", messages=hi)  # nothing configured: nothing made
    print(default_hooks()._otel.idle())
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)  # configured after the client was made
    print(default_hooks()._otel.idle())
    client.chat(model="openai/gpt-4o-mini", messages=hi)
print([span.name for span in exporter.get_finished_spans()])
"""


def test_nothing_is_recorded_until_the_application_sets_a_provider() -> None:
    done = _run(LATE, ZAGUAN_OTEL="")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["True", "False", "['chat openai/gpt-4o-mini']"]
