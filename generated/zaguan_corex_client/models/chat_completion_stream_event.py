from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "data",
        "event",
        "id",
        "retry",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionStreamEvent:
    """One server-sent event of a chat stream, as OpenAPI 3.1 tools read `text/event-stream`
    (one schema per event). `data` is a `ChatCompletionChunk` as JSON text, an
    `ErrorResponse` as JSON text when the stream fails after it started, or `[DONE]`.

    """

    data: Literal["[DONE]"] | str
    event: str | None = None
    id: str | None = None
    retry: int | None = None
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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["data"] = _serialize_chat_completion_stream_event_data(self.data)
        event = self.event
        if event is not None:
            field_dict["event"] = event
        elif "event" in self._nulls:
            field_dict["event"] = None
        id = self.id
        if id is not None:
            field_dict["id"] = id
        elif "id" in self._nulls:
            field_dict["id"] = None
        retry = self.retry
        if retry is not None:
            field_dict["retry"] = retry
        elif "retry" in self._nulls:
            field_dict["retry"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionStreamEvent is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        data = _parse_chat_completion_stream_event_data(_d["data"])
        event = _get("event")
        if event is None and "event" in _d:
            _nulls += ("event",)
        id = _get("id")
        if id is None and "id" in _d:
            _nulls += ("id",)
        retry = _get("retry")
        if retry is None and "retry" in _d:
            _nulls += ("retry",)
        # Built without __init__: it would only copy the same values once more.
        chat_completion_stream_event = _new(cls)
        chat_completion_stream_event.data = data
        chat_completion_stream_event.event = event
        chat_completion_stream_event.id = id
        chat_completion_stream_event.retry = retry
        chat_completion_stream_event.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        chat_completion_stream_event._nulls = _nulls
        chat_completion_stream_event._request_id = None
        return chat_completion_stream_event

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


def _parse_chat_completion_stream_event_data(data: Any) -> Literal["[DONE]"] | str:
    try:
        return check_const(data, "[DONE]", "data_type_0")
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(Literal["[DONE]"] | str, data)


def _serialize_chat_completion_stream_event_data(data: Any) -> Any:
    return data


from typing import Required, TypedDict


class ChatCompletionStreamEventParam(TypedDict, total=False):
    """`ChatCompletionStreamEvent` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    data: Required[Literal["[DONE]"] | str]

    event: str

    id: str

    retry: int
