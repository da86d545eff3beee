"""Client configuration: resolved and checked once, when a client is made."""

from __future__ import annotations

import ipaddress
import math
import os
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import httpx2

from ._errors import ConfigurationError
from ._observe._hooks import HookSet
from ._observe._setup import hook_set, telemetry_on
from ._version import __version__

if TYPE_CHECKING:
    from ._limiter import Limiter
    from ._ratelimit import RateLimit

DEFAULT_BASE_URL: Final = "http://localhost:8080"
"""Used when neither ``base_url=`` nor ``$ZAGUAN_BASE_URL`` is given (CoreX in development)."""
DEFAULT_TIMEOUT: Final = httpx2.Timeout(600.0, connect=10.0)
"""600 s for each of read, write and pool waits; 10 s to connect. As ``openai`` and
``anthropic``: a reasoning model can think for minutes before the first byte of a
non-streamed answer, while a host that does not accept a connection in 10 s is down."""
_HTTPX_DEFAULT_TIMEOUT: Final = httpx2.Timeout(5.0)
"""What ``httpx2.Client()`` has when its maker gave no timeout: ours applies then, as in
``openai``, since 5 s is httpx2's guess, not the caller's choice."""
DEFAULT_LIMITS: Final = httpx2.Limits(max_connections=100, max_keepalive_connections=100)
"""The connection pool of a client made without ``http_client=``: httpx2's 100 connections,
all of them kept alive (httpx2 keeps 20), so a burst of streams does not reconnect after."""
USER_AGENT: Final = f"zaguan-corex-python/{__version__}"
"""The distribution's name (``zaguan-corex``, imported as ``zaguan``) and the language."""
DEFAULT_MAX_ROUNDS: Final = 10
"""Rounds of tool calls `run_tools` makes before giving up."""
API_KEY_ENV: Final = "ZAGUAN_API_KEY"
BASE_URL_ENV: Final = "ZAGUAN_BASE_URL"


class InsecureTransportWarning(UserWarning):
    """The client sends its API key over plain ``http://`` to a host that is not this
    machine, where anyone on the path can read it. Warned once per client, when it is made.

    Use ``https://``; or, on a network you trust, silence it::

        warnings.filterwarnings("ignore", category=zaguan.InsecureTransportWarning)
    """


ApiKey = str | Callable[[], str]
"""An API key, or a function returning the current one (called before every attempt)."""


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Everything a client needs to build requests; immutable, shared by every call."""

    api_key: ApiKey  # a key, or the caller's function returning one
    base_url: str  # without a trailing slash; paths are appended as they are
    timeout: httpx2.Timeout
    max_retries: int
    headers: httpx2.Headers  # sent on every request: User-Agent, defaults, Authorization; read-only
    deadline: float | None = None  # seconds for a whole call, retries and back-offs included
    stream_idle_timeout: float | None = None  # seconds a stream may go without an event
    default_headers: Mapping[str, str] = field(default_factory=dict)  # the caller's, as given
    default_query: Mapping[str, Any] = field(default_factory=dict)  # added to every URL
    hooks: Any = None  # the caller's hooks= as given (for `copy`)
    dispatch: HookSet | None = None  # what each call reports to: the hooks, OpenTelemetry's
    limiter: Limiter | None = None  # the rate limit, shared with every copy of the client

    def __repr__(self) -> str:  # never show the key
        return f"ClientConfig(base_url={self.base_url!r}, max_retries={self.max_retries})"

    @property
    def key_provider(self) -> Callable[[], str] | None:
        """The caller's key function, when the key is not a fixed string."""
        return None if isinstance(self.api_key, str) else self.api_key

    def settings(self) -> dict[str, Any]:
        """The client arguments that make this configuration again (for `copy`)."""
        return {
            "api_key": self.api_key, "base_url": self.base_url, "timeout": self.timeout,
            "max_retries": self.max_retries, "deadline": self.deadline,
            "stream_idle_timeout": self.stream_idle_timeout,
            "default_headers": self.default_headers, "default_query": self.default_query,
            "hooks": self.hooks, "rate_limit": self.limiter,
        }  # fmt: skip


