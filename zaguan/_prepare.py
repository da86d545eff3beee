"""The `httpx2.Request` of a call, built with as little copying as httpx2 allows. Pure, no I/O.

``http.build_request`` merges the http client's headers, cookies and query parameters into
every request, copying and re-encoding each header several times (its cost was most of a
call's own). Here the headers the client always sends, the http client's and ours, are
merged once per client and kept as a dict by lower-case name; a call copies that dict,
applies its own few changes and hands httpx2 a ready list. An http client with cookies or
query parameters of its own (a caller's ``http_client``) still goes through
``build_request``, so that its semantics stay httpx2's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx2

from ._config import ClientConfig

HeaderDict = dict[str, tuple[bytes, bytes]]
"""Headers by lower-case name: (name as sent, value), encoded as httpx2 sends them; a later
set replaces an earlier one, whatever its letter case."""


class HeaderCache:
    """One client's merged headers, per ``auth``: made by `base_headers`, kept beside the
    client's (immutable) configuration, never in it."""

    __slots__ = ("merged",)

    def __init__(self) -> None:
        self.merged: dict[bool, tuple[list[tuple[bytes, bytes]], HeaderDict]] = {}


def base_headers(
    http: httpx2.Client | httpx2.AsyncClient, config: ClientConfig, cache: HeaderCache, auth: bool
) -> HeaderDict:
    """The headers a call starts from: the http client's own, then the SDK's (without the key
    for an operation that sends none). Made once per client and ``auth``, again only if the
    http client's headers were changed since."""
    own = http.headers.raw
    cached = cache.merged.get(auth)
    if cached is not None and cached[0] == own:
        return cached[1]
    merged: HeaderDict = {}
    for name, value in own:  # bytes in the http client's encoding; repeated names joined
        lower = name.lower().decode("latin-1")
        earlier = merged.get(lower)
        joined = value if earlier is None else earlier[1] + b", " + value
        merged[lower] = (name, joined)
    for name, value in config.headers.raw:  # ours replace theirs, as build_request's merge
        lower = name.lower().decode("ascii")
        if auth or lower != "authorization":
            merged[lower] = (name, value)
    cache.merged[auth] = (own, merged)
    return merged


def set_header(headers: HeaderDict, name: str, value: str) -> None:
    """Set ``name`` (replacing it in any letter case) to ``value``."""
    headers[name.lower()] = (name.encode(), value.encode())  # as `httpx2.Headers` would


def make_request(
    http: httpx2.Client | httpx2.AsyncClient,
    method: str,
    url: str,
    *,
    params: Mapping[str, Any] | None,
    headers: HeaderDict,
    content: bytes | None,
    files: Any,
    timeout: httpx2.Timeout,
) -> httpx2.Request:
    """The request ``http.build_request`` would make from these, without its merging when
    ``http`` has no cookies or query parameters to merge (the headers are merged already)."""
    header_list = list(headers.values())
    if http.cookies or http.params:
        return http.build_request(
            method, url, params=params, headers=header_list, content=content, files=files,
            timeout=timeout,
        )  # fmt: skip
    return httpx2.Request(
        method, url, params=params, headers=header_list, content=content, files=files,
        extensions={"timeout": timeout.as_dict()},
    )  # fmt: skip
