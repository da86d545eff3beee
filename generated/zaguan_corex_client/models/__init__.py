"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing the package, or one model, does
not import them all. (A project template: openapi/templates/models_init.py.jinja.)
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .audio_output_params import AudioOutputParams
    from .base_64_image_source import Base64ImageSource
    from .base_64_image_source_media_type import Base64ImageSourceMediaType
    from .cache_control import CacheControl
    from .capabilities_list import CapabilitiesList
    from .chat_completion import ChatCompletion
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
    )
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
    from .chat_completion_request_modalities_item import (
        ChatCompletionRequestModalitiesItem,
    )
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
    from .content_block_delta_event import ContentBlockDeltaEvent
    from .content_block_start_event import ContentBlockStartEvent
    from .content_block_stop_event import ContentBlockStopEvent
    from .credits_balance import CreditsBalance
    from .credits_history import CreditsHistory
    from .credits_history_entry import CreditsHistoryEntry
    from .credits_stats import CreditsStats
    from .credits_stats_by_band import CreditsStatsByBand
    from .credits_stats_by_model import CreditsStatsByModel
    from .credits_stats_by_provider import CreditsStatsByProvider
    from .daily_usage import DailyUsage
    from .embedding import Embedding
    from .embedding_list import EmbeddingList
    from .embedding_request import EmbeddingRequest
    from .embedding_request_encoding_format import EmbeddingRequestEncodingFormat
    from .embedding_usage import EmbeddingUsage
    from .error_detail import ErrorDetail
    from .error_event import ErrorEvent
    from .error_response import ErrorResponse
    from .function_call import FunctionCall
    from .function_call_delta import FunctionCallDelta
    from .function_definition import FunctionDefinition
    from .function_definition_parameters import FunctionDefinitionParameters
    from .function_name import FunctionName
    from .get_credits_stats_period import GetCreditsStatsPeriod
    from .health import Health
    from .image import Image
    from .image_block import ImageBlock
    from .image_edit_request import ImageEditRequest
    from .image_generation_request import ImageGenerationRequest
    from .image_generation_request_style import ImageGenerationRequestStyle
    from .image_list import ImageList
    from .image_list_usage import ImageListUsage
    from .image_response_format import ImageResponseFormat
    from .image_url import ImageUrl
    from .image_url_content_part import ImageUrlContentPart
    from .image_url_detail import ImageUrlDetail
    from .image_variation_request import ImageVariationRequest
    from .input_audio import InputAudio
    from .input_audio_content_part import InputAudioContentPart
    from .input_audio_format import InputAudioFormat
    from .input_json_delta import InputJsonDelta
    from .input_message import InputMessage
    from .input_message_role import InputMessageRole
    from .json_schema_format import JsonSchemaFormat
    from .json_schema_format_schema import JsonSchemaFormatSchema
    from .message import Message
    from .message_batch import MessageBatch
    from .message_batch_canceled_result import MessageBatchCanceledResult
    from .message_batch_create_request import MessageBatchCreateRequest
    from .message_batch_errored_result import MessageBatchErroredResult
    from .message_batch_expired_result import MessageBatchExpiredResult
    from .message_batch_individual_response import MessageBatchIndividualResponse
    from .message_batch_list import MessageBatchList
    from .message_batch_request_counts import MessageBatchRequestCounts
    from .message_batch_request_item import MessageBatchRequestItem
    from .message_batch_succeeded_result import MessageBatchSucceededResult
    from .message_count_tokens_request import MessageCountTokensRequest
    from .message_delta import MessageDelta
    from .message_delta_event import MessageDeltaEvent
    from .message_delta_usage import MessageDeltaUsage
    from .message_metadata import MessageMetadata
    from .message_request import MessageRequest
    from .message_start_event import MessageStartEvent
    from .message_stop_event import MessageStopEvent
    from .message_stream_event import MessageStreamEvent
    from .message_tokens_count import MessageTokensCount
    from .message_tool import MessageTool
    from .message_tool_choice import MessageToolChoice
    from .message_tool_choice_type import MessageToolChoiceType
    from .message_tool_input_schema import MessageToolInputSchema
    from .message_usage import MessageUsage
    from .model import Model
    from .model_capabilities import ModelCapabilities
    from .model_capabilities_provider_specific import ModelCapabilitiesProviderSpecific
    from .model_list import ModelList
    from .model_metadata import ModelMetadata
    from .moderation import Moderation
    from .moderation_request import ModerationRequest
    from .moderation_result import ModerationResult
    from .moderation_result_categories import ModerationResultCategories
    from .moderation_result_category_applied_input_types import (
        ModerationResultCategoryAppliedInputTypes,
    )
    from .moderation_result_category_scores import ModerationResultCategoryScores
    from .named_tool_choice import NamedToolChoice
    from .ping_event import PingEvent
    from .prompt_tokens_details import PromptTokensDetails
    from .promptshield import Promptshield
    from .provider_status import ProviderStatus
    from .provider_status_list import ProviderStatusList
    from .redacted_thinking_block import RedactedThinkingBlock
    from .response_format_json_object import ResponseFormatJsonObject
    from .response_format_json_schema import ResponseFormatJsonSchema
    from .response_format_text import ResponseFormatText
    from .signature_delta import SignatureDelta
    from .speech_request import SpeechRequest
    from .speech_request_response_format import SpeechRequestResponseFormat
    from .stream_options import StreamOptions
    from .text_block import TextBlock
    from .text_content_part import TextContentPart
    from .text_delta import TextDelta
    from .thinking_block import ThinkingBlock
    from .thinking_config_disabled import ThinkingConfigDisabled
    from .thinking_config_enabled import ThinkingConfigEnabled
    from .thinking_delta import ThinkingDelta
    from .tool import Tool
    from .tool_call import ToolCall
    from .tool_call_delta import ToolCallDelta
    from .tool_choice_type_0 import ToolChoiceType0
    from .tool_result_block import ToolResultBlock
    from .tool_use_block import ToolUseBlock
    from .tool_use_block_input import ToolUseBlockInput
    from .transcription import Transcription
    from .transcription_format import TranscriptionFormat
    from .transcription_request import TranscriptionRequest
    from .transcription_segment import TranscriptionSegment
    from .transcription_word import TranscriptionWord
    from .translation_request import TranslationRequest
    from .unknown_content_block import UnknownContentBlock
    from .unknown_content_block_delta import UnknownContentBlockDelta
    from .unknown_content_part import UnknownContentPart
    from .unknown_input_content_block import UnknownInputContentBlock
    from .unknown_message_batch_result import UnknownMessageBatchResult
    from .unknown_message_stream_data import UnknownMessageStreamData
    from .unknown_tool_result_content_block import UnknownToolResultContentBlock
    from .url_image_source import UrlImageSource
    from .usage import Usage
    from .usage_aggregate import UsageAggregate
    from .virtual_model import VirtualModel
    from .virtual_model_list import VirtualModelList
    from .virtual_model_target import VirtualModelTarget

