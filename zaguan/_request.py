"""Per-call request building: options, request ids, headers, URL and body. Pure, no I/O."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, TypedDict, TypeVar

import httpx2

from ._config import ClientConfig, check_max_retries, check_seconds, headers_problem, to_timeout
from ._errors import ConfigurationError, RequestValidationError
from ._prepare import HeaderCache, HeaderDict, base_headers, make_request, set_header
from ._redact import scrub, secrets_in

if TYPE_CHECKING:
    from ._limiter import Limiter

T = TypeVar("T")

OPTION_NAMES = frozenset(
    {
        "request_id", "timeout", "max_retries", "deadline", "stream_idle_timeout",
        "extra_headers", "extra_query", "extra_body",
    }
)  # fmt: skip


class RequestOptions(TypedDict, total=False):
    """Per-request options every client method accepts as keywords."""

    request_id: str
    """The X-Request-Id of this call (a fresh UUID4 when absent); every retry reuses it."""
    timeout: float | httpx2.Timeout
    """Overrides the client's timeout for this call."""
    max_retries: int
    """Overrides the client's max_retries for this call; 0 disables retries."""
    deadline: float | None
    """Seconds for the whole call: every attempt, every back-off and reading the answer (a
    stream or a download to its end). Overrides the client's; None: no deadline."""
    stream_idle_timeout: float | None
    """Seconds a stream may go without an event (keep-alive comments and ``ping`` events do
    not count) before it raises `APITimeoutError`. Overrides the client's; None: the read
    timeout."""
    extra_headers: Mapping[str, str]
    """Headers added to (and overriding) the SDK's own, for this call."""
    extra_query: Mapping[str, Any]
    """Query parameters added to this call's URL."""
    extra_body: Mapping[str, Any]
    """Top-level JSON fields merged into this call's body (POST only), the caller's winning."""


@dataclass(frozen=True, slots=True)
class Bounds:
    """The time limits of one call beyond each read's own timeout."""

    deadline: float | None = None
    """Seconds the whole call may take (None: no deadline)."""
    deadline_at: float | None = None
    """The `time.monotonic()` by which the whole call must end."""
    idle: float | None = None
    """Seconds an event stream may go without an event (None: no bound)."""

    def left(self) -> float | None:
        """Seconds left before the deadline (<= 0 once it passed); None without one."""
        return None if self.deadline_at is None else self.deadline_at - time.monotonic()

    def passed(self) -> bool:
        """Whether the deadline has passed (a timer may fire a little early: 10 ms slack)."""
        left = self.left()
        return left is not None and left < 0.01

    def deadline_error_text(self, what: str) -> str:
        return f"The call's deadline of {self.deadline:g} s passed {what}."


NO_BOUNDS = Bounds()


@dataclass(frozen=True, slots=True)
class Call(Generic[T]):
    """One logical call: the request every attempt sends, and how to read its answer."""

    request: httpx2.Request
    request_id: str
    max_retries: int
    parse: Callable[[Any], T]
    stream: bool = False
    raw: bool = False
    """``parse`` reads the `httpx2.Response` itself (binary, text or JSON Lines bodies), not its
    JSON."""
    bounds: Bounds = NO_BOUNDS
    key: Callable[[], str] | None = None
    """The caller's key function, asked before every attempt (None: the key is in the
    headers already, or the call sends none)."""
    limiter: Limiter | None = None
    """The client's rate limit, which every attempt waits for (None: none)."""

    @property
    def path(self) -> str:
        return self.request.url.path


def new_request_id() -> str:
    """A fresh UUID4, the default X-Request-Id."""
    import uuid  # noqa: PLC0415  # with the `platform` it loads: not paid by `import zaguan`

    return str(uuid.uuid4())


def check_request_id(value: object) -> str:
    """A caller-given request id: a non-empty string of visible ASCII (no CR/LF, no spaces)."""
    if not isinstance(value, str) or not value or not value.isascii() or not value.isprintable():
        raise RequestValidationError(
            f"request_id must be a non-empty string of visible ASCII characters, got {value!r}"
        )
    if " " in value:
        raise RequestValidationError(f"request_id must not contain spaces, got {value!r}")
    return value


_PLAIN_PART = re.compile(r"[A-Za-z0-9_.-]{1,64}")


