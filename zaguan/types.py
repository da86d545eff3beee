"""The everyday types of CoreX results and requests, without naming the generated package.

These are the classes generated from the contract into `zaguan_corex_client.models`, under the
same names: ``zaguan.types.ChatCompletion is zaguan_corex_client.models.ChatCompletion``, and
`ResultList` and `ResultBytes`, the list and bytes results (``list_models()``,
``create_speech()``) that carry ``_request_id`` too. The
rarer ones (content parts, tool definitions, response formats, ...) stay only there.

>>> from zaguan.types import ChatCompletion, ChatCompletionMessage
>>> def first_message(reply: ChatCompletion) -> ChatCompletionMessage:
...     return reply.choices[0].message

``import zaguan`` does not import this module: importing it loads these model classes.
"""

from zaguan_corex_client.models import (
    Batch,
    BatchRequestCounts,
    BatchRequestInput,
    BatchRequestOutput,
    ChatCompletion,
    ChatCompletionChoice,
    ChatCompletionChunk,
    ChatCompletionChunkChoice,
    ChatCompletionDelta,
    ChatCompletionMessage,
    ChatCompletionRequest,
    ChatMessage,
    CompletionTokensDetails,
    CreditsBalance,
    CreditsHistory,
    CreditsHistoryEntry,
    CreditsStats,
    FileObject,
    FunctionCall,
    Health,
    Model,
    ModelCapabilities,
    Promptshield,
    PromptTokensDetails,
    ToolCall,
    ToolCallDelta,
    Usage,
)

from ._results import ResultBytes, ResultList

__all__ = [
    "Batch",
    "BatchRequestCounts",
    "BatchRequestInput",
    "BatchRequestOutput",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionDelta",
    "ChatCompletionMessage",
    "ChatCompletionRequest",
    "ChatMessage",
    "CompletionTokensDetails",
    "CreditsBalance",
    "CreditsHistory",
    "CreditsHistoryEntry",
    "CreditsStats",
    "FileObject",
    "FunctionCall",
    "Health",
    "Model",
    "ModelCapabilities",
    "PromptTokensDetails",
    "Promptshield",
    "ResultBytes",
    "ResultList",
    "ToolCall",
    "ToolCallDelta",
    "Usage",
]
