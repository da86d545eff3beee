"""Python SDK for Zaguan CoreX, the AI gateway: one OpenAI-compatible API for 15+ providers.

>>> from zaguan import ZaguanClient
>>> client = ZaguanClient(api_key="...", base_url="http://localhost:8080")
>>> client.chat(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])

The models it returns are those of `zaguan_corex_client.models`, generated from the
CoreX contract; `zaguan.types` re-exports the everyday ones (``from zaguan.types import
ChatCompletion``) and is imported only by those who import it.
"""

import typing as _typing

from ._client import ZaguanClient
from ._config import InsecureTransportWarning
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
    ContentFilterFinishReasonError,
    InsufficientCreditsError,
    InternalServerError,
    LengthFinishReasonError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    StreamError,
    StructuredOutputError,
    ToolCallError,
    ToolRoundsExceededError,
    UnprocessableEntityError,
    ZaguanError,
)
from ._http import DefaultAsyncHttpxClient, DefaultHttpxClient
from ._observe._events import (
    AttemptResponse,
    AttemptStart,
    CallEnd,
    CallFailed,
    CallInfo,
    RetryScheduled,
    Summary,
)
from ._observe._hooks import Hooks
from ._observe._log import setup_from_env as _setup_logging
from ._raw import RawResponse
from ._request import RequestOptions
from ._streams._download import AsyncBinaryStream, BinaryStream
from ._streams._shells import AsyncMessageStream, AsyncStream, MessageStream, Stream
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
    "RateLimit",
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
    from ._observe._otel import OpenTelemetryHooks
    from ._params import ChatParams, HistoryParams, ParseParams, RunToolsParams, StatsParams
    from ._ratelimit import RateLimit
    from .lib._conversation import Conversation, approx_tokens
    from .lib._parse import (
        ParsedChatCompletion,
        ParsedChatCompletionMessage,
        ParsedChoice,
    )
    from .lib._reasoning import Reasoned, reasoning_of, reasoning_tokens, split_reasoning
    from .lib._tools import (
        FunctionTool,
        ToolRunResult,
        function_tool,
    )

# Loaded on first use: the async client imports asyncio (~35 ms); the rest build on the
# generated models, which load attrs (~20 ms): `import zaguan` pays for neither.
_LAZY = {
    "AsyncZaguanClient": "_async_client",
    "OpenTelemetryHooks": "_observe._otel",  # needs no OpenTelemetry until its first call
    "RateLimit": "_ratelimit",  # with the limiter, only for clients that have a rate limit
    **dict.fromkeys(
        ("ChatParams", "HistoryParams", "ParseParams", "RunToolsParams", "StatsParams"), "_params"
    ),
    **dict.fromkeys(("Conversation", "approx_tokens"), "lib._conversation"),
    **dict.fromkeys(
        (
            "ParsedChatCompletion",
            "ParsedChatCompletionMessage",
            "ParsedChoice",
        ),
        "lib._parse",
    ),
    **dict.fromkeys(
        ("Reasoned", "reasoning_of", "reasoning_tokens", "split_reasoning"), "lib._reasoning"
    ),
    **dict.fromkeys(
        (
            "FunctionTool",
            "ToolRunResult",
            "function_tool",
        ),
        "lib._tools",
    ),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'zaguan' has no attribute {name!r}")
    import importlib  # noqa: PLC0415  # loaded already by the import system

    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted(__all__)
