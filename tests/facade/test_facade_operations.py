"""The operations beyond chat, declared once in zaguan._operations, on both clients (respx).

Each kind of body and answer once: JSON, multipart uploads, a binary answer, a text answer,
JSON Lines, an Anthropic event stream, and Anthropic-style pagination.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import httpx2
import pytest
import respx
from facade_support import Api, Reply

import zaguan
from zaguan._operation import Pages
from zaguan._operations import Operations

MESSAGE_JSON: dict[str, Any] = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "anthropic/claude-3-5-haiku",
    "content": [{"type": "text", "text": "Hi"}],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 3, "output_tokens": 1},
}
BATCH_JSON: dict[str, Any] = {
    "id": "msgbatch_1",
    "type": "message_batch",
    "processing_status": "ended",
    "request_counts": {
        "processing": 0,
        "succeeded": 1,
        "errored": 0,
        "canceled": 0,
        "expired": 0,
    },
    "created_at": "2026-11-30T10:00:00Z",
    "expires_at": "2026-12-01T10:00:00Z",
}


def multipart_fields(request: httpx2.Request) -> dict[str, tuple[str | None, str | None, bytes]]:
    """name -> (filename, content type, content) of each part of a multipart request."""
    content_type = request.headers["content-type"]
    boundary = content_type.split("boundary=")[1].encode()
    fields = {}
    for part in request.content.split(b"--" + boundary)[1:-1]:
        head, _, body = part.strip(b"\r\n").partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        disposition = next(line for line in lines if line.lower().startswith("content-disposition"))
        name = disposition.split('name="')[1].split('"')[0]
        filename = (
            disposition.split('filename="')[1].split('"')[0] if "filename=" in disposition else None
        )
        ctype = next(
            (line.split(": ")[1] for line in lines if line.lower().startswith("content-type")), None
        )
        fields[name] = (filename, ctype, body)
    return fields


def test_every_contract_operation_has_a_method_on_both_clients() -> None:
    """The coverage check: an operation added to the contract without a declaration fails."""
    from zaguan_corex_client import api  # noqa: PLC0415

    endpoints = {name for tag in _modules(api) for name in _module_names(tag)}
    specs = [spec for value in vars(Operations).values() if (spec := getattr(value, "spec", None))]
    for spec in specs:  # declared by name, imported on the first call: each name must import
        importlib.import_module(f"{api.__name__}.{spec.endpoint}")
    declared = {spec.endpoint.rsplit(".", 1)[1] for spec in specs} | {
        "create_chat_completion"  # chat and chat_stream are written out (overloads)
    }
    assert len(endpoints) >= 26
    assert endpoints - declared == set()
    methods = [n for n, v in vars(Operations).items() if hasattr(v, "__get__") and n[0] != "_"]
    clients = (zaguan.ZaguanClient, zaguan.AsyncZaguanClient)
    for client in (make("k", base_url="https://corex.test") for make in clients):
        for name in methods:
            assert callable(getattr(client, name)), name
        for name in methods:  # the raw twins: every method but the auto-paginating ones
            if not isinstance(vars(Operations)[name], Pages):
                assert callable(getattr(client.with_raw_response, name)), name


def _modules(package: Any) -> list[Any]:
    """The modules of ``package``, imported (the tag packages of the generated api)."""
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def _module_names(package: Any) -> list[str]:
    return [info.name for info in pkgutil.iter_modules(package.__path__)]


async def test_embeddings_send_json_and_parse_the_list(api: Api, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/embeddings").respond(
        json={
            "object": "list",
            "data": [{"object": "embedding", "index": 0, "embedding": [0.5, 0.25]}],
            "model": "openai/text-embedding-3-small",
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        }
    )
    result = await api.call(
        "create_embeddings", model="openai/text-embedding-3-small", input="hi", request_id="e1"
    )
    assert result.data[0].embedding == [0.5, 0.25]
    assert result._request_id == "e1"
    assert json.loads(route.calls.last.request.content) == {
        "model": "openai/text-embedding-3-small",
        "input": "hi",
    }


async def test_a_bad_keyword_is_refused_before_sending(api: Api, mock: respx.MockRouter) -> None:
    with pytest.raises(zaguan.RequestValidationError, match="Did you mean 'input'"):
        await api.call("create_embeddings", model="m", inputs="hi")
    assert not mock.calls


@pytest.mark.parametrize("retry", [False, True])
async def test_a_transcription_is_a_multipart_upload_sent_again_on_retry(
    api: Api, mock: respx.MockRouter, tmp_path: Path, retry: bool
) -> None:
    path = tmp_path / "hello.wav"
    path.write_bytes(b"RIFF....WAVE")
    busy = Reply(503, json={"error": {"message": "busy", "type": "server_error"}})
    answers = [*([busy] if retry else []), Reply(200, json={"text": "hello"})]
    route = mock.post("/v1/audio/transcriptions").mock(side_effect=answers)
    result = await api.call(
        "create_transcription", file=path, model="openai/whisper-1", language="en", temperature=0.5
    )
    assert result.text == "hello"
    assert route.call_count == len(answers)
    for call in route.calls:  # the same parts on every attempt
        fields = multipart_fields(call.request)
        assert fields["file"][0] == "hello.wav"
        assert fields["file"][2] == b"RIFF....WAVE"
        assert fields["file"][1] in ("audio/wav", "audio/x-wav")
        assert fields["model"][2] == b"openai/whisper-1"
        assert fields["language"][2] == b"en"
        assert fields["temperature"][2] == b"0.5"
        assert "+++" not in call.request.headers["content-type"]  # httpx2's own boundary


async def test_a_text_transcription_format_answers_text(api: Api, mock: respx.MockRouter) -> None:
    mock.post("/v1/audio/translations").respond(
        text="hello\n", headers={"content-type": "text/plain"}
    )
    result = await api.call(
        "create_translation",
        file=("a.mp3", b"ID3"),
        model="openai/whisper-1",
        response_format="text",
    )
    assert result.text == "hello\n"


async def test_a_bad_file_argument_names_the_field(api: Api, mock: respx.MockRouter) -> None:
    with pytest.raises(zaguan.RequestValidationError, match=r"^image: expected a path, bytes"):
        await api.call("create_image_variation", image=5)
    assert not mock.calls


async def test_speech_returns_the_audio_bytes(api: Api, mock: respx.MockRouter) -> None:
    mock.post("/v1/audio/speech").respond(
        content=b"RIFFWAVE", headers={"content-type": "audio/wav"}
    )
    audio = await api.call(
        "create_speech", model="openai/tts-1", input="hi", voice="alloy", request_id="s1"
    )
    assert audio == b"RIFFWAVE"
    assert audio._request_id == "s1"
    raw = await api.raw("create_speech", model="openai/tts-1", input="hi", voice="alloy")
    assert raw.parsed == b"RIFFWAVE"
    assert raw.request_id


async def test_messages_refuse_stream_and_parse_the_message(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post("/v1/messages").respond(json=MESSAGE_JSON)
    fields = {"model": "anthropic/claude-3-5-haiku", "max_tokens": 10}
    messages = [{"role": "user", "content": "Hi"}]
    reply = await api.call("messages", **fields, messages=messages)
    assert reply.content[0].text == "Hi"
    assert json.loads(route.calls.last.request.content) == {**fields, "messages": messages}
    with pytest.raises(zaguan.RequestValidationError, match="use messages_stream"):
        await api.call("messages", **fields, messages=messages, stream=True)


async def test_messages_stream_sends_stream_true_and_rebuilds_the_message(
    api: Api, mock: respx.MockRouter
) -> None:
    events = [
        ("message_start", {"type": "message_start", "message": {**MESSAGE_JSON, "content": []}}),
        (
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        ),
        ("ping", {"type": "ping"}),
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": "Hel"},
            },
        ),
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": "lo"},
            },
        ),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn"},
                "usage": {"output_tokens": 2},
            },
        ),
        ("message_stop", {"type": "message_stop"}),
    ]
    body = "".join(f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in events)
    route = mock.post("/v1/messages").respond(
        content=body.encode(), headers={"content-type": "text/event-stream"}
    )
    stream = api.client.messages_stream(
        model="anthropic/claude-3-5-haiku",
        max_tokens=10,
        messages=[{"role": "user", "content": "Hi"}],
        request_id="ms",
    )
    if api.is_async:
        stream = await stream
        message = await stream.get_final_message()
    else:
        message = stream.get_final_message()
    assert json.loads(route.calls.last.request.content)["stream"] is True
    assert route.calls.last.request.headers["accept"] == "text/event-stream"
    assert message.content[0].text == "Hello"
    assert message.stop_reason == "end_turn"
    assert message.usage.output_tokens == 2
    assert message._request_id == "ms"


async def test_batches_walk_every_page_and_results_parse_each_line(
    api: Api, mock: respx.MockRouter
) -> None:
    pages = mock.get("/v1/messages/batches").mock(
        side_effect=[
            Reply(200, json={"data": [BATCH_JSON], "has_more": True, "last_id": "msgbatch_1"}),
            Reply(200, json={"data": [{**BATCH_JSON, "id": "msgbatch_0"}], "has_more": False}),
        ]
    )
    client = api.client
    if isinstance(client, zaguan.AsyncZaguanClient):
        batches = [b async for b in client.list_messages_batches(limit=1)]
    else:
        batches = list(client.list_messages_batches(limit=1))
    assert [b.id for b in batches] == ["msgbatch_1", "msgbatch_0"]
    assert [dict(c.request.url.params) for c in pages.calls] == [
        {"limit": "1"},
        {"limit": "1", "after_id": "msgbatch_1"},
    ]
    line = {"custom_id": "a", "result": {"type": "succeeded", "message": MESSAGE_JSON}}
    mock.get("/v1/messages/batches/msgbatch_1/results").respond(
        content=(
            json.dumps(line) + "\n\n" + json.dumps({**line, "custom_id": "b"}) + "\n"
        ).encode(),
        headers={"content-type": "application/x-jsonl"},
    )
    results = await api.call("get_messages_batch_results", "msgbatch_1")
    assert [r.custom_id for r in results] == ["a", "b"]
    assert results._request_id


async def test_a_batch_id_is_one_path_segment(api: Api, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/messages/batches/msgbatch_1/cancel").respond(json=BATCH_JSON)
    batch = await api.call("cancel_messages_batch", "msgbatch_1")
    assert batch.id == "msgbatch_1"
    assert route.called


async def test_request_reaches_a_path_the_contract_lacks_with_retries_and_errors(
    api: Api, mock: respx.MockRouter
) -> None:
    busy = Reply(503, json={"error": {"message": "busy", "type": "server_error"}})
    route = mock.post("/v1/new-thing").mock(side_effect=[busy, Reply(200, json={"ok": 1})])
    answer = await api.call(
        "request", "POST", "/v1/new-thing", body={"a": 1}, query={"q": "x"}, request_id="n1"
    )
    assert answer == {"ok": 1}
    assert [c.request.headers["x-request-id"] for c in route.calls] == ["n1", "n1"]
    assert json.loads(route.calls.last.request.content) == {"a": 1}
    assert route.calls.last.request.url.params["q"] == "x"
    mock.get("/v1/gone").respond(404, json={"error": {"message": "no", "type": "not_found_error"}})
    with pytest.raises(zaguan.NotFoundError):
        await api.call("request", "GET", "/v1/gone")
    mock.delete("/v1/empty").respond(204)
    assert await api.call("request", "DELETE", "/v1/empty") is None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "v1/relative"),
        ("GET", "//evil.example/v1"),
        ("GET", "/v1/../admin"),
        ("GET", "/v1/x?y=1"),
        ("GET", "/v1/a b"),
        ("TRACE", "/v1/x"),
    ],
)
async def test_request_refuses_what_would_leave_the_base_url(
    api: Api, mock: respx.MockRouter, method: str, path: str
) -> None:
    with pytest.raises(zaguan.RequestValidationError):
        await api.call("request", method, path)
    assert not mock.calls


async def test_speech_streams_to_a_file_without_reading_it_first(
    api: Api, mock: respx.MockRouter, tmp_path: Path
) -> None:
    audio = b"RIFF" + bytes(range(256)) * 1000
    route = mock.post("/v1/audio/speech").respond(
        content=audio, headers={"content-type": "audio/wav"}
    )
    fields = {"model": "openai/tts-1", "input": "hi", "voice": "alloy", "request_id": "sp"}
    path = tmp_path / "hi.wav"
    if isinstance(api.client, zaguan.AsyncZaguanClient):
        async with await api.client.create_speech_stream(**fields) as stream:
            written = await stream.write_to(path)
    else:
        with api.client.create_speech_stream(**fields) as stream:
            written = stream.write_to(path)
    assert written == len(audio)
    assert path.read_bytes() == audio
    assert stream.request_id == "sp"
    assert stream.response.is_closed
    assert route.calls.last.request.headers["accept"] != "text/event-stream"
