from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

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
from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

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


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "model",
        "messages",
        "temperature",
        "top_p",
        "max_tokens",
        "max_completion_tokens",
        "n",
        "stop",
        "presence_penalty",
        "frequency_penalty",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "seed",
        "user",
        "stream_options",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "response_format",
        "modalities",
        "audio",
        "reasoning_effort",
        "store",
        "metadata",
        "verbosity",
        "provider_specific_params",
        "extra_body",
        "thinking",
        "virtual_model_id",
        "stream",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionRequest:
    """A chat request. Only the fields the caller sets are sent; absent fields take the provider's
    default. Fields this document does not list are passed through to CoreX unchanged.

    """

    model: str
    """ Provider-prefixed model id (`openai/gpt-4o-mini`); unprefixed names are accepted too. """
    messages: list[ChatMessage]
    """ The conversation so far, oldest first. """
    temperature: float | Unset = UNSET
    """ Sampling temperature: higher is more random, lower more focused. """
    top_p: float | Unset = UNSET
    """ Nucleus sampling: only the tokens of the top `top_p` probability mass are considered. """
    max_tokens: int | Unset = UNSET
    """ Upper bound on generated tokens (older name; see `max_completion_tokens`). """
    max_completion_tokens: int | Unset = UNSET
    """ Upper bound on generated tokens, reasoning tokens included. """
    n: int | Unset = UNSET
    """ How many choices to generate. """
    stop: list[str] | str | Unset = UNSET
    """ Up to 4 sequences where generation stops. """
    presence_penalty: float | Unset = UNSET
    """ Positive values penalise tokens that have appeared at all, favouring new topics. """
    frequency_penalty: float | Unset = UNSET
    """ Positive values penalise tokens by how often they have appeared, reducing repetition. """
    logit_bias: ChatCompletionFieldsLogitBias | Unset = UNSET
    """ Token id (as a string) to a bias from -100 to 100. """
    logprobs: bool | Unset = UNSET
    """ Whether to return the log probabilities of the output tokens (in each choice's `logprobs`). """
    top_logprobs: int | Unset = UNSET
    """ How many most likely tokens to return at each position, with their log probabilities (needs `logprobs`). """
    seed: int | Unset = UNSET
    """ Best-effort deterministic sampling: the same seed and parameters should give the same answer. """
    user: str | Unset = UNSET
    """ An end-user id, for abuse monitoring. """
    stream_options: StreamOptions | Unset = UNSET
    """ Options of a streamed answer; for streamed calls only. """
    tools: list[Tool] | Unset = UNSET
    """ The functions the model may call. """
    tool_choice: NamedToolChoice | ToolChoiceType0 | Unset = UNSET
    """ `"none"`, `"auto"`, `"required"`, or a named function to call. """
    parallel_tool_calls: bool | Unset = UNSET
    """ Whether the model may call several tools in one turn. """
    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | Unset
    ) = UNSET
    """ The output format, told apart by `type`. """
    modalities: list[ChatCompletionFieldsModalitiesItem] | Unset = UNSET
    """ Output modalities, `["text"]` or `["text", "audio"]`. """
    audio: AudioOutputParams | Unset = UNSET
    """ The voice and format of the audio output, with `modalities: ["text", "audio"]`. """
    reasoning_effort: ChatCompletionFieldsReasoningEffort | Unset = UNSET
    """ Reasoning effort for reasoning models (OpenAI o-series, Gemini, ...). """
    store: bool | Unset = UNSET
    """ Whether the provider may store the completion (OpenAI). """
    metadata: ChatCompletionFieldsMetadata | Unset = UNSET
    """ Free-form key-value pairs stored with the request. """
    verbosity: ChatCompletionFieldsVerbosity | Unset = UNSET
    """ How long and detailed the answer should be. """
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
    stream: bool | Unset = UNSET
    """ Answer as a `text/event-stream` of `ChatCompletionChunk` events. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["model"] = self.model
        field_dict["messages"] = [
            _messages_item.to_dict() for _messages_item in self.messages
        ]
        temperature = self.temperature
        if not isinstance(temperature, Unset):
            field_dict["temperature"] = temperature
        top_p = self.top_p
        if not isinstance(top_p, Unset):
            field_dict["top_p"] = top_p
        max_tokens = self.max_tokens
        if not isinstance(max_tokens, Unset):
            field_dict["max_tokens"] = max_tokens
        max_completion_tokens = self.max_completion_tokens
        if not isinstance(max_completion_tokens, Unset):
            field_dict["max_completion_tokens"] = max_completion_tokens
        n = self.n
        if not isinstance(n, Unset):
            field_dict["n"] = n
        stop = self.stop
        if not isinstance(stop, Unset):
            field_dict["stop"] = stop
        presence_penalty = self.presence_penalty
        if not isinstance(presence_penalty, Unset):
            field_dict["presence_penalty"] = presence_penalty
        frequency_penalty = self.frequency_penalty
        if not isinstance(frequency_penalty, Unset):
            field_dict["frequency_penalty"] = frequency_penalty
        logit_bias = self.logit_bias
        if not isinstance(logit_bias, Unset):
            field_dict["logit_bias"] = (
                None if logit_bias is None else logit_bias.to_dict()
            )
        logprobs = self.logprobs
        if not isinstance(logprobs, Unset):
            field_dict["logprobs"] = logprobs
        top_logprobs = self.top_logprobs
        if not isinstance(top_logprobs, Unset):
            field_dict["top_logprobs"] = top_logprobs
        seed = self.seed
        if not isinstance(seed, Unset):
            field_dict["seed"] = seed
        user = self.user
        if not isinstance(user, Unset):
            field_dict["user"] = user
        stream_options = self.stream_options
        if not isinstance(stream_options, Unset):
            field_dict["stream_options"] = (
                None if stream_options is None else stream_options.to_dict()
            )
        tools = self.tools
        if not isinstance(tools, Unset):
            field_dict["tools"] = (
                None
                if tools is None
                else [_tools_item.to_dict() for _tools_item in tools]
            )
        tool_choice = self.tool_choice
        if not isinstance(tool_choice, Unset):
            field_dict["tool_choice"] = (
                None
                if tool_choice is None
                else _serialize_chat_completion_request_tool_choice(tool_choice)
            )
        parallel_tool_calls = self.parallel_tool_calls
        if not isinstance(parallel_tool_calls, Unset):
            field_dict["parallel_tool_calls"] = parallel_tool_calls
        response_format = self.response_format
        if not isinstance(response_format, Unset):
            field_dict["response_format"] = (
                None
                if response_format is None
                else _serialize_chat_completion_request_response_format(response_format)
            )
        modalities = self.modalities
        if not isinstance(modalities, Unset):
            field_dict["modalities"] = (
                None
                if modalities is None
                else [_modalities_item for _modalities_item in modalities]
            )
        audio = self.audio
        if not isinstance(audio, Unset):
            field_dict["audio"] = None if audio is None else audio.to_dict()
        reasoning_effort = self.reasoning_effort
        if not isinstance(reasoning_effort, Unset):
            field_dict["reasoning_effort"] = (
                None if reasoning_effort is None else reasoning_effort
            )
        store = self.store
        if not isinstance(store, Unset):
            field_dict["store"] = store
        metadata = self.metadata
        if not isinstance(metadata, Unset):
            field_dict["metadata"] = None if metadata is None else metadata.to_dict()
        verbosity = self.verbosity
        if not isinstance(verbosity, Unset):
            field_dict["verbosity"] = None if verbosity is None else verbosity
        provider_specific_params = self.provider_specific_params
        if not isinstance(provider_specific_params, Unset):
            field_dict["provider_specific_params"] = (
                None
                if provider_specific_params is None
                else provider_specific_params.to_dict()
            )
        extra_body = self.extra_body
        if not isinstance(extra_body, Unset):
            field_dict["extra_body"] = (
                None if extra_body is None else extra_body.to_dict()
            )
        thinking = self.thinking
        if not isinstance(thinking, Unset):
            field_dict["thinking"] = thinking
        virtual_model_id = self.virtual_model_id
        if not isinstance(virtual_model_id, Unset):
            field_dict["virtual_model_id"] = virtual_model_id
        stream = self.stream
        if not isinstance(stream, Unset):
            field_dict["stream"] = stream
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionRequest is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        model = _d["model"]
        messages = [
            ChatMessage.from_dict(_messages_item) for _messages_item in _d["messages"]
        ]
        temperature = _get("temperature", UNSET)
        top_p = _get("top_p", UNSET)
        max_tokens = _get("max_tokens", UNSET)
        max_completion_tokens = _get("max_completion_tokens", UNSET)
        n = _get("n", UNSET)
        stop = _get("stop", UNSET)
        presence_penalty = _get("presence_penalty", UNSET)
        frequency_penalty = _get("frequency_penalty", UNSET)
        logit_bias = _get("logit_bias", UNSET)
        if logit_bias is not UNSET and logit_bias is not None:
            logit_bias = ChatCompletionFieldsLogitBias.from_dict(logit_bias)
        logprobs = _get("logprobs", UNSET)
        top_logprobs = _get("top_logprobs", UNSET)
        seed = _get("seed", UNSET)
        user = _get("user", UNSET)
        stream_options = _get("stream_options", UNSET)
        if stream_options is not UNSET and stream_options is not None:
            stream_options = StreamOptions.from_dict(stream_options)
        tools = _get("tools", UNSET)
        if tools is not UNSET and tools is not None:
            tools = [Tool.from_dict(_tools_item) for _tools_item in tools]
        tool_choice = _get("tool_choice", UNSET)
        if tool_choice is not UNSET and tool_choice is not None:
            tool_choice = _parse_chat_completion_request_tool_choice(tool_choice)
        parallel_tool_calls = _get("parallel_tool_calls", UNSET)
        response_format = _get("response_format", UNSET)
        if response_format is not UNSET and response_format is not None:
            response_format = _parse_chat_completion_request_response_format(
                response_format
            )
        modalities = _get("modalities", UNSET)
        if modalities is not UNSET and modalities is not None:
            modalities = [
                check_chat_completion_fields_modalities_item(_modalities_item)
                for _modalities_item in modalities
            ]
        audio = _get("audio", UNSET)
        if audio is not UNSET and audio is not None:
            audio = AudioOutputParams.from_dict(audio)
        reasoning_effort = _get("reasoning_effort", UNSET)
        if reasoning_effort is not UNSET and reasoning_effort is not None:
            reasoning_effort = check_chat_completion_fields_reasoning_effort(
                reasoning_effort
            )
        store = _get("store", UNSET)
        metadata = _get("metadata", UNSET)
        if metadata is not UNSET and metadata is not None:
            metadata = ChatCompletionFieldsMetadata.from_dict(metadata)
        verbosity = _get("verbosity", UNSET)
        if verbosity is not UNSET and verbosity is not None:
            verbosity = check_chat_completion_fields_verbosity(verbosity)
        provider_specific_params = _get("provider_specific_params", UNSET)
        if (
            provider_specific_params is not UNSET
            and provider_specific_params is not None
        ):
            provider_specific_params = (
                ChatCompletionFieldsProviderSpecificParams.from_dict(
                    provider_specific_params
                )
            )
        extra_body = _get("extra_body", UNSET)
        if extra_body is not UNSET and extra_body is not None:
            extra_body = ChatCompletionFieldsExtraBody.from_dict(extra_body)
        thinking = _get("thinking", UNSET)
        virtual_model_id = _get("virtual_model_id", UNSET)
        stream = _get("stream", UNSET)
        # Built without __init__: it would only copy the same values once more.
        chat_completion_request = _new(cls)
        chat_completion_request.model = model
        chat_completion_request.messages = messages
        chat_completion_request.temperature = temperature
        chat_completion_request.top_p = top_p
        chat_completion_request.max_tokens = max_tokens
        chat_completion_request.max_completion_tokens = max_completion_tokens
        chat_completion_request.n = n
        chat_completion_request.stop = stop
        chat_completion_request.presence_penalty = presence_penalty
        chat_completion_request.frequency_penalty = frequency_penalty
        chat_completion_request.logit_bias = logit_bias
        chat_completion_request.logprobs = logprobs
        chat_completion_request.top_logprobs = top_logprobs
        chat_completion_request.seed = seed
        chat_completion_request.user = user
        chat_completion_request.stream_options = stream_options
        chat_completion_request.tools = tools
        chat_completion_request.tool_choice = tool_choice
        chat_completion_request.parallel_tool_calls = parallel_tool_calls
        chat_completion_request.response_format = response_format
        chat_completion_request.modalities = modalities
        chat_completion_request.audio = audio
        chat_completion_request.reasoning_effort = reasoning_effort
        chat_completion_request.store = store
        chat_completion_request.metadata = metadata
        chat_completion_request.verbosity = verbosity
        chat_completion_request.provider_specific_params = provider_specific_params
        chat_completion_request.extra_body = extra_body
        chat_completion_request.thinking = thinking
        chat_completion_request.virtual_model_id = virtual_model_id
        chat_completion_request.stream = stream
        chat_completion_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return chat_completion_request

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


def _parse_chat_completion_request_tool_choice(
    data: Any,
) -> NamedToolChoice | ToolChoiceType0:
    try:
        return check_tool_choice_type_0(data)
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if isinstance(data, dict):
        try:
            return NamedToolChoice.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(NamedToolChoice | ToolChoiceType0, data)


def _serialize_chat_completion_request_tool_choice(data: Any) -> Any:
    if isinstance(data, NamedToolChoice):
        return data.to_dict()
    return data


def _parse_chat_completion_request_response_format(
    data: Any,
) -> ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText:
    if isinstance(data, dict):
        try:
            return ResponseFormatText.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ResponseFormatJsonObject.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ResponseFormatJsonSchema.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText, data
    )


def _serialize_chat_completion_request_response_format(data: Any) -> Any:
    if isinstance(data, ResponseFormatText):
        return data.to_dict()
    if isinstance(data, ResponseFormatJsonObject):
        return data.to_dict()
    if isinstance(data, ResponseFormatJsonSchema):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
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

    globals().update(
        AudioOutputParams=AudioOutputParams,
        ChatCompletionFieldsExtraBody=ChatCompletionFieldsExtraBody,
        ChatCompletionFieldsLogitBias=ChatCompletionFieldsLogitBias,
        ChatCompletionFieldsMetadata=ChatCompletionFieldsMetadata,
        ChatCompletionFieldsProviderSpecificParams=ChatCompletionFieldsProviderSpecificParams,
        ChatMessage=ChatMessage,
        NamedToolChoice=NamedToolChoice,
        ResponseFormatJsonObject=ResponseFormatJsonObject,
        ResponseFormatJsonSchema=ResponseFormatJsonSchema,
        ResponseFormatText=ResponseFormatText,
        StreamOptions=StreamOptions,
        Tool=Tool,
    )
    _unresolved = False


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


class ChatCompletionRequestParam(TypedDict, total=False):
    """`ChatCompletionRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    model: Required[str]
    """ Provider-prefixed model id (`openai/gpt-4o-mini`); unprefixed names are accepted too. """

    messages: Required[Sequence[ChatMessageParam | ChatMessage]]
    """ The conversation so far, oldest first. """

    temperature: float
    """ Sampling temperature: higher is more random, lower more focused. """

    top_p: float
    """ Nucleus sampling: only the tokens of the top `top_p` probability mass are considered. """

    max_tokens: int
    """ Upper bound on generated tokens (older name; see `max_completion_tokens`). """

    max_completion_tokens: int
    """ Upper bound on generated tokens, reasoning tokens included. """

    n: int
    """ How many choices to generate. """

    stop: str | Sequence[str]
    """ Up to 4 sequences where generation stops. """

    presence_penalty: float
    """ Positive values penalise tokens that have appeared at all, favouring new topics. """

    frequency_penalty: float
    """ Positive values penalise tokens by how often they have appeared, reducing repetition. """

    logit_bias: ChatCompletionFieldsLogitBiasParam
    """ Token id (as a string) to a bias from -100 to 100. """

    logprobs: bool
    """ Whether to return the log probabilities of the output tokens (in each choice's `logprobs`). """

    top_logprobs: int
    """ How many most likely tokens to return at each position, with their log probabilities (needs `logprobs`). """

    seed: int
    """ Best-effort deterministic sampling: the same seed and parameters should give the same answer. """

    user: str
    """ An end-user id, for abuse monitoring. """

    stream_options: StreamOptionsParam | StreamOptions
    """ Options of a streamed answer; for streamed calls only. """

    tools: Sequence[ToolParam | Tool]
    """ The functions the model may call. """

    tool_choice: ToolChoiceType0 | NamedToolChoiceParam | NamedToolChoice
    """ `"none"`, `"auto"`, `"required"`, or a named function to call. """

    parallel_tool_calls: bool
    """ Whether the model may call several tools in one turn. """

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
    """ The voice and format of the audio output, with `modalities: ["text", "audio"]`. """

    reasoning_effort: ChatCompletionFieldsReasoningEffort
    """ Reasoning effort for reasoning models (OpenAI o-series, Gemini, ...). """

    store: bool
    """ Whether the provider may store the completion (OpenAI). """

    metadata: ChatCompletionFieldsMetadataParam
    """ Free-form key-value pairs stored with the request. """

    verbosity: ChatCompletionFieldsVerbosity
    """ How long and detailed the answer should be. """

    provider_specific_params: ChatCompletionFieldsProviderSpecificParamsParam
    """ Zaguan extension, the main extension point: a free-form object passed to the provider
    untouched. Seen in practice: Gemini `reasoning_effort`, `thinking_budget`,
    `include_thinking`; Anthropic `thinking: {type: "enabled", budget_tokens}` and cached
    `system` blocks with `cache_control`; Perplexity `search_domain_filter`,
    `return_images`, `return_related_questions`, `search_recency_filter`,
    `return_citations`; Qwen `enable_thinking`, `thinking_budget`; OpenAI `flex`,
    `flex_priority`. """

    extra_body: ChatCompletionFieldsExtraBodyParam
    """ Zaguan extension, an alias of `provider_specific_params` for OpenAI-SDK habits. """

    thinking: bool
    """ Zaguan extension (DeepSeek): `false` hides `<think>` output. """

    virtual_model_id: str
    """ Zaguan extension, route through this virtual model (deployment alias). """

    stream: bool
    """ Answer as a `text/event-stream` of `ChatCompletionChunk` events. """
