from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
    from ..models.promptshield import Promptshield
    from ..models.usage import Usage


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "object",
        "created",
        "model",
        "choices",
        "system_fingerprint",
        "usage",
        "promptshield",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionChunk:
    """One streamed event's data. The usage chunk (with `stream_options.include_usage`) has empty `choices`."""

    id: str
    object_: str
    """ `chat.completion.chunk`. """
    created: int
    model: str
    choices: list[ChatCompletionChunkChoice]
    system_fingerprint: None | str = None
    usage: None | Usage = None
    promptshield: Promptshield | None = None
    """ Credits accounting of this request, present when credits are on. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "object_": "object",
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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["object"] = self.object_
        field_dict["created"] = self.created
        field_dict["model"] = self.model
        field_dict["choices"] = [
            _choices_item.to_dict() for _choices_item in self.choices
        ]
        system_fingerprint = self.system_fingerprint
        if system_fingerprint is not None:
            field_dict["system_fingerprint"] = system_fingerprint
        elif "system_fingerprint" in self._nulls:
            field_dict["system_fingerprint"] = None
        usage = self.usage
        if usage is not None:
            field_dict["usage"] = _serialize_chat_completion_chunk_usage(usage)
        elif "usage" in self._nulls:
            field_dict["usage"] = None
        promptshield = self.promptshield
        if promptshield is not None:
            field_dict["promptshield"] = promptshield.to_dict()
        elif "promptshield" in self._nulls:
            field_dict["promptshield"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionChunk is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        object_ = _d["object"]
        created = _d["created"]
        model = _d["model"]
        choices = [
            ChatCompletionChunkChoice.from_dict(_choices_item)
            for _choices_item in _d["choices"]
        ]
        system_fingerprint = _get("system_fingerprint")
        if system_fingerprint is None and "system_fingerprint" in _d:
            _nulls += ("system_fingerprint",)
        usage = _get("usage")
        if usage is not None:
            usage = _parse_chat_completion_chunk_usage(usage)
        elif "usage" in _d:
            _nulls += ("usage",)
        promptshield = _get("promptshield")
        if promptshield is not None:
            promptshield = Promptshield.from_dict(promptshield)
        elif "promptshield" in _d:
            _nulls += ("promptshield",)
        # Built without __init__: it would only copy the same values once more.
        chat_completion_chunk = _new(cls)
        chat_completion_chunk.id = id
        chat_completion_chunk.object_ = object_
        chat_completion_chunk.created = created
        chat_completion_chunk.model = model
        chat_completion_chunk.choices = choices
        chat_completion_chunk.system_fingerprint = system_fingerprint
        chat_completion_chunk.usage = usage
        chat_completion_chunk.promptshield = promptshield
        chat_completion_chunk.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        chat_completion_chunk._nulls = _nulls
        chat_completion_chunk._request_id = None
        return chat_completion_chunk

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


def _parse_chat_completion_chunk_usage(data: Any) -> None | Usage:
    if isinstance(data, dict):
        try:
            return Usage.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | Usage, data)


def _serialize_chat_completion_chunk_usage(data: Any) -> Any:
    if isinstance(data, Usage):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
    from ..models.promptshield import Promptshield
    from ..models.usage import Usage

    globals().update(
        ChatCompletionChunkChoice=ChatCompletionChunkChoice,
        Promptshield=Promptshield,
        Usage=Usage,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoiceParam
    from ..models.promptshield import PromptshieldParam
    from ..models.usage import UsageParam


class ChatCompletionChunkParam(TypedDict, total=False):
    """`ChatCompletionChunk` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]

    object: Required[str]
    """ `chat.completion.chunk`. """

    created: Required[int]

    model: Required[str]

    choices: Required[
        Sequence[ChatCompletionChunkChoiceParam | ChatCompletionChunkChoice]
    ]

    system_fingerprint: str | None

    usage: UsageParam | Usage | None

    promptshield: PromptshieldParam | Promptshield
    """ Credits accounting of this request, present when credits are on. """
