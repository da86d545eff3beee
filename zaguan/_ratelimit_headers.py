"""OpenAI's ``x-ratelimit-*`` response headers, read defensively. Pure, no I/O.

CoreX normalises every provider's limits into six optional headers, on any answer:
``x-ratelimit-{limit,remaining,reset}-{requests,tokens}``. Limits and remaining counts are
integers; resets are durations in OpenAI's form (``1s``, ``6m0s``, ``12ms``, ``1h2m3.5s``).
Some upstreams send ``-1``, ``0`` or garbage: a header that cannot be read is treated as
absent, never as an error, and a dimension counts only when both its remaining count and its
reset can be read (a remaining count with no end would hold the budget forever).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import httpx2

from ._ratelimit import DIMENSIONS

_COUNT: Final = re.compile(r"\d{1,15}")
# Go's duration syntax (OpenAI's form), units in decreasing order, each at most once; a bare
# number is seconds, as some servers send it.
_DURATION: Final = re.compile(
    r"(?:(?P<h>\d+(?:\.\d+)?)h)?(?:(?P<m>\d+(?:\.\d+)?)m(?!s))?(?:(?P<s>\d+(?:\.\d+)?)s)?"
    r"(?:(?P<ms>\d+(?:\.\d+)?)ms)?(?:(?P<us>\d+(?:\.\d+)?)(?:us|µs))?(?:(?P<ns>\d+(?:\.\d+)?)ns)?"
)
_BARE_SECONDS: Final = re.compile(r"\d+(?:\.\d+)?")
_UNIT_SECONDS: Final = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}


@dataclass(frozen=True, slots=True)
class ServerLimit:
    """What an answer says about one dimension of the server's budget."""

    remaining: int
    """Requests (or tokens) the server still allows before ``reset``."""
    reset: float
    """Seconds until the server's budget is whole again."""
    limit: int | None = None
    """The server's limit, when readable (informative only)."""


def parse_duration(text: str | None) -> float | None:
    """Seconds in a duration such as ``6m0s``, ``12ms``, ``1h2m3.5s`` or ``1.5``; None when
    absent or unreadable.

    >>> parse_duration("6m0s"), parse_duration("12ms"), parse_duration("-1")
    (360.0, 0.012, None)
    """
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > 64:
        return None
    if _BARE_SECONDS.fullmatch(text):
        return float(text)
    match = _DURATION.fullmatch(text)
    if match is None:
        return None
    parts = {unit: value for unit, value in match.groupdict().items() if value is not None}
    if not parts:
        return None
    return sum(float(value) * _UNIT_SECONDS[unit] for unit, value in parts.items())


def server_limits(headers: Mapping[str, str]) -> dict[str, ServerLimit]:
    """The readable dimensions of an answer's ``x-ratelimit-*`` headers (none: empty).

    A dimension is read when its remaining count is a whole number, its reset a duration of
    more than zero, and its limit, if sent and readable, not below the remaining count.

    >>> server_limits({"x-ratelimit-remaining-requests": "9", "x-ratelimit-reset-requests": "6s"})
    {'requests': ServerLimit(remaining=9, reset=6.0, limit=None)}
    """
    # One pass over the headers (a lookup in httpx2's scans them all, six times here).
    items = headers.multi_items() if isinstance(headers, httpx2.Headers) else headers.items()
    sent = {name.lower(): value for name, value in items if name[:12].lower() == "x-ratelimit-"}
    found: dict[str, ServerLimit] = {}
    if not sent:
        return found
    for dimension in DIMENSIONS:
        remaining = _count(sent.get(f"x-ratelimit-remaining-{dimension}"))
        reset = parse_duration(sent.get(f"x-ratelimit-reset-{dimension}"))
        if remaining is None or reset is None or reset <= 0:
            continue
        limit = _count(sent.get(f"x-ratelimit-limit-{dimension}"))
        if limit == 0 or (limit is not None and remaining > limit):
            continue  # an upstream's placeholder: the other values cannot be trusted either
        found[dimension] = ServerLimit(remaining, reset, limit)
    return found


def _count(text: str | None) -> int | None:
    if text is None or not _COUNT.fullmatch(text.strip()):
        return None
    return int(text)
