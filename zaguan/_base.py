"""What the sync and async clients share: configuration, and building each method's call.

Nothing here does I/O. Every method's arguments become a `Call` through one path, its
`Operation` (chat included); the twins (`ZaguanClient`, `AsyncZaguanClient`) only send it,
and differ by ``await``: the in-flight cap, when a stream opens, awaiting async tools, and
closing are theirs.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, Self, TypeVar, cast

import httpx2

from ._attempts import Attempts
from ._body import Body
from ._config import ApiKey, ClientConfig, resolve_config
from ._connections import Connections
from ._errors import RequestValidationError
from ._habits import attach, habit_error
from ._http import check_http_client, default_settings
from ._observe._hooks import Hooks, Observer
from ._operation import Operation, from_dict
from ._operations import Operations
from ._prepare import HeaderCache
from ._raw import shown_raw
from ._redact import scrub, secrets_in
from ._request import Call, RequestOptions, build_call
from ._retry import DEFAULT_MAX_RETRIES
from ._signatures import signed

if TYPE_CHECKING:
    from zaguan_corex_client import AuthenticatedClient
    from zaguan_corex_client.models import ChatCompletion

    from ._ratelimit import RateLimit
    from .lib._parse import OutputType
    from .lib._tools import FunctionTool, ToolErrors, ToolRun

T = TypeVar("T")
H = TypeVar("H", httpx2.Client, httpx2.AsyncClient)
M = TypeVar("M", bound=Callable[..., Any])

CHAT: Final[Operation[ChatCompletion]] = Operation(
    "chat", "chat.create_chat_completion", from_dict("ChatCompletion"),
    body="ChatCompletionRequest",
)  # fmt: skip
"""``POST /v1/chat/completions``: `chat` and the helpers built on it."""
CHAT_STREAM: Final[Operation[ChatCompletion]] = dataclasses.replace(
    CHAT, name="chat_stream", stream=True
)
"""The same operation answered by an event stream: `chat_stream`."""


def written(method: M) -> M:
    """A method written by hand in a client, shown as the declared ones are (`_operation`): its
    ``**fields`` spelled out for `help()` and editors, openai's spellings beneath its name
    answered (``client.chat.completions``)."""
    attach(method, method.__name__)
    return signed(method)


class _Same(enum.Enum):
    SAME = "same"


SAME = _Same.SAME
"""`copy`'s default: the setting stays as it is (None is a value for some settings)."""


