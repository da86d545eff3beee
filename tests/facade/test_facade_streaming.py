"""`chat_stream` through both clients: SSE over arbitrary reads, endings, errors, retries
before the first chunk, the final completion, and releasing the connection."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    CHAT_PATH,
    MESSAGES,
    MODEL,
    Api,
    Pieces,
    Reply,
    chunk_json,
    error_json,
    event_stream,
    split_every,
    sse,
    text_chunk,
)

import zaguan
from zaguan import AsyncStream, Stream, ZaguanClient
from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk

WORDS = ["H\u00e9llo", " w\u00f6rld", " \U0001f44b", "!"]
BODY = sse(*(text_chunk(word) for word in WORDS))


def _route(mock: respx.MockRouter, *outcomes: httpx2.Response | Exception) -> respx.Route:
    return mock.post(CHAT_PATH).mock(side_effect=list(outcomes))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


def _texts(chunks: list[ChatCompletionChunk]) -> list[Any]:
    return [chunk.choices[0].delta.content for chunk in chunks]


async def _collect(api: Api, into: list[ChatCompletionChunk] | None = None, **kw: Any) -> Any:
    return await api.stream_into([] if into is None else into, model=MODEL, messages=MESSAGES, **kw)


async def _start(api: Api, **kw: Any) -> Stream | AsyncStream:
    return await api.start(model=MODEL, messages=MESSAGES, **kw)


async def _settle() -> None:
    """Let the event loop run what was scheduled (an abandoned async generator's aclose)."""
    for _ in range(10):
        await asyncio.sleep(0)


# -- Decoding over arbitrary reads --------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, len(BODY)])
async def test_events_and_utf8_characters_split_across_reads(
    api: Api, mock: respx.MockRouter, size: int
) -> None:
    pieces = split_every(BODY, size)
    if size <= 3:  # the test is only worth its name if a character is cut in two
        assert any(not _is_utf8(piece) for piece in pieces)
    _route(mock, event_stream(pieces))
    assert _texts(await _collect(api)) == WORDS


async def test_crlf_comments_and_other_fields(api: Api, mock: respx.MockRouter) -> None:
    body = (
        ": keep-alive\r\n\r\n"
        "id: 1\r\nretry: 100\r\nevent: message\r\n"
        f"data: {json.dumps(text_chunk('a'))}\r\n\r\n"
        ": another comment\n"
        f"data: {json.dumps(text_chunk('b'))}\r\r"
        "data: [DONE]\r\n\r\n"
    ).encode()
    _route(mock, event_stream(split_every(body, 5)))
    assert _texts(await _collect(api)) == ["a", "b"]


async def test_data_split_over_several_lines(api: Api, mock: respx.MockRouter) -> None:
    text = json.dumps(text_chunk("multi"), indent=1)
    body = ("".join(f"data: {line}\n" for line in text.splitlines()) + "\n").encode()
    _route(mock, event_stream(body + sse()))
    assert _texts(await _collect(api)) == ["multi"]


async def test_done_ends_the_stream_and_releases_the_connection(
    api: Api, mock: respx.MockRouter
) -> None:
    body = sse(text_chunk("kept")) + sse(text_chunk("after done"), done=False)
    response = event_stream(body)
    _route(mock, response)
    stream = await _start(api)
    assert _texts(await api.read(stream)) == ["kept"]
    assert stream.response.is_closed
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed


# -- Errors inside and around the stream --------------------------------------------------


async def test_error_event_after_two_chunks(api: Api, mock: respx.MockRouter) -> None:
    error = error_json("server_error", "Upstream failed.", code="upstream", status_code=502)
    body = sse(text_chunk("a"), text_chunk("b"), error, text_chunk("never"))
    response = event_stream(split_every(body, 9))
    _route(mock, response)
    got: list[ChatCompletionChunk] = []
    with pytest.raises(zaguan.StreamError) as caught:
        await _collect(api, got, request_id="stream-err")
    assert _texts(got) == ["a", "b"]
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed
    assert caught.value.message == "Upstream failed."
    assert caught.value.type == "server_error"
    assert caught.value.code == "upstream"
    assert caught.value.status_code == 502
    assert caught.value.body == error
    assert caught.value.request_id == "stream-err"


async def test_error_event_type(api: Api, mock: respx.MockRouter) -> None:
    body = (
        sse(text_chunk("a"), done=False)
        + b'event: error\ndata: {"message": "quota", "type": "rate_limit_error"}\n\n'
    )
    _route(mock, event_stream(body))
    got: list[ChatCompletionChunk] = []
    with pytest.raises(zaguan.StreamError, match="quota"):
        await _collect(api, got)
    assert _texts(got) == ["a"]


async def test_body_cut_before_done(api: Api, mock: respx.MockRouter) -> None:
    body = sse(text_chunk("a"), text_chunk("b"), done=False) + b'data: {"id": "trunc'
    response = event_stream(split_every(body, 10))
    route = _route(mock, response)
    got: list[ChatCompletionChunk] = []
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await _collect(api, got)
    assert _texts(got) == ["a", "b"]
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed
    assert caught.value.request_id == route.calls.last.request.headers["X-Request-Id"]
    assert route.call_count == 1


async def test_empty_200_body_is_an_incomplete_answer(api: Api, mock: respx.MockRouter) -> None:
    route = _route(mock, event_stream(b""))
    with pytest.raises(zaguan.APIConnectionError):
        await _collect(api)
    assert route.call_count == 1


async def test_transport_error_mid_stream_is_not_retried(api: Api, mock: respx.MockRouter) -> None:
    cut = httpx2.ReadError("connection reset")
    body = sse(text_chunk("a"), text_chunk("b"), done=False)
    route = _route(mock, event_stream(body, error=cut), event_stream(BODY))
    got: list[ChatCompletionChunk] = []
    with pytest.raises(zaguan.APIConnectionError) as caught:
        await _collect(api, got)
    assert _texts(got) == ["a", "b"]
    assert caught.value.__cause__ is cut
    assert caught.value.request_id == route.calls.last.request.headers["X-Request-Id"]
    assert route.call_count == 1


async def test_timeout_mid_stream_is_an_api_timeout_error(api: Api, mock: respx.MockRouter) -> None:
    body = sse(text_chunk("a"), done=False)
    route = _route(mock, event_stream(body, error=httpx2.ReadTimeout("idle")), event_stream(BODY))
    got: list[ChatCompletionChunk] = []
    with pytest.raises(zaguan.APITimeoutError):
        await _collect(api, got)
    assert _texts(got) == ["a"]
    assert route.call_count == 1


async def test_undecodable_chunk(api: Api, mock: respx.MockRouter) -> None:
    body = sse(text_chunk("a"), "{not json", '{"id": "no-choices"}')
    _route(mock, event_stream(body))
    got: list[ChatCompletionChunk] = []
    with pytest.raises(zaguan.APIResponseValidationError) as caught:
        await _collect(api, got)
    assert _texts(got) == ["a"]
    assert caught.value.body == "{not json"


async def test_503_before_the_stream_starts_is_retried(api: Api, mock: respx.MockRouter) -> None:
    route = _route(mock, Reply(503), httpx2.ConnectError("refused"), event_stream(BODY))
    stream = await _start(api)
    assert _texts(await api.read(stream)) == WORDS
    assert route.call_count == 3
    ids = {call.request.headers["X-Request-Id"] for call in route.calls}
    assert ids == {stream.request_id}


@pytest.mark.parametrize(
    ("response", "cls"),
    [(Reply(400, json=error_json("invalid_request_error", "bad")),
      zaguan.BadRequestError),
     (Reply(402, json=error_json("insufficient_credits", "pay")),
      zaguan.InsufficientCreditsError)],
)  # fmt: skip
async def test_refused_stream_raises_where_it_starts(
    api: Api, mock: respx.MockRouter, response: httpx2.Response, cls: type[Exception]
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=response)
    with pytest.raises(cls):
        await _start(api, request_id="refused-1")
    assert route.call_count == 1
    with pytest.raises(cls) as caught:
        await _collect(api, request_id="refused-2")
    assert getattr(caught.value, "request_id", None) == "refused-2"


async def test_sync_stream_starts_at_once_async_when_awaited(
    api: Api, mock: respx.MockRouter
) -> None:
    route = _route(mock, event_stream(BODY))
    stream = api.client.chat_stream(model=MODEL, messages=MESSAGES)
    assert route.called is (not api.is_async)
    if isinstance(stream, AsyncStream):
        with pytest.raises(RuntimeError, match="not started"):
            stream.response  # noqa: B018
        assert await stream is stream
    assert route.call_count == 1
    assert _texts(await api.read(stream)) == WORDS


@pytest.mark.parametrize("form", ["iterate", "with", "start", "final"])
async def test_both_stream_classes_open_at_the_same_moments(
    api: Api, mock: respx.MockRouter, form: str
) -> None:
    """Made but not started, a stream has sent nothing; its first start sends the request,
    whichever form it takes (the sync client starts its streams in chat_stream itself)."""
    route = _route(mock, event_stream(BODY))
    client = api.client
    call = client._chat_call(None, {"model": MODEL, "messages": MESSAGES}, stream=True)
    stream: Any = (AsyncStream if api.is_async else Stream)(
        lambda: client._send(call), call.request_id
    )
    with pytest.raises(RuntimeError, match="not started"):
        stream.response  # noqa: B018
    assert not route.called
    if form == "iterate":
        got = await api.read(stream)
    elif form == "with":
        if api.is_async:
            async with stream:
                got = await api.read(stream)
        else:
            with stream:
                got = await api.read(stream)
    elif form == "start":
        await stream if api.is_async else stream._start()
        assert route.call_count == 1
        got = await api.read(stream)
    else:
        got = (await api.final(stream)).choices[0].message.content
    assert route.call_count == 1
    assert (got if form == "final" else "".join(_texts(got))) == "".join(WORDS)


async def test_stream_request_id(api: Api, mock: respx.MockRouter) -> None:
    route = _route(mock, event_stream(BODY), event_stream(BODY))
    stream = await _start(api)
    assert stream.request_id == route.calls.last.request.headers["X-Request-Id"]
    await api.close(stream)
    stream = await _start(api, request_id="my-stream")
    assert stream.request_id == "my-stream"
    assert route.calls.last.request.headers["X-Request-Id"] == "my-stream"
    await api.close(stream)


# -- The final completion -----------------------------------------------------------------


def _call(index: int, **fields: Any) -> dict[str, Any]:
    return {"tool_calls": [{"index": index, **fields}]}


TOOL_STREAM = [
    chunk_json({"role": "assistant", "reasoning_content": "Think"}),
    chunk_json({"reasoning_content": "ing\u2026"}),
    chunk_json({"content": "Let me "}),
    chunk_json({"content": "check."}),
    chunk_json(_call(0, id="call_1", type="function",
                     function={"name": "get_weather", "arguments": ""})),
    chunk_json(_call(0, function={"arguments": '{"city": '})),
    chunk_json(_call(1, id="call_2", type="function",
                     function={"name": "get_time", "arguments": "{}"})),
    chunk_json(_call(0, function={"arguments": '"Lima"}'})),
    chunk_json({}, finish_reason="tool_calls"),
    chunk_json(usage={"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}),
]  # fmt: skip


def _check_tool_completion(final: ChatCompletion) -> None:
    assert isinstance(final, ChatCompletion)
    assert final.id == "chatcmpl-1"
    assert final.model == MODEL
    choice = final.choices[0]
    assert choice.finish_reason == "tool_calls"
    message = choice.message
    assert message.role == "assistant"
    assert message.content == "Let me check."
    assert message.reasoning_content == "Thinking\u2026"
    calls = message.tool_calls
    assert calls is not None
    assert [(c.id, c.function.name, c.function.arguments) for c in calls] == [
        ("call_1", "get_weather", '{"city": "Lima"}'),
        ("call_2", "get_time", "{}"),
    ]
    usage = final.usage
    assert usage is not None
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (11, 7, 18)


async def test_final_completion_joins_every_fragment(api: Api, mock: respx.MockRouter) -> None:
    _route(mock, event_stream(split_every(sse(*TOOL_STREAM), 13)))
    stream = await _start(api)
    _check_tool_completion(await api.final(stream))
    assert stream.response.is_closed


async def test_final_completion_after_reading_some_chunks(api: Api, mock: respx.MockRouter) -> None:
    _route(mock, event_stream(sse(*TOOL_STREAM)))
    stream = await _start(api)
    assert len(await api.read(stream, limit=3)) == 3
    _check_tool_completion(await api.final(stream))


async def test_final_completion_after_reading_every_chunk(api: Api, mock: respx.MockRouter) -> None:
    _route(mock, event_stream(sse(*TOOL_STREAM)))
    stream = await _start(api)
    assert len(await api.read(stream)) == len(TOOL_STREAM)
    _check_tool_completion(await api.final(stream))
    _check_tool_completion(await api.final(stream))  # asking twice gives the same answer


async def test_no_final_completion_from_a_stream_closed_early(
    api: Api, mock: respx.MockRouter
) -> None:
    _route(mock, event_stream(sse(*TOOL_STREAM)))
    stream = await _start(api)
    await api.read(stream, limit=2)
    await api.close(stream)
    with pytest.raises(zaguan.APIConnectionError, match="DONE"):
        await api.final(stream)


@pytest.mark.parametrize(
    "error",
    [
        httpx2.RemoteProtocolError("peer closed connection without sending complete message body"),
        httpx2.ReadError("connection reset"),
        httpx2.ReadTimeout("no chunked-encoding trailer"),
    ],
    ids=lambda e: type(e).__name__,
)
async def test_connection_lost_after_done_does_not_spoil_a_complete_answer(
    api: Api, mock: respx.MockRouter, error: Exception
) -> None:
    """After ``[DONE]`` the answer is whole: what happens to the rest of the body (a proxy
    that drops the connection instead of ending the chunked body) is no error of the call."""
    response = event_stream(sse(*TOOL_STREAM), error=error)
    _route(mock, response)
    stream = await _start(api)
    assert len(await api.read(stream)) == len(TOOL_STREAM)
    _check_tool_completion(await api.final(stream))
    assert stream.response.is_closed


async def test_bytes_after_done_are_drained_within_bounds(api: Api, mock: respx.MockRouter) -> None:
    junk = [b": padding " + b"x" * 1000 + b"\n"] * 10_000  # 10 MB the server keeps sending
    response = event_stream([BODY, *junk])
    _route(mock, response)
    assert _texts(await _collect(api)) == WORDS
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed
    assert response.stream.pulled < 100  # ~64 KB, not the whole 10 MB


# -- Forms of use, and releasing the connection -------------------------------------------


async def _consume(api: Api, form: str) -> tuple[list[ChatCompletionChunk], Any]:
    """Read a whole stream in one of the documented forms; return chunks and the stream."""
    client, got = api.client, []
    if isinstance(client, ZaguanClient):
        stream: Any = client.chat_stream(model=MODEL, messages=MESSAGES)
        if form == "with":
            with stream as entered:
                assert entered is stream
                got = list(entered)
        else:  # "for" and "started" are the same thing for the sync client
            got = list(stream)
        return got, stream
    stream = client.chat_stream(model=MODEL, messages=MESSAGES)
    if form == "with":
        async with stream as entered:
            assert entered is stream
            got = [chunk async for chunk in entered]
    elif form == "started":
        started = await stream
        assert started is stream
        got = [chunk async for chunk in started]
    else:
        got = [chunk async for chunk in stream]
    return got, stream


@pytest.mark.parametrize("form", ["for", "with", "started"])
async def test_every_documented_form(api: Api, mock: respx.MockRouter, form: str) -> None:
    response = event_stream(BODY)
    _route(mock, response)
    got, stream = await _consume(api, form)
    assert _texts(got) == WORDS
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in got)
    assert stream.response.is_closed


async def test_leaving_the_with_block_early_releases_the_connection(
    api: Api, mock: respx.MockRouter
) -> None:
    response = event_stream(split_every(BODY, 20))
    _route(mock, response)
    got: list[ChatCompletionChunk] = []
    if isinstance(api.client, ZaguanClient):
        with api.client.chat_stream(model=MODEL, messages=MESSAGES) as stream:
            for chunk in stream:
                got.append(chunk)
                break
    else:
        async with api.client.chat_stream(model=MODEL, messages=MESSAGES) as astream:
            async for chunk in astream:
                got.append(chunk)
                break
    assert _texts(got) == WORDS[:1]
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed


async def _fail_inside_with_block(api: Api) -> None:
    if isinstance(api.client, ZaguanClient):
        with api.client.chat_stream(model=MODEL, messages=MESSAGES) as stream:
            next(iter(stream))
            raise KeyError("user code failed")
    else:
        async with api.client.chat_stream(model=MODEL, messages=MESSAGES) as astream:
            await anext(aiter(astream))
            raise KeyError("user code failed")


async def test_exception_in_the_with_block_releases_the_connection(
    api: Api, mock: respx.MockRouter
) -> None:
    response = event_stream(BODY)
    _route(mock, response)
    with pytest.raises(KeyError, match="user code failed"):
        await _fail_inside_with_block(api)
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed


async def test_close_mid_stream_releases_the_connection(api: Api, mock: respx.MockRouter) -> None:
    response = event_stream(split_every(BODY, 20))
    _route(mock, response)
    stream = await _start(api)
    assert len(await api.read(stream, limit=1)) == 1
    await api.close(stream)
    assert stream.response.is_closed
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed
    assert await api.read(stream) == []  # nothing more after close
    await api.close(stream)  # idempotent


async def test_close_before_reading(api: Api, mock: respx.MockRouter) -> None:
    response = event_stream(BODY)
    _route(mock, response)
    stream = await _start(api)
    await api.close(stream)
    assert stream.response.is_closed
    assert await api.read(stream) == []


async def test_breaking_out_of_a_loop_over_a_temporary_stream_releases_the_connection(
    api: Api, mock: respx.MockRouter
) -> None:
    """``for chunk in client.chat_stream(...): break``, the issue's first form, leaves no
    handle to close: the connection must not wait for the cyclic garbage collector."""
    response = event_stream(split_every(BODY, 20))
    _route(mock, response)
    got: list[ChatCompletionChunk] = []
    if isinstance(api.client, ZaguanClient):
        for chunk in api.client.chat_stream(model=MODEL, messages=MESSAGES):
            got.append(chunk)
            break
    else:
        async for chunk in api.client.chat_stream(model=MODEL, messages=MESSAGES):
            got.append(chunk)
            break
        await _settle()  # the loop closes an abandoned async generator in a task
    assert _texts(got) == WORDS[:1]
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed


# -- Text only ----------------------------------------------------------------------------


async def test_text_stream_yields_the_content_pieces(api: Api, mock: respx.MockRouter) -> None:
    _route(mock, event_stream(split_every(sse(*TOOL_STREAM), 7)))
    stream = await _start(api)
    if isinstance(stream, AsyncStream):
        texts = [text async for text in stream.text_stream]
    else:
        texts = list(stream.text_stream)
    assert texts == ["Let me ", "check."]  # no reasoning, no tool-call fragments
    _check_tool_completion(await api.final(stream))  # the chunks were accumulated all the same


async def test_breaking_out_of_text_stream_releases_the_connection(
    api: Api, mock: respx.MockRouter
) -> None:
    response = event_stream(split_every(BODY, 20))
    _route(mock, response)
    got: list[str] = []
    if isinstance(api.client, ZaguanClient):
        for text in api.client.chat_stream(model=MODEL, messages=MESSAGES).text_stream:
            got.append(text)
            break
    else:
        async for text in api.client.chat_stream(model=MODEL, messages=MESSAGES).text_stream:
            got.append(text)
            break
        await _settle()  # the loop closes an abandoned async generator in a task
    assert got == WORDS[:1]
    assert isinstance(response.stream, Pieces)
    assert response.stream.closed
