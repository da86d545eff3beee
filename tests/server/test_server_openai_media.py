"""The official `openai` package, a client nobody here wrote, against the media operations
of the local CoreX: embeddings (both encodings), moderations, audio and images."""

from __future__ import annotations

import base64
import io
import struct
import wave
from collections.abc import Iterator

import httpx2
import openai
import pytest

from zaguan.testing import FAULT_HEADER, LocalCoreX
from zaguan.testing._media._embeddings import embed

# openai deprecates its translations and image variations methods (dall-e-2 era endpoints); the
# contract keeps both, and these tests call them on purpose.
OPENAI_DEPRECATED = pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EMBEDDING_MODEL = "openai/text-embedding-3-small"


@pytest.fixture
def openai_client(corex_server: LocalCoreX) -> Iterator[openai.OpenAI]:
    base_url = f"{corex_server.base_url}/v1"
    with openai.OpenAI(base_url=base_url, api_key=corex_server.api_key, max_retries=0) as client:
        yield client


def test_embeddings_in_the_default_base64_encoding(openai_client: openai.OpenAI) -> None:
    """openai asks for base64 unless told otherwise and decodes the float32 values itself."""
    reply = openai_client.embeddings.create(model=EMBEDDING_MODEL, input=["one two", "three"])
    assert [item.index for item in reply.data] == [0, 1]
    assert len(reply.data[0].embedding) == 1536
    assert reply.data[0].embedding == embed("one two")
    assert reply.usage.prompt_tokens == reply.usage.total_tokens == 3
    assert reply.model == EMBEDDING_MODEL


def test_embeddings_as_floats_with_dimensions(openai_client: openai.OpenAI) -> None:
    reply = openai_client.embeddings.create(
        model=EMBEDDING_MODEL, input=[[1, 2, 3], [4]], dimensions=8, encoding_format="float"
    )
    vectors = [item.embedding for item in reply.data]
    assert [len(vector) for vector in vectors] == [8, 8]
    assert sum(value * value for value in vectors[0]) == pytest.approx(1.0, abs=1e-6)
    assert reply.usage.prompt_tokens == 4  # one per token id


def test_embeddings_base64_is_little_endian_float32(openai_client: openai.OpenAI) -> None:
    raw = openai_client.embeddings.with_raw_response.create(
        model=EMBEDDING_MODEL, input="same words", dimensions=4, encoding_format="base64"
    )
    encoded = httpx2.Response(200, content=raw.content).json()["data"][0]["embedding"]
    assert list(struct.unpack("<4f", base64.b64decode(encoded))) == embed("same words", 4)


def test_moderations(openai_client: openai.OpenAI) -> None:
    reply = openai_client.moderations.create(input=["I will kill the process", "a kind word"])
    flagged, clear = reply.results
    assert flagged.flagged is True
    assert flagged.categories.violence is True
    assert flagged.category_scores.violence > 0.5
    assert clear.flagged is False
    assert reply.model == "openai/omni-moderation-latest"


def test_moderation_of_multimodal_parts(openai_client: openai.OpenAI) -> None:
    reply = openai_client.moderations.create(
        model="openai/omni-moderation-latest",
        input=[
            {"type": "text", "text": "hate speech"},
            {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
        ],
    )
    assert [result.flagged for result in reply.results] == [True, False]


def test_transcription_of_a_text_upload(openai_client: openai.OpenAI) -> None:
    reply = openai_client.audio.transcriptions.create(
        model="openai/whisper-1", file=("hello.txt", b"hola a todos", "text/plain"), language="es"
    )
    assert reply.text == "hola a todos"


def test_transcription_verbose_json_and_srt(openai_client: openai.OpenAI) -> None:
    audio = speech_wav(openai_client)
    verbose = openai_client.audio.transcriptions.create(
        model="openai/whisper-1", file=("speech.wav", audio), response_format="verbose_json"
    )
    assert verbose.text == f"Transcript of speech.wav ({len(audio)} bytes)"
    assert verbose.duration == pytest.approx(0.1)
    assert verbose.segments is not None
    assert verbose.segments[0].end == pytest.approx(0.1)
    srt = openai_client.audio.transcriptions.create(
        model="openai/whisper-1", file=("speech.wav", audio), response_format="srt"
    )
    assert srt == f"1\n00:00:00,000 --> 00:00:00,100\n{verbose.text}\n"


@OPENAI_DEPRECATED
def test_translation(openai_client: openai.OpenAI) -> None:
    reply = openai_client.audio.translations.create(
        model="openai/whisper-1", file=("meeting.mp3", b"\xff\xfb\x90\x00" * 8)
    )
    assert reply.text == "Translation of meeting.mp3 (32 bytes)"
    text = openai_client.audio.translations.create(
        model="openai/whisper-1", file=("notes.txt", b"good morning"), response_format="text"
    )
    assert text == "good morning"


def speech_wav(client: openai.OpenAI) -> bytes:
    return client.audio.speech.create(model="openai/tts-1", voice="alloy", input="Hello").content


def test_speech_is_a_wav(openai_client: openai.OpenAI) -> None:
    audio = speech_wav(openai_client)
    with wave.open(io.BytesIO(audio)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 24_000)
        assert wav.getnframes() == 2_400


def test_image_generation_as_b64_and_as_url(openai_client: openai.OpenAI) -> None:
    b64 = openai_client.images.generate(prompt="a lighthouse", n=2, response_format="b64_json")
    assert b64.data is not None
    pngs = [base64.b64decode(image.b64_json or "") for image in b64.data]
    assert all(png.startswith(PNG_SIGNATURE) for png in pngs)
    assert pngs[0] != pngs[1]
    urls = openai_client.images.generate(prompt="a lighthouse", n=2, response_format="url")
    assert urls.data is not None
    fetched = [httpx2.get(image.url or "", timeout=10) for image in urls.data]
    assert [response.headers["content-type"] for response in fetched] == ["image/png"] * 2
    assert [response.content for response in fetched] == pngs  # the same prompt, the same images


@OPENAI_DEPRECATED
def test_image_edit_and_variation(openai_client: openai.OpenAI) -> None:
    source = base64.b64decode(
        (openai_client.images.generate(prompt="a room", response_format="b64_json").data or [])[
            0
        ].b64_json
        or ""
    )
    edited = openai_client.images.edit(
        image=("room.png", source, "image/png"),
        mask=("mask.png", source, "image/png"),
        prompt="add a lamp",
        response_format="b64_json",
    )
    assert base64.b64decode((edited.data or [])[0].b64_json or "").startswith(PNG_SIGNATURE)
    varied = openai_client.images.create_variation(image=("room.png", source), n=3)
    assert len(varied.data or []) == 3
    assert all((image.url or "").endswith(".png") for image in varied.data or [])


def test_errors_reach_openai_as_its_own_exceptions(openai_client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as bad:
        openai_client.embeddings.create(model="openai/gpt-4o-mini", input="x")
    assert "not an embedding model" in str(bad.value)
    with pytest.raises(openai.NotFoundError):
        openai_client.audio.speech.create(model="openai/tts-9", voice="alloy", input="x")
    with pytest.raises(openai.InternalServerError):
        openai_client.images.generate(prompt="x", extra_headers={FAULT_HEADER: "status=503"})