class BaseClient(Operations, Generic[H]):
    """Configuration and pure request building, shared by both clients; the operations'
    methods come from `Operations`. ``H`` is the httpx2 client the twin sends with."""

    _http_class: ClassVar[type[httpx2.Client] | type[httpx2.AsyncClient]]
    _other_client: ClassVar[str]
    """Said when the other flavour's http client is given (``" (async: AsyncZaguanClient)"``)."""
    _raw_class: ClassVar[type[BaseRawClient]]
    _config: ClientConfig

    def __init__(
        self,
        api_key: str | Callable[[], str] | None = None,
        *,
        base_url: str | httpx2.URL | None = None,
        timeout: float | httpx2.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        stream_idle_timeout: float | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, Any] | None = None,
        http_client: H | None = None,
        hooks: Hooks | Sequence[Any] | None = None,
        rate_limit: RateLimit | None = None,
    ) -> None:
        check_http_client(http_client, self._http_class, self._other_client)
        self._config = resolve_config(
            api_key=api_key, base_url=base_url, timeout=timeout,
            max_retries=max_retries, default_headers=default_headers, http_client=http_client,
            deadline=deadline, stream_idle_timeout=stream_idle_timeout, default_query=default_query,
            hooks=hooks, rate_limit=rate_limit,
        )  # fmt: skip
        self._header_cache = HeaderCache()  # see `_prepare.base_headers`
        self._owns_http = http_client is None
        """Whether `close` closes the pool: made here, not a caller's, nor a copy's."""
        self._connections: Connections[H] = Connections(
            http_client or self._new_http(), owned=http_client is None
        )
        self.with_raw_response = self._raw_class(self)
        """The same methods, returning a `RawResponse` (status, headers, request id, elapsed)."""

    def __repr__(self) -> str:  # the key never appears
        return f"{type(self).__name__}(base_url={self._config.base_url!r})"

    def __reduce__(self) -> tuple[Callable[..., Self], tuple[type[Self], dict[str, Any]]]:
        """Pickled as its settings: unpickled, a fresh client with its own pool (for
        `multiprocessing`, `concurrent.futures.ProcessPoolExecutor`) and, with a
        ``rate_limit``, its own budget of the same limits. The pickle holds the API key, as
        the client does: keep it where you would keep the key."""
        if not self._connections.owned:
            raise TypeError(
                f"A {type(self).__name__} on a caller's http_client cannot be pickled: an "
                "httpx2 client (its connections) cannot. Pickle one made without http_client="
                ", or make the client in the process that uses it."
            )
        settings = self._config.settings()
        for name in ("api_key", "hooks"):
            _check_picklable(settings[name], name)
        if settings.get("rate_limit") is not None:  # a budget counts one process's calls
            settings["rate_limit"] = settings["rate_limit"].limit
        return _restored, (type(self), settings)

    @property
    def _http(self) -> H:
        """The httpx2 client: the connection pool, shared with copies."""
        return self._connections.http

    def _new_http(self) -> H:
        return cast(H, self._http_class(**{**default_settings(), "timeout": self._config.timeout}))

    def _attempts(self, call: Call[T], observer: Observer | None = None) -> Attempts[T]:
        """The attempts of ``call`` by this client (``observer``: made here when None)."""
        return Attempts(call, observer or self._observe(call), self._connections, self)

    def _ending(self) -> list[Body]:
        """`close`'s first step: end the bodies still read on the pool it closes (its own
        only, when it does not close the pool), from any thread; returns them, to close."""
        return self._connections.end(None if self._owns_http else self)

    if not TYPE_CHECKING:  # for type checkers, a missing attribute stays an error

        def __getattr__(self, name: str) -> Any:
            raise habit_error(self, name)  # client.embeddings.create: "call create_embeddings"

    @cached_property
    def lowlevel(self) -> AuthenticatedClient:
        """The generated client, on this client's connection pool, key and timeout, for typed
        calls of `zaguan_corex_client.api` functions (no retries, no error mapping)."""
        from ._lowlevel import lowlevel_client  # noqa: PLC0415  # loads the generated client

        return lowlevel_client(self._config, self._http)

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
        rate_limit: RateLimit | _Same | None = SAME,
    ) -> Self:
        """A client with the given settings changed and the others kept, on this client's
        connection pool (closing the copy leaves the pool open; closing this client closes
        it). ``default_headers`` and ``default_query`` are added to this client's; ``hooks``
        replaces its hooks; the copy shares this client's rate limit, unless ``rate_limit``
        gives it its own (None: none).

        >>> client.with_options(max_retries=5, deadline=30).chat(model=..., messages=...)
        """
        from ._errors import ConfigurationError  # noqa: PLC0415  # loaded already

        settings = self._config.settings()
        changes = {
            "api_key": api_key, "base_url": base_url, "timeout": timeout,
            "max_retries": max_retries, "deadline": deadline,
            "stream_idle_timeout": stream_idle_timeout, "hooks": hooks, "rate_limit": rate_limit,
        }  # fmt: skip
        settings.update({name: value for name, value in changes.items() if value is not SAME})
        for name, more in (("default_headers", default_headers), ("default_query", default_query)):
            if more is not SAME:
                if not isinstance(more, Mapping):
                    raise ConfigurationError(f"{name} must be a mapping, got {type(more).__name__}")
                settings[name] = {**settings[name], **more}
        clone = type(self)(http_client=self._http, **settings)
        clone._connections = self._connections  # one pool: closing this client ends the copy's
        return clone

    with_options = copy

    @staticmethod
    def _shown_return(annotation: str) -> str:
        """What a declared method's signature says it returns (see `_operation._Declared`):
        the declaration's return type, which the async twin renames."""
        return annotation

    def _observe(self, call: Call[Any]) -> Observer | None:
        """The call's dispatch to the hooks; None (nothing to call) without any."""
        hooks = self._config.dispatch
        if hooks is None:
            return None
        request = call.request
        return Observer(hooks, request, call.request_id, stream=call.stream,
                        max_retries=call.max_retries)  # fmt: skip

    def _chat_call(
        self, request: object, fields: Mapping[str, Any], *, stream: bool = False
    ) -> Call[ChatCompletion]:
        """`chat`'s or `chat_stream`'s call, from a `ChatCompletionRequest` or keyword fields."""
        args = () if request is None else (request,)
        return (CHAT_STREAM if stream else CHAT).build(self, args, fields)

    def _parse_call(
        self, response_format: type[T], fields: Mapping[str, Any]
    ) -> tuple[OutputType[T], Call[ChatCompletion]]:
        """`chat_parse`'s output type (the schema sent, the parsing of the answer) and call."""
        from .lib._parse import OutputType  # noqa: PLC0415  # builds on the generated models

        output = OutputType(response_format)
        body = {**fields, "response_format": output.response_format}
        return output, self._chat_call(None, body)

    def _tool_run(
        self,
        messages: Iterable[Any],
        tools: Iterable[FunctionTool[..., Any] | Callable[..., Any]],
        fields: Mapping[str, Any],
        *,
        max_rounds: int,
        tool_errors: ToolErrors,
    ) -> ToolRun:
        """The state of a `run_tools` call, every argument checked; its rounds are `_round`s."""
        from .lib._tools import ToolRun  # noqa: PLC0415  # builds on the generated models

        is_async = isinstance(self._http, httpx2.AsyncClient)
        try:
            return ToolRun(messages, tools, fields, max_rounds=max_rounds,
                           tool_errors=tool_errors, is_async=is_async,
                           deadline=self._config.deadline)  # fmt: skip
        except RequestValidationError as exc:  # a bad request id quotes it: it may hold the key
            raise scrub(exc, secrets_in(self._config.headers)) from None

    def _round(self, run: ToolRun) -> Call[ChatCompletion]:
        """The next round of ``run``: a chat with the round's request id, held to the run's
        deadline."""
        return run.bound(self._chat_call(None, run.request()))

    def _event_stream(self, shell: Callable[..., T], call: Call[Any], *interpreting: Any) -> T:
        """The stream shell ``shell`` over ``call``, not yet sent; ``interpreting`` are the
        shell's own arguments (a `MessageStream`'s final parser)."""
        observer = self._observe(call)
        opener = cast(Any, self)._send  # the twin's: a response, or a coroutine of one
        return shell(
            lambda: opener(call, self._attempts(call, observer)), call.request_id,
            *interpreting, call.bounds, observer,
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
        return build_call(self, route, options, _json_or_none, body=body, raw=True)


class BaseRawClient(Operations):
    """``client.with_raw_response``: the client's methods, each wrapped by ``_wrap`` (`raw`
    or `araw`) to return its `RawResponse`."""

    _wrap: Any  # a staticmethod of the twin: `raw` or `araw`
    _client_class: ClassVar[type[Any]]

    def __init__(self, client: Any) -> None:
        self._client = client

    @classmethod
    def _shown_return(cls, annotation: str) -> str:
        """What a method's signature says it returns (see `_operation._Declared`): the
        client's result, in a `RawResponse`."""
        return shown_raw(cls._client_class._shown_return(annotation))

    # The binders (see `_operation._Declared`): the client class's function, called on this
    # raw client's client, its result read from the RawResponse the call records.
    @classmethod
    def _bind(cls, operation: Operation[Any]) -> Any:
        return cls._via_client(cls._client_class._bind(operation))

    @classmethod
    def _bind_stream(cls, operation: Operation[Any]) -> Any:
        return cls._via_client(cls._client_class._bind_stream(operation))

    @classmethod
    def _bind_download(cls, operation: Operation[Any]) -> Any:
        return cls._via_client(cls._client_class._bind_download(operation))

    @classmethod
    def _via_client(cls, method: Callable[..., Any]) -> Any:
        def of_client(self: BaseRawClient, /, *args: Any, **kwargs: Any) -> Any:
            return method(self._client, *args, **kwargs)

        return cls._wrap(of_client)


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


def _check_picklable(value: object, name: str) -> None:
    """Refuse, naming it, a caller's object (a key function, hooks) pickle cannot carry."""
    import pickle  # noqa: PLC0415  # only pickling a client needs it; `import zaguan` skips it

    try:
        pickle.dumps(value)
    except Exception as exc:
        what = f"{name} function" if name == "api_key" else name
        raise TypeError(
            f"This client cannot be pickled: its {what} cannot ({type(exc).__name__}: {exc}). "
            "Use a module-level function (a lambda or a nested function cannot be pickled), "
            "or make the client in the process that uses it."
        ) from None


def _restored(cls: type[T], settings: dict[str, Any]) -> T:
    """A pickled client, made again from its settings."""
    return cls(**settings)


def _json_or_none(response: httpx2.Response) -> Any:
    return json.loads(response.content) if response.content.strip() else None