def resolve_config(
    *,
    api_key: ApiKey | None,
    base_url: str | httpx2.URL | None,
    timeout: float | httpx2.Timeout | None,
    max_retries: int,
    default_headers: Mapping[str, str] | None,
    http_client: httpx2.Client | httpx2.AsyncClient | None = None,
    deadline: float | None = None,
    stream_idle_timeout: float | None = None,
    default_query: Mapping[str, Any] | None = None,
    hooks: Any = None,
    rate_limit: RateLimit | Limiter | None = None,
) -> ClientConfig:
    """Merge arguments, environment and defaults; raise `ConfigurationError` on anything wrong.

    Without ``timeout=``, a caller-given ``http_client``'s own timeout applies (unless it is
    httpx2's default): the caller chose it when making that client.
    """
    if api_key is None:
        api_key = os.environ.get(API_KEY_ENV)
    key = api_key if callable(api_key) else check_api_key(api_key)
    url = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    # httpx2.Headers: a caller's "user-agent" replaces ours instead of travelling beside it.
    headers = httpx2.Headers({"User-Agent": USER_AGENT, "Accept": "application/json"})
    problem = headers_problem(default_headers, "default_headers")
    if problem:
        raise ConfigurationError(problem)
    headers.update(default_headers or {})
    if isinstance(key, str):  # a key function is asked before each attempt instead
        headers["Authorization"] = f"Bearer {key}"
    if default_query is not None and not isinstance(default_query, Mapping):
        kind = type(default_query).__name__
        raise ConfigurationError(f"default_query must be a mapping of names to values, got {kind}")
    base = check_base_url(url)
    warn_if_insecure(base)
    limiter = rate_limiter(rate_limit)
    return ClientConfig(
        api_key=key,
        base_url=base,
        timeout=to_timeout(_inherited(timeout, http_client), "timeout"),
        max_retries=check_max_retries(max_retries),
        headers=headers,
        deadline=check_seconds(deadline, "deadline"),
        stream_idle_timeout=check_seconds(stream_idle_timeout, "stream_idle_timeout"),
        default_headers=dict(default_headers or {}),
        default_query=dict(default_query or {}),
        hooks=hooks,
        dispatch=hook_set(hooks, telemetry=telemetry_on(), internal=limiter),
        limiter=limiter,
    )


def rate_limiter(rate_limit: object) -> Limiter | None:
    """A new `Limiter` for a `RateLimit`; a `copy`'s shares the one it was given."""
    if rate_limit is None:
        return None
    from ._limiter import Limiter  # noqa: PLC0415  # only clients with a rate limit need it
    from ._ratelimit import RateLimit  # noqa: PLC0415

    if isinstance(rate_limit, RateLimit):
        return Limiter(rate_limit)
    if isinstance(rate_limit, Limiter):
        return rate_limit
    kind = type(rate_limit).__name__
    raise ConfigurationError(f"rate_limit must be a zaguan.RateLimit or None, got {kind}")


def provided_key(provider: Callable[[], str]) -> str:
    """The key ``provider`` returns now, checked as a fixed key is; its failure is a
    `ConfigurationError` (chained, so the caller's own error stays visible)."""
    try:
        key = provider()
    except Exception as exc:
        raise ConfigurationError(
            f"The api_key function raised {type(exc).__name__}; no request was sent."
        ) from exc
    return check_api_key(key)


def _inherited(
    timeout: float | httpx2.Timeout | None, http_client: httpx2.Client | httpx2.AsyncClient | None
) -> float | httpx2.Timeout | None:
    if timeout is not None or http_client is None:
        return timeout
    own = http_client.timeout
    return None if own == _HTTPX_DEFAULT_TIMEOUT else own


