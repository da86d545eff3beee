"""The media operations (embeddings, moderations, audio, images) of the local CoreX over HTTP:
answers checked against the contract and the generated models, charging per request id, faults,
and the 4xx they give."""

from __future__ import annotations

import base64
import struct
from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from tests.server.test_server_conformance import _round_trip, spec_schema
from zaguan.testing import FAULT_HEADER, FREE_API_KEY, LocalCoreX
from zaguan.testing._core._uploads import UploadedFile
from zaguan_corex_client import models

EMBED = {"model": "openai/text-embedding-3-small", "input": "hello there", "dimensions": 4}
SPEAK = {"model": "openai/tts-1", "input": "hello there", "voice": "alloy"}
WHISPER = {"model": "openai/whisper-1"}
AUDIO = {"file": ("a.txt", b"hello there", "text/plain")}
GPT_IMAGE = "openai/gpt-image-1"
HI = [{"role": "user", "content": "hi"}]
IMAGE = {"image": ("a.png", b"not really a png", "image/png")}


def _post(http: httpx2.Client, path: str, body: dict[str, Any], **kw: Any) -> httpx2.Response:
    """A JSON post, or a multipart one when `files` is given (form fields from `body`)."""
    if "files" in kw:
        return http.post(path, data=body, **kw)
    return http.post(path, json=body, **kw)


# Each charging operation, with a valid request: path, body (form fields), files.
CHARGED: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = [
    ("/v1/embeddings", EMBED, None),
    ("/v1/moderations", {"input": "hello"}, None),
    ("/v1/audio/transcriptions", WHISPER, AUDIO),
    ("/v1/audio/translations", WHISPER, AUDIO),
    ("/v1/audio/speech", SPEAK, None),
    ("/v1/images/generations", {"prompt": "a cat"}, None),
    ("/v1/images/edits", {"prompt": "a hat"}, IMAGE),
    ("/v1/images/variations", {}, IMAGE),
]
IDS = [path.removeprefix("/v1/") for path, _, _ in CHARGED]


def _send(http: httpx2.Client, case: tuple[str, dict[str, Any], Any], **kw: Any) -> httpx2.Response:
    path, body, files = case
    return _post(http, path, body, **({"files": files} if files else {}), **kw)


@pytest.mark.parametrize("case", CHARGED, ids=IDS)
def test_each_operation_charges_once_per_request_id(
    http: httpx2.Client, corex_server: LocalCoreX, case: Any
) -> None:
    headers = {"X-Request-Id": "rid-p2", FAULT_HEADER: "status=503;times=1"}
    assert _send(http, case, headers=headers).status_code == 503
    first = _send(http, case, headers=headers)
    again = _send(http, case, headers=headers)
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.headers["x-request-id"] == "rid-p2"
    assert first.content == again.content
    assert len(corex_server.ledger.charges_for("rid-p2")) == 1
    assert corex_server.ledger.balance == 10_000 - 1
    assert [e.status for e in corex_server.ledger.entries] == ["error", "success"]
    assert corex_server.attempts("rid-p2") == 3


@pytest.mark.parametrize("case", CHARGED, ids=IDS)
def test_another_body_under_a_charged_request_id_is_a_conflict(
    http: httpx2.Client, case: Any
) -> None:
    path, body, files = case
    assert _send(http, case, headers={"X-Request-Id": "rid-same"}).status_code == 200
    if files:
        name, (filename, content, kind) = next(iter(files.items()))
        other: tuple[str, dict[str, Any], Any] = (
            path,
            body,
            {name: (filename, content + b"!", kind)},
        )
    else:
        other = (path, body | {"user": "someone else"}, None)
    response = _send(http, other, headers={"X-Request-Id": "rid-same"})
    assert response.status_code == 409
    assert response.json()["error"]["type"] == "conflict_error"


@pytest.mark.parametrize(
    ("path", "body", "model"),
    [
        ("/v1/embeddings", EMBED | {"input": ["a", "b c"]}, models.EmbeddingList),
        ("/v1/embeddings", EMBED | {"encoding_format": "base64"}, models.EmbeddingList),
        ("/v1/embeddings", EMBED | {"input": [[1, 2], [3]]}, models.EmbeddingList),
        ("/v1/moderations", {"input": ["kill it", "fine"]}, models.Moderation),
        ("/v1/images/generations", {"prompt": "x", "n": 2}, models.ImageList),
        ("/v1/images/generations", {"prompt": "x", "model": GPT_IMAGE}, models.ImageList),
    ],
)  # fmt: skip
def test_json_answers_match_the_contract(
    http: httpx2.Client, path: str, body: dict[str, Any], model: Any
) -> None:
    answer = http.post(path, json=body).json()
    spec_schema(model.__name__).validate(answer)
    _round_trip(model, answer)


