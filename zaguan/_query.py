"""Query parameters checked before sending, from the generated code alone. Pure, no I/O.

Each endpoint module with query parameters declares ``{Operation}Query``, a TypedDict of their
wire names and types, and ``QUERY_BOUNDS``, the contract's inclusive minimum and maximum of
the bounded ones (openapi/templates/endpoint_query.jinja). Nothing here names a parameter.
"""

from __future__ import annotations

import datetime
import functools
import typing
from collections.abc import Mapping
from types import ModuleType
from typing import Any, Literal, get_args, get_origin

from zaguan_corex_client.types import UNSET, Unset

from ._errors import RequestValidationError

Bounds = tuple[float | None, float | None]


def query_kwargs(
    endpoint: ModuleType, query_type: type, query: Mapping[str, Any], what: str
) -> dict[str, Any]:
    """``query`` (the caller's keywords) checked, as keyword arguments of ``_get_kwargs``.

    ``None`` (or `UNSET`, the default the signatures show) means absent. A date may be a
    `datetime.date` or its ISO text. (The generator keeps these names as they are on the wire:
    none needs renaming.)
    """
    hints = _hints(query_type)
    unknown = [name for name in query if name not in hints]
    if unknown:
        raise RequestValidationError(f"{what} got an unexpected keyword argument {unknown[0]!r}")
    bounds: Mapping[str, Bounds] = endpoint.QUERY_BOUNDS
    return {
        name: UNSET
        if value is None or value is UNSET
        else _check(name, hints[name], bounds.get(name), value)
        for name, value in query.items()
    }


@functools.cache
def _hints(query_type: type) -> dict[str, Any]:
    return typing.get_type_hints(query_type)


def _check(name: str, hint: Any, bounds: Bounds | None, value: Any) -> Any:
    if datetime.date in get_args(hint):
        return _date(name, value)
    if get_origin(hint) is Literal:
        if value not in get_args(hint):
            allowed = ", ".join(map(repr, get_args(hint)))
            raise RequestValidationError(f"{name} must be one of {allowed}, got {value!r}")
        return value
    if hint is int:
        return _int(name, bounds or (None, None), value)
    if hint is str and not isinstance(value, str):
        raise RequestValidationError(f"{name} must be a string, got {type(value).__name__}")
    return value


def _int(name: str, bounds: Bounds, value: Any) -> int:
    low, high = bounds
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or (low is not None and value < low)
        or (high is not None and value > high)
    ):
        span = f" from {low} to {high}" if low is not None and high is not None else ""
        raise RequestValidationError(f"{name} must be an integer{span}, got {value!r}")
    return value


def _date(name: str, value: Any) -> datetime.date | Unset:
    """A date from a `datetime.date` or an ISO 8601 ``YYYY-MM-DD`` string."""
    if isinstance(value, datetime.datetime):  # a date-time where a day is meant: be explicit
        raise RequestValidationError(f"{name} must be a datetime.date (a day), got a datetime")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise RequestValidationError(
                f"{name} must be a date like '2026-11-01', got {value!r}"
            ) from None
    raise RequestValidationError(
        f"{name} must be a datetime.date or an ISO date string, got {value!r}"
    )
