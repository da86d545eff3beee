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
    RequestValidationError,
    StreamError,
    UnprocessableEntityError,
    ZaguanError,
)
from ._http import DefaultAsyncHttpxClient, DefaultHttpxClient
from ._log import setup_from_env as _setup_logging
from ._raw import RawResponse
from ._request import RequestOptions
from ._streaming import AsyncMessageStream, AsyncStream, MessageStream, Stream
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
    "AuthenticationError",
    "BadRequestError",
    "BandAccessDeniedError",
    "BinaryStream",
    "ChatParams",
    "ConfigurationError",
    "ConflictError",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "HistoryParams",
    "InsecureTransportWarning",
    "InsufficientCreditsError",
    "InternalServerError",
    "MessageStream",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "RequestValidationError",
    "StatsParams",
    "Stream",
    "StreamError",
    "UnprocessableEntityError",
    "ZaguanClient",
    "ZaguanError",
    "__version__",
]

_setup_logging()

if _typing.TYPE_CHECKING:
    from ._async_client import AsyncZaguanClient
    from ._params import ChatParams, HistoryParams, StatsParams

_PARAMS = frozenset({"ChatParams", "HistoryParams", "StatsParams"})


def __getattr__(name: str) -> object:
    # The async client imports asyncio (~35 ms): paid only by those who use it.
    if name == "AsyncZaguanClient":
        from ._async_client import AsyncZaguanClient  # noqa: PLC0415  # lazy on purpose

        return AsyncZaguanClient
    if name in _PARAMS:  # TypedDicts built on the generated models, which load attrs (~20 ms)
        from . import _params  # noqa: PLC0415  # lazy on purpose

        return getattr(_params, name)
    raise AttributeError(f"module 'zaguan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
