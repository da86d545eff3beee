"""Contains all the data models used in inputs/outputs"""

from .audio_output_params import AudioOutputParams
from .capabilities_list import CapabilitiesList
from .chat_completion import ChatCompletion
from .chat_completion_choice import ChatCompletionChoice
from .chat_completion_choice_logprobs_type_0 import ChatCompletionChoiceLogprobsType0
from .chat_completion_chunk import ChatCompletionChunk
from .chat_completion_chunk_choice import ChatCompletionChunkChoice
from .chat_completion_chunk_choice_logprobs_type_0 import (
    ChatCompletionChunkChoiceLogprobsType0,
)
from .chat_completion_delta import ChatCompletionDelta
from .chat_completion_message import ChatCompletionMessage
from .chat_completion_message_audio_type_0 import ChatCompletionMessageAudioType0
from .chat_completion_request import ChatCompletionRequest
from .chat_completion_request_extra_body import ChatCompletionRequestExtraBody
from .chat_completion_request_logit_bias import ChatCompletionRequestLogitBias
from .chat_completion_request_metadata import ChatCompletionRequestMetadata
from .chat_completion_request_modalities_item import ChatCompletionRequestModalitiesItem
from .chat_completion_request_provider_specific_params import (
    ChatCompletionRequestProviderSpecificParams,
)
from .chat_completion_request_reasoning_effort import (
    ChatCompletionRequestReasoningEffort,
)
from .chat_completion_request_verbosity import ChatCompletionRequestVerbosity
from .chat_completion_stream_event import ChatCompletionStreamEvent
from .chat_message import ChatMessage
from .completion_tokens_details import CompletionTokensDetails
from .credits_balance import CreditsBalance
from .credits_history import CreditsHistory
from .credits_history_entry import CreditsHistoryEntry
from .credits_stats import CreditsStats
from .credits_stats_by_band import CreditsStatsByBand
from .credits_stats_by_model import CreditsStatsByModel
from .credits_stats_by_provider import CreditsStatsByProvider
from .daily_usage import DailyUsage
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .function_call import FunctionCall
from .function_call_delta import FunctionCallDelta
from .function_definition import FunctionDefinition
from .function_definition_parameters import FunctionDefinitionParameters
from .function_name import FunctionName
from .get_credits_stats_period import GetCreditsStatsPeriod
from .health import Health
from .image_url import ImageUrl
from .image_url_content_part import ImageUrlContentPart
from .image_url_detail import ImageUrlDetail
from .input_audio import InputAudio
from .input_audio_content_part import InputAudioContentPart
from .input_audio_format import InputAudioFormat
from .json_schema_format import JsonSchemaFormat
from .json_schema_format_schema import JsonSchemaFormatSchema
from .model import Model
from .model_capabilities import ModelCapabilities
from .model_capabilities_provider_specific import ModelCapabilitiesProviderSpecific
from .model_list import ModelList
from .model_metadata import ModelMetadata
from .named_tool_choice import NamedToolChoice
from .prompt_tokens_details import PromptTokensDetails
from .promptshield import Promptshield
from .response_format_json_object import ResponseFormatJsonObject
from .response_format_json_schema import ResponseFormatJsonSchema
from .response_format_text import ResponseFormatText
from .stream_options import StreamOptions
from .text_content_part import TextContentPart
from .tool import Tool
from .tool_call import ToolCall
from .tool_call_delta import ToolCallDelta
from .tool_choice_type_0 import ToolChoiceType0
from .unknown_content_part import UnknownContentPart
from .usage import Usage
from .usage_aggregate import UsageAggregate

__all__ = (
    "AudioOutputParams",
    "CapabilitiesList",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChoiceLogprobsType0",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionChunkChoiceLogprobsType0",
    "ChatCompletionDelta",
    "ChatCompletionMessage",
    "ChatCompletionMessageAudioType0",
    "ChatCompletionRequest",
    "ChatCompletionRequestExtraBody",
    "ChatCompletionRequestLogitBias",
    "ChatCompletionRequestMetadata",
    "ChatCompletionRequestModalitiesItem",
    "ChatCompletionRequestProviderSpecificParams",
    "ChatCompletionRequestReasoningEffort",
    "ChatCompletionRequestVerbosity",
    "ChatCompletionStreamEvent",
    "ChatMessage",
    "CompletionTokensDetails",
    "CreditsBalance",
    "CreditsHistory",
    "CreditsHistoryEntry",
    "CreditsStats",
    "CreditsStatsByBand",
    "CreditsStatsByModel",
    "CreditsStatsByProvider",
    "DailyUsage",
    "ErrorDetail",
    "ErrorResponse",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "FunctionName",
    "GetCreditsStatsPeriod",
    "Health",
    "ImageUrl",
    "ImageUrlContentPart",
    "ImageUrlDetail",
    "InputAudio",
    "InputAudioContentPart",
    "InputAudioFormat",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "Model",
    "ModelCapabilities",
    "ModelCapabilitiesProviderSpecific",
    "ModelList",
    "ModelMetadata",
    "NamedToolChoice",
    "PromptTokensDetails",
    "Promptshield",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "StreamOptions",
    "TextContentPart",
    "Tool",
    "ToolCall",
    "ToolCallDelta",
    "ToolChoiceType0",
    "UnknownContentPart",
    "Usage",
    "UsageAggregate",
)
