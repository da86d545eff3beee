"""Python SDK for Zaguan CoreX, the AI gateway: one OpenAI-compatible API for 15+ providers.

>>> from zaguan import ZaguanClient
>>> client = ZaguanClient(api_key="...", base_url="http://localhost:8080")
>>> client.chat(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])

The models it returns are those of `zaguan_corex_client.models`, generated from the
CoreX contract; `zaguan.types` re-exports the everyday ones (``from zaguan.types import
ChatCompletion``) and is imported only by those who import it.
"""

import typing as _typing

from ._base import ChatParams
from ._client import ZaguanClient
from ._config import InsecureTransportWarning
from ._conversation import Conversation, approx_tokens
from ._download import AsyncBinaryStream, BinaryStream
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BandAccessDeniedError,
    ConfigurationError,
    ConflictError,
    InsufficientCreditsError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamError,
    UnprocessableEntityError,
    ZaguanError,
)
from ._fields import ParseParams, RunToolsParams
from ._hooks import (
    AttemptResponse,
    AttemptStart,
    CallEnd,
    CallFailed,
    CallInfo,
    Hooks,
    RetryScheduled,
    Summary,
)
from ._http import DefaultAsyncHttpxClient, DefaultHttpxClient
from ._log import setup_from_env as _setup_logging
from ._operations import HistoryParams, StatsParams
from ._parse import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    StructuredOutputError,
)
from ._raw import RawResponse
from ._reasoning import Reasoned, reasoning_of, reasoning_tokens, split_reasoning
from ._request import RequestOptions
from ._streaming import AsyncMessageStream, AsyncStream, MessageStream, Stream
from ._tools import (
    FunctionTool,
    ToolCallError,
    ToolRoundsExceededError,
    ToolRunResult,
    function_tool,
)
from ._validate import RequestValidationError
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncBinaryStream",
    "AsyncMessageStream",
    "AsyncStream",
    "AsyncZaguanClient",
    "AttemptResponse",
    "AttemptStart",
    "AuthenticationError",
    "BadRequestError",
    "BandAccessDeniedError",
    "BinaryStream",
    "CallEnd",
    "CallFailed",
    "CallInfo",
    "ChatParams",
    "ConfigurationError",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "Conversation",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "FunctionTool",
    "HistoryParams",
    "Hooks",
    "InsecureTransportWarning",
    "InsufficientCreditsError",
    "InternalServerError",
    "LengthFinishReasonError",
    "MessageStream",
    "NotFoundError",
    "OpenTelemetryHooks",
    "ParseParams",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "Reasoned",
    "RequestOptions",
    "RequestValidationError",
    "RetryScheduled",
    "RunToolsParams",
    "StatsParams",
    "Stream",
    "StreamError",
    "StructuredOutputError",
    "Summary",
    "ToolCallError",
    "ToolRoundsExceededError",
    "ToolRunResult",
    "UnprocessableEntityError",
    "ZaguanClient",
    "ZaguanError",
    "__version__",
    "approx_tokens",
    "function_tool",
    "reasoning_of",
    "reasoning_tokens",
    "split_reasoning",
]

_setup_logging()

if _typing.TYPE_CHECKING:
    from ._async_client import AsyncZaguanClient
    from ._otel import OpenTelemetryHooks


def __getattr__(name: str) -> object:
    # The async client imports asyncio (~35 ms): paid only by those who use it.
    if name == "AsyncZaguanClient":
        from ._async_client import AsyncZaguanClient  # noqa: PLC0415  # lazy on purpose

        return AsyncZaguanClient
    if name == "OpenTelemetryHooks":  # needs no OpenTelemetry until its first call, yet lazy
        from ._otel import OpenTelemetryHooks  # noqa: PLC0415  # lazy on purpose

        return OpenTelemetryHooks
    raise AttributeError(f"module 'zaguan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
