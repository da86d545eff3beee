"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing the package, or one model, does
not import them all. Each model `X` comes with `XParam`, the TypedDict of its JSON keys
(openapi/templates/model_param.jinja). (A project template: openapi/templates/models_init.py.jinja.)
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .audio_output_params import AudioOutputParams, AudioOutputParamsParam
    from .capabilities_list import CapabilitiesList, CapabilitiesListParam
    from .chat_completion import ChatCompletion, ChatCompletionParam
    from .chat_completion_choice import ChatCompletionChoice, ChatCompletionChoiceParam
    from .chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
        ChatCompletionChoiceLogprobsType0Param,
    )
    from .chat_completion_chunk import ChatCompletionChunk, ChatCompletionChunkParam
    from .chat_completion_chunk_choice import (
        ChatCompletionChunkChoice,
        ChatCompletionChunkChoiceParam,
    )
    from .chat_completion_chunk_choice_logprobs_type_0 import (
        ChatCompletionChunkChoiceLogprobsType0,
        ChatCompletionChunkChoiceLogprobsType0Param,
    )
    from .chat_completion_delta import ChatCompletionDelta, ChatCompletionDeltaParam
    from .chat_completion_fields import ChatCompletionFields, ChatCompletionFieldsParam
    from .chat_completion_fields_extra_body import (
        ChatCompletionFieldsExtraBody,
        ChatCompletionFieldsExtraBodyParam,
    )
    from .chat_completion_fields_logit_bias import (
        ChatCompletionFieldsLogitBias,
        ChatCompletionFieldsLogitBiasParam,
    )
    from .chat_completion_fields_metadata import (
        ChatCompletionFieldsMetadata,
        ChatCompletionFieldsMetadataParam,
    )
    from .chat_completion_fields_modalities_item import (
        ChatCompletionFieldsModalitiesItem,
    )
    from .chat_completion_fields_provider_specific_params import (
        ChatCompletionFieldsProviderSpecificParams,
        ChatCompletionFieldsProviderSpecificParamsParam,
    )
    from .chat_completion_fields_reasoning_effort import (
        ChatCompletionFieldsReasoningEffort,
    )
    from .chat_completion_fields_verbosity import ChatCompletionFieldsVerbosity
    from .chat_completion_message import (
        ChatCompletionMessage,
        ChatCompletionMessageParam,
    )
    from .chat_completion_message_audio_type_0 import (
        ChatCompletionMessageAudioType0,
        ChatCompletionMessageAudioType0Param,
    )
    from .chat_completion_request import (
        ChatCompletionRequest,
        ChatCompletionRequestParam,
    )
    from .chat_completion_stream_event import (
        ChatCompletionStreamEvent,
        ChatCompletionStreamEventParam,
    )
    from .chat_message import ChatMessage, ChatMessageParam
    from .chat_role import ChatRole
    from .completion_tokens_details import (
        CompletionTokensDetails,
        CompletionTokensDetailsParam,
    )
    from .credits_balance import CreditsBalance, CreditsBalanceParam
    from .credits_history import CreditsHistory, CreditsHistoryParam
    from .credits_history_entry import CreditsHistoryEntry, CreditsHistoryEntryParam
    from .credits_stats import CreditsStats, CreditsStatsParam
    from .credits_stats_by_band import CreditsStatsByBand, CreditsStatsByBandParam
    from .credits_stats_by_model import CreditsStatsByModel, CreditsStatsByModelParam
    from .credits_stats_by_provider import (
        CreditsStatsByProvider,
        CreditsStatsByProviderParam,
    )
    from .daily_usage import DailyUsage, DailyUsageParam
    from .error_detail import ErrorDetail, ErrorDetailParam
    from .error_response import ErrorResponse, ErrorResponseParam
    from .function_call import FunctionCall, FunctionCallParam
    from .function_call_delta import FunctionCallDelta, FunctionCallDeltaParam
    from .function_definition import FunctionDefinition, FunctionDefinitionParam
    from .function_definition_parameters import (
        FunctionDefinitionParameters,
        FunctionDefinitionParametersParam,
    )
    from .function_name import FunctionName, FunctionNameParam
    from .get_credits_stats_period import GetCreditsStatsPeriod
    from .health import Health, HealthParam
    from .image_url import ImageUrl, ImageUrlParam
    from .image_url_content_part import ImageUrlContentPart, ImageUrlContentPartParam
    from .image_url_detail import ImageUrlDetail
    from .input_audio import InputAudio, InputAudioParam
    from .input_audio_content_part import (
        InputAudioContentPart,
        InputAudioContentPartParam,
    )
    from .input_audio_format import InputAudioFormat
    from .json_schema_format import JsonSchemaFormat, JsonSchemaFormatParam
    from .json_schema_format_schema import (
        JsonSchemaFormatSchema,
        JsonSchemaFormatSchemaParam,
    )
    from .model import Model, ModelParam
    from .model_capabilities import ModelCapabilities, ModelCapabilitiesParam
    from .model_capabilities_provider_specific import (
        ModelCapabilitiesProviderSpecific,
        ModelCapabilitiesProviderSpecificParam,
    )
    from .model_list import ModelList, ModelListParam
    from .model_metadata import ModelMetadata, ModelMetadataParam
    from .named_tool_choice import NamedToolChoice, NamedToolChoiceParam
    from .prompt_tokens_details import PromptTokensDetails, PromptTokensDetailsParam
    from .promptshield import Promptshield, PromptshieldParam
    from .response_format_json_object import (
        ResponseFormatJsonObject,
        ResponseFormatJsonObjectParam,
    )
    from .response_format_json_schema import (
        ResponseFormatJsonSchema,
        ResponseFormatJsonSchemaParam,
    )
    from .response_format_text import ResponseFormatText, ResponseFormatTextParam
    from .stream_options import StreamOptions, StreamOptionsParam
    from .text_content_part import TextContentPart, TextContentPartParam
    from .tool import Tool, ToolParam
    from .tool_call import ToolCall, ToolCallParam
    from .tool_call_delta import ToolCallDelta, ToolCallDeltaParam
    from .tool_choice_type_0 import ToolChoiceType0
    from .unknown_content_part import UnknownContentPart, UnknownContentPartParam
    from .usage import Usage, UsageParam
    from .usage_aggregate import UsageAggregate, UsageAggregateParam

