from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
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
    code: None | str | Unset = UNSET
    """ A finer machine-readable code (`invalid_api_key`, `model_not_found`, ...). """
    param: None | str | Unset = UNSET
    """ The request field at fault, for validation errors. """
    retry_after: float | Unset = UNSET
    """ `rate_limit_exceeded`: seconds to wait before retrying. """
    credits_required: float | Unset = UNSET
    """ `insufficient_credits`: credits the request needed. """
    credits_remaining: float | Unset = UNSET
    """ `insufficient_credits`: credits left. """
    reset_date: datetime.datetime | Unset = UNSET
    """ `insufficient_credits`: when the credits reset. """
    band: str | Unset = UNSET
    """ `band_access_denied`: the model's band. """
    required_tier: str | Unset = UNSET
    """ `band_access_denied`: the tier the band needs. """
    current_tier: str | Unset = UNSET
    """ `band_access_denied`: the key's tier. """
    provider: str | Unset = UNSET
    """ Provider errors (5xx): the provider that failed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        type_ = self.type_

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        param: None | str | Unset
        if isinstance(self.param, Unset):
            param = UNSET
        else:
            param = self.param

        retry_after = self.retry_after

        credits_required = self.credits_required

        credits_remaining = self.credits_remaining

        reset_date: str | Unset = UNSET
        if not isinstance(self.reset_date, Unset):
            reset_date = self.reset_date.isoformat()

        band = self.band

        required_tier = self.required_tier

        current_tier = self.current_tier

        provider = self.provider

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "type": type_,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if param is not UNSET:
            field_dict["param"] = param
        if retry_after is not UNSET:
            field_dict["retry_after"] = retry_after
        if credits_required is not UNSET:
            field_dict["credits_required"] = credits_required
        if credits_remaining is not UNSET:
            field_dict["credits_remaining"] = credits_remaining
        if reset_date is not UNSET:
            field_dict["reset_date"] = reset_date
        if band is not UNSET:
            field_dict["band"] = band
        if required_tier is not UNSET:
            field_dict["required_tier"] = required_tier
        if current_tier is not UNSET:
            field_dict["current_tier"] = current_tier
        if provider is not UNSET:
            field_dict["provider"] = provider

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

        type_ = d.pop("type")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        param = _parse_param(d.pop("param", UNSET))

        retry_after = d.pop("retry_after", UNSET)

        credits_required = d.pop("credits_required", UNSET)

        credits_remaining = d.pop("credits_remaining", UNSET)

        _reset_date = d.pop("reset_date", UNSET)
        reset_date: datetime.datetime | Unset
        if isinstance(_reset_date, Unset):
            reset_date = UNSET
        else:
            reset_date = datetime.datetime.fromisoformat(_reset_date)

        band = d.pop("band", UNSET)

        required_tier = d.pop("required_tier", UNSET)

        current_tier = d.pop("current_tier", UNSET)

        provider = d.pop("provider", UNSET)

        error_detail = cls(
            message=message,
            type_=type_,
            code=code,
            param=param,
            retry_after=retry_after,
            credits_required=credits_required,
            credits_remaining=credits_remaining,
            reset_date=reset_date,
            band=band,
            required_tier=required_tier,
            current_tier=current_tier,
            provider=provider,
        )

        error_detail.additional_properties = d
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
