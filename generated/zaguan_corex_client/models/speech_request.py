from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.speech_request_response_format import (
    SpeechRequestResponseFormat,
    check_speech_request_response_format,
)
from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "model",
        "input",
        "voice",
        "instructions",
        "response_format",
        "speed",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class SpeechRequest:
    model: str
    """ Provider-prefixed text-to-speech model id (`openai/tts-1`, `openai/gpt-4o-mini-tts`). """
    input_: str
    """ The text to read aloud. """
    voice: str
    """ The voice; its names depend on the provider (OpenAI: `alloy`, `ash`, `ballad`, `coral`,
    `echo`, `fable`, `onyx`, `nova`, `sage`, `shimmer`, `verse`), so any string is sent.
     """
    instructions: str | Unset = UNSET
    """ How to speak (tone, pace), for models that take it (`gpt-4o-mini-tts`). """
    response_format: SpeechRequestResponseFormat | Unset = UNSET
    """ The audio format of the answer (the provider's default is `mp3`). """
    speed: float | Unset = UNSET
    """ Speaking speed, 1 being normal. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "input_": "input",
            },
        )

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        """`to_dict()`, under pydantic's name; ``exclude_none`` leaves out every null."""
        return model_dump(self, exclude_none=exclude_none)

    def model_dump_json(
        self, *, indent: int | None = None, exclude_none: bool = False
    ) -> str:
        """`to_dict()` as JSON text, under pydantic's name."""
        return model_dump_json(self, indent=indent, exclude_none=exclude_none)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["model"] = self.model
        field_dict["input"] = self.input_
        field_dict["voice"] = self.voice
        instructions = self.instructions
        if not isinstance(instructions, Unset):
            field_dict["instructions"] = instructions
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            field_dict["response_format"] = (
                None if response_format is None else response_format
            )
        speed = self.speed
        if not isinstance(speed, Unset):
            field_dict["speed"] = speed
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"SpeechRequest is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        model = _d["model"]
        input_ = _d["input"]
        voice = _d["voice"]
        instructions = _get("instructions", UNSET)
        response_format = _get("response_format", UNSET)
        if response_format is not UNSET and response_format is not None:
            response_format = check_speech_request_response_format(response_format)
        speed = _get("speed", UNSET)
        # Built without __init__: it would only copy the same values once more.
        speech_request = _new(cls)
        speech_request.model = model
        speech_request.input_ = input_
        speech_request.voice = voice
        speech_request.instructions = instructions
        speech_request.response_format = response_format
        speech_request.speed = speed
        speech_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return speech_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from typing import Required, TypedDict


class SpeechRequestParam(TypedDict, total=False):
    """`SpeechRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    model: Required[str]
    """ Provider-prefixed text-to-speech model id (`openai/tts-1`, `openai/gpt-4o-mini-tts`). """

    input: Required[str]
    """ The text to read aloud. """

    voice: Required[str]
    """ The voice; its names depend on the provider (OpenAI: `alloy`, `ash`, `ballad`, `coral`,
    `echo`, `fable`, `onyx`, `nova`, `sage`, `shimmer`, `verse`), so any string is sent. """

    instructions: str
    """ How to speak (tone, pace), for models that take it (`gpt-4o-mini-tts`). """

    response_format: SpeechRequestResponseFormat
    """ The audio format of the answer (the provider's default is `mp3`). """

    speed: float
    """ Speaking speed, 1 being normal. From 0.25 to 4. """
