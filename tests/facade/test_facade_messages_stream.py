"""An Anthropic ``/v1/messages`` stream through the shared stream lifecycle, both clients.

The facade has no ``messages_stream`` method yet: `_messages_stream` builds the stream the
way that method will (a `Call` sent by the client's own retry loop, the stream started at
once for sync), so these tests pin what the lifecycle gives every kind of stream: events
over arbitrary reads, the end marker, errors, no retry after the first byte, the request
id, and the connection released.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
import respx
from facade_support import MESSAGES, Api, Pieces, Reply, event_stream, split_every

import zaguan
from zaguan import AsyncZaguanClient
from zaguan._request import RequestOptions, build_call
from zaguan._streams._shells import AsyncMessageStream, MessageStream

BODY = (Path(__file__).parents[1] / "data" / "anthropic_messages_stream.sse").read_bytes()
MESSAGES_PATH = "/v1/messages"
ANTHROPIC_MODEL = "anthropic/claude-sonnet-4-5"
TEXT = ["Let me check ", "the weather in Lima, Perú 🌦."]

AnyMessageStream = MessageStream[Any] | AsyncMessageStream[Any]


class Message:
    """Stands in for the generated model the facade will plug in as ``parse_final``."""

    _request_id: str | None = None

    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body


async def _messages_stream(api: Api, **options: Any) -> AnyMessageStream:
    """A stream as ``client.messages_stream(...)`` will return it (started for sync)."""
    client = api.client
    body = {"model": ANTHROPIC_MODEL, "max_tokens": 1024, "messages": MESSAGES, "stream": True}
    route = {"method": "post", "url": MESSAGES_PATH}
    request_options: RequestOptions = options  # type: ignore[assignment]
    call = build_call(client, route, request_options, Message,
                      body=body, stream=True)  # fmt: skip
    if isinstance(client, AsyncZaguanClient):
        return AsyncMessageStream(lambda: client._send(call), call.request_id, Message)
    return MessageStream(lambda: client._send(call), call.request_id, Message)._start()


async def _started(api: Api, **options: Any) -> AnyMessageStream:
    stream = await _messages_stream(api, **options)
    return await stream if isinstance(stream, AsyncMessageStream) else stream


async def _read(stream: AnyMessageStream, into: list[Any], limit: int = -1) -> list[Any]:
    if isinstance(stream, AsyncMessageStream):
        async for event in stream:
            into.append(event)
            if len(into) == limit:
                break
    else:
        for event in stream:
            into.append(event)
            if len(into) == limit:
                break
    return into


async def _final(stream: AnyMessageStream) -> Message:
    if isinstance(stream, AsyncMessageStream):
        return await stream.get_final_message()
    return stream.get_final_message()


def _route(mock: respx.MockRouter, *outcomes: httpx2.Response | Exception) -> respx.Route:
    return mock.post(MESSAGES_PATH).mock(side_effect=list(outcomes))


def _types(events: list[Any]) -> list[str]:
    return [event["type"] for event in events]


def _closed(response: httpx2.Response) -> bool:
    assert isinstance(response.stream, Pieces)
    return response.stream.closed


@pytest.mark.parametrize("size", [1, 3, 64, len(BODY)])
async def test_events_and_final_message_over_arbitrary_reads(
    api: Api, mock: respx.MockRouter, size: int
) -> None:
    response = event_stream(split_every(BODY, size))
    route = _route(mock, response)
    stream = await _messages_stream(api, request_id="rid-msg")
    events = await _read(stream, [])
    assert _types(events)[0] == "message_start"
    assert _types(events)[-1] == "message_stop"
    assert "ping" not in _types(events)
    final = await _final(stream)
    assert final.body["content"][2]["input"] == {"location": "Lima, Perú", "unit": "celsius"}
    assert final.body["stop_reason"] == "tool_use"
    assert final._request_id == "rid-msg" == stream.request_id
    assert route.calls.last.request.headers["X-Request-Id"] == "rid-msg"
    assert json.loads(route.calls.last.request.content)["stream"] is True
    assert _closed(response)


async def test_text_stream(api: Api, mock: respx.MockRouter) -> None:
    _route(mock, event_stream(split_every(BODY, 5)))
    stream = await _started(api)
    if isinstance(stream, AsyncMessageStream):
        texts = [text async for text in stream.text_stream]
    else:
        texts = list(stream.text_stream)
    assert texts == TEXT
    assert (await _final(stream)).body["content"][1]["text"] == "".join(TEXT)


async def test_error_event_after_the_first_events(api: Api, mock: respx.MockRouter) -> None:
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    head = BODY.split(b"event: content_block_stop", 1)[0]
    body = head + b"event: error\ndata: " + json.dumps(error).encode() + b"\n\n"
    response = event_stream(split_every(body, 11))
    route = _route(mock, response, event_stream(BODY))
    got: list[Any] = []
    with pytest.raises(zaguan.StreamError) as caught:
        await _read(await _messages_stream(api, request_id="rid-err"), got)
    assert _types(got) == ["message_start", "content_block_start"] + ["content_block_delta"] * 3
    assert (caught.value.type, caught.value.message) == ("overloaded_error", "Overloaded")
    assert caught.value.request_id == "rid-err"
    assert route.call_count == 1  # never retried once an event reached the caller
    assert _closed(response)


async def test_body_cut_before_message_stop(api: Api, mock: respx.MockRouter) -> None:
    body = BODY.rsplit(b"event: message_stop", 1)[0]
    response = event_stream(split_every(body, 64))
    route = _route(mock, response, event_stream(BODY))
    stream = await _messages_stream(api)
    got: list[Any] = []
    with pytest.raises(zaguan.APIConnectionError, match="message_stop") as caught:
        await _read(stream, got)
    assert _types(got)[-1] == "message_delta"
    assert caught.value.request_id == stream.request_id
    assert route.call_count == 1
    assert _closed(response)
    with pytest.raises(zaguan.APIConnectionError, match="message_stop"):
        await _final(stream)


async def test_transport_error_mid_stream_is_not_retried(api: Api, mock: respx.MockRouter) -> None:
    cut = httpx2.ReadError("connection reset")
    response = event_stream(BODY[:700], error=cut)
    route = _route(mock, response, event_stream(BODY))
    got: list[Any] = []
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await _read(await _messages_stream(api), got)
    assert caught.value.__cause__ is cut
    assert got
    assert route.call_count == 1


async def test_refused_before_the_first_byte_is_retried_then_raises(
    api: Api, mock: respx.MockRouter
) -> None:
    overloaded = {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}
    refused = {"type": "error", "error": {"type": "invalid_request_error", "message": "bad"}}
    route = _route(mock, Reply(529, json=overloaded), Reply(400, json=refused))
    with pytest.raises(zaguan.BadRequestError, match="bad") as caught:
        await _started(api, request_id="rid-refused")
    assert caught.value.request_id == "rid-refused"
    assert route.call_count == 2
    assert {c.request.headers["X-Request-Id"] for c in route.calls} == {"rid-refused"}


async def test_bytes_after_message_stop_are_drained_within_bounds(
    api: Api, mock: respx.MockRouter
) -> None:
    junk = [b": padding " + b"x" * 1000 + b"\n"] * 10_000
    response = event_stream([BODY, *junk])
    _route(mock, response)
    events = await _read(await _messages_stream(api), [])
    assert _types(events)[-1] == "message_stop"
    assert _closed(response)
    assert isinstance(response.stream, Pieces)
    assert response.stream.pulled < 100


async def test_breaking_out_early_releases_the_connection(api: Api, mock: respx.MockRouter) -> None:
    response = event_stream(split_every(BODY, 50))
    _route(mock, response)
    stream = await _messages_stream(api)
    assert len(await _read(stream, [], limit=2)) == 2
    if isinstance(stream, AsyncMessageStream):
        await stream.close()
    else:
        stream.close()
    assert _closed(response)
    assert await _read(stream, []) == []
    with pytest.raises(zaguan.APIConnectionError, match="message_stop"):
        await _final(stream)


async def test_with_blocks_start_and_release(api: Api, mock: respx.MockRouter) -> None:
    response = event_stream(split_every(BODY, 50))
    _route(mock, response)
    stream = await _messages_stream(api)
    if isinstance(stream, AsyncMessageStream):
        async with stream as entered:
            first = await anext(aiter(entered))
    else:
        with stream as entered_sync:
            first = next(iter(entered_sync))
    assert first["type"] == "message_start"
    assert stream.response.status_code == 200
    assert _closed(response)
