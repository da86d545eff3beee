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
        "provider",
        "status",
        "latency_ms",
        "checked_at",
        "message",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ProviderStatus:
    """The health of one configured provider, as CoreX last saw it."""

    provider: str
    """ The provider's name (`openai`, `anthropic`, `google`, ..., an open set). """
    status: str
    """ `operational`, `degraded`, `down` (an open set). """
    latency_ms: float | None = None
    """ A recent median latency of the provider's answers; absent when unknown. """
    checked_at: datetime.datetime | None = None
    """ When CoreX last checked the provider; absent when it has not yet. """
    message: None | str = None
    """ Why the provider is not `operational`, in words. """
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
        field_dict["provider"] = self.provider
        field_dict["status"] = self.status
        latency_ms = self.latency_ms
        if latency_ms is not None:
            field_dict["latency_ms"] = latency_ms
        elif "latency_ms" in self._nulls:
            field_dict["latency_ms"] = None
        checked_at = self.checked_at
        if checked_at is not None:
            field_dict["checked_at"] = checked_at.isoformat()
        elif "checked_at" in self._nulls:
            field_dict["checked_at"] = None
        message = self.message
        if message is not None:
            field_dict["message"] = message
        elif "message" in self._nulls:
            field_dict["message"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ProviderStatus is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        provider = _d["provider"]
        status = _d["status"]
        latency_ms = _get("latency_ms")
        if latency_ms is None and "latency_ms" in _d:
            _nulls += ("latency_ms",)
        checked_at = _get("checked_at")
        if checked_at is not None:
            checked_at = datetime.datetime.fromisoformat(checked_at)
        elif "checked_at" in _d:
            _nulls += ("checked_at",)
        message = _get("message")
        if message is None and "message" in _d:
            _nulls += ("message",)
        # Built without __init__: it would only copy the same values once more.
        provider_status = _new(cls)
        provider_status.provider = provider
        provider_status.status = status
        provider_status.latency_ms = latency_ms
        provider_status.checked_at = checked_at
        provider_status.message = message
        provider_status.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        provider_status._nulls = _nulls
        provider_status._request_id = None
        return provider_status

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


class ProviderStatusParam(TypedDict, total=False):
    """`ProviderStatus` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    provider: Required[str]
    """ The provider's name (`openai`, `anthropic`, `google`, ..., an open set). """

    status: Required[str]
    """ `operational`, `degraded`, `down` (an open set). """

    latency_ms: float
    """ A recent median latency of the provider's answers; absent when unknown. """

    checked_at: datetime.datetime | str
    """ When CoreX last checked the provider; absent when it has not yet. """

    message: str | None
    """ Why the provider is not `operational`, in words. """