def derive_request_id(base: str, part: str) -> str:
    """The request id of one piece of a larger piece of work: a round of `run_tools`, a line
    of a bulk run. The same ``base`` and ``part`` always give the same id, so re-sending the
    piece (after a crash, by a retrying engine) is answered from CoreX's record, not charged
    again; different parts give different ids.

    A short plain ``part`` is kept readable (``"run-7:line-12"``); any other is hashed
    (``"run-7:~3f9c..."``: ``~`` cannot start a plain part, so the two never collide).

    >>> derive_request_id("run-7", "line-12")
    'run-7:line-12'
    """
    base = check_request_id(base)
    if not isinstance(part, str):
        raise RequestValidationError(f"a request id part must be a string, got {part!r}")
    if _PLAIN_PART.fullmatch(part):
        return f"{base}:{part}"
    digest = hashlib.sha256(part.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{base}:~{digest}"


def split_options(fields: dict[str, Any]) -> RequestOptions:
    """Move the per-request options out of ``fields`` (a keyword dict we own) into their own."""
    options: dict[str, Any] = {name: fields.pop(name) for name in OPTION_NAMES & fields.keys()}
    if options:  # `UNSET`, the default their signatures show, is no option given
        from zaguan_corex_client.types import UNSET  # noqa: PLC0415  # the first call loads it

        options = {name: value for name, value in options.items() if value is not UNSET}
    return options  # type: ignore[return-value]  # keys are exactly RequestOptions' names


class Sender(Protocol):
    """What building a call reads of a client: its http client, configuration and cache."""

    @property
    def _http(self) -> httpx2.Client | httpx2.AsyncClient: ...
    @property
    def _config(self) -> ClientConfig: ...
    @property
    def _header_cache(self) -> HeaderCache: ...


def build_call(
    client: Sender,
    kwargs: Mapping[str, Any],
    options: RequestOptions,
    parse: Callable[[Any], T],
    *,
    body: Mapping[str, Any] | None = None,
    auth: bool = True,
    stream: bool = False,
    raw: bool = False,
) -> Call[T]:
    """A `Call` from a generated endpoint's ``_get_kwargs()`` result and the caller's options.

    ``kwargs`` brings method, url (already percent-encoded), params and headers; the client
    adds its own headers, the request id, the timeout, and the caller's extras last.
    """
    http, config = client._http, client._config
    unknown = options.keys() - OPTION_NAMES
    if unknown:
        raise RequestValidationError(f"unexpected keyword argument {sorted(unknown)[0]!r}")
    # A streamed answer read as events asks for them; a streamed raw body (a download) does not.
    event_stream = stream and not raw
    try:
        headers, request_id = _headers(client, kwargs, options, auth=auth, stream=event_stream)
    except RequestValidationError as exc:  # a bad request id quotes it: it may hold the key
        raise scrub(exc, secrets_in(config.headers)) from None
    params = {**config.default_query, **(kwargs.get("params") or {})}
    params.update(options.get("extra_query") or {})
    timeout = options.get("timeout")
    max_retries = options.get("max_retries", config.max_retries)
    content = json_content(_merge_body(kwargs, body, options.get("extra_body")))
    if content is not None and "content-type" not in headers:
        set_header(headers, "Content-Type", "application/json")
    try:
        timeouts = config.timeout if timeout is None else to_timeout(timeout, "timeout")
        bounds = _bounds(config, options, timeouts, event_stream)
        if bounds.idle is not None and (timeouts.read is None or bounds.idle < timeouts.read):
            # A silent stream ends at the idle bound too, not only one that sends keep-alives.
            timeouts = httpx2.Timeout(
                connect=timeouts.connect, read=bounds.idle, write=timeouts.write, pool=timeouts.pool
            )
        request = make_request(
            http, kwargs["method"].upper(), config.base_url + kwargs["url"],
            params=params or None, headers=headers, content=content, files=kwargs.get("files"),
            timeout=timeouts,
        )  # fmt: skip
        max_retries = check_max_retries(max_retries)
    except ConfigurationError as exc:  # a per-call option, not the client's configuration
        raise RequestValidationError(str(exc)) from None
    key = config.key_provider if auth else None
    return Call(request, request_id, max_retries, parse, stream, raw, bounds, key, config.limiter)


def _bounds(
    config: ClientConfig, options: RequestOptions, timeouts: httpx2.Timeout, event_stream: bool
) -> Bounds:
    """The call's deadline and, for an event stream, its idle bound: by default the read
    timeout, so that a stream sending only keep-alives ends when a silent one would."""
    deadline = check_seconds(options.get("deadline", config.deadline), "deadline")
    idle = check_seconds(
        options.get("stream_idle_timeout", config.stream_idle_timeout), "stream_idle_timeout"
    )
    idle = (timeouts.read if idle is None else idle) if event_stream else None
    if deadline is None and idle is None:
        return NO_BOUNDS
    deadline_at = None if deadline is None else time.monotonic() + deadline
    return Bounds(deadline, deadline_at, idle)


def _headers(
    client: Sender,
    kwargs: Mapping[str, Any],
    options: RequestOptions,
    *,
    auth: bool,
    stream: bool,
) -> tuple[HeaderDict, str]:
    """The call's headers (the caller's extras win, whatever their letter case) and request id."""
    config = client._config
    headers = base_headers(client._http, config, client._header_cache, auth).copy()
    for name, value in (kwargs.get("headers") or {}).items():
        set_header(headers, name, value)
    if "files" in kwargs:  # the generated Content-Type has a fixed boundary: httpx2 picks one
        headers.pop("content-type", None)
    if stream:
        set_header(headers, "Accept", "text/event-stream")
    request_id = options.get("request_id")
    extra = options.get("extra_headers")
    problem = headers_problem(extra, "extra_headers")
    if problem:
        raise RequestValidationError(problem)
    for name, value in (extra or {}).items():
        if name.lower() == "x-request-id":  # one id per call, wherever the caller put it
            request_id = value if request_id is None else request_id
        else:
            set_header(headers, name, value)
    request_id = new_request_id() if request_id is None else check_request_id(request_id)
    set_header(headers, "X-Request-Id", request_id)
    return headers, request_id


def _merge_body(
    kwargs: Mapping[str, Any], body: Mapping[str, Any] | None, extra: Mapping[str, Any] | None
) -> Any:
    if body is None and "json" in kwargs:
        body = kwargs["json"]
    if extra is None:
        return body
    if body is None:
        kind = "a multipart upload" if "files" in kwargs else kwargs["method"].upper()
        raise RequestValidationError(
            f"extra_body is only for requests with a JSON body, not {kind}"
        )
    return {**body, **extra}


def json_content(body: Any) -> bytes | None:
    """``body`` as JSON bytes (as httpx2 writes them), or `RequestValidationError` saying why
    JSON cannot carry it as given: ``json.dumps`` turns ``{1: "a"}`` into ``{"1": "a"}``
    without a word, and NaN, bytes or a lone surrogate failed inside httpx2, as a bare
    ``ValueError``, ``TypeError`` or ``UnicodeEncodeError``."""
    if body is None:
        return None
    try:
        problem = _key_problem(body)
    except RecursionError:  # a structure that contains itself, or absurdly deep
        problem = "the body is nested too deeply (or contains itself) to be JSON"
    if problem is None:
        try:
            text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            return text.encode("utf-8")
        except (TypeError, ValueError) as exc:  # UnicodeEncodeError too: a lone surrogate
            problem = f"the body is not JSON: {exc}"
    raise RequestValidationError(problem)


_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _key_problem(body: Any) -> str | None:
    """Where a mapping inside ``body`` has a key that is not a string, else None (the
    encoder judges everything else, at C speed; this walk is the only Python one)."""
    path = _bad_key(body)
    if path is None:
        return None
    where = "body" + "".join(f"[{step!r}]" for step in reversed(path[1:]))
    return f"{where}: a key of type {type(path[0]).__name__}, JSON keys are strings"


def _bad_key(value: Any) -> list[Any] | None:
    """The bad key, then the keys and indexes leading to its mapping, innermost first."""
    if isinstance(value, Mapping):
        items: Iterable[tuple[Any, Any]] = value.items()
        if bad := [key for key in value if not isinstance(key, str)]:
            return [bad[0]]
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    for step, item in items:
        if type(item) not in _SCALARS and (path := _bad_key(item)) is not None:
            path.append(step)
            return path
    return None
