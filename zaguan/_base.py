"""What the sync and async clients share: configuration and building each method's call.

Nothing here does I/O. Each ``_*_call`` method turns a public method's arguments into
a `Call`; the clients only send it (`ZaguanClient`, `AsyncZaguanClient`).
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

import httpx2

from ._config import ApiKey, ClientConfig
from ._errors import ConfigurationError, RequestValidationError
from ._observe._hooks import Hooks, Observer
from ._operation import generated_models
from ._operations import Operations
from ._request import Call, RequestOptions, build_call, split_options

if TYPE_CHECKING:
    from zaguan_corex_client.models import ChatCompletion, ChatCompletionRequest

T = TypeVar("T")


@functools.cache
def _chat_route() -> dict[str, Any]:
    """The chat endpoint's method and path, from the generated client rather than retyped
    here; asked on the first chat call, so that ``import zaguan`` loads no generated code."""
    from zaguan_corex_client.api.chat import create_chat_completion  # noqa: PLC0415  # lazy

    kwargs = create_chat_completion._get_kwargs(
        body=generated_models().ChatCompletionRequest(model="", messages=[])
    )
    return {k: v for k, v in kwargs.items() if k in ("method", "url")}


class _Same(enum.Enum):
    SAME = "same"


SAME = _Same.SAME
"""`copy`'s default: the setting stays as it is (None is a value for some settings)."""


class BaseClient(Operations):
    """Configuration and pure request building, shared by both clients; the operations'
    methods come from `Operations`."""

    _http: httpx2.Client | httpx2.AsyncClient
    _config: ClientConfig

    def __repr__(self) -> str:  # the key never appears
        return f"{type(self).__name__}(base_url={self._config.base_url!r})"

    @property
    def base_url(self) -> str:
        """The CoreX base URL every path is appended to."""
        return self._config.base_url

    @property
    def timeout(self) -> httpx2.Timeout:
        """Each wait of an attempt: connect, read, write, pool."""
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        """Retries after a call's first attempt."""
        return self._config.max_retries

    @property
    def deadline(self) -> float | None:
        """Seconds a whole call may take, retries included (None: no deadline)."""
        return self._config.deadline

    @property
    def stream_idle_timeout(self) -> float | None:
        """Seconds a stream may go without an event (None: the read timeout)."""
        return self._config.stream_idle_timeout

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool has been closed."""
        return self._http.is_closed

    def copy(
        self,
        *,
        api_key: ApiKey | _Same = SAME,
        base_url: str | httpx2.URL | _Same = SAME,
        timeout: float | httpx2.Timeout | _Same = SAME,
        max_retries: int | _Same = SAME,
        deadline: float | _Same | None = SAME,
        stream_idle_timeout: float | _Same | None = SAME,
        default_headers: Mapping[str, str] | _Same = SAME,
        default_query: Mapping[str, Any] | _Same = SAME,
        hooks: Hooks | Sequence[Any] | _Same | None = SAME,
    ) -> Self:
        """A client with the given settings changed and the others kept, on this client's
        connection pool (closing the copy leaves the pool open; closing this client closes
        it). ``default_headers`` and ``default_query`` are added to this client's; ``hooks``
        replaces its hooks.

        >>> client.with_options(max_retries=5, deadline=30).chat(model=..., messages=...)
        """
        settings = self._config.settings()
        changes = {
            "api_key": api_key, "base_url": base_url, "timeout": timeout,
            "max_retries": max_retries, "deadline": deadline,
            "stream_idle_timeout": stream_idle_timeout, "hooks": hooks,
        }  # fmt: skip
        settings.update({name: value for name, value in changes.items() if value is not SAME})
        for name, more in (("default_headers", default_headers), ("default_query", default_query)):
            if more is not SAME:
                if not isinstance(more, Mapping):
                    raise ConfigurationError(f"{name} must be a mapping, got {type(more).__name__}")
                settings[name] = {**settings[name], **more}
        # Each client's own __init__ takes these (BaseClient declares none).
        make: Any = type(self)
        return cast(Self, make(http_client=self._http, **settings))

    with_options = copy

    def _observe(self, call: Call[Any]) -> Observer | None:
        """The call's dispatch to the hooks; None (nothing to call) without any."""
        hooks = self._config.dispatch
        if hooks is None:
            return None
        request = call.request
        return Observer(hooks, request, call.request_id, stream=call.stream,
                        max_retries=call.max_retries)  # fmt: skip

    def _chat_call(
        self, request: ChatCompletionRequest | None, fields: dict[str, Any], *, stream: bool
    ) -> Call[ChatCompletion]:
        options = split_options(fields)
        what = "chat_stream()" if stream else "chat()"
        body = _chat_body(request, fields, what)
        if "stream" in body and body["stream"] is not stream:
            other = "chat()" if stream else "chat_stream()"
            raise RequestValidationError(
                f"{what} got stream={body['stream']!r}: use {other} instead"
            )
        if stream:
            body = {**body, "stream": True}
        return build_call(
            self._http, self._config, _chat_route(), options,
            generated_models().ChatCompletion.from_dict,
            body=body, stream=stream,
        )  # fmt: skip

    def _custom_call(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        options: RequestOptions,
    ) -> Call[Any]:
        """A call to a path the contract does not have yet: the same headers, request id,
        retries and error mapping; the answer is its JSON (None for an empty body)."""
        if not isinstance(method, str) or method.upper() not in _METHODS:
            raise RequestValidationError(
                f"method must be one of {', '.join(_METHODS)}, got {method!r}"
            )
        route = {"method": method, "url": _custom_path(path), "params": dict(query or {})}
        if body is not None and not isinstance(body, Mapping):
            raise RequestValidationError(f"body must be a mapping (a JSON object), got {body!r}")
        return build_call(
            self._http, self._config, route, options, _json_or_none, body=body, raw=True
        )


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _custom_path(path: object) -> str:
    """``path`` if it stays under the base URL: absolute, no host, no query, no dot segment."""
    if (
        not isinstance(path, str)
        or not path.startswith("/")
        or path.startswith("//")
        or any(c in path for c in "?#\\")
        or not path.isascii()
        or not path.isprintable()
        or " " in path
        or any(segment in (".", "..") for segment in path.split("/"))
    ):
        raise RequestValidationError(
            "path must be an absolute path such as '/v1/new-endpoint' (no host, query, "
            f"spaces or dot segments; pass the query as query=), got {path!r}"
        )
    return path


def _json_or_none(response: httpx2.Response) -> Any:
    return json.loads(response.content) if response.content.strip() else None


def _chat_body(
    request: ChatCompletionRequest | None, fields: Mapping[str, Any], what: str
) -> dict[str, Any]:
    from ._validate import request_body  # noqa: PLC0415  # lazy: see generated_models

    request_class: type[ChatCompletionRequest] = generated_models().ChatCompletionRequest
    if request is None:
        return request_body(request_class, fields, what=what)
    if not isinstance(request, request_class):
        raise RequestValidationError(
            f"{what} takes a ChatCompletionRequest or keyword fields, got {type(request).__name__}"
        )
    if fields:
        raise RequestValidationError(
            f"{what} takes a ChatCompletionRequest or keyword fields, not both "
            f"(got {', '.join(sorted(fields))})"
        )
    return request.to_dict()
