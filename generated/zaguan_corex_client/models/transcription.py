from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.transcription_segment import TranscriptionSegment
    from ..models.transcription_word import TranscriptionWord


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "text",
        "language",
        "duration",
        "segments",
        "words",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class Transcription:
    """A transcript (or translation). `json` gives `text` only; `verbose_json` adds `language`,
    `duration`, `segments` and, for models that time words, `words`.

    """

    text: str
    language: str | None = None
    """ The detected (or given) language, as the provider names it (`spanish`, `es`). """
    duration: float | None = None
    """ The audio's length in seconds. """
    segments: list[TranscriptionSegment] | None = None
    words: list[TranscriptionWord] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["text"] = self.text
        language = self.language
        if language is not None:
            field_dict["language"] = language
        elif "language" in self._nulls:
            field_dict["language"] = None
        duration = self.duration
        if duration is not None:
            field_dict["duration"] = duration
        elif "duration" in self._nulls:
            field_dict["duration"] = None
        segments = self.segments
        if segments is not None:
            field_dict["segments"] = [
                _segments_item.to_dict() for _segments_item in segments
            ]
        elif "segments" in self._nulls:
            field_dict["segments"] = None
        words = self.words
        if words is not None:
            field_dict["words"] = [_words_item.to_dict() for _words_item in words]
        elif "words" in self._nulls:
            field_dict["words"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"Transcription is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        text = _d["text"]
        language = _get("language")
        if language is None and "language" in _d:
            _nulls += ("language",)
        duration = _get("duration")
        if duration is None and "duration" in _d:
            _nulls += ("duration",)
        segments = _get("segments")
        if segments is not None:
            segments = [
                TranscriptionSegment.from_dict(_segments_item)
                for _segments_item in segments
            ]
        elif "segments" in _d:
            _nulls += ("segments",)
        words = _get("words")
        if words is not None:
            words = [TranscriptionWord.from_dict(_words_item) for _words_item in words]
        elif "words" in _d:
            _nulls += ("words",)
        # Built without __init__: it would only copy the same values once more.
        transcription = _new(cls)
        transcription.text = text
        transcription.language = language
        transcription.duration = duration
        transcription.segments = segments
        transcription.words = words
        transcription.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        transcription._nulls = _nulls
        transcription._request_id = None
        return transcription

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


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.transcription_segment import TranscriptionSegment
    from ..models.transcription_word import TranscriptionWord

    globals().update(
        TranscriptionSegment=TranscriptionSegment,
        TranscriptionWord=TranscriptionWord,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.transcription_segment import TranscriptionSegmentParam
    from ..models.transcription_word import TranscriptionWordParam


class TranscriptionParam(TypedDict, total=False):
    """`Transcription` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    text: Required[str]

    language: str
    """ The detected (or given) language, as the provider names it (`spanish`, `es`). """

    duration: float
    """ The audio's length in seconds. """

    segments: Sequence[TranscriptionSegmentParam | TranscriptionSegment]

    words: Sequence[TranscriptionWordParam | TranscriptionWord]
