from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_role import ChatRole, check_chat_role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.tool_call import ToolCall
    from ..models.unknown_content_part import UnknownContentPart


T = TypeVar("T", bound="ChatMessage")


@_attrs_define
class ChatMessage:
    """One message of the conversation. `role` is one of `ChatRole`, or a later role (an open
    set: later roles pass through). `content` is a string or a list of parts; assistant
    messages that call tools carry `tool_calls` and may have `content: null`; tool messages
    carry `tool_call_id`.

    """

    role: ChatRole | str
    """ A known `ChatRole`, or any later role. """
    content: (
        list[
            ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | UnknownContentPart
        ]
        | None
        | str
        | Unset
    ) = UNSET
    """ The text, a list of content parts, or null (assistant messages with `tool_calls`). """
    name: str | Unset = UNSET
    """ An optional participant name. """
    tool_calls: list[ToolCall] | Unset = UNSET
    """ Assistant messages, the tool calls the model made. """
    tool_call_id: str | Unset = UNSET
    """ Tool messages, the id of the call this answers. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.image_url_content_part import ImageUrlContentPart
        from ..models.input_audio_content_part import InputAudioContentPart
        from ..models.text_content_part import TextContentPart

        role: str
        if isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        content: list[dict[str, Any]] | None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item: dict[str, Any]
                if (
                    isinstance(content_type_1_item_data, TextContentPart)
                    or isinstance(content_type_1_item_data, ImageUrlContentPart)
                    or isinstance(content_type_1_item_data, InputAudioContentPart)
                ):
                    content_type_1_item = content_type_1_item_data.to_dict()
                else:
                    content_type_1_item = content_type_1_item_data.to_dict()

                content.append(content_type_1_item)

        else:
            content = self.content

        name = self.name

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        tool_call_id = self.tool_call_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if name is not UNSET:
            field_dict["name"] = name
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if tool_call_id is not UNSET:
            field_dict["tool_call_id"] = tool_call_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image_url_content_part import ImageUrlContentPart
        from ..models.input_audio_content_part import InputAudioContentPart
        from ..models.text_content_part import TextContentPart
        from ..models.tool_call import ToolCall
        from ..models.unknown_content_part import UnknownContentPart

        d = dict(src_dict)

        def _parse_role(data: object) -> ChatRole | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = check_chat_role(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatRole | str, data)

        role = _parse_role(d.pop("role"))

        def _parse_content(
            data: object,
        ) -> (
            list[
                ImageUrlContentPart
                | InputAudioContentPart
                | TextContentPart
                | UnknownContentPart
            ]
            | None
            | str
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:

                    def _parse_content_type_1_item(
                        data: object,
                    ) -> (
                        ImageUrlContentPart
                        | InputAudioContentPart
                        | TextContentPart
                        | UnknownContentPart
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_content_part_type_0 = (
                                TextContentPart.from_dict(data)
                            )

                            return componentsschemas_content_part_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_content_part_type_1 = (
                                ImageUrlContentPart.from_dict(data)
                            )

                            return componentsschemas_content_part_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_content_part_type_2 = (
                                InputAudioContentPart.from_dict(data)
                            )

                            return componentsschemas_content_part_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_content_part_type_3 = (
                            UnknownContentPart.from_dict(data)
                        )

                        return componentsschemas_content_part_type_3

                    content_type_1_item = _parse_content_type_1_item(
                        content_type_1_item_data
                    )

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    ImageUrlContentPart
                    | InputAudioContentPart
                    | TextContentPart
                    | UnknownContentPart
                ]
                | None
                | str
                | Unset,
                data,
            )

        content = _parse_content(d.pop("content", UNSET))

        name = d.pop("name", UNSET)

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        tool_call_id = d.pop("tool_call_id", UNSET)

        chat_message = cls(
            role=role,
            content=content,
            name=name,
            tool_calls=tool_calls,
            tool_call_id=tool_call_id,
        )

        chat_message.additional_properties = d
        return chat_message

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


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.image_url_content_part import ImageUrlContentPartParam
    from ..models.input_audio_content_part import InputAudioContentPartParam
    from ..models.text_content_part import TextContentPartParam
    from ..models.tool_call import ToolCallParam
    from ..models.unknown_content_part import UnknownContentPartParam


class ChatMessageParam(TypedDict, total=False):
    """`ChatMessage` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    role: Required[ChatRole]
    """ A known `ChatRole`, or any later role. """
    content: (
        str
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ImageUrlContentPartParam
            | ImageUrlContentPart
            | InputAudioContentPartParam
            | InputAudioContentPart
            | UnknownContentPartParam
            | UnknownContentPart
        ]
        | None
    )
    """ The text, a list of content parts, or null (assistant messages with `tool_calls`). """
    name: str
    """ An optional participant name. """
    tool_calls: Sequence[ToolCallParam | ToolCall]
    """ Assistant messages, the tool calls the model made. """
    tool_call_id: str
    """ Tool messages, the id of the call this answers. """
