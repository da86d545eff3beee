"""`zaguan._redact`: which header values are secrets, and masking them in text and chains."""

from __future__ import annotations

import httpx2
import pytest

from zaguan._redact import MASK, redact, scrub, secrets_in, secrets_of

KEY = "sk-zaguan-0123456789"


def test_secrets_are_the_sensitive_values_and_their_tokens() -> None:
    headers = httpx2.Headers(
        {"Authorization": f"Bearer {KEY}", "X-Api-Key": "xk-abcdefgh", "X-Team": "team-abcdefgh"}
    )
    assert secrets_in(headers) == {f"Bearer {KEY}", KEY, "xk-abcdefgh"}


def test_short_values_are_not_secrets() -> None:
    assert secrets_in(httpx2.Headers({"Authorization": "Bearer a"})) == {"Bearer a"}
    assert secrets_in(httpx2.Headers({"Authorization": "abc"})) == frozenset()


def test_a_response_without_its_request_has_no_secrets() -> None:
    assert secrets_of(httpx2.Response(200)) == frozenset()
    assert secrets_of(None) == frozenset()


def test_redact_masks_the_longest_secret_first() -> None:
    text = f"got 'Bearer {KEY}' then {KEY}"
    assert redact(text, {KEY, f"Bearer {KEY}"}) == f"got '{MASK}' then {MASK}"


def _raise_chained() -> None:
    try:
        raise ValueError(f"inner {KEY}")
    except ValueError as inner:
        raise httpx2.LocalProtocolError(f"outer {KEY}") from inner


def test_scrub_masks_the_whole_chain_in_place() -> None:
    with pytest.raises(httpx2.LocalProtocolError) as caught:
        _raise_chained()
    outer = caught.value
    assert scrub(outer, {KEY}) is outer
    assert str(outer) == f"outer {MASK}"
    assert str(outer.__cause__) == f"inner {MASK}"
    assert outer.__context__ is outer.__cause__


class _Opaque(Exception):
    """Its text is not built from args: masking args cannot clean it."""

    def __str__(self) -> str:
        return f"opaque {KEY}"


def test_scrub_cuts_a_link_it_cannot_clean() -> None:
    outer = RuntimeError("outer")
    outer.__cause__ = _Opaque()
    outer.__context__ = outer.__cause__
    scrub(outer, {KEY})
    assert outer.__cause__ is None
    assert outer.__context__ is None


def test_scrub_ends_on_a_looping_chain() -> None:
    first, second = ValueError(f"a {KEY}"), ValueError(f"b {KEY}")
    first.__context__, second.__context__ = second, first
    scrub(first, {KEY})
    assert KEY not in f"{first} {second}"
