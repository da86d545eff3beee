from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "timestamp",
        "request_id",
        "model",
        "status",
        "provider",
        "band",
        "prompt_tokens",
        "completion_tokens",
        "reasoning_tokens",
        "total_tokens",
        "credits_debited",
        "cost",
        "latency_ms",
        "error_message",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class CreditsHistoryEntry:
    id: str
    timestamp: datetime.datetime
    request_id: str
    """ The `X-Request-Id` the request was accounted under. """
    model: str
    status: str
    """ `success`, `error`, `rate_limited` (an open set). """
    provider: str | None = None
    band: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    reasoning_tokens: int | None = None
    total_tokens: int | None = None
    credits_debited: float | None = None
    cost: float | None = None
    """ USD. """
    latency_ms: float | None = None
    error_message: None | str = None
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
        field_dict["id"] = self.id
        field_dict["timestamp"] = self.timestamp.isoformat()
        field_dict["request_id"] = self.request_id
        field_dict["model"] = self.model
        field_dict["status"] = self.status
        provider = self.provider
        if provider is not None:
            field_dict["provider"] = provider
        elif "provider" in self._nulls:
            field_dict["provider"] = None
        band = self.band
        if band is not None:
            field_dict["band"] = band
        elif "band" in self._nulls:
            field_dict["band"] = None
        prompt_tokens = self.prompt_tokens
        if prompt_tokens is not None:
            field_dict["prompt_tokens"] = prompt_tokens
        elif "prompt_tokens" in self._nulls:
            field_dict["prompt_tokens"] = None
        completion_tokens = self.completion_tokens
        if completion_tokens is not None:
            field_dict["completion_tokens"] = completion_tokens
        elif "completion_tokens" in self._nulls:
            field_dict["completion_tokens"] = None
        reasoning_tokens = self.reasoning_tokens
        if reasoning_tokens is not None:
            field_dict["reasoning_tokens"] = reasoning_tokens
        elif "reasoning_tokens" in self._nulls:
            field_dict["reasoning_tokens"] = None
        total_tokens = self.total_tokens
        if total_tokens is not None:
            field_dict["total_tokens"] = total_tokens
        elif "total_tokens" in self._nulls:
            field_dict["total_tokens"] = None
        credits_debited = self.credits_debited
        if credits_debited is not None:
            field_dict["credits_debited"] = credits_debited
        elif "credits_debited" in self._nulls:
            field_dict["credits_debited"] = None
        cost = self.cost
        if cost is not None:
            field_dict["cost"] = cost
        elif "cost" in self._nulls:
            field_dict["cost"] = None
        latency_ms = self.latency_ms
        if latency_ms is not None:
            field_dict["latency_ms"] = latency_ms
        elif "latency_ms" in self._nulls:
            field_dict["latency_ms"] = None
        error_message = self.error_message
        if error_message is not None:
            field_dict["error_message"] = error_message
        elif "error_message" in self._nulls:
            field_dict["error_message"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"CreditsHistoryEntry is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        timestamp = datetime.datetime.fromisoformat(_d["timestamp"])
        request_id = _d["request_id"]
        model = _d["model"]
        status = _d["status"]
        provider = _get("provider")
        if provider is None and "provider" in _d:
            _nulls += ("provider",)
        band = _get("band")
        if band is None and "band" in _d:
            _nulls += ("band",)
        prompt_tokens = _get("prompt_tokens")
        if prompt_tokens is None and "prompt_tokens" in _d:
            _nulls += ("prompt_tokens",)
        completion_tokens = _get("completion_tokens")
        if completion_tokens is None and "completion_tokens" in _d:
            _nulls += ("completion_tokens",)
        reasoning_tokens = _get("reasoning_tokens")
        if reasoning_tokens is None and "reasoning_tokens" in _d:
            _nulls += ("reasoning_tokens",)
        total_tokens = _get("total_tokens")
        if total_tokens is None and "total_tokens" in _d:
            _nulls += ("total_tokens",)
        credits_debited = _get("credits_debited")
        if credits_debited is None and "credits_debited" in _d:
            _nulls += ("credits_debited",)
        cost = _get("cost")
        if cost is None and "cost" in _d:
            _nulls += ("cost",)
        latency_ms = _get("latency_ms")
        if latency_ms is None and "latency_ms" in _d:
            _nulls += ("latency_ms",)
        error_message = _get("error_message")
        if error_message is None and "error_message" in _d:
            _nulls += ("error_message",)
        # Built without __init__: it would only copy the same values once more.
        credits_history_entry = _new(cls)
        credits_history_entry.id = id
        credits_history_entry.timestamp = timestamp
        credits_history_entry.request_id = request_id
        credits_history_entry.model = model
        credits_history_entry.status = status
        credits_history_entry.provider = provider
        credits_history_entry.band = band
        credits_history_entry.prompt_tokens = prompt_tokens
        credits_history_entry.completion_tokens = completion_tokens
        credits_history_entry.reasoning_tokens = reasoning_tokens
        credits_history_entry.total_tokens = total_tokens
        credits_history_entry.credits_debited = credits_debited
        credits_history_entry.cost = cost
        credits_history_entry.latency_ms = latency_ms
        credits_history_entry.error_message = error_message
        credits_history_entry.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        credits_history_entry._nulls = _nulls
        credits_history_entry._request_id = None
        return credits_history_entry

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


class CreditsHistoryEntryParam(TypedDict, total=False):
    """`CreditsHistoryEntry` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]

    timestamp: Required[datetime.datetime | str]

    request_id: Required[str]
    """ The `X-Request-Id` the request was accounted under. """

    model: Required[str]

    status: Required[str]
    """ `success`, `error`, `rate_limited` (an open set). """

    provider: str

    band: str

    prompt_tokens: int

    completion_tokens: int

    reasoning_tokens: int

    total_tokens: int

    credits_debited: float

    cost: float
    """ USD. """

    latency_ms: float

    error_message: str | None