_MODULES = {
    "AudioOutputParams": ".audio_output_params",
    "Base64ImageSource": ".base_64_image_source",
    "Base64ImageSourceMediaType": ".base_64_image_source_media_type",
    "CacheControl": ".cache_control",
    "CapabilitiesList": ".capabilities_list",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChoiceLogprobsType0": ".chat_completion_choice_logprobs_type_0",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionChunkChoiceLogprobsType0": ".chat_completion_chunk_choice_logprobs_type_0",
    "ChatCompletionDelta": ".chat_completion_delta",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionMessageAudioType0": ".chat_completion_message_audio_type_0",
    "ChatCompletionRequest": ".chat_completion_request",
    "ChatCompletionRequestExtraBody": ".chat_completion_request_extra_body",
    "ChatCompletionRequestLogitBias": ".chat_completion_request_logit_bias",
    "ChatCompletionRequestMetadata": ".chat_completion_request_metadata",
    "ChatCompletionRequestModalitiesItem": ".chat_completion_request_modalities_item",
    "ChatCompletionRequestProviderSpecificParams": ".chat_completion_request_provider_specific_params",
    "ChatCompletionRequestReasoningEffort": ".chat_completion_request_reasoning_effort",
    "ChatCompletionRequestVerbosity": ".chat_completion_request_verbosity",
    "ChatCompletionStreamEvent": ".chat_completion_stream_event",
    "ChatMessage": ".chat_message",
    "CompletionTokensDetails": ".completion_tokens_details",
    "ContentBlockDeltaEvent": ".content_block_delta_event",
    "ContentBlockStartEvent": ".content_block_start_event",
    "ContentBlockStopEvent": ".content_block_stop_event",
    "CreditsBalance": ".credits_balance",
    "CreditsHistory": ".credits_history",
    "CreditsHistoryEntry": ".credits_history_entry",
    "CreditsStats": ".credits_stats",
    "CreditsStatsByBand": ".credits_stats_by_band",
    "CreditsStatsByModel": ".credits_stats_by_model",
    "CreditsStatsByProvider": ".credits_stats_by_provider",
    "DailyUsage": ".daily_usage",
    "Embedding": ".embedding",
    "EmbeddingList": ".embedding_list",
    "EmbeddingRequest": ".embedding_request",
    "EmbeddingRequestEncodingFormat": ".embedding_request_encoding_format",
    "EmbeddingUsage": ".embedding_usage",
    "ErrorDetail": ".error_detail",
    "ErrorEvent": ".error_event",
    "ErrorResponse": ".error_response",
    "FunctionCall": ".function_call",
    "FunctionCallDelta": ".function_call_delta",
    "FunctionDefinition": ".function_definition",
    "FunctionDefinitionParameters": ".function_definition_parameters",
    "FunctionName": ".function_name",
    "GetCreditsStatsPeriod": ".get_credits_stats_period",
    "Health": ".health",
    "Image": ".image",
    "ImageBlock": ".image_block",
    "ImageEditRequest": ".image_edit_request",
    "ImageGenerationRequest": ".image_generation_request",
    "ImageGenerationRequestStyle": ".image_generation_request_style",
    "ImageList": ".image_list",
    "ImageListUsage": ".image_list_usage",
    "ImageResponseFormat": ".image_response_format",
    "ImageUrl": ".image_url",
    "ImageUrlContentPart": ".image_url_content_part",
    "ImageUrlDetail": ".image_url_detail",
    "ImageVariationRequest": ".image_variation_request",
    "InputAudio": ".input_audio",
    "InputAudioContentPart": ".input_audio_content_part",
    "InputAudioFormat": ".input_audio_format",
    "InputJsonDelta": ".input_json_delta",
    "InputMessage": ".input_message",
    "InputMessageRole": ".input_message_role",
    "JsonSchemaFormat": ".json_schema_format",
    "JsonSchemaFormatSchema": ".json_schema_format_schema",
    "Message": ".message",
    "MessageBatch": ".message_batch",
    "MessageBatchCanceledResult": ".message_batch_canceled_result",
    "MessageBatchCreateRequest": ".message_batch_create_request",
    "MessageBatchErroredResult": ".message_batch_errored_result",
    "MessageBatchExpiredResult": ".message_batch_expired_result",
    "MessageBatchIndividualResponse": ".message_batch_individual_response",
    "MessageBatchList": ".message_batch_list",
    "MessageBatchRequestCounts": ".message_batch_request_counts",
    "MessageBatchRequestItem": ".message_batch_request_item",
    "MessageBatchSucceededResult": ".message_batch_succeeded_result",
    "MessageCountTokensRequest": ".message_count_tokens_request",
    "MessageDelta": ".message_delta",
    "MessageDeltaEvent": ".message_delta_event",
    "MessageDeltaUsage": ".message_delta_usage",
    "MessageMetadata": ".message_metadata",
    "MessageRequest": ".message_request",
    "MessageStartEvent": ".message_start_event",
    "MessageStopEvent": ".message_stop_event",
    "MessageStreamEvent": ".message_stream_event",
    "MessageTokensCount": ".message_tokens_count",
    "MessageTool": ".message_tool",
    "MessageToolChoice": ".message_tool_choice",
    "MessageToolChoiceType": ".message_tool_choice_type",
    "MessageToolInputSchema": ".message_tool_input_schema",
    "MessageUsage": ".message_usage",
    "Model": ".model",
    "ModelCapabilities": ".model_capabilities",
    "ModelCapabilitiesProviderSpecific": ".model_capabilities_provider_specific",
    "ModelList": ".model_list",
    "ModelMetadata": ".model_metadata",
    "Moderation": ".moderation",
    "ModerationRequest": ".moderation_request",
    "ModerationResult": ".moderation_result",
    "ModerationResultCategories": ".moderation_result_categories",
    "ModerationResultCategoryAppliedInputTypes": ".moderation_result_category_applied_input_types",
    "ModerationResultCategoryScores": ".moderation_result_category_scores",
    "NamedToolChoice": ".named_tool_choice",
    "PingEvent": ".ping_event",
    "PromptTokensDetails": ".prompt_tokens_details",
    "Promptshield": ".promptshield",
    "ProviderStatus": ".provider_status",
    "ProviderStatusList": ".provider_status_list",
    "RedactedThinkingBlock": ".redacted_thinking_block",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "SignatureDelta": ".signature_delta",
    "SpeechRequest": ".speech_request",
    "SpeechRequestResponseFormat": ".speech_request_response_format",
    "StreamOptions": ".stream_options",
    "TextBlock": ".text_block",
    "TextContentPart": ".text_content_part",
    "TextDelta": ".text_delta",
    "ThinkingBlock": ".thinking_block",
    "ThinkingConfigDisabled": ".thinking_config_disabled",
    "ThinkingConfigEnabled": ".thinking_config_enabled",
    "ThinkingDelta": ".thinking_delta",
    "Tool": ".tool",
    "ToolCall": ".tool_call",
    "ToolCallDelta": ".tool_call_delta",
    "ToolChoiceType0": ".tool_choice_type_0",
    "ToolResultBlock": ".tool_result_block",
    "ToolUseBlock": ".tool_use_block",
    "ToolUseBlockInput": ".tool_use_block_input",
    "Transcription": ".transcription",
    "TranscriptionFormat": ".transcription_format",
    "TranscriptionRequest": ".transcription_request",
    "TranscriptionSegment": ".transcription_segment",
    "TranscriptionWord": ".transcription_word",
    "TranslationRequest": ".translation_request",
    "UnknownContentBlock": ".unknown_content_block",
    "UnknownContentBlockDelta": ".unknown_content_block_delta",
    "UnknownContentPart": ".unknown_content_part",
    "UnknownInputContentBlock": ".unknown_input_content_block",
    "UnknownMessageBatchResult": ".unknown_message_batch_result",
    "UnknownMessageStreamData": ".unknown_message_stream_data",
    "UnknownToolResultContentBlock": ".unknown_tool_result_content_block",
    "UrlImageSource": ".url_image_source",
    "Usage": ".usage",
    "UsageAggregate": ".usage_aggregate",
    "VirtualModel": ".virtual_model",
    "VirtualModelList": ".virtual_model_list",
    "VirtualModelTarget": ".virtual_model_target",
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
    "Base64ImageSource",
    "Base64ImageSourceMediaType",
    "CacheControl",
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
    "ContentBlockDeltaEvent",
    "ContentBlockStartEvent",
    "ContentBlockStopEvent",
    "CreditsBalance",
    "CreditsHistory",
    "CreditsHistoryEntry",
    "CreditsStats",
    "CreditsStatsByBand",
    "CreditsStatsByModel",
    "CreditsStatsByProvider",
    "DailyUsage",
    "Embedding",
    "EmbeddingList",
    "EmbeddingRequest",
    "EmbeddingRequestEncodingFormat",
    "EmbeddingUsage",
    "ErrorDetail",
    "ErrorEvent",
    "ErrorResponse",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "FunctionName",
    "GetCreditsStatsPeriod",
    "Health",
    "Image",
    "ImageBlock",
    "ImageEditRequest",
    "ImageGenerationRequest",
    "ImageGenerationRequestStyle",
    "ImageList",
    "ImageListUsage",
    "ImageResponseFormat",
    "ImageUrl",
    "ImageUrlContentPart",
    "ImageUrlDetail",
    "ImageVariationRequest",
    "InputAudio",
    "InputAudioContentPart",
    "InputAudioFormat",
    "InputJsonDelta",
    "InputMessage",
    "InputMessageRole",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "Message",
    "MessageBatch",
    "MessageBatchCanceledResult",
    "MessageBatchCreateRequest",
    "MessageBatchErroredResult",
    "MessageBatchExpiredResult",
    "MessageBatchIndividualResponse",
    "MessageBatchList",
    "MessageBatchRequestCounts",
    "MessageBatchRequestItem",
    "MessageBatchSucceededResult",
    "MessageCountTokensRequest",
    "MessageDelta",
    "MessageDeltaEvent",
    "MessageDeltaUsage",
    "MessageMetadata",
    "MessageRequest",
    "MessageStartEvent",
    "MessageStopEvent",
    "MessageStreamEvent",
    "MessageTokensCount",
    "MessageTool",
    "MessageToolChoice",
    "MessageToolChoiceType",
    "MessageToolInputSchema",
    "MessageUsage",
    "Model",
    "ModelCapabilities",
    "ModelCapabilitiesProviderSpecific",
    "ModelList",
    "ModelMetadata",
    "Moderation",
    "ModerationRequest",
    "ModerationResult",
    "ModerationResultCategories",
    "ModerationResultCategoryAppliedInputTypes",
    "ModerationResultCategoryScores",
    "NamedToolChoice",
    "PingEvent",
    "PromptTokensDetails",
    "Promptshield",
    "ProviderStatus",
    "ProviderStatusList",
    "RedactedThinkingBlock",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "SignatureDelta",
    "SpeechRequest",
    "SpeechRequestResponseFormat",
    "StreamOptions",
    "TextBlock",
    "TextContentPart",
    "TextDelta",
    "ThinkingBlock",
    "ThinkingConfigDisabled",
    "ThinkingConfigEnabled",
    "ThinkingDelta",
    "Tool",
    "ToolCall",
    "ToolCallDelta",
    "ToolChoiceType0",
    "ToolResultBlock",
    "ToolUseBlock",
    "ToolUseBlockInput",
    "Transcription",
    "TranscriptionFormat",
    "TranscriptionRequest",
    "TranscriptionSegment",
    "TranscriptionWord",
    "TranslationRequest",
    "UnknownContentBlock",
    "UnknownContentBlockDelta",
    "UnknownContentPart",
    "UnknownInputContentBlock",
    "UnknownMessageBatchResult",
    "UnknownMessageStreamData",
    "UnknownToolResultContentBlock",
    "UrlImageSource",
    "Usage",
    "UsageAggregate",
    "VirtualModel",
    "VirtualModelList",
    "VirtualModelTarget",
)