_MODULES = {
    "AudioOutputParams": ".audio_output_params",
    "CapabilitiesList": ".capabilities_list",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChoiceLogprobsType0": ".chat_completion_choice_logprobs_type_0",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionChunkChoiceLogprobsType0": ".chat_completion_chunk_choice_logprobs_type_0",
    "ChatCompletionDelta": ".chat_completion_delta",
    "ChatCompletionFields": ".chat_completion_fields",
    "ChatCompletionFieldsExtraBody": ".chat_completion_fields_extra_body",
    "ChatCompletionFieldsLogitBias": ".chat_completion_fields_logit_bias",
    "ChatCompletionFieldsMetadata": ".chat_completion_fields_metadata",
    "ChatCompletionFieldsModalitiesItem": ".chat_completion_fields_modalities_item",
    "ChatCompletionFieldsProviderSpecificParams": ".chat_completion_fields_provider_specific_params",
    "ChatCompletionFieldsReasoningEffort": ".chat_completion_fields_reasoning_effort",
    "ChatCompletionFieldsVerbosity": ".chat_completion_fields_verbosity",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionMessageAudioType0": ".chat_completion_message_audio_type_0",
    "ChatCompletionRequest": ".chat_completion_request",
    "ChatCompletionStreamEvent": ".chat_completion_stream_event",
    "ChatMessage": ".chat_message",
    "ChatRole": ".chat_role",
    "CompletionTokensDetails": ".completion_tokens_details",
    "CreditsBalance": ".credits_balance",
    "CreditsHistory": ".credits_history",
    "CreditsHistoryEntry": ".credits_history_entry",
    "CreditsStats": ".credits_stats",
    "CreditsStatsByBand": ".credits_stats_by_band",
    "CreditsStatsByModel": ".credits_stats_by_model",
    "CreditsStatsByProvider": ".credits_stats_by_provider",
    "DailyUsage": ".daily_usage",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "FunctionCall": ".function_call",
    "FunctionCallDelta": ".function_call_delta",
    "FunctionDefinition": ".function_definition",
    "FunctionDefinitionParameters": ".function_definition_parameters",
    "FunctionName": ".function_name",
    "GetCreditsStatsPeriod": ".get_credits_stats_period",
    "Health": ".health",
    "ImageUrl": ".image_url",
    "ImageUrlContentPart": ".image_url_content_part",
    "ImageUrlDetail": ".image_url_detail",
    "InputAudio": ".input_audio",
    "InputAudioContentPart": ".input_audio_content_part",
    "InputAudioFormat": ".input_audio_format",
    "JsonSchemaFormat": ".json_schema_format",
    "JsonSchemaFormatSchema": ".json_schema_format_schema",
    "Model": ".model",
    "ModelCapabilities": ".model_capabilities",
    "ModelCapabilitiesProviderSpecific": ".model_capabilities_provider_specific",
    "ModelList": ".model_list",
    "ModelMetadata": ".model_metadata",
    "NamedToolChoice": ".named_tool_choice",
    "PromptTokensDetails": ".prompt_tokens_details",
    "Promptshield": ".promptshield",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "StreamOptions": ".stream_options",
    "TextContentPart": ".text_content_part",
    "Tool": ".tool",
    "ToolCall": ".tool_call",
    "ToolCallDelta": ".tool_call_delta",
    "ToolChoiceType0": ".tool_choice_type_0",
    "UnknownContentPart": ".unknown_content_part",
    "Usage": ".usage",
    "UsageAggregate": ".usage_aggregate",
    "ErrorResponseParam": ".error_response",
    "ErrorDetailParam": ".error_detail",
    "ChatCompletionRequestParam": ".chat_completion_request",
    "ChatCompletionFieldsParam": ".chat_completion_fields",
    "ChatMessageParam": ".chat_message",
    "TextContentPartParam": ".text_content_part",
    "ImageUrlContentPartParam": ".image_url_content_part",
    "ImageUrlParam": ".image_url",
    "InputAudioContentPartParam": ".input_audio_content_part",
    "InputAudioParam": ".input_audio",
    "UnknownContentPartParam": ".unknown_content_part",
    "ToolParam": ".tool",
    "FunctionDefinitionParam": ".function_definition",
    "NamedToolChoiceParam": ".named_tool_choice",
    "FunctionNameParam": ".function_name",
    "ResponseFormatTextParam": ".response_format_text",
    "ResponseFormatJsonObjectParam": ".response_format_json_object",
    "ResponseFormatJsonSchemaParam": ".response_format_json_schema",
    "JsonSchemaFormatParam": ".json_schema_format",
    "StreamOptionsParam": ".stream_options",
    "AudioOutputParamsParam": ".audio_output_params",
    "ChatCompletionParam": ".chat_completion",
    "ChatCompletionChoiceParam": ".chat_completion_choice",
    "ChatCompletionMessageParam": ".chat_completion_message",
    "ToolCallParam": ".tool_call",
    "FunctionCallParam": ".function_call",
    "UsageParam": ".usage",
    "PromptTokensDetailsParam": ".prompt_tokens_details",
    "CompletionTokensDetailsParam": ".completion_tokens_details",
    "PromptshieldParam": ".promptshield",
    "ChatCompletionStreamEventParam": ".chat_completion_stream_event",
    "ChatCompletionChunkParam": ".chat_completion_chunk",
    "ChatCompletionChunkChoiceParam": ".chat_completion_chunk_choice",
    "ChatCompletionDeltaParam": ".chat_completion_delta",
    "ToolCallDeltaParam": ".tool_call_delta",
    "FunctionCallDeltaParam": ".function_call_delta",
    "ModelParam": ".model",
    "ModelListParam": ".model_list",
    "ModelCapabilitiesParam": ".model_capabilities",
    "CapabilitiesListParam": ".capabilities_list",
    "CreditsBalanceParam": ".credits_balance",
    "CreditsHistoryParam": ".credits_history",
    "CreditsHistoryEntryParam": ".credits_history_entry",
    "CreditsStatsParam": ".credits_stats",
    "UsageAggregateParam": ".usage_aggregate",
    "DailyUsageParam": ".daily_usage",
    "HealthParam": ".health",
    "ChatCompletionFieldsLogitBiasParam": ".chat_completion_fields_logit_bias",
    "ChatCompletionFieldsMetadataParam": ".chat_completion_fields_metadata",
    "ChatCompletionFieldsProviderSpecificParamsParam": ".chat_completion_fields_provider_specific_params",
    "ChatCompletionFieldsExtraBodyParam": ".chat_completion_fields_extra_body",
    "FunctionDefinitionParametersParam": ".function_definition_parameters",
    "JsonSchemaFormatSchemaParam": ".json_schema_format_schema",
    "ChatCompletionChoiceLogprobsType0Param": ".chat_completion_choice_logprobs_type_0",
    "ChatCompletionMessageAudioType0Param": ".chat_completion_message_audio_type_0",
    "ChatCompletionChunkChoiceLogprobsType0Param": ".chat_completion_chunk_choice_logprobs_type_0",
    "ModelMetadataParam": ".model_metadata",
    "ModelCapabilitiesProviderSpecificParam": ".model_capabilities_provider_specific",
    "CreditsStatsByProviderParam": ".credits_stats_by_provider",
    "CreditsStatsByModelParam": ".credits_stats_by_model",
    "CreditsStatsByBandParam": ".credits_stats_by_band",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "AudioOutputParams",
    "AudioOutputParamsParam",
    "CapabilitiesList",
    "CapabilitiesListParam",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChoiceLogprobsType0",
    "ChatCompletionChoiceLogprobsType0Param",
    "ChatCompletionChoiceParam",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionChunkChoiceLogprobsType0",
    "ChatCompletionChunkChoiceLogprobsType0Param",
    "ChatCompletionChunkChoiceParam",
    "ChatCompletionChunkParam",
    "ChatCompletionDelta",
    "ChatCompletionDeltaParam",
    "ChatCompletionFields",
    "ChatCompletionFieldsExtraBody",
    "ChatCompletionFieldsExtraBodyParam",
    "ChatCompletionFieldsLogitBias",
    "ChatCompletionFieldsLogitBiasParam",
    "ChatCompletionFieldsMetadata",
    "ChatCompletionFieldsMetadataParam",
    "ChatCompletionFieldsModalitiesItem",
    "ChatCompletionFieldsParam",
    "ChatCompletionFieldsProviderSpecificParams",
    "ChatCompletionFieldsProviderSpecificParamsParam",
    "ChatCompletionFieldsReasoningEffort",
    "ChatCompletionFieldsVerbosity",
    "ChatCompletionMessage",
    "ChatCompletionMessageAudioType0",
    "ChatCompletionMessageAudioType0Param",
    "ChatCompletionMessageParam",
    "ChatCompletionParam",
    "ChatCompletionRequest",
    "ChatCompletionRequestParam",
    "ChatCompletionStreamEvent",
    "ChatCompletionStreamEventParam",
    "ChatMessage",
    "ChatMessageParam",
    "ChatRole",
    "CompletionTokensDetails",
    "CompletionTokensDetailsParam",
    "CreditsBalance",
    "CreditsBalanceParam",
    "CreditsHistory",
    "CreditsHistoryEntry",
    "CreditsHistoryEntryParam",
    "CreditsHistoryParam",
    "CreditsStats",
    "CreditsStatsByBand",
    "CreditsStatsByBandParam",
    "CreditsStatsByModel",
    "CreditsStatsByModelParam",
    "CreditsStatsByProvider",
    "CreditsStatsByProviderParam",
    "CreditsStatsParam",
    "DailyUsage",
    "DailyUsageParam",
    "ErrorDetail",
    "ErrorDetailParam",
    "ErrorResponse",
    "ErrorResponseParam",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionCallDeltaParam",
    "FunctionCallParam",
    "FunctionDefinition",
    "FunctionDefinitionParam",
    "FunctionDefinitionParameters",
    "FunctionDefinitionParametersParam",
    "FunctionName",
    "FunctionNameParam",
    "GetCreditsStatsPeriod",
    "Health",
    "HealthParam",
    "ImageUrl",
    "ImageUrlContentPart",
    "ImageUrlContentPartParam",
    "ImageUrlDetail",
    "ImageUrlParam",
    "InputAudio",
    "InputAudioContentPart",
    "InputAudioContentPartParam",
    "InputAudioFormat",
    "InputAudioParam",
    "JsonSchemaFormat",
    "JsonSchemaFormatParam",
    "JsonSchemaFormatSchema",
    "JsonSchemaFormatSchemaParam",
    "Model",
    "ModelCapabilities",
    "ModelCapabilitiesParam",
    "ModelCapabilitiesProviderSpecific",
    "ModelCapabilitiesProviderSpecificParam",
    "ModelList",
    "ModelListParam",
    "ModelMetadata",
    "ModelMetadataParam",
    "ModelParam",
    "NamedToolChoice",
    "NamedToolChoiceParam",
    "PromptTokensDetails",
    "PromptTokensDetailsParam",
    "Promptshield",
    "PromptshieldParam",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonObjectParam",
    "ResponseFormatJsonSchema",
    "ResponseFormatJsonSchemaParam",
    "ResponseFormatText",
    "ResponseFormatTextParam",
    "StreamOptions",
    "StreamOptionsParam",
    "TextContentPart",
    "TextContentPartParam",
    "Tool",
    "ToolCall",
    "ToolCallDelta",
    "ToolCallDeltaParam",
    "ToolCallParam",
    "ToolChoiceType0",
    "ToolParam",
    "UnknownContentPart",
    "UnknownContentPartParam",
    "Usage",
    "UsageAggregate",
    "UsageAggregateParam",
    "UsageParam",
)
