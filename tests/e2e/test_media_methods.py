"""The media methods (embeddings, moderations, audio, images) against the local CoreX, sync and
async: what each sends (multipart uploads checked field by field on the server), returns,
retries and raises."""

from __future__ import annotations

import base64
import io
import struct
import wave
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Api
from zaguan import (
    BadRequestError,
    NotFoundError,
    RequestValidationError,
    UnprocessableEntityError,
)
from zaguan.testing import FAULT_HEADER, LocalCoreX
from zaguan.testing._core._uploads import UploadedFile
from zaguan_corex_client.models import (
    EmbeddingList,
    ImageList,
    Moderation,
    ProviderStatus,
    Transcription,
    VirtualModel,
)

EMBEDDING = "openai/text-embedding-3-small"
WHISPER = "openai/whisper-1"
RETRY_ONCE = {"extra_headers": {FAULT_HEADER: "status=503;times=1"}}


async def test_embeddings_float_and_base64(api: Api) -> None:
    floats = await api("create_embeddings", model=EMBEDDING, input=["a b", "c"], dimensions=3)
    assert isinstance(floats, EmbeddingList)
    assert [len(item.embedding) for item in floats.data] == [3, 3]
    assert floats.usage is not None
    assert floats.usage.prompt_tokens == 3
    encoded = await api(
        "create_embeddings", model=EMBEDDING, input="a b", dimensions=3, encoding_format="base64"
    )
    decoded = struct.unpack("<3f", base64.b64decode(encoded.data[0].embedding))
    assert list(decoded) == floats.data[0].embedding


async def test_moderation(api: Api) -> None:
    reply = await api("create_moderation", input=["kill the job", "hello"])
    assert isinstance(reply, Moderation)
    assert [result.flagged for result in reply.results] == [True, False]
    assert reply.results[0].categories["violence"] is True
    assert reply.results[0].category_scores["violence"] == 0.9


async def test_transcription_sends_every_field(api: Api, server: LocalCoreX) -> None:
    reply = await api(
        "create_transcription",
        file=("notes.txt", b"buenos dias", "text/plain"),
        model=WHISPER,
        language="es",
        prompt="a meeting",
        temperature=0.2,
        response_format="json",
        request_id="rid-tr",
    )
    assert isinstance(reply, Transcription)
    assert reply.text == "buenos dias"
    assert reply._request_id == "rid-tr"
    (upload,) = server.uploads("rid-tr")
    assert upload.fields == {
        "model": WHISPER,
        "language": "es",
        "prompt": "a meeting",
        "temperature": "0.2",
        "response_format": "json",
    }
    assert upload.files == {"file": UploadedFile("notes.txt", "text/plain", b"buenos dias")}


@pytest.mark.parametrize("response_format", ["text", "srt", "vtt"])
async def test_text_formats_come_back_as_text(api: Api, response_format: str) -> None:
    reply = await api(
        "create_transcription", file=b"hello", model=WHISPER, response_format=response_format
    )
    assert isinstance(reply, Transcription)
    assert reply.text.rstrip("\n").endswith("hello")
    assert reply.text.startswith({"text": "hello", "srt": "1\n", "vtt": "WEBVTT"}[response_format])


async def test_translation_verbose_json(api: Api, tmp_path: Path) -> None:
    path = tmp_path / "reunion.mp3"
    path.write_bytes(b"\xff\xfb" * 16_000)
    reply = await api(
        "create_translation", file=path, model=WHISPER, response_format="verbose_json"
    )
    assert reply.text == "Translation of reunion.mp3 (32000 bytes)"
    assert (reply.language, reply.duration) == ("english", 1.0)
    assert reply.segments[0].end == 1.0


async def test_speech_is_a_wav(api: Api) -> None:
    audio = await api("create_speech", model="openai/tts-1", input="Hello", voice="nova")
    assert isinstance(audio, bytes)
    with wave.open(io.BytesIO(audio)) as wav:
        assert (wav.getframerate(), wav.getnframes()) == (24_000, 2_400)


