"""Credentials out of everything the SDK shows: one redaction, used wherever text is reported.

Exception messages, their chained causes and contexts, and reprs may quote what a lower
layer saw: h11 quotes a header it refuses, a generated model quotes the value it could
not parse, a server may echo the key it was sent. Every place where the SDK turns such
text or such an exception into its own passes it through here first, with the secrets
of the request at hand (`secrets_in`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import httpx2

MASK: Final = "***"
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "api-key", "cookie"}
)
"""Headers whose values are credentials (lower-case names)."""
MIN_SECRET: Final = 8
"""Shorter values are not masked: no real key is that short, and masking ``"a"`` everywhere
would make every message unreadable."""


def secrets_in(headers: httpx2.Headers | None) -> frozenset[str]:
    """The credentials ``headers`` carry: each sensitive value, and its token alone
    (``sk-...`` of ``Bearer sk-...``), since a server may echo either."""
    found: set[str] = set()
    for name, value in (headers or httpx2.Headers()).multi_items():
        if name.lower() in SENSITIVE_HEADERS:
            found.update(part for part in (value, value.partition(" ")[2]) if part.strip())
    return frozenset(s for s in found if len(s) >= MIN_SECRET)


def secrets_of(response: httpx2.Response | None) -> frozenset[str]:
    """The credentials of the request that ``response`` answers."""
    if response is None:
        return frozenset()
    try:
        return secrets_in(response.request.headers)
    except RuntimeError:  # a Response built without its Request
        return frozenset()


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced by `MASK`, longest first (a whole header value
    before the token inside it)."""
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def scrub(exc: BaseException, secrets: Iterable[str]) -> BaseException:
    """``exc``, its causes and contexts with the secrets masked in place; returns ``exc``.

    In place, because Python links the exception being handled as ``__context__`` of any
    exception raised meanwhile, so a replacement would still carry the original. A link
    whose text cannot be cleaned (a message not built from ``args``) is cut off instead.
    """
    keys = frozenset(secrets)
    if keys:
        _scrub_chain(exc, keys)
    return exc


def _scrub_chain(exc: BaseException, secrets: frozenset[str]) -> None:
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        seen.add(id(current))
        _scrub_args(current, secrets)
        for name in ("__cause__", "__context__"):
            link: BaseException | None = getattr(current, name)
            if link is None or id(link) in seen:
                continue
            _scrub_args(link, secrets)
            if _leaks(link, secrets):
                setattr(current, name, None)
            else:
                todo.append(link)


def _scrub_args(exc: BaseException, secrets: frozenset[str]) -> None:
    if _leaks(exc, secrets):
        exc.args = tuple(redact(a, secrets) if isinstance(a, str) else a for a in exc.args)


def _leaks(exc: BaseException, secrets: frozenset[str]) -> bool:
    try:
        text = f"{exc!s} {exc!r}"
    except Exception:  # a broken __str__ shows nothing, so it leaks nothing
        return False
    return any(secret in text for secret in secrets)
