from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditsHistoryEntry")


@_attrs_define
class CreditsHistoryEntry:
    id: str
    timestamp: datetime.datetime
    request_id: str
    """ The `X-Request-Id` the request was accounted under. """
    model: str
    status: str
    """ `success`, `error`, `rate_limited` (an open set). """
    provider: str | Unset = UNSET
    band: str | Unset = UNSET
    prompt_tokens: int | Unset = UNSET
    completion_tokens: int | Unset = UNSET
    reasoning_tokens: int | Unset = UNSET
    total_tokens: int | Unset = UNSET
    credits_debited: float | Unset = UNSET
    cost: float | Unset = UNSET
    """ USD. """
    latency_ms: float | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        timestamp = self.timestamp.isoformat()

        request_id = self.request_id

        model = self.model

        status = self.status

        provider = self.provider

        band = self.band

        prompt_tokens = self.prompt_tokens

        completion_tokens = self.completion_tokens

        reasoning_tokens = self.reasoning_tokens

        total_tokens = self.total_tokens

        credits_debited = self.credits_debited

        cost = self.cost

        latency_ms = self.latency_ms

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "timestamp": timestamp,
                "request_id": request_id,
                "model": model,
                "status": status,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if band is not UNSET:
            field_dict["band"] = band
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if completion_tokens is not UNSET:
            field_dict["completion_tokens"] = completion_tokens
        if reasoning_tokens is not UNSET:
            field_dict["reasoning_tokens"] = reasoning_tokens
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if credits_debited is not UNSET:
            field_dict["credits_debited"] = credits_debited
        if cost is not UNSET:
            field_dict["cost"] = cost
        if latency_ms is not UNSET:
            field_dict["latency_ms"] = latency_ms
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        request_id = d.pop("request_id")

        model = d.pop("model")

        status = d.pop("status")

        provider = d.pop("provider", UNSET)

        band = d.pop("band", UNSET)

        prompt_tokens = d.pop("prompt_tokens", UNSET)

        completion_tokens = d.pop("completion_tokens", UNSET)

        reasoning_tokens = d.pop("reasoning_tokens", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        credits_debited = d.pop("credits_debited", UNSET)

        cost = d.pop("cost", UNSET)

        latency_ms = d.pop("latency_ms", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        credits_history_entry = cls(
            id=id,
            timestamp=timestamp,
            request_id=request_id,
            model=model,
            status=status,
            provider=provider,
            band=band,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            reasoning_tokens=reasoning_tokens,
            total_tokens=total_tokens,
            credits_debited=credits_debited,
            cost=cost,
            latency_ms=latency_ms,
            error_message=error_message,
        )

        credits_history_entry.additional_properties = d
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
