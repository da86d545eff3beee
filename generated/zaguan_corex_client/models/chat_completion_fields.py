from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_fields_modalities_item import (
    ChatCompletionFieldsModalitiesItem,
    check_chat_completion_fields_modalities_item,
)
from ..models.chat_completion_fields_reasoning_effort import (
    ChatCompletionFieldsReasoningEffort,
    check_chat_completion_fields_reasoning_effort,
)
from ..models.chat_completion_fields_verbosity import (
    ChatCompletionFieldsVerbosity,
    check_chat_completion_fields_verbosity,
)
from ..models.tool_choice_type_0 import ToolChoiceType0, check_tool_choice_type_0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_output_params import AudioOutputParams
    from ..models.chat_completion_fields_extra_body import ChatCompletionFieldsExtraBody
    from ..models.chat_completion_fields_logit_bias import ChatCompletionFieldsLogitBias
    from ..models.chat_completion_fields_metadata import ChatCompletionFieldsMetadata
    from ..models.chat_completion_fields_provider_specific_params import (
        ChatCompletionFieldsProviderSpecificParams,
    )
    from ..models.chat_message import ChatMessage
    from ..models.named_tool_choice import NamedToolChoice
    from ..models.response_format_json_object import ResponseFormatJsonObject
    from ..models.response_format_json_schema import ResponseFormatJsonSchema
    from ..models.response_format_text import ResponseFormatText
    from ..models.stream_options import StreamOptions
    from ..models.tool import Tool


T = TypeVar("T", bound="ChatCompletionFields")