@pytest.mark.parametrize("path", ["/v1/audio/transcriptions", "/v1/audio/translations"])
@pytest.mark.parametrize("response_format", ["json", "verbose_json"])
def test_transcriptions_match_the_contract(
    http: httpx2.Client, path: str, response_format: str
) -> None:
    response = http.post(path, data=WHISPER | {"response_format": response_format}, files=AUDIO)
    spec_schema("Transcription").validate(response.json())
    _round_trip(models.Transcription, response.json())
    assert response.json()["text"] == "hello there"


@pytest.mark.parametrize(
    ("response_format", "text"),
    [
        ("text", "hello there"),
        ("srt", "1\n00:00:00,000 --> 00:00:00,000\nhello there\n"),
        ("vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:00.000\nhello there\n"),
    ],
)
def test_text_formats_are_plain_text(http: httpx2.Client, response_format: str, text: str) -> None:
    data = WHISPER | {"response_format": response_format}
    response = http.post("/v1/audio/transcriptions", data=data, files=AUDIO)
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == text


def test_verbose_json_times_the_words_of_a_wav(http: httpx2.Client) -> None:
    audio = http.post("/v1/audio/speech", json=SPEAK).content
    data = WHISPER | {"response_format": "verbose_json", "language": "es"}
    files = {"file": ("speech.wav", audio, "audio/wav")}
    answer = http.post("/v1/audio/transcriptions", data=data, files=files).json()
    assert (answer["language"], answer["duration"]) == ("es", 0.1)
    assert [w["word"] for w in answer["words"]] == [
        "Transcript",
        "of",
        "speech.wav",
        "(4844",
        "bytes)",
    ]
    assert answer["words"][-1]["end"] == 0.1


@pytest.mark.parametrize(
    ("response_format", "media_type"),
    [(None, "audio/wav"), ("wav", "audio/wav"), ("mp3", "audio/wav"), ("flac", "audio/wav"),
     ("pcm", "audio/pcm")],
)  # fmt: skip
def test_speech_answers_wav_but_for_pcm(
    http: httpx2.Client, response_format: str | None, media_type: str
) -> None:
    body = SPEAK | ({"response_format": response_format} if response_format else {})
    response = http.post("/v1/audio/speech", json=body)
    assert response.headers["content-type"] == media_type
    assert response.content.startswith(b"RIFF") is (media_type == "audio/wav")
    assert len(response.content) == 4_800 + (44 if media_type == "audio/wav" else 0)


def test_embeddings_are_deterministic_unit_vectors(http: httpx2.Client) -> None:
    body = {"model": "openai/text-embedding-3-small", "input": ["a", "b", "a"]}
    floats = [item["embedding"] for item in http.post("/v1/embeddings", json=body).json()["data"]]
    assert floats[0] == floats[2] != floats[1]
    assert sum(v * v for v in floats[0]) == pytest.approx(1.0, abs=1e-6)
    encoded = http.post("/v1/embeddings", json=body | {"encoding_format": "base64"}).json()
    decoded = base64.b64decode(encoded["data"][0]["embedding"])
    assert list(struct.unpack(f"<{len(decoded) // 4}f", decoded)) == floats[0]
    shorter = http.post("/v1/embeddings", json=body | {"dimensions": 2}).json()["data"][0]
    norm = (floats[0][0] ** 2 + floats[0][1] ** 2) ** 0.5
    assert shorter["embedding"] == pytest.approx([floats[0][0] / norm, floats[0][1] / norm])


def test_gpt_image_1_always_answers_base64(http: httpx2.Client) -> None:
    body = {"prompt": "x", "model": "openai/gpt-image-1", "response_format": "url"}
    answer = http.post("/v1/images/generations", json=body).json()
    assert set(answer["data"][0]) == {"b64_json"}
    assert answer["usage"]["output_tokens"] == 272


