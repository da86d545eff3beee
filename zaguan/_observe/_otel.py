"""OpenTelemetry instrumentation, built on the hooks (`_hooks`), on the OpenTelemetry API only.

With the ``otel`` extra installed every client reports here (``ZAGUAN_OTEL=off`` turns it
off); spans and metrics go to the tracer and meter providers the application set, and cost
next to nothing when it set none. The API is imported at the first call, never at ``import
zaguan``. The names follow the OpenTelemetry GenAI semantic conventions:

- one ``CLIENT`` span per call, named ``"{operation} {model}"`` (``"chat openai/gpt-4o"``),
  or ``"{METHOD} {route}"`` for a call that is no GenAI operation; it covers every attempt,
  back-off and, for a stream, the whole stream. Each attempt is a ``zaguan.attempt`` event
  (status, latency), each scheduled retry a ``zaguan.retry`` event (delay, reason);
- ``gen_ai.*`` attributes (system, operation, request and response model, response id,
  finish reasons, input and output tokens) and CoreX's (``zaguan.corex.request_id``,
  ``.credits_used``, ``.credits_remaining``, ``.band``, ``.provider``); a failure sets
  ``error.type`` to the exception's class, records it, and the status to ERROR;
- histograms ``gen_ai.client.operation.duration`` (s) and ``gen_ai.client.token.usage``
  ({token}, by ``gen_ai.token.type``), with the conventions' bucket boundaries;
- the W3C ``traceparent`` of the call's span is sent to CoreX on every attempt;
- prompts and answers are recorded (``gen_ai.input.messages``, ``gen_ai.output.messages``)
  only when asked: ``OpenTelemetryHooks(capture_content=True)`` or
  ``OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true``.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from .._version import __version__
from ._events import AttemptResponse, AttemptStart, CallEnd, CallFailed, CallInfo, RetryScheduled
from ._hooks import Hooks
from ._summary import field_of

if TYPE_CHECKING:
    from opentelemetry.metrics import Histogram, MeterProvider
    from opentelemetry.trace import Span, Tracer, TracerProvider

SYSTEM: Final = "zaguan.corex"
"""``gen_ai.system``: CoreX routes to many providers; the model's prefix is
``zaguan.corex.provider``."""
TOKEN_BUCKETS: Final = (
    1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
)  # fmt: skip
DURATION_BUCKETS: Final = (
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
)  # fmt: skip
CONTENT_ENV: Final = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"
# Path segments after which comes an id (a model, a batch): a span name must not hold one.
_ID_AFTER: Final = frozenset({"models", "virtual-models", "batches"})


class OpenTelemetryHooks(Hooks):
    """The SDK's OpenTelemetry instrumentation, as hooks (see the module docstring).

    Every client has one already when ``opentelemetry-api`` is installed; pass your own to
    choose the providers or to record prompts and answers:

    >>> ZaguanClient(hooks=[OpenTelemetryHooks(tracer_provider=provider, capture_content=True)])
    """

    def __init__(
        self,
        *,
        tracer_provider: TracerProvider | None = None,
        meter_provider: MeterProvider | None = None,
        capture_content: bool | None = None,
    ) -> None:
        self._providers = (tracer_provider, meter_provider)
        if capture_content is None:
            capture_content = os.environ.get(CONTENT_ENV, "").strip().lower() in ("true", "1")
        self.capture_content = capture_content

    @functools.cached_property
    def _otel(self) -> _Instruments:
        return _Instruments(*self._providers)

    def on_request(self, event: AttemptStart) -> None:
        otel = self._otel
        call = event.call
        span: Span | None = call.state.get(self)
        if span is None:
            if otel.idle():  # nothing would be recorded: no span, no context to send
                return
            span = otel.start(call, self.capture_content)
            call.state[self] = span
        otel.inject(span, event.request.headers)

    def on_response(self, event: AttemptResponse) -> None:
        span = self._span(event.call)
        if span is not None and span.is_recording():
            span.add_event("zaguan.attempt", {
                "zaguan.attempt": event.attempt,
                "http.response.status_code": event.status_code,
                "zaguan.latency_s": event.latency,
            })  # fmt: skip

    def on_retry(self, event: RetryScheduled) -> None:
        span = self._span(event.call)
        if span is not None and span.is_recording():
            span.add_event("zaguan.retry", {
                "zaguan.attempt": event.attempt,
                "zaguan.retry.delay_s": event.delay,
                "zaguan.retry.reason": event.reason,
            })  # fmt: skip

    def on_error(self, event: CallFailed) -> None:
        span = event.call.state.pop(self, None)
        if span is not None or not self._otel.idle():
            self._otel.failed(span, event)

    def on_end(self, event: CallEnd) -> None:
        span = event.call.state.pop(self, None)
        if span is not None or not self._otel.idle():
            self._otel.ended(span, event, self.capture_content)

    def _span(self, call: CallInfo) -> Span | None:
        span: Span | None = call.state.get(self)
        return span


@functools.cache
def default_hooks() -> OpenTelemetryHooks:
    """The one instance every client shares when it was given none (its instruments are
    made once, at the first call)."""
    return OpenTelemetryHooks()


class _Instruments:
    """The tracer and histograms; made at the first call, which imports OpenTelemetry."""

    def __init__(
        self, tracer_provider: TracerProvider | None, meter_provider: MeterProvider | None
    ) -> None:
        from opentelemetry import metrics, propagate, trace  # noqa: PLC0415  # ~40 ms, lazy

        self._own_providers = tracer_provider is not None or meter_provider is not None
        self._metrics = metrics
        self._trace = trace
        self._propagate = propagate
        self.tracer: Tracer = trace.get_tracer("zaguan", __version__, tracer_provider)
        meter = metrics.get_meter("zaguan", __version__, meter_provider)
        self.duration: Histogram = meter.create_histogram(
            "gen_ai.client.operation.duration", unit="s",
            description="GenAI operation duration",
            explicit_bucket_boundaries_advisory=list(DURATION_BUCKETS),
        )  # fmt: skip
        self.tokens: Histogram = meter.create_histogram(
            "gen_ai.client.token.usage", unit="{token}",
            description="Measures number of input and output tokens used",
            explicit_bucket_boundaries_advisory=list(TOKEN_BUCKETS),
        )  # fmt: skip

    def idle(self) -> bool:
        """Whether nothing would be recorded: no provider of ours, and the application set
        neither a tracer nor a meter provider (the API's stand-ins answer). Asked per call,
        since an application may set its providers after making a client."""
        if self._own_providers:
            return False
        tracer_provider = self._trace.get_tracer_provider()
        if not isinstance(
            tracer_provider, self._trace.ProxyTracerProvider | self._trace.NoOpTracerProvider
        ):
            return False
        # The meter provider's stand-in class is private to the API: known by its name.
        meter_provider = type(self._metrics.get_meter_provider()).__name__
        return meter_provider in ("_ProxyMeterProvider", "NoOpMeterProvider")

    def start(self, call: CallInfo, capture_content: bool) -> Span:
        model = _model(call)
        name = f"{call.operation} {model}" if call.operation and model else _route_name(call)
        span = self.tracer.start_span(name, kind=self._trace.SpanKind.CLIENT)
        if span.is_recording():
            span.set_attributes(_request_attributes(call, model))
            if capture_content and call.body is not None and "messages" in call.body:
                span.set_attribute("gen_ai.input.messages", _json(call.body["messages"]))
        return span

    def inject(self, span: Span, headers: Any) -> None:
        context = self._trace.set_span_in_context(span)
        self._propagate.inject(headers, context=context)

    def failed(self, span: Span | None, event: CallFailed) -> None:
        error = event.error
        kind = type(error).__name__
        metric = {**_metric_attributes(event.call), "error.type": kind}
        self.duration.record(event.duration, metric)
        if span is None:
            return
        if span.is_recording():
            attributes: dict[str, Any] = {"error.type": kind}
            for name, key in (("status_code", "http.response.status_code"),
                              ("band", "zaguan.corex.band"),
                              ("credits_remaining", "zaguan.corex.credits_remaining")):  # fmt: skip
                value = getattr(error, name, None)
                if isinstance(value, str | int | float) and not isinstance(value, bool):
                    attributes[key] = value
            span.set_attributes(attributes)
            span.record_exception(error)
        span.set_status(self._trace.Status(self._trace.StatusCode.ERROR, f"{kind}: {error}"))
        span.end()

    def ended(self, span: Span | None, event: CallEnd, capture_content: bool) -> None:
        summary = event.summary
        metric = _metric_attributes(event.call)
        if summary.response_model:
            metric["gen_ai.response.model"] = summary.response_model
        self.duration.record(event.duration, metric)
        for kind, count in (("input", summary.input_tokens), ("output", summary.output_tokens)):
            if count is not None:
                self.tokens.record(count, {**metric, "gen_ai.token.type": kind})
        if span is None:
            return
        if span.is_recording():
            span.set_attributes(_response_attributes(event))
            if capture_content and event.completed:
                output = _output_messages(event.result)
                if output is not None:
                    span.set_attribute("gen_ai.output.messages", _json(output))
        span.end()


def _model(call: CallInfo) -> str | None:
    body = call.body if call.operation else None
    model = body.get("model") if body is not None else None
    return model if isinstance(model, str) else None


def _route_name(call: CallInfo) -> str:
    # The raw path: a model id's %2F stays one segment.
    segments = call.url.raw_path.decode("ascii").split("?")[0].split("/")
    route = [
        "{id}" if i and segments[i - 1] in _ID_AFTER and segment != "batches" else segment
        for i, segment in enumerate(segments)
    ]
    return f"{call.method} {'/'.join(route)}"


def _request_attributes(call: CallInfo, model: str | None) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "gen_ai.system": SYSTEM,
        "zaguan.corex.request_id": call.request_id,
        "server.address": call.url.host,
        "http.request.method": call.method,
    }
    if call.url.port is not None:
        attributes["server.port"] = call.url.port
    if call.operation:
        attributes["gen_ai.operation.name"] = call.operation
    if model:
        attributes["gen_ai.request.model"] = model
        if "/" in model:
            attributes["zaguan.corex.provider"] = model.split("/", 1)[0]
    body = call.body if call.operation else None
    for key, name in (("max_tokens", "max_tokens"), ("temperature", "temperature"),
                      ("top_p", "top_p")):  # fmt: skip
        value = body.get(key) if body is not None else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            attributes[f"gen_ai.request.{name}"] = value
    if call.stream:
        attributes["zaguan.stream"] = True
    return attributes


def _metric_attributes(call: CallInfo) -> dict[str, Any]:
    attributes: dict[str, Any] = {"gen_ai.system": SYSTEM, "server.address": call.url.host}
    if call.operation:
        attributes["gen_ai.operation.name"] = call.operation
    model = _model(call)
    if model:
        attributes["gen_ai.request.model"] = model
    return attributes


def _response_attributes(event: CallEnd) -> dict[str, Any]:
    summary = event.summary
    attributes: dict[str, Any] = {"zaguan.attempts": event.attempt}
    pairs = (
        ("gen_ai.response.id", summary.response_id),
        ("gen_ai.response.model", summary.response_model),
        ("gen_ai.usage.input_tokens", summary.input_tokens),
        ("gen_ai.usage.output_tokens", summary.output_tokens),
        ("zaguan.corex.credits_used", summary.credits_used),
        ("zaguan.corex.credits_remaining", summary.credits_remaining),
        ("zaguan.corex.band", summary.band),
    )
    attributes.update({name: value for name, value in pairs if value is not None})
    if summary.finish_reasons:
        attributes["gen_ai.response.finish_reasons"] = list(summary.finish_reasons)
    if event.response is not None:
        attributes["http.response.status_code"] = event.response.status_code
    if event.call.stream and not event.completed:
        attributes["zaguan.stream.completed"] = False
    return attributes


def _output_messages(result: object) -> Any:
    choices = field_of(result, "choices")
    if isinstance(choices, list):
        return [_plain(field_of(choice, "message")) for choice in choices]
    content = field_of(result, "content")
    return None if content is None else [{"role": "assistant", "content": _plain(content)}]


def _plain(value: object) -> Any:
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _json(value: object) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, default=str)