@_attrs_define
class ChatCompletionFields:
    """What a chat request asks for: every field of `ChatCompletionRequest` but `stream`, which
    chooses how the answer travels (typed clients set it from the method called).

    """

    model: str
    """ Provider-prefixed model id (`openai/gpt-4o-mini`); unprefixed names are accepted too. """
    messages: list[ChatMessage]
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    max_tokens: int | Unset = UNSET
    """ Upper bound on generated tokens (older name; see `max_completion_tokens`). """
    max_completion_tokens: int | Unset = UNSET
    """ Upper bound on generated tokens, reasoning tokens included. """
    n: int | Unset = UNSET
    """ How many choices to generate. """
    stop: list[str] | str | Unset = UNSET
    """ Up to 4 sequences where generation stops. """
    presence_penalty: float | Unset = UNSET
    frequency_penalty: float | Unset = UNSET
    logit_bias: ChatCompletionFieldsLogitBias | Unset = UNSET
    """ Token id (as a string) to a bias from -100 to 100. """
    logprobs: bool | Unset = UNSET
    top_logprobs: int | Unset = UNSET
    seed: int | Unset = UNSET
    user: str | Unset = UNSET
    """ An end-user id, for abuse monitoring. """
    stream_options: StreamOptions | Unset = UNSET
    tools: list[Tool] | Unset = UNSET
    tool_choice: NamedToolChoice | ToolChoiceType0 | Unset = UNSET
    """ `"none"`, `"auto"`, `"required"`, or a named function to call. """
    parallel_tool_calls: bool | Unset = UNSET
    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | Unset
    ) = UNSET
    """ The output format, told apart by `type`. """
    modalities: list[ChatCompletionFieldsModalitiesItem] | Unset = UNSET
    """ Output modalities, `["text"]` or `["text", "audio"]`. """
    audio: AudioOutputParams | Unset = UNSET
    reasoning_effort: ChatCompletionFieldsReasoningEffort | Unset = UNSET
    """ Reasoning effort for reasoning models (OpenAI o-series, Gemini, ...). """
    store: bool | Unset = UNSET
    metadata: ChatCompletionFieldsMetadata | Unset = UNSET
    """ Free-form key-value pairs stored with the request. """
    verbosity: ChatCompletionFieldsVerbosity | Unset = UNSET
    provider_specific_params: ChatCompletionFieldsProviderSpecificParams | Unset = UNSET
    """ Zaguan extension, the main extension point: a free-form object passed to the provider
    untouched. Seen in practice: Gemini `reasoning_effort`, `thinking_budget`,
    `include_thinking`; Anthropic `thinking: {type: "enabled", budget_tokens}` and cached
    `system` blocks with `cache_control`; Perplexity `search_domain_filter`,
    `return_images`, `return_related_questions`, `search_recency_filter`,
    `return_citations`; Qwen `enable_thinking`, `thinking_budget`; OpenAI `flex`,
    `flex_priority`.
     """
    extra_body: ChatCompletionFieldsExtraBody | Unset = UNSET
    """ Zaguan extension, an alias of `provider_specific_params` for OpenAI-SDK habits. """
    thinking: bool | Unset = UNSET
    """ Zaguan extension (DeepSeek): `false` hides `<think>` output. """
    virtual_model_id: str | Unset = UNSET
    """ Zaguan extension, route through this virtual model (deployment alias). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_text import ResponseFormatText

        model = self.model

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        temperature = self.temperature

        top_p = self.top_p

        max_tokens = self.max_tokens

        max_completion_tokens = self.max_completion_tokens

        n = self.n

        stop: list[str] | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        presence_penalty = self.presence_penalty

        frequency_penalty = self.frequency_penalty

        logit_bias: dict[str, Any] | Unset = UNSET
        if not isinstance(self.logit_bias, Unset):
            logit_bias = self.logit_bias.to_dict()

        logprobs = self.logprobs

        top_logprobs = self.top_logprobs

        seed = self.seed

        user = self.user

        stream_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream_options, Unset):
            stream_options = self.stream_options.to_dict()

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        tool_choice: dict[str, Any] | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, str):
            tool_choice = self.tool_choice
        else:
            tool_choice = self.tool_choice.to_dict()

        parallel_tool_calls = self.parallel_tool_calls

        response_format: dict[str, Any] | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, ResponseFormatText) or isinstance(
            self.response_format, ResponseFormatJsonObject
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format.to_dict()

        modalities: list[str] | Unset = UNSET
        if not isinstance(self.modalities, Unset):
            modalities = []
            for modalities_item_data in self.modalities:
                modalities_item: str = modalities_item_data
                modalities.append(modalities_item)

        audio: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio, Unset):
            audio = self.audio.to_dict()

        reasoning_effort: str | Unset = UNSET
        if not isinstance(self.reasoning_effort, Unset):
            reasoning_effort = self.reasoning_effort

        store = self.store

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        verbosity: str | Unset = UNSET
        if not isinstance(self.verbosity, Unset):
            verbosity = self.verbosity

        provider_specific_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_specific_params, Unset):
            provider_specific_params = self.provider_specific_params.to_dict()

        extra_body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_body, Unset):
            extra_body = self.extra_body.to_dict()

        thinking = self.thinking

        virtual_model_id = self.virtual_model_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "messages": messages,
            }
        )
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if max_completion_tokens is not UNSET:
            field_dict["max_completion_tokens"] = max_completion_tokens
        if n is not UNSET:
            field_dict["n"] = n
        if stop is not UNSET:
            field_dict["stop"] = stop
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if logit_bias is not UNSET:
            field_dict["logit_bias"] = logit_bias
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if seed is not UNSET:
            field_dict["seed"] = seed
        if user is not UNSET:
            field_dict["user"] = user
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if parallel_tool_calls is not UNSET:
            field_dict["parallel_tool_calls"] = parallel_tool_calls
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if modalities is not UNSET:
            field_dict["modalities"] = modalities
        if audio is not UNSET:
            field_dict["audio"] = audio
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
        if store is not UNSET:
            field_dict["store"] = store
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if verbosity is not UNSET:
            field_dict["verbosity"] = verbosity
        if provider_specific_params is not UNSET:
            field_dict["provider_specific_params"] = provider_specific_params
        if extra_body is not UNSET:
            field_dict["extra_body"] = extra_body
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if virtual_model_id is not UNSET:
            field_dict["virtual_model_id"] = virtual_model_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audio_output_params import AudioOutputParams
        from ..models.chat_completion_fields_extra_body import (
            ChatCompletionFieldsExtraBody,
        )
        from ..models.chat_completion_fields_logit_bias import (
            ChatCompletionFieldsLogitBias,
        )
        from ..models.chat_completion_fields_metadata import (
            ChatCompletionFieldsMetadata,
        )
        from ..models.chat_completion_fields_provider_specific_params import (
            ChatCompletionFieldsProviderSpecificParams,
        )
        from ..models.chat_message import ChatMessage
        from ..models.named_tool_choice import NamedToolChoice
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_json_schema import ResponseFormatJsonSchema
        from ..models.response_format_text import ResponseFormatText
        from ..models.stream_options import StreamOptions
        from ..models.tool import Tool

        d = dict(src_dict)
        model = d.pop("model")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ChatMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        temperature = d.pop("temperature", UNSET)

        top_p = d.pop("top_p", UNSET)

        max_tokens = d.pop("max_tokens", UNSET)

        max_completion_tokens = d.pop("max_completion_tokens", UNSET)

        n = d.pop("n", UNSET)

        def _parse_stop(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stop_type_1 = cast(list[str], data)

                return stop_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        stop = _parse_stop(d.pop("stop", UNSET))

        presence_penalty = d.pop("presence_penalty", UNSET)

        frequency_penalty = d.pop("frequency_penalty", UNSET)

        _logit_bias = d.pop("logit_bias", UNSET)
        logit_bias: ChatCompletionFieldsLogitBias | Unset
        if isinstance(_logit_bias, Unset):
            logit_bias = UNSET
        else:
            logit_bias = ChatCompletionFieldsLogitBias.from_dict(_logit_bias)

        logprobs = d.pop("logprobs", UNSET)

        top_logprobs = d.pop("top_logprobs", UNSET)

        seed = d.pop("seed", UNSET)

        user = d.pop("user", UNSET)

        _stream_options = d.pop("stream_options", UNSET)
        stream_options: StreamOptions | Unset
        if isinstance(_stream_options, Unset):
            stream_options = UNSET
        else:
            stream_options = StreamOptions.from_dict(_stream_options)

        _tools = d.pop("tools", UNSET)
        tools: list[Tool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = Tool.from_dict(tools_item_data)

                tools.append(tools_item)

        def _parse_tool_choice(
            data: object,
        ) -> NamedToolChoice | ToolChoiceType0 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_tool_choice_type_0 = check_tool_choice_type_0(data)

                return componentsschemas_tool_choice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_tool_choice_type_1 = NamedToolChoice.from_dict(data)

            return componentsschemas_tool_choice_type_1

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        parallel_tool_calls = d.pop("parallel_tool_calls", UNSET)

        def _parse_response_format(
            data: object,
        ) -> (
            ResponseFormatJsonObject
            | ResponseFormatJsonSchema
            | ResponseFormatText
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_response_format_type_0 = ResponseFormatText.from_dict(
                    data
                )

                return componentsschemas_response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_response_format_type_1 = (
                    ResponseFormatJsonObject.from_dict(data)
                )

                return componentsschemas_response_format_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_response_format_type_2 = (
                ResponseFormatJsonSchema.from_dict(data)
            )

            return componentsschemas_response_format_type_2

        response_format = _parse_response_format(d.pop("response_format", UNSET))

        _modalities = d.pop("modalities", UNSET)
        modalities: list[ChatCompletionFieldsModalitiesItem] | Unset = UNSET
        if _modalities is not UNSET:
            modalities = []
            for modalities_item_data in _modalities:
                modalities_item = check_chat_completion_fields_modalities_item(
                    modalities_item_data
                )

                modalities.append(modalities_item)

        _audio = d.pop("audio", UNSET)
        audio: AudioOutputParams | Unset
        if isinstance(_audio, Unset):
            audio = UNSET
        else:
            audio = AudioOutputParams.from_dict(_audio)

        _reasoning_effort = d.pop("reasoning_effort", UNSET)
        reasoning_effort: ChatCompletionFieldsReasoningEffort | Unset
        if isinstance(_reasoning_effort, Unset):
            reasoning_effort = UNSET
        else:
            reasoning_effort = check_chat_completion_fields_reasoning_effort(
                _reasoning_effort
            )

        store = d.pop("store", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ChatCompletionFieldsMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ChatCompletionFieldsMetadata.from_dict(_metadata)

        _verbosity = d.pop("verbosity", UNSET)
        verbosity: ChatCompletionFieldsVerbosity | Unset
        if isinstance(_verbosity, Unset):
            verbosity = UNSET
        else:
            verbosity = check_chat_completion_fields_verbosity(_verbosity)

        _provider_specific_params = d.pop("provider_specific_params", UNSET)
        provider_specific_params: ChatCompletionFieldsProviderSpecificParams | Unset
        if isinstance(_provider_specific_params, Unset):
            provider_specific_params = UNSET
        else:
            provider_specific_params = (
                ChatCompletionFieldsProviderSpecificParams.from_dict(
                    _provider_specific_params
                )
            )

        _extra_body = d.pop("extra_body", UNSET)
        extra_body: ChatCompletionFieldsExtraBody | Unset
        if isinstance(_extra_body, Unset):
            extra_body = UNSET
        else:
            extra_body = ChatCompletionFieldsExtraBody.from_dict(_extra_body)

        thinking = d.pop("thinking", UNSET)

        virtual_model_id = d.pop("virtual_model_id", UNSET)

        chat_completion_fields = cls(
            model=model,
            messages=messages,
            temperature=temperature,
            top_p=top_p,
            max_tokens=max_tokens,
            max_completion_tokens=max_completion_tokens,
            n=n,
            stop=stop,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            logit_bias=logit_bias,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            seed=seed,
            user=user,
            stream_options=stream_options,
            tools=tools,
            tool_choice=tool_choice,
            parallel_tool_calls=parallel_tool_calls,
            response_format=response_format,
            modalities=modalities,
            audio=audio,
            reasoning_effort=reasoning_effort,
            store=store,
            metadata=metadata,
            verbosity=verbosity,
            provider_specific_params=provider_specific_params,
            extra_body=extra_body,
            thinking=thinking,
            virtual_model_id=virtual_model_id,
        )

        chat_completion_fields.additional_properties = d
        return chat_completion_fields

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
    from ..models.audio_output_params import AudioOutputParamsParam
    from ..models.chat_completion_fields_extra_body import (
        ChatCompletionFieldsExtraBodyParam,
    )
    from ..models.chat_completion_fields_logit_bias import (
        ChatCompletionFieldsLogitBiasParam,
    )
    from ..models.chat_completion_fields_metadata import (
        ChatCompletionFieldsMetadataParam,
    )
    from ..models.chat_completion_fields_provider_specific_params import (
        ChatCompletionFieldsProviderSpecificParamsParam,
    )
    from ..models.chat_message import ChatMessageParam
    from ..models.named_tool_choice import NamedToolChoiceParam
    from ..models.response_format_json_object import ResponseFormatJsonObjectParam
    from ..models.response_format_json_schema import ResponseFormatJsonSchemaParam
    from ..models.response_format_text import ResponseFormatTextParam
    from ..models.stream_options import StreamOptionsParam
    from ..models.tool import ToolParam


class ChatCompletionFieldsParam(TypedDict, total=False):
    """`ChatCompletionFields` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    model: Required[str]
    """ Provider-prefixed model id (`openai/gpt-4o-mini`); unprefixed names are accepted too. """
    messages: Required[Sequence[ChatMessageParam | ChatMessage]]
    temperature: float
    top_p: float
    max_tokens: int
    """ Upper bound on generated tokens (older name; see `max_completion_tokens`). """
    max_completion_tokens: int
    """ Upper bound on generated tokens, reasoning tokens included. """
    n: int
    """ How many choices to generate. """
    stop: str | Sequence[str]
    """ Up to 4 sequences where generation stops. """
    presence_penalty: float
    frequency_penalty: float
    logit_bias: ChatCompletionFieldsLogitBiasParam
    """ Token id (as a string) to a bias from -100 to 100. """
    logprobs: bool
    top_logprobs: int
    seed: int
    user: str
    """ An end-user id, for abuse monitoring. """
    stream_options: StreamOptionsParam | StreamOptions
    tools: Sequence[ToolParam | Tool]
    tool_choice: ToolChoiceType0 | NamedToolChoiceParam | NamedToolChoice
    """ `"none"`, `"auto"`, `"required"`, or a named function to call. """
    parallel_tool_calls: bool
    response_format: (
        ResponseFormatTextParam
        | ResponseFormatText
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchemaParam
        | ResponseFormatJsonSchema
    )
    """ The output format, told apart by `type`. """
    modalities: Sequence[ChatCompletionFieldsModalitiesItem]
    """ Output modalities, `["text"]` or `["text", "audio"]`. """
    audio: AudioOutputParamsParam | AudioOutputParams
    reasoning_effort: ChatCompletionFieldsReasoningEffort
    """ Reasoning effort for reasoning models (OpenAI o-series, Gemini, ...). """
    store: bool
    metadata: ChatCompletionFieldsMetadataParam
    """ Free-form key-value pairs stored with the request. """
    verbosity: ChatCompletionFieldsVerbosity
    provider_specific_params: ChatCompletionFieldsProviderSpecificParamsParam
    """ Zaguan extension, the main extension point: a free-form object passed to the provider
    untouched. Seen in practice: Gemini `reasoning_effort`, `thinking_budget`,
    `include_thinking`; Anthropic `thinking: {type: "enabled", budget_tokens}` and cached
    `system` blocks with `cache_control`; Perplexity `search_domain_filter`,
    `return_images`, `return_related_questions`, `search_recency_filter`,
    `return_citations`; Qwen `enable_thinking`, `thinking_budget`; OpenAI `flex`,
    `flex_priority`.
     """
    extra_body: ChatCompletionFieldsExtraBodyParam
    """ Zaguan extension, an alias of `provider_specific_params` for OpenAI-SDK habits. """
    thinking: bool
    """ Zaguan extension (DeepSeek): `false` hides `<think>` output. """
    virtual_model_id: str
    """ Zaguan extension, route through this virtual model (deployment alias). """
