from typing import Literal

TranscriptionFormat = Literal["json", "srt", "text", "verbose_json", "vtt"]

TRANSCRIPTION_FORMAT_VALUES: set[TranscriptionFormat] = {
    "json",
    "srt",
    "text",
    "verbose_json",
    "vtt",
}


def check_transcription_format(value: str) -> TranscriptionFormat:
    if value in TRANSCRIPTION_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCRIPTION_FORMAT_VALUES!r}"
    )