def test_image_urls_serve_pngs_without_a_key(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    url = http.post("/v1/images/generations", json={"prompt": "x"}).json()["data"][0]["url"]
    assert url.startswith(f"{corex_server.base_url}/files/images/img-")
    assert httpx2.get(url, timeout=10).content.startswith(b"\x89PNG")
    missing = httpx2.get(url.replace("img-", "nope-"), timeout=10)
    assert missing.status_code == 404
    assert missing.json()["error"]["type"] == "not_found_error"


def test_uploads_are_recorded_field_by_field(http: httpx2.Client, corex_server: LocalCoreX) -> None:
    data = {"prompt": "a hat", "n": "2", "size": "256x256", "response_format": "b64_json"}
    files = IMAGE | {"mask": ("m.png", b"mask", "image/png")}
    headers = {"X-Request-Id": "rid-up"}
    assert http.post("/v1/images/edits", data=data, files=files, headers=headers).status_code == 200
    (upload,) = corex_server.uploads("rid-up")
    assert (upload.path, upload.fields) == ("/v1/images/edits", data)
    assert upload.files == {
        "image": UploadedFile("a.png", "image/png", b"not really a png"),
        "mask": UploadedFile("m.png", "image/png", b"mask"),
    }


@pytest.mark.parametrize(
    ("path", "data", "files", "param", "message"),
    [
        ("/v1/audio/transcriptions", WHISPER, None, None, "must be multipart/form-data"),
        ("/v1/audio/transcriptions", WHISPER, {"x": ("a", b"")}, "file", "'file' is required"),
        ("/v1/audio/transcriptions", WHISPER | {"file": "text"}, {"x": ("a", b"")}, "file",
         "'file' must be a file upload, got a text field"),
        ("/v1/audio/transcriptions", {}, AUDIO | {"model": ("m", b"")}, "model",
         "'model' must be a text field, got a file upload"),
        ("/v1/audio/transcriptions", WHISPER | {"temperature": "3"}, AUDIO, "temperature",
         "'temperature' must be a number from 0 to 1, got 3"),
        ("/v1/audio/translations", WHISPER | {"response_format": "mp3"}, AUDIO,
         "response_format", "'response_format' must be one of"),
        ("/v1/images/variations", {"n": "many"}, IMAGE, "n",
         "'n' must be an integer from 1 to 10, got \"many\""),
        ("/v1/images/edits", {}, IMAGE, "prompt", "'prompt' is required"),
    ],
)  # fmt: skip
def test_multipart_fields_are_checked_against_the_contract(
    http: httpx2.Client,
    path: str,
    data: dict[str, str],
    files: dict[str, Any] | None,
    param: str | None,
    message: str,
) -> None:
    response = http.post(path, data=data, files=files)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["type"], error["param"]) == ("invalid_request_error", param)
    assert message in error["message"]


@pytest.mark.parametrize(
    ("path", "body", "status", "param"),
    [
        ("/v1/embeddings", EMBED | {"model": "openai/gpt-4o-mini"}, 400, "model"),
        ("/v1/embeddings", EMBED | {"model": "openai/embed-9"}, 404, "model"),
        ("/v1/embeddings", EMBED | {"dimensions": 1537}, 422, "dimensions"),
        ("/v1/embeddings", EMBED | {"encoding_format": "b64"}, 400, "encoding_format"),
        ("/v1/moderations", {"input": []}, 400, "input"),
        ("/v1/audio/speech", SPEAK | {"model": "openai/whisper-1"}, 400, "model"),
        ("/v1/audio/speech", SPEAK | {"speed": 5}, 400, "speed"),
        ("/v1/images/generations", {"prompt": "x", "n": 11}, 400, "n"),
        ("/v1/chat/completions", {"model": "openai/tts-1", "messages": HI}, 400, "model"),
    ],
)  # fmt: skip
def test_json_errors_name_the_field(
    http: httpx2.Client, path: str, body: dict[str, Any], status: int, param: str
) -> None:
    response = http.post(path, json=body)
    assert response.status_code == status
    assert response.json()["error"]["param"] == param
    spec_schema("ErrorResponse").validate(response.json())


def test_band_b_image_model_is_denied_to_the_free_key(
    corex_server: LocalCoreX, connect: Callable[..., httpx2.Client]
) -> None:
    client = connect(corex_server, FREE_API_KEY)
    body = {"prompt": "x", "model": "openai/gpt-image-1"}
    response = client.post("/v1/images/generations", json=body)
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "band_access_denied"


def test_test_models_inject_faults_on_every_operation(
    http: httpx2.Client, corex_server: LocalCoreX
) -> None:
    body = EMBED | {"model": "test/fail-503-1"}
    headers = {"X-Request-Id": "rid-fault-model"}
    assert http.post("/v1/embeddings", json=body, headers=headers).status_code == 503
    assert http.post("/v1/embeddings", json=body, headers=headers).status_code == 200


def test_providers_and_virtual_models(http: httpx2.Client) -> None:
    providers = http.get("/v1/providers/status").json()
    _round_trip(models.ProviderStatusList, providers)
    assert {p["provider"] for p in providers["data"]} >= {"openai", "anthropic", "google"}
    listed = http.get("/v1/virtual-models").json()
    _round_trip(models.VirtualModelList, listed)
    for item in listed["data"]:
        encoded = item["id"].replace("/", "%2F")
        assert http.get(f"/v1/virtual-models/{encoded}").json() == item
        assert http.get(f"/v1/virtual-models/{item['id']}").json() == item
    missing = http.get("/v1/virtual-models/zaguan%2Fnope")
    assert missing.status_code == 404
    assert missing.json()["error"] == {
        "message": "Virtual model 'zaguan/nope' not found",
        "type": "not_found_error",
        "code": "model_not_found",
        "param": "model_id",
    }