async def test_speech_carries_its_request_id(api: Api) -> None:
    audio = await api(
        "create_speech", model="openai/tts-1", input="Hello", voice="nova", request_id="rid-tts"
    )
    assert audio._request_id == "rid-tts"


async def test_speech_stream_writes_the_wav_to_a_file(
    api: Api, server: LocalCoreX, tmp_path: Path
) -> None:
    fields: dict[str, Any] = {
        "model": "openai/tts-1", "input": "Hello", "voice": "nova", "request_id": "rid-tts-stream",
        **RETRY_ONCE,
    }  # fmt: skip
    path = tmp_path / "hello.wav"
    if api.is_async:
        async with await api.client.create_speech_stream(**fields) as stream:
            written = await stream.write_to(path)
    else:
        with api.client.create_speech_stream(**fields) as sync_stream:
            written = sync_stream.write_to(path)
    audio = await api("create_speech", model="openai/tts-1", input="Hello", voice="nova")
    assert (written, path.read_bytes()) == (len(audio), audio)
    assert server.attempts("rid-tts-stream") == 2
    assert len(server.ledger.charges_for("rid-tts-stream")) == 1


async def test_speech_request_id_is_on_the_raw_response(api: Api) -> None:
    pending = api.client.with_raw_response.create_speech(
        model="openai/tts-1", input="Hello", voice="nova", request_id="rid-speech"
    )
    raw: Any = await pending if api.is_async else pending
    assert raw.request_id == "rid-speech"
    assert raw.headers["content-type"] == "audio/wav"
    assert raw.parsed.startswith(b"RIFF")


async def test_images(api: Api, server: LocalCoreX) -> None:
    generated = await api("create_image", prompt="a fox", n=2, response_format="b64_json")
    assert isinstance(generated, ImageList)
    pngs = [base64.b64decode(image.b64_json) for image in generated.data]
    assert all(png.startswith(b"\x89PNG") for png in pngs)
    edited = await api(
        "edit_image",
        image=("fox.png", pngs[0]),
        mask=("mask.png", pngs[1]),
        prompt="a hat",
        n=2,
        size="256x256",
        request_id="rid-edit",
    )
    assert [image.url.rsplit("/", 2)[-2] for image in edited.data] == ["images", "images"]
    (upload,) = server.uploads("rid-edit")
    assert upload.fields == {"prompt": "a hat", "n": "2", "size": "256x256"}
    assert upload.files == {
        "image": UploadedFile("fox.png", "image/png", pngs[0]),
        "mask": UploadedFile("mask.png", "image/png", pngs[1]),
    }
    varied = await api("create_image_variation", image=pngs[0], n=3, response_format="b64_json")
    assert len(varied.data) == 3


async def test_providers_and_virtual_models(api: Api) -> None:
    providers = await api("get_provider_status")
    assert all(isinstance(p, ProviderStatus) for p in providers)
    assert {p.status for p in providers} == {"operational"}
    listed = await api("list_virtual_models")
    assert all(isinstance(v, VirtualModel) for v in listed)
    one = await api("get_virtual_model", "zaguan/reasoning")
    assert (one.strategy, [t.model for t in one.targets]) == (
        "weighted",
        ["openai/o3-mini", "google/gemini-2.5-pro"],
    )
    with pytest.raises(NotFoundError) as info:
        await api("get_virtual_model", "zaguan/nope", request_id="rid-vm")
    assert (info.value.code, info.value.param, info.value.request_id) == (
        "model_not_found",
        "model_id",
        "rid-vm",
    )


def _file_input(tmp_path: Path, kind: str) -> Any:
    """The same upload as each kind of file argument the facade takes."""
    path = tmp_path / "clip.wav"
    path.write_bytes(b"RIFF-ish bytes")
    if kind == "open file":
        return path.open("rb")
    inputs = {"bytes": b"RIFF-ish bytes", "tuple": ("clip.wav", b"RIFF-ish bytes"), "path": path}
    return inputs[kind]