def check_base_url(url: str | httpx2.URL) -> str:
    """The base URL as a string without a trailing slash; http(s) with a host only."""
    try:
        parsed = httpx2.URL(str(url))
    except (httpx2.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"Invalid base_url {str(url)!r}: {exc}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"Invalid base_url {str(url)!r}: expected an http:// or https:// URL with a host."
        )
    if parsed.query or parsed.fragment:
        raise ConfigurationError(f"Invalid base_url {str(url)!r}: no query or fragment allowed.")
    base = str(parsed).rstrip("/")
    if base.endswith("/v1"):  # the habit of OpenAI SDKs; ours would call /v1/v1/...
        raise ConfigurationError(
            f"Invalid base_url {str(url)!r}: leave out the trailing /v1 "
            f"(the SDK adds /v1/... itself): {base[:-3]!r}"
        )
    return base


def warn_if_insecure(base_url: str) -> None:
    """`InsecureTransportWarning` when the key would cross a network in clear text."""
    parsed = httpx2.URL(base_url)
    if parsed.scheme == "http" and not _is_loopback(parsed.host):
        warnings.warn(
            f"base_url {base_url!r} is plain http:// to a host that is not this machine: "
            "the API key travels unencrypted. Use https://.",
            InsecureTransportWarning,
            stacklevel=4,  # the caller's line: warn_if_insecure <- resolve_config <- __init__
        )


def _is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``: traffic that never leaves the machine."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name: it may resolve anywhere
        return False


def to_timeout(value: float | httpx2.Timeout | None, name: str) -> httpx2.Timeout:
    """A float (seconds, for every phase) or an `httpx2.Timeout`; None means the default."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx2.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigurationError(
            f"{name} must be a positive number of seconds or an httpx2.Timeout, got {value!r}"
        )
    return httpx2.Timeout(float(value))


def check_seconds(value: float | None, name: str) -> float | None:
    """A positive, finite number of seconds, or None (no such bound)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        raise ConfigurationError(
            f"{name} must be a positive number of seconds or None, got {value!r}"
        )
    return float(value)


def check_max_retries(value: int, name: str = "max_retries") -> int:
    """A whole number of retries, zero or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{name} must be an integer >= 0, got {value!r}")
    return value


def check_api_key(key: object) -> str:
    """The key as sent, or `ConfigurationError` naming what is wrong with it, never the key
    itself (nor any part of it): the message ends up in logs and bug reports."""
    if key is None or key == "":
        raise ConfigurationError(
            f"No API key: pass api_key= to the client or set {API_KEY_ENV} in the environment."
        )
    problem = _value_problem(key)
    if problem:
        raise ConfigurationError(f"The API key {problem}; the key itself is not shown.")
    if " " in str(key):
        raise ConfigurationError("The API key contains a space; the key itself is not shown.")
    return str(key)


def headers_problem(headers: object, where: str) -> str | None:
    """Why ``headers`` (a caller's extra headers, named ``where``) cannot be sent, else None.

    Checked before anything is sent: httpx2 would refuse them later, after a connection was
    opened, with an error that quotes the value (a credential, for ``Authorization``). The
    message names the header, never its value.
    """
    if headers is None:
        return None
    if not isinstance(headers, Mapping):
        return f"{where} must be a mapping of header names to values, got {type(headers).__name__}"
    for name, value in headers.items():
        value_problem = _value_problem(value)
        problem = _name_problem(name) or (value_problem and f"value {value_problem}")
        if problem:
            return f"{where}[{name!r}]: the header {problem}"
    return None


def _name_problem(name: object) -> str | None:
    if not isinstance(name, str):
        return f"name is not a string but {type(name).__name__}"
    if not _TOKEN.fullmatch(name):
        return (
            "name must be a non-empty token of ASCII letters, digits and !#$%&'*+-.^_`|~ "
            "(RFC 9110, section 5.6.2): no spaces, CR/LF, ':' or other characters"
        )
    return None


def _value_problem(value: object) -> str | None:
    """What makes ``value`` unsendable in a header, in words that never quote it."""
    if not isinstance(value, str):
        return f"is not a string but {type(value).__name__}"
    if "\r" in value or "\n" in value:
        return "contains CR or LF (a line break, as read from a file or an environment variable?)"
    if not value.isascii():
        return "contains a non-ASCII character"
    if not value.isprintable():
        return "contains a control character"
    if value != value.strip():
        return "has leading or trailing whitespace"
    return None


_TOKEN: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
