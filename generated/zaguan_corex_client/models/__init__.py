"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing the package, or one model, does
not import them all. Each model `X` comes with `XParam`, the TypedDict of its JSON keys
(openapi/templates/model_param.jinja). (A project template: openapi/templates/models_init.py.jinja.)
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .audio_output_params import AudioOutputParams, AudioOutputParamsParam
    from .base_64_image_source import Base64ImageSource, Base64ImageSourceParam
    from .base_64_image_source_media_type import Base64ImageSourceMediaType
    from .batch import Batch, BatchParam
    from .batch_create_request import BatchCreateRequest, BatchCreateRequestParam
    from .batch_create_request_completion_window import (
        BatchCreateRequestCompletionWindow,
    )
    from .batch_endpoint import BatchEndpoint
    from .batch_error import BatchError, BatchErrorParam
    from .batch_errors import BatchErrors, BatchErrorsParam
    from .batch_list import BatchList, BatchListParam
    from .batch_metadata import BatchMetadata, BatchMetadataParam
    from .batch_request_counts import BatchRequestCounts, BatchRequestCountsParam
    from .batch_request_error import BatchRequestError, BatchRequestErrorParam
    from .batch_request_input import BatchRequestInput, BatchRequestInputParam
    from .batch_request_input_body import (
        BatchRequestInputBody,
        BatchRequestInputBodyParam,
    )
    from .batch_request_input_method import BatchRequestInputMethod
    from .batch_request_output import BatchRequestOutput, BatchRequestOutputParam
    from .batch_response import BatchResponse, BatchResponseParam
    from .batch_response_body import BatchResponseBody, BatchResponseBodyParam
    from .cache_control import CacheControl, CacheControlParam
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
    from .content_block_delta_event import (
        ContentBlockDeltaEvent,
        ContentBlockDeltaEventParam,
    )
    from .content_block_start_event import (
        ContentBlockStartEvent,
        ContentBlockStartEventParam,
    )
    from .content_block_stop_event import (
        ContentBlockStopEvent,
        ContentBlockStopEventParam,
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
    from .embedding import Embedding, EmbeddingParam
    from .embedding_list import EmbeddingList, EmbeddingListParam
    from .embedding_request import EmbeddingRequest, EmbeddingRequestParam
    from .embedding_request_encoding_format import EmbeddingRequestEncodingFormat
    from .embedding_usage import EmbeddingUsage, EmbeddingUsageParam
    from .error_detail import ErrorDetail, ErrorDetailParam
    from .error_event import ErrorEvent, ErrorEventParam
    from .error_response import ErrorResponse, ErrorResponseParam
    from .file_create_request import FileCreateRequest, FileCreateRequestParam
    from .file_deleted import FileDeleted, FileDeletedParam
    from .file_list import FileList, FileListParam
    from .file_object import FileObject, FileObjectParam
    from .file_purpose import FilePurpose
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
    from .image import Image, ImageParam
    from .image_block import ImageBlock, ImageBlockParam
    from .image_edit_request import ImageEditRequest, ImageEditRequestParam
    from .image_generation_request import (
        ImageGenerationRequest,
        ImageGenerationRequestParam,
    )
    from .image_generation_request_style import ImageGenerationRequestStyle
    from .image_list import ImageList, ImageListParam
    from .image_list_usage import ImageListUsage, ImageListUsageParam
    from .image_response_format import ImageResponseFormat
    from .image_url import ImageUrl, ImageUrlParam
    from .image_url_content_part import ImageUrlContentPart, ImageUrlContentPartParam
    from .image_url_detail import ImageUrlDetail
    from .image_variation_request import (
        ImageVariationRequest,
        ImageVariationRequestParam,
    )
    from .input_audio import InputAudio, InputAudioParam
    from .input_audio_content_part import (
        InputAudioContentPart,
        InputAudioContentPartParam,
    )
    from .input_audio_format import InputAudioFormat
    from .input_json_delta import InputJsonDelta, InputJsonDeltaParam
    from .input_message import InputMessage, InputMessageParam
    from .input_message_role import InputMessageRole
    from .json_schema_format import JsonSchemaFormat, JsonSchemaFormatParam
    from .json_schema_format_schema import (
        JsonSchemaFormatSchema,
        JsonSchemaFormatSchemaParam,
    )
    from .list_files_order import ListFilesOrder
    from .message import Message, MessageParam
    from .message_batch import MessageBatch, MessageBatchParam
    from .message_batch_canceled_result import (
        MessageBatchCanceledResult,
        MessageBatchCanceledResultParam,
    )
    from .message_batch_create_request import (
        MessageBatchCreateRequest,
        MessageBatchCreateRequestParam,
    )
    from .message_batch_errored_result import (
        MessageBatchErroredResult,
        MessageBatchErroredResultParam,
    )
    from .message_batch_expired_result import (
        MessageBatchExpiredResult,
        MessageBatchExpiredResultParam,
    )
    from .message_batch_individual_response import (
        MessageBatchIndividualResponse,
        MessageBatchIndividualResponseParam,
    )
    from .message_batch_list import MessageBatchList, MessageBatchListParam
    from .message_batch_request_counts import (
        MessageBatchRequestCounts,
        MessageBatchRequestCountsParam,
    )
    from .message_batch_request_item import (
        MessageBatchRequestItem,
        MessageBatchRequestItemParam,
    )
    from .message_batch_succeeded_result import (
        MessageBatchSucceededResult,
        MessageBatchSucceededResultParam,
    )
    from .message_count_tokens_request import (
        MessageCountTokensRequest,
        MessageCountTokensRequestParam,
    )
    from .message_delta import MessageDelta, MessageDeltaParam
    from .message_delta_event import MessageDeltaEvent, MessageDeltaEventParam
    from .message_delta_usage import MessageDeltaUsage, MessageDeltaUsageParam
    from .message_metadata import MessageMetadata, MessageMetadataParam
    from .message_request import MessageRequest, MessageRequestParam
    from .message_start_event import MessageStartEvent, MessageStartEventParam
    from .message_stop_event import MessageStopEvent, MessageStopEventParam
    from .message_stream_event import MessageStreamEvent, MessageStreamEventParam
    from .message_tokens_count import MessageTokensCount, MessageTokensCountParam
    from .message_tool import MessageTool, MessageToolParam
    from .message_tool_choice import MessageToolChoice, MessageToolChoiceParam
    from .message_tool_choice_type import MessageToolChoiceType
    from .message_tool_input_schema import (
        MessageToolInputSchema,
        MessageToolInputSchemaParam,
    )
    from .message_usage import MessageUsage, MessageUsageParam
    from .model import Model, ModelParam
    from .model_capabilities import ModelCapabilities, ModelCapabilitiesParam
    from .model_capabilities_provider_specific import (
        ModelCapabilitiesProviderSpecific,
        ModelCapabilitiesProviderSpecificParam,
    )
    from .model_list import ModelList, ModelListParam
    from .model_metadata import ModelMetadata, ModelMetadataParam
    from .moderation import Moderation, ModerationParam
    from .moderation_request import ModerationRequest, ModerationRequestParam
    from .moderation_result import ModerationResult, ModerationResultParam
    from .moderation_result_categories import (
        ModerationResultCategories,
        ModerationResultCategoriesParam,
    )
    from .moderation_result_category_applied_input_types import (
        ModerationResultCategoryAppliedInputTypes,
        ModerationResultCategoryAppliedInputTypesParam,
    )
    from .moderation_result_category_scores import (
        ModerationResultCategoryScores,
        ModerationResultCategoryScoresParam,
    )
    from .named_tool_choice import NamedToolChoice, NamedToolChoiceParam
    from .ping_event import PingEvent, PingEventParam
    from .prompt_tokens_details import PromptTokensDetails, PromptTokensDetailsParam
    from .promptshield import Promptshield, PromptshieldParam
    from .provider_status import ProviderStatus, ProviderStatusParam
    from .provider_status_list import ProviderStatusList, ProviderStatusListParam
    from .redacted_thinking_block import (
        RedactedThinkingBlock,
        RedactedThinkingBlockParam,
    )
    from .response_format_json_object import (
        ResponseFormatJsonObject,
        ResponseFormatJsonObjectParam,
    )
    from .response_format_json_schema import (
        ResponseFormatJsonSchema,
        ResponseFormatJsonSchemaParam,
    )
    from .response_format_text import ResponseFormatText, ResponseFormatTextParam
    from .signature_delta import SignatureDelta, SignatureDeltaParam
    from .speech_request import SpeechRequest, SpeechRequestParam
    from .speech_request_response_format import SpeechRequestResponseFormat
    from .stream_options import StreamOptions, StreamOptionsParam
    from .text_block import TextBlock, TextBlockParam
    from .text_content_part import TextContentPart, TextContentPartParam
    from .text_delta import TextDelta, TextDeltaParam
    from .thinking_block import ThinkingBlock, ThinkingBlockParam
    from .thinking_config_disabled import (
        ThinkingConfigDisabled,
        ThinkingConfigDisabledParam,
    )
    from .thinking_config_enabled import (
        ThinkingConfigEnabled,
        ThinkingConfigEnabledParam,
    )
    from .thinking_delta import ThinkingDelta, ThinkingDeltaParam
    from .tool import Tool, ToolParam
    from .tool_call import ToolCall, ToolCallParam
    from .tool_call_delta import ToolCallDelta, ToolCallDeltaParam
    from .tool_choice_type_0 import ToolChoiceType0
    from .tool_result_block import ToolResultBlock, ToolResultBlockParam
    from .tool_use_block import ToolUseBlock, ToolUseBlockParam
    from .tool_use_block_input import ToolUseBlockInput, ToolUseBlockInputParam
    from .transcription import Transcription, TranscriptionParam
    from .transcription_format import TranscriptionFormat
    from .transcription_request import TranscriptionRequest, TranscriptionRequestParam
    from .transcription_segment import TranscriptionSegment, TranscriptionSegmentParam
    from .transcription_word import TranscriptionWord, TranscriptionWordParam
    from .translation_request import TranslationRequest, TranslationRequestParam
    from .unknown_content_block import UnknownContentBlock, UnknownContentBlockParam
    from .unknown_content_block_delta import (
        UnknownContentBlockDelta,
        UnknownContentBlockDeltaParam,
    )
    from .unknown_content_part import UnknownContentPart, UnknownContentPartParam
    from .unknown_input_content_block import (
        UnknownInputContentBlock,
        UnknownInputContentBlockParam,
    )
    from .unknown_message_batch_result import (
        UnknownMessageBatchResult,
        UnknownMessageBatchResultParam,
    )
    from .unknown_message_stream_data import (
        UnknownMessageStreamData,
        UnknownMessageStreamDataParam,
    )
    from .unknown_tool_result_content_block import (
        UnknownToolResultContentBlock,
        UnknownToolResultContentBlockParam,
    )
    from .url_image_source import UrlImageSource, UrlImageSourceParam
    from .usage import Usage, UsageParam
    from .usage_aggregate import UsageAggregate, UsageAggregateParam
    from .virtual_model import VirtualModel, VirtualModelParam
    from .virtual_model_list import VirtualModelList, VirtualModelListParam
    from .virtual_model_target import VirtualModelTarget, VirtualModelTargetParam

_MODULES = {
    "AudioOutputParams": ".audio_output_params",
    "Base64ImageSource": ".base_64_image_source",
    "Base64ImageSourceMediaType": ".base_64_image_source_media_type",
    "Batch": ".batch",
    "BatchCreateRequest": ".batch_create_request",
    "BatchCreateRequestCompletionWindow": ".batch_create_request_completion_window",
    "BatchEndpoint": ".batch_endpoint",
    "BatchError": ".batch_error",
    "BatchErrors": ".batch_errors",
    "BatchList": ".batch_list",
    "BatchMetadata": ".batch_metadata",
    "BatchRequestCounts": ".batch_request_counts",
    "BatchRequestError": ".batch_request_error",
    "BatchRequestInput": ".batch_request_input",
    "BatchRequestInputBody": ".batch_request_input_body",
    "BatchRequestInputMethod": ".batch_request_input_method",
    "BatchRequestOutput": ".batch_request_output",
    "BatchResponse": ".batch_response",
    "BatchResponseBody": ".batch_response_body",
    "CacheControl": ".cache_control",
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
    "FileCreateRequest": ".file_create_request",
    "FileDeleted": ".file_deleted",
    "FileList": ".file_list",
    "FileObject": ".file_object",
    "FilePurpose": ".file_purpose",
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
    "ListFilesOrder": ".list_files_order",
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
    "EmbeddingRequestParam": ".embedding_request",
    "EmbeddingListParam": ".embedding_list",
    "EmbeddingParam": ".embedding",
    "EmbeddingUsageParam": ".embedding_usage",
    "ModerationRequestParam": ".moderation_request",
    "ModerationParam": ".moderation",
    "ModerationResultParam": ".moderation_result",
    "TranscriptionRequestParam": ".transcription_request",
    "TranslationRequestParam": ".translation_request",
    "TranscriptionParam": ".transcription",
    "TranscriptionSegmentParam": ".transcription_segment",
    "TranscriptionWordParam": ".transcription_word",
    "SpeechRequestParam": ".speech_request",
    "ImageGenerationRequestParam": ".image_generation_request",
    "ImageEditRequestParam": ".image_edit_request",
    "ImageVariationRequestParam": ".image_variation_request",
    "ImageListParam": ".image_list",
    "ImageParam": ".image",
    "MessageRequestParam": ".message_request",
    "MessageCountTokensRequestParam": ".message_count_tokens_request",
    "MessageTokensCountParam": ".message_tokens_count",
    "InputMessageParam": ".input_message",
    "UnknownInputContentBlockParam": ".unknown_input_content_block",
    "ImageBlockParam": ".image_block",
    "Base64ImageSourceParam": ".base_64_image_source",
    "UrlImageSourceParam": ".url_image_source",
    "ToolResultBlockParam": ".tool_result_block",
    "UnknownToolResultContentBlockParam": ".unknown_tool_result_content_block",
    "CacheControlParam": ".cache_control",
    "MessageMetadataParam": ".message_metadata",
    "MessageToolParam": ".message_tool",
    "MessageToolChoiceParam": ".message_tool_choice",
    "ThinkingConfigEnabledParam": ".thinking_config_enabled",
    "ThinkingConfigDisabledParam": ".thinking_config_disabled",
    "MessageParam": ".message",
    "MessageUsageParam": ".message_usage",
    "TextBlockParam": ".text_block",
    "ThinkingBlockParam": ".thinking_block",
    "RedactedThinkingBlockParam": ".redacted_thinking_block",
    "ToolUseBlockParam": ".tool_use_block",
    "UnknownContentBlockParam": ".unknown_content_block",
    "MessageStreamEventParam": ".message_stream_event",
    "MessageStartEventParam": ".message_start_event",
    "ContentBlockStartEventParam": ".content_block_start_event",
    "ContentBlockDeltaEventParam": ".content_block_delta_event",
    "TextDeltaParam": ".text_delta",
    "ThinkingDeltaParam": ".thinking_delta",
    "SignatureDeltaParam": ".signature_delta",
    "InputJsonDeltaParam": ".input_json_delta",
    "UnknownContentBlockDeltaParam": ".unknown_content_block_delta",
    "ContentBlockStopEventParam": ".content_block_stop_event",
    "MessageDeltaEventParam": ".message_delta_event",
    "MessageDeltaParam": ".message_delta",
    "MessageDeltaUsageParam": ".message_delta_usage",
    "MessageStopEventParam": ".message_stop_event",
    "PingEventParam": ".ping_event",
    "ErrorEventParam": ".error_event",
    "UnknownMessageStreamDataParam": ".unknown_message_stream_data",
    "MessageBatchCreateRequestParam": ".message_batch_create_request",
    "MessageBatchRequestItemParam": ".message_batch_request_item",
    "MessageBatchParam": ".message_batch",
    "MessageBatchRequestCountsParam": ".message_batch_request_counts",
    "MessageBatchListParam": ".message_batch_list",
    "MessageBatchIndividualResponseParam": ".message_batch_individual_response",
    "MessageBatchSucceededResultParam": ".message_batch_succeeded_result",
    "MessageBatchErroredResultParam": ".message_batch_errored_result",
    "MessageBatchCanceledResultParam": ".message_batch_canceled_result",
    "MessageBatchExpiredResultParam": ".message_batch_expired_result",
    "UnknownMessageBatchResultParam": ".unknown_message_batch_result",
    "FileCreateRequestParam": ".file_create_request",
    "FileObjectParam": ".file_object",
    "FileListParam": ".file_list",
    "FileDeletedParam": ".file_deleted",
    "BatchCreateRequestParam": ".batch_create_request",
    "BatchMetadataParam": ".batch_metadata",
    "BatchParam": ".batch",
    "BatchRequestCountsParam": ".batch_request_counts",
    "BatchErrorsParam": ".batch_errors",
    "BatchErrorParam": ".batch_error",
    "BatchListParam": ".batch_list",
    "BatchRequestInputParam": ".batch_request_input",
    "BatchRequestOutputParam": ".batch_request_output",
    "BatchResponseParam": ".batch_response",
    "BatchRequestErrorParam": ".batch_request_error",
    "ProviderStatusListParam": ".provider_status_list",
    "ProviderStatusParam": ".provider_status",
    "VirtualModelListParam": ".virtual_model_list",
    "VirtualModelParam": ".virtual_model",
    "VirtualModelTargetParam": ".virtual_model_target",
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
    "ModerationResultCategoriesParam": ".moderation_result_categories",
    "ModerationResultCategoryScoresParam": ".moderation_result_category_scores",
    "ModerationResultCategoryAppliedInputTypesParam": ".moderation_result_category_applied_input_types",
    "ImageListUsageParam": ".image_list_usage",
    "MessageToolInputSchemaParam": ".message_tool_input_schema",
    "ToolUseBlockInputParam": ".tool_use_block_input",
    "BatchRequestInputBodyParam": ".batch_request_input_body",
    "BatchResponseBodyParam": ".batch_response_body",
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
    "Base64ImageSource",
    "Base64ImageSourceMediaType",
    "Base64ImageSourceParam",
    "Batch",
    "BatchCreateRequest",
    "BatchCreateRequestCompletionWindow",
    "BatchCreateRequestParam",
    "BatchEndpoint",
    "BatchError",
    "BatchErrorParam",
    "BatchErrors",
    "BatchErrorsParam",
    "BatchList",
    "BatchListParam",
    "BatchMetadata",
    "BatchMetadataParam",
    "BatchParam",
    "BatchRequestCounts",
    "BatchRequestCountsParam",
    "BatchRequestError",
    "BatchRequestErrorParam",
    "BatchRequestInput",
    "BatchRequestInputBody",
    "BatchRequestInputBodyParam",
    "BatchRequestInputMethod",
    "BatchRequestInputParam",
    "BatchRequestOutput",
    "BatchRequestOutputParam",
    "BatchResponse",
    "BatchResponseBody",
    "BatchResponseBodyParam",
    "BatchResponseParam",
    "CacheControl",
    "CacheControlParam",
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
    "ContentBlockDeltaEvent",
    "ContentBlockDeltaEventParam",
    "ContentBlockStartEvent",
    "ContentBlockStartEventParam",
    "ContentBlockStopEvent",
    "ContentBlockStopEventParam",
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
    "Embedding",
    "EmbeddingList",
    "EmbeddingListParam",
    "EmbeddingParam",
    "EmbeddingRequest",
    "EmbeddingRequestEncodingFormat",
    "EmbeddingRequestParam",
    "EmbeddingUsage",
    "EmbeddingUsageParam",
    "ErrorDetail",
    "ErrorDetailParam",
    "ErrorEvent",
    "ErrorEventParam",
    "ErrorResponse",
    "ErrorResponseParam",
    "FileCreateRequest",
    "FileCreateRequestParam",
    "FileDeleted",
    "FileDeletedParam",
    "FileList",
    "FileListParam",
    "FileObject",
    "FileObjectParam",
    "FilePurpose",
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
    "Image",
    "ImageBlock",
    "ImageBlockParam",
    "ImageEditRequest",
    "ImageEditRequestParam",
    "ImageGenerationRequest",
    "ImageGenerationRequestParam",
    "ImageGenerationRequestStyle",
    "ImageList",
    "ImageListParam",
    "ImageListUsage",
    "ImageListUsageParam",
    "ImageParam",
    "ImageResponseFormat",
    "ImageUrl",
    "ImageUrlContentPart",
    "ImageUrlContentPartParam",
    "ImageUrlDetail",
    "ImageUrlParam",
    "ImageVariationRequest",
    "ImageVariationRequestParam",
    "InputAudio",
    "InputAudioContentPart",
    "InputAudioContentPartParam",
    "InputAudioFormat",
    "InputAudioParam",
    "InputJsonDelta",
    "InputJsonDeltaParam",
    "InputMessage",
    "InputMessageParam",
    "InputMessageRole",
    "JsonSchemaFormat",
    "JsonSchemaFormatParam",
    "JsonSchemaFormatSchema",
    "JsonSchemaFormatSchemaParam",
    "ListFilesOrder",
    "Message",
    "MessageBatch",
    "MessageBatchCanceledResult",
    "MessageBatchCanceledResultParam",
    "MessageBatchCreateRequest",
    "MessageBatchCreateRequestParam",
    "MessageBatchErroredResult",
    "MessageBatchErroredResultParam",
    "MessageBatchExpiredResult",
    "MessageBatchExpiredResultParam",
    "MessageBatchIndividualResponse",
    "MessageBatchIndividualResponseParam",
    "MessageBatchList",
    "MessageBatchListParam",
    "MessageBatchParam",
    "MessageBatchRequestCounts",
    "MessageBatchRequestCountsParam",
    "MessageBatchRequestItem",
    "MessageBatchRequestItemParam",
    "MessageBatchSucceededResult",
    "MessageBatchSucceededResultParam",
    "MessageCountTokensRequest",
    "MessageCountTokensRequestParam",
    "MessageDelta",
    "MessageDeltaEvent",
    "MessageDeltaEventParam",
    "MessageDeltaParam",
    "MessageDeltaUsage",
    "MessageDeltaUsageParam",
    "MessageMetadata",
    "MessageMetadataParam",
    "MessageParam",
    "MessageRequest",
    "MessageRequestParam",
    "MessageStartEvent",
    "MessageStartEventParam",
    "MessageStopEvent",
    "MessageStopEventParam",
    "MessageStreamEvent",
    "MessageStreamEventParam",
    "MessageTokensCount",
    "MessageTokensCountParam",
    "MessageTool",
    "MessageToolChoice",
    "MessageToolChoiceParam",
    "MessageToolChoiceType",
    "MessageToolInputSchema",
    "MessageToolInputSchemaParam",
    "MessageToolParam",
    "MessageUsage",
    "MessageUsageParam",
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
    "Moderation",
    "ModerationParam",
    "ModerationRequest",
    "ModerationRequestParam",
    "ModerationResult",
    "ModerationResultCategories",
    "ModerationResultCategoriesParam",
    "ModerationResultCategoryAppliedInputTypes",
    "ModerationResultCategoryAppliedInputTypesParam",
    "ModerationResultCategoryScores",
    "ModerationResultCategoryScoresParam",
    "ModerationResultParam",
    "NamedToolChoice",
    "NamedToolChoiceParam",
    "PingEvent",
    "PingEventParam",
    "PromptTokensDetails",
    "PromptTokensDetailsParam",
    "Promptshield",
    "PromptshieldParam",
    "ProviderStatus",
    "ProviderStatusList",
    "ProviderStatusListParam",
    "ProviderStatusParam",
    "RedactedThinkingBlock",
    "RedactedThinkingBlockParam",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonObjectParam",
    "ResponseFormatJsonSchema",
    "ResponseFormatJsonSchemaParam",
    "ResponseFormatText",
    "ResponseFormatTextParam",
    "SignatureDelta",
    "SignatureDeltaParam",
    "SpeechRequest",
    "SpeechRequestParam",
    "SpeechRequestResponseFormat",
    "StreamOptions",
    "StreamOptionsParam",
    "TextBlock",
    "TextBlockParam",
    "TextContentPart",
    "TextContentPartParam",
    "TextDelta",
    "TextDeltaParam",
    "ThinkingBlock",
    "ThinkingBlockParam",
    "ThinkingConfigDisabled",
    "ThinkingConfigDisabledParam",
    "ThinkingConfigEnabled",
    "ThinkingConfigEnabledParam",
    "ThinkingDelta",
    "ThinkingDeltaParam",
    "Tool",
    "ToolCall",
    "ToolCallDelta",
    "ToolCallDeltaParam",
    "ToolCallParam",
    "ToolChoiceType0",
    "ToolParam",
    "ToolResultBlock",
    "ToolResultBlockParam",
    "ToolUseBlock",
    "ToolUseBlockInput",
    "ToolUseBlockInputParam",
    "ToolUseBlockParam",
    "Transcription",
    "TranscriptionFormat",
    "TranscriptionParam",
    "TranscriptionRequest",
    "TranscriptionRequestParam",
    "TranscriptionSegment",
    "TranscriptionSegmentParam",
    "TranscriptionWord",
    "TranscriptionWordParam",
    "TranslationRequest",
    "TranslationRequestParam",
    "UnknownContentBlock",
    "UnknownContentBlockDelta",
    "UnknownContentBlockDeltaParam",
    "UnknownContentBlockParam",
    "UnknownContentPart",
    "UnknownContentPartParam",
    "UnknownInputContentBlock",
    "UnknownInputContentBlockParam",
    "UnknownMessageBatchResult",
    "UnknownMessageBatchResultParam",
    "UnknownMessageStreamData",
    "UnknownMessageStreamDataParam",
    "UnknownToolResultContentBlock",
    "UnknownToolResultContentBlockParam",
    "UrlImageSource",
    "UrlImageSourceParam",
    "Usage",
    "UsageAggregate",
    "UsageAggregateParam",
    "UsageParam",
    "VirtualModel",
    "VirtualModelList",
    "VirtualModelListParam",
    "VirtualModelParam",
    "VirtualModelTarget",
    "VirtualModelTargetParam",
)
