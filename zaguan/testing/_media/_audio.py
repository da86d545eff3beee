"""`POST /v1/audio/transcriptions`, `/translations` (multipart) and `/speech`, deterministic.

Transcripts: an upload that is UTF-8 text (no control characters but whitespace) is its own
transcript, stripped, so a test can send ``b"hello world"`` and read it back; any other upload
is ``"Transcript of <filename> (<n> bytes)"`` (``"Translation of ..."`` for a translation).
``duration`` is a WAV upload's length, else the bytes read as 16 kHz 16-bit mono. ``language``
is the one given, else ``english`` (always ``english`` for a translation). ``prompt`` and
``temperature`` are checked and change nothing. ``response_format``: ``json`` (the default)
``{"text"}``; ``verbose_json`` adds ``language``, ``duration``, one segment and evenly spaced
``words``; ``text``, ``srt`` and ``vtt`` answer ``text/plain``: the transcript, or one cue
spanning the duration.

Speech: 0.1 s of a sine whose pitch comes from ``voice`` (24 kHz, 16-bit mono); ``speed`` and
``instructions`` are checked and change nothing. ``wav``, and
any format this server cannot encode (``mp3``, the provider's default, ``opus``, ``aac``,
``flac``, and no ``response_format``), answer a WAV file with ``Content-Type: audio/wav``, so
an application that asks for mp3 still gets playable audio and the header says what it is;
``pcm`` answers the raw samples, ``audio/pcm``.
"""

from __future__ import annotations

import hashlib
import io
import math
import struct
import wave
from typing import Any

from starlette.responses import PlainTextResponse, Response

from .._chat._answers import count_tokens
from .._core._call import Call, json_response
from .._core._multipart import Form, read_form
from .._core._uploads import UploadedFile
from .._credits._charge import admit, debit, fingerprint, flat_spend, resolve

__all__ = ["SAMPLE_RATE", "speech", "transcriptions", "translations", "wav"]

SAMPLE_RATE = 24_000
_SPEECH_SECONDS = 0.1
_TEXT_TYPES = {"text", "srt", "vtt"}


def _upload_text(file: UploadedFile) -> str | None:
    try:
        text = file.content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    printable = all(char.isprintable() or char.isspace() for char in text)
    return text.strip() if printable and text.strip() else None


def _duration(file: UploadedFile) -> float:
    try:
        with wave.open(io.BytesIO(file.content)) as audio:
            return round(float(audio.getnframes() / audio.getframerate()), 3)
    except (wave.Error, EOFError, struct.error, ValueError, ZeroDivisionError):
        return round(file.size / 32_000, 3)


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{separator}{rest % 1000:03d}"


def _verbose(text: str, language: str, duration: float) -> dict[str, Any]:
    words = text.split()
    step = duration / len(words) if words else 0.0
    return {
        "text": text,
        "language": language,
        "duration": duration,
        "segments": [{"id": 0, "start": 0.0, "end": duration, "text": text}],
        "words": [
            {"word": word, "start": round(i * step, 3), "end": round((i + 1) * step, 3)}
            for i, word in enumerate(words)
        ],
    }


def _answer(text: str, language: str, duration: float, response_format: str) -> Response:
    if response_format not in _TEXT_TYPES:
        verbose = _verbose(text, language, duration)
        return json_response(verbose if response_format == "verbose_json" else {"text": text})
    if response_format == "srt":
        span = f"{_timestamp(0, ',')} --> {_timestamp(duration, ',')}"
        return PlainTextResponse(f"1\n{span}\n{text}\n")
    if response_format == "vtt":
        span = f"{_timestamp(0, '.')} --> {_timestamp(duration, '.')}"
        return PlainTextResponse(f"WEBVTT\n\n{span}\n{text}\n")
    return PlainTextResponse(text)


async def _speech_to_text(call: Call, path: str, task: str) -> Response:
    form: Form = await read_form(call, path)
    model, model_fault = resolve(form.fields["model"], "transcription")
    await admit(call, model, form.fingerprint, model_fault)
    file = form.files["file"]
    text = _upload_text(file) or f"{task} of {file.filename} ({file.size} bytes)"
    language = form.fields.get("language", "english") if task == "Transcript" else "english"
    debit(call, flat_spend(model, completion_tokens=count_tokens(text)), form.fingerprint)
    return _answer(text, language, _duration(file), form.fields.get("response_format", "json"))


async def transcriptions(call: Call) -> Response:
    return await _speech_to_text(call, "/v1/audio/transcriptions", "Transcript")


async def translations(call: Call) -> Response:
    return await _speech_to_text(call, "/v1/audio/translations", "Translation")


def _samples(voice: str) -> bytes:
    pitch = 220 + hashlib.sha256(voice.encode()).digest()[0] * 2  # 220 to 730 Hz
    count = round(SAMPLE_RATE * _SPEECH_SECONDS)
    values = (round(12_000 * math.sin(2 * math.pi * pitch * i / SAMPLE_RATE)) for i in range(count))
    return struct.pack(f"<{count}h", *values)


def wav(samples: bytes) -> bytes:
    """16-bit mono samples at `SAMPLE_RATE` as a WAV file."""
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(SAMPLE_RATE)
        audio.writeframes(samples)
    return out.getvalue()


async def speech(call: Call) -> Response:
    body = call.body
    model, model_fault = resolve(body["model"], "speech")
    key = fingerprint(body)
    await admit(call, model, key, model_fault)
    samples = _samples(body["voice"])
    debit(call, flat_spend(model, prompt_tokens=count_tokens(body["input"])), key)
    if body.get("response_format") == "pcm":
        return Response(samples, media_type="audio/pcm")
    return Response(wav(samples), media_type="audio/wav")
