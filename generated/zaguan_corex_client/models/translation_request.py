from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcription_format import (
    TranscriptionFormat,
    check_transcription_format,
)
from ..types import (
    UNSET,
    File,
    RequestFiles,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "file",
        "model",
        "prompt",
        "response_format",
        "temperature",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class TranslationRequest:
    """A translation (into English) request, sent as `multipart/form-data`."""

    file: File
    """ The audio (`flac`, `mp3`, `mp4`, `mpeg`, `mpga`, `m4a`, `ogg`, `wav` or `webm`), with its file name. """
    model: str
    """ Provider-prefixed speech-to-text model id (`openai/whisper-1`). """
    prompt: str | Unset = UNSET
    """ Text to guide the style, or to continue a previous segment, in English. """
    response_format: TranscriptionFormat | Unset = UNSET
    """ `json` and `verbose_json` answer `application/json`; `text`, `srt` and `vtt` answer
    `text/plain`.
     """
    temperature: float | Unset = UNSET
    """ Sampling temperature: higher is more random, lower more focused. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(self)

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
        field_dict["file"] = self.file
        field_dict["model"] = self.model
        prompt = self.prompt
        if not isinstance(prompt, Unset):
            field_dict["prompt"] = prompt
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            field_dict["response_format"] = (
                None if response_format is None else response_format
            )
        temperature = self.temperature
        if not isinstance(temperature, Unset):
            field_dict["temperature"] = temperature
        return field_dict

    def to_multipart(self) -> RequestFiles:
        """The body as `multipart/form-data` parts, for ``httpx``'s ``files=``."""
        files: RequestFiles = []
        files.append(("file", self.file.to_tuple()))
        files.append(("model", (None, str(self.model).encode(), "text/plain")))
        prompt = self.prompt
        if not isinstance(prompt, Unset):
            files.append(("prompt", (None, str(prompt).encode(), "text/plain")))
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            files.append(
                ("response_format", (None, str(response_format).encode(), "text/plain"))
            )
        temperature = self.temperature
        if not isinstance(temperature, Unset):
            files.append(
                ("temperature", (None, str(temperature).encode(), "text/plain"))
            )
        for key, value in self.additional_properties.items():
            # Unknown fields: text as it is, anything else as JSON (never a Python repr).
            text = value if isinstance(value, str) else json.dumps(value)
            files.append((key, (None, text.encode(), "text/plain")))
        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"TranslationRequest is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        file = _d["file"]
        model = _d["model"]
        prompt = _get("prompt", UNSET)
        response_format = _get("response_format", UNSET)
        if response_format is not UNSET and response_format is not None:
            response_format = check_transcription_format(response_format)
        temperature = _get("temperature", UNSET)
        # Built without __init__: it would only copy the same values once more.
        translation_request = _new(cls)
        translation_request.file = file
        translation_request.model = model
        translation_request.prompt = prompt
        translation_request.response_format = response_format
        translation_request.temperature = temperature
        translation_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return translation_request

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

if TYPE_CHECKING:
    from ..types import FileInput


class TranslationRequestParam(TypedDict, total=False):
    """`TranslationRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    file: Required[FileInput]
    """ The audio (`flac`, `mp3`, `mp4`, `mpeg`, `mpga`, `m4a`, `ogg`, `wav` or `webm`), with its file name. """

    model: Required[str]
    """ Provider-prefixed speech-to-text model id (`openai/whisper-1`). """

    prompt: str
    """ Text to guide the style, or to continue a previous segment, in English. """

    response_format: TranscriptionFormat
    """ `json` and `verbose_json` answer `application/json`; `text`, `srt` and `vtt` answer
    `text/plain`. """

    temperature: float
    """ Sampling temperature: higher is more random, lower more focused. From 0 to 1. """
