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
        "message",
        "type",
        "code",
        "param",
        "retry_after",
        "credits_required",
        "credits_remaining",
        "reset_date",
        "band",
        "required_tier",
        "current_tier",
        "provider",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ErrorDetail:
    """What went wrong. `type` decides the meaning first, the status second. Known types:
    `invalid_request_error` (400, 422), `authentication_error` (401), `insufficient_credits`
    (402), `band_access_denied` and `permission_error` (403), `not_found_error` (404),
    `conflict_error` (409), `rate_limit_exceeded` (429), `server_error`, `provider_error`,
    `overloaded_error` (5xx). Extra fields depend on the type; unknown ones are kept.

    """

    message: str
    type_: str
    """ The error's kind; an open set (see above). """
    code: None | str = None
    """ A finer machine-readable code (`invalid_api_key`, `model_not_found`, ...). """
    param: None | str = None
    """ The request field at fault, for validation errors. """
    retry_after: float | None = None
    """ `rate_limit_exceeded`: seconds to wait before retrying. """
    credits_required: float | None = None
    """ `insufficient_credits`: credits the request needed. """
    credits_remaining: float | None = None
    """ `insufficient_credits`: credits left. """
    reset_date: datetime.datetime | None = None
    """ `insufficient_credits`: when the credits reset. """
    band: str | None = None
    """ `band_access_denied`: the model's band. """
    required_tier: str | None = None
    """ `band_access_denied`: the tier the band needs. """
    current_tier: str | None = None
    """ `band_access_denied`: the key's tier. """
    provider: str | None = None
    """ Provider errors (5xx): the provider that failed. """
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
                "type_": "type",
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
        field_dict["message"] = self.message
        field_dict["type"] = self.type_
        code = self.code
        if code is not None:
            field_dict["code"] = code
        elif "code" in self._nulls:
            field_dict["code"] = None
        param = self.param
        if param is not None:
            field_dict["param"] = param
        elif "param" in self._nulls:
            field_dict["param"] = None
        retry_after = self.retry_after
        if retry_after is not None:
            field_dict["retry_after"] = retry_after
        elif "retry_after" in self._nulls:
            field_dict["retry_after"] = None
        credits_required = self.credits_required
        if credits_required is not None:
            field_dict["credits_required"] = credits_required
        elif "credits_required" in self._nulls:
            field_dict["credits_required"] = None
        credits_remaining = self.credits_remaining
        if credits_remaining is not None:
            field_dict["credits_remaining"] = credits_remaining
        elif "credits_remaining" in self._nulls:
            field_dict["credits_remaining"] = None
        reset_date = self.reset_date
        if reset_date is not None:
            field_dict["reset_date"] = reset_date.isoformat()
        elif "reset_date" in self._nulls:
            field_dict["reset_date"] = None
        band = self.band
        if band is not None:
            field_dict["band"] = band
        elif "band" in self._nulls:
            field_dict["band"] = None
        required_tier = self.required_tier
        if required_tier is not None:
            field_dict["required_tier"] = required_tier
        elif "required_tier" in self._nulls:
            field_dict["required_tier"] = None
        current_tier = self.current_tier
        if current_tier is not None:
            field_dict["current_tier"] = current_tier
        elif "current_tier" in self._nulls:
            field_dict["current_tier"] = None
        provider = self.provider
        if provider is not None:
            field_dict["provider"] = provider
        elif "provider" in self._nulls:
            field_dict["provider"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ErrorDetail is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        message = _d["message"]
        type_ = _d["type"]
        code = _get("code")
        if code is None and "code" in _d:
            _nulls += ("code",)
        param = _get("param")
        if param is None and "param" in _d:
            _nulls += ("param",)
        retry_after = _get("retry_after")
        if retry_after is None and "retry_after" in _d:
            _nulls += ("retry_after",)
        credits_required = _get("credits_required")
        if credits_required is None and "credits_required" in _d:
            _nulls += ("credits_required",)
        credits_remaining = _get("credits_remaining")
        if credits_remaining is None and "credits_remaining" in _d:
            _nulls += ("credits_remaining",)
        reset_date = _get("reset_date")
        if reset_date is not None:
            reset_date = datetime.datetime.fromisoformat(reset_date)
        elif "reset_date" in _d:
            _nulls += ("reset_date",)
        band = _get("band")
        if band is None and "band" in _d:
            _nulls += ("band",)
        required_tier = _get("required_tier")
        if required_tier is None and "required_tier" in _d:
            _nulls += ("required_tier",)
        current_tier = _get("current_tier")
        if current_tier is None and "current_tier" in _d:
            _nulls += ("current_tier",)
        provider = _get("provider")
        if provider is None and "provider" in _d:
            _nulls += ("provider",)
        # Built without __init__: it would only copy the same values once more.
        error_detail = _new(cls)
        error_detail.message = message
        error_detail.type_ = type_
        error_detail.code = code
        error_detail.param = param
        error_detail.retry_after = retry_after
        error_detail.credits_required = credits_required
        error_detail.credits_remaining = credits_remaining
        error_detail.reset_date = reset_date
        error_detail.band = band
        error_detail.required_tier = required_tier
        error_detail.current_tier = current_tier
        error_detail.provider = provider
        error_detail.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        error_detail._nulls = _nulls
        error_detail._request_id = None
        return error_detail

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


class ErrorDetailParam(TypedDict, total=False):
    """`ErrorDetail` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    message: Required[str]

    type: Required[str]
    """ The error's kind; an open set (see above). """

    code: str | None
    """ A finer machine-readable code (`invalid_api_key`, `model_not_found`, ...). """

    param: str | None
    """ The request field at fault, for validation errors. """

    retry_after: float
    """ `rate_limit_exceeded`: seconds to wait before retrying. """

    credits_required: float
    """ `insufficient_credits`: credits the request needed. """

    credits_remaining: float
    """ `insufficient_credits`: credits left. """

    reset_date: datetime.datetime | str
    """ `insufficient_credits`: when the credits reset. """

    band: str
    """ `band_access_denied`: the model's band. """

    required_tier: str
    """ `band_access_denied`: the tier the band needs. """

    current_tier: str
    """ `band_access_denied`: the key's tier. """

    provider: str
    """ Provider errors (5xx): the provider that failed. """
