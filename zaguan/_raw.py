"""``client.with_raw_response``: the same methods, returning the HTTP details with the result."""

from __future__ import annotations

import contextvars
import datetime
import functools
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx2

from ._signatures import LazySignature, expanded

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class RawResponse(Generic[T]):
    """A result with its HTTP response: ``parsed`` is what the plain method returns.

    >>> raw = client.with_raw_response.get_credits_balance()
    >>> raw.status_code, raw.request_id, raw.parsed.credits_remaining
    """

    parsed: T
    http_response: httpx2.Response
    request_id: str
    elapsed: datetime.timedelta
    """From sending the final attempt to having its response (its headers, for a stream)."""

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx2.Headers:
        return self.http_response.headers


# While a raw wrapper runs, the client appends each call's RawResponse here instead of
# discarding it; a ContextVar keeps concurrent tasks and threads apart.
_SINK: contextvars.ContextVar[list[RawResponse[Any]] | None] = contextvars.ContextVar(
    "zaguan_raw_sink", default=None
)


def record(parsed: T, response: httpx2.Response, request_id: str, elapsed: float) -> None:
    """Called by the clients with every result; costs one lookup unless a raw wrapper runs."""
    sink = _SINK.get()
    if sink is not None:
        delta = datetime.timedelta(seconds=elapsed)
        sink.append(RawResponse(parsed, response, request_id, delta))


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """``method``, returning its `RawResponse` instead of its result."""

    def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        sink: list[RawResponse[Any]] = []
        token = _SINK.set(sink)
        try:
            method(*args, **kwargs)
        finally:
            _SINK.reset(token)
        return cast(RawResponse[T], sink[-1])

    return _shown_as(wrapper, method)


def araw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The async flavour of `raw`."""

    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        sink: list[RawResponse[Any]] = []
        token = _SINK.set(sink)
        try:
            await method(*args, **kwargs)
        finally:
            _SINK.reset(token)
        return cast(RawResponse[T], sink[-1])

    return _shown_as(wrapper, method)


def shown_raw(annotation: str) -> str:
    """How a raw method's signature shows what it returns."""
    return f"RawResponse[{annotation}]"


def _shown_as(wrapper: F, method: Callable[..., Any]) -> F:
    """``wrapper`` with ``method``'s name, docstring and signature, returning a `RawResponse`
    (for `help()` and editors)."""
    functools.update_wrapper(wrapper, method, updated=())
    wrapper.__signature__ = LazySignature(  # type: ignore[attr-defined]
        lambda: expanded(method, inspect.signature(method), returns=shown_raw)
    )
    return wrapper
