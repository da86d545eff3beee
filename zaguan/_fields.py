"""Typed keywords of the helpers that take a chat's fields and one of them in another form
(`chat_parse`'s ``response_format`` is a type; `run_tools`' ``tools`` are functions and its
``messages`` may be a `Conversation`).

mypy refuses a keyword that is also a key of the ``**`` TypedDict, so the chat fields are
restated here less those keys; tests/helpers/test_fields.py keeps them equal to `ChatParams`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Required

from ._request import RequestOptions

if TYPE_CHECKING:
    from zaguan_corex_client.models import (
        AudioOutputParams,
        AudioOutputParamsParam,
        ChatCompletionFieldsLogitBiasParam,
        ChatCompletionFieldsMetadataParam,
        ChatCompletionFieldsModalitiesItem,
        ChatCompletionFieldsProviderSpecificParamsParam,
        ChatCompletionFieldsReasoningEffort,
        ChatCompletionFieldsVerbosity,
        ChatMessage,
        ChatMessageParam,
        NamedToolChoice,
        NamedToolChoiceParam,
        ResponseFormatJsonObject,
        ResponseFormatJsonObjectParam,
        ResponseFormatJsonSchema,
        ResponseFormatJsonSchemaParam,
        ResponseFormatText,
        ResponseFormatTextParam,
        StreamOptions,
        StreamOptionsParam,
        Tool,
        ToolChoiceType0,
        ToolParam,
    )


class _CommonParams(RequestOptions, total=False):
    """`ChatParams` less ``messages``, ``tools`` and ``response_format``."""

    model: Required[str]
    temperature: float
    top_p: float
    max_tokens: int
    max_completion_tokens: int
    n: int
    stop: str | Sequence[str]
    presence_penalty: float
    frequency_penalty: float
    logit_bias: ChatCompletionFieldsLogitBiasParam
    logprobs: bool
    top_logprobs: int
    seed: int
    user: str
    stream_options: StreamOptionsParam | StreamOptions
    tool_choice: ToolChoiceType0 | NamedToolChoiceParam | NamedToolChoice
    parallel_tool_calls: bool
    modalities: Sequence[ChatCompletionFieldsModalitiesItem]
    audio: AudioOutputParamsParam | AudioOutputParams
    reasoning_effort: ChatCompletionFieldsReasoningEffort
    store: bool
    metadata: ChatCompletionFieldsMetadataParam
    verbosity: ChatCompletionFieldsVerbosity
    provider_specific_params: ChatCompletionFieldsProviderSpecificParamsParam
    thinking: bool
    virtual_model_id: str


class ParseParams(_CommonParams, total=False):
    """The keywords of `chat_parse` besides ``response_format``: those of `chat`."""

    messages: Required[Sequence[ChatMessageParam | ChatMessage]]
    tools: Sequence[ToolParam | Tool]


class RunToolsParams(_CommonParams, total=False):
    """The keywords of `run_tools` besides ``messages`` and ``tools``: those of `chat`."""

    response_format: (
        ResponseFormatTextParam
        | ResponseFormatText
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchemaParam
        | ResponseFormatJsonSchema
    )
