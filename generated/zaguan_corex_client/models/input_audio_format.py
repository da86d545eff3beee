from typing import Literal

InputAudioFormat = Literal["mp3", "wav"]

INPUT_AUDIO_FORMAT_VALUES: set[InputAudioFormat] = {
    "mp3",
    "wav",
}


def check_input_audio_format(value: str) -> InputAudioFormat:
    if value in INPUT_AUDIO_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INPUT_AUDIO_FORMAT_VALUES!r}"
    )