@pytest.mark.parametrize("kind", ["bytes", "tuple", "path", "open file"])
async def test_a_retried_upload_sends_the_same_bytes(
    api: Api, server: LocalCoreX, tmp_path: Path, kind: str
) -> None:
    file = _file_input(tmp_path, kind)
    try:
        reply = await api(
            "create_transcription", file=file, model=WHISPER, request_id="rid-up", **RETRY_ONCE
        )
    finally:
        if hasattr(file, "close"):
            file.close()
    first, retry = server.uploads("rid-up")
    assert first == retry
    assert first.files["file"].content == b"RIFF-ish bytes"
    assert reply.text == "RIFF-ish bytes"
    assert reply._request_id == "rid-up"
    assert len(server.ledger.charges_for("rid-up")) == 1


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("create_embeddings", {"model": EMBEDDING, "input": "x"}),
        ("create_moderation", {"input": "x"}),
        ("create_speech", {"model": "openai/tts-1", "input": "x", "voice": "alloy"}),
        ("create_image", {"prompt": "x"}),
        ("edit_image", {"image": b"img", "prompt": "x"}),
        ("create_image_variation", {"image": b"img"}),
        ("create_translation", {"file": b"x", "model": WHISPER}),
    ],
)
async def test_retries_are_charged_once(
    api: Api, server: LocalCoreX, method: str, kwargs: dict[str, Any]
) -> None:
    await api(method, **kwargs, request_id=f"rid-{method}", **RETRY_ONCE)
    assert server.attempts(f"rid-{method}") == 2
    assert len(server.ledger.charges_for(f"rid-{method}")) == 1
    assert server.ledger.balance == 10_000 - 1


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("create_embeddings", {"model": EMBEDDING, "input": "x"}),
        ("create_moderation", {"input": "x"}),
        ("create_speech", {"model": "openai/tts-1", "input": "x", "voice": "alloy"}),
        ("create_transcription", {"file": b"x", "model": WHISPER}),
        ("create_translation", {"file": b"x", "model": WHISPER}),
        ("create_image", {"prompt": "x"}),
        ("edit_image", {"image": b"img", "prompt": "x"}),
        ("create_image_variation", {"image": b"img"}),
        ("get_provider_status", {}),
        ("list_virtual_models", {}),
        ("get_virtual_model", {"model_id": "zaguan/fast-chat"}),
    ],
)
async def test_every_result_carries_its_request_id(
    api: Api, method: str, kwargs: dict[str, Any]
) -> None:
    result = await api(method, **kwargs, request_id=f"rid-{method}")
    assert result._request_id == f"rid-{method}"


async def test_a_bad_enum_is_refused_before_sending(api: Api, server: LocalCoreX) -> None:
    with pytest.raises(RequestValidationError) as info:
        await api(
            "create_embeddings", model=EMBEDDING, input="x", encoding_format="b64",
            request_id="rid-enum",
        )  # fmt: skip
    assert info.value.path == "encoding_format"
    assert server.attempts("rid-enum") == 0


async def test_what_only_the_server_knows_is_a_bad_request_after_sending(
    api: Api, server: LocalCoreX
) -> None:
    with pytest.raises(BadRequestError) as bad:
        await api(
            "create_transcription", file=b"x", model=WHISPER, temperature=3, request_id="rid-t"
        )
    assert (bad.value.param, bad.value.request_id) == ("temperature", "rid-t")
    assert "'temperature' must be a number from 0 to 1" in bad.value.message
    with pytest.raises(BadRequestError) as kind:
        await api("create_embeddings", model="openai/gpt-4o-mini", input="x")
    assert kind.value.param == "model"
    with pytest.raises(UnprocessableEntityError) as unservable:
        await api("create_embeddings", model=EMBEDDING, input="x", dimensions=4096)
    assert unservable.value.param == "dimensions"
    assert server.ledger.balance == 10_000
