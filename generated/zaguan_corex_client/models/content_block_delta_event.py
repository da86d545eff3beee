from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.input_json_delta import InputJsonDelta
    from ..models.signature_delta import SignatureDelta
    from ..models.text_delta import TextDelta
    from ..models.thinking_delta import ThinkingDelta
    from ..models.unknown_content_block_delta import UnknownContentBlockDelta


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "index",
        "delta",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ContentBlockDeltaEvent:
    """A piece of the content block at `index`, to be appended to it."""

    type_: Literal["content_block_delta"]
    index: int
    delta: (
        InputJsonDelta
        | SignatureDelta
        | TextDelta
        | ThinkingDelta
        | UnknownContentBlockDelta
    )
    """ A piece of a content block, told apart by `type`: `text_delta`, `thinking_delta`,
    `signature_delta` (the thinking block's signature, just before it stops),
    `input_json_delta` (a fragment of a `tool_use` input's JSON text; concatenate the
    fragments and parse at `content_block_stop`). Other types (`citations_delta`, later ones)
    are kept as `UnknownContentBlockDelta`.
     """
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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["index"] = self.index
        field_dict["delta"] = _serialize_content_block_delta_event_delta(self.delta)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ContentBlockDeltaEvent is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        type_: Literal["content_block_delta"] = check_const(
            _d["type"], "content_block_delta", "type"
        )
        index = _d["index"]
        delta = _parse_content_block_delta_event_delta(_d["delta"])
        # Built without __init__: it would only copy the same values once more.
        content_block_delta_event = _new(cls)
        content_block_delta_event.type_ = type_
        content_block_delta_event.index = index
        content_block_delta_event.delta = delta
        content_block_delta_event.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        content_block_delta_event._nulls = _nulls
        content_block_delta_event._request_id = None
        return content_block_delta_event

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


def _parse_content_block_delta_event_delta(
    data: Any,
) -> (
    InputJsonDelta
    | SignatureDelta
    | TextDelta
    | ThinkingDelta
    | UnknownContentBlockDelta
):
    if isinstance(data, dict):
        try:
            return TextDelta.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ThinkingDelta.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return SignatureDelta.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return InputJsonDelta.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return UnknownContentBlockDelta.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        InputJsonDelta
        | SignatureDelta
        | TextDelta
        | ThinkingDelta
        | UnknownContentBlockDelta,
        data,
    )


def _serialize_content_block_delta_event_delta(data: Any) -> Any:
    if isinstance(data, TextDelta):
        return data.to_dict()
    if isinstance(data, ThinkingDelta):
        return data.to_dict()
    if isinstance(data, SignatureDelta):
        return data.to_dict()
    if isinstance(data, InputJsonDelta):
        return data.to_dict()
    if isinstance(data, UnknownContentBlockDelta):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.input_json_delta import InputJsonDelta
    from ..models.signature_delta import SignatureDelta
    from ..models.text_delta import TextDelta
    from ..models.thinking_delta import ThinkingDelta
    from ..models.unknown_content_block_delta import UnknownContentBlockDelta

    globals().update(
        InputJsonDelta=InputJsonDelta,
        SignatureDelta=SignatureDelta,
        TextDelta=TextDelta,
        ThinkingDelta=ThinkingDelta,
        UnknownContentBlockDelta=UnknownContentBlockDelta,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.input_json_delta import InputJsonDeltaParam
    from ..models.signature_delta import SignatureDeltaParam
    from ..models.text_delta import TextDeltaParam
    from ..models.thinking_delta import ThinkingDeltaParam
    from ..models.unknown_content_block_delta import UnknownContentBlockDeltaParam


class ContentBlockDeltaEventParam(TypedDict, total=False):
    """`ContentBlockDeltaEvent` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["content_block_delta"]]

    index: Required[int]

    delta: Required[
        TextDeltaParam
        | TextDelta
        | ThinkingDeltaParam
        | ThinkingDelta
        | SignatureDeltaParam
        | SignatureDelta
        | InputJsonDeltaParam
        | InputJsonDelta
        | UnknownContentBlockDeltaParam
        | UnknownContentBlockDelta
    ]
    """ A piece of a content block, told apart by `type`: `text_delta`, `thinking_delta`,
    `signature_delta` (the thinking block's signature, just before it stops),
    `input_json_delta` (a fragment of a `tool_use` input's JSON text; concatenate the
    fragments and parse at `content_block_stop`). Other types (`citations_delta`, later ones)
    are kept as `UnknownContentBlockDelta`. """
