"""Fixtures of the facade tests: a respx router on `BASE_URL`, both clients, no backoff.

* `mock`: the respx router (``assert_all_called=False``: some tests prove a route was not hit).
* `flavour`: ``"sync"`` or ``"async"``; every test using `api` or `make_api` runs for both.
* `make_api(**client_kwargs)`: an `Api` over a new client of that flavour, closed afterwards.
* `api`: ``make_api()`` with the test key and base URL.
* `sleeps`: backoff back on, with `api`'s sleeps recorded instead of slept.

Autouse: backoff off (`zaguan.testing.set_testing`), no ``ZAGUAN_*`` variables, and one shared
SSL context (speed only: these tests never use TLS).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2._transports.default as httpx_transports
import pytest
import respx
from facade_support import API_KEY, BASE_URL, Api, MakeApi

from zaguan import AsyncZaguanClient, ZaguanClient

# Every httpx2 client loads the CA bundle (~20 ms), though these tests never use TLS.
_shared_ssl_context = functools.cache(httpx_transports.create_ssl_context)


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Every test here retries without waiting, unless it asks for `sleeps`."""


@pytest.fixture(autouse=True)
def one_ssl_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share one SSL context, so that the hundreds of clients made here cost nothing."""
    monkeypatch.setattr(httpx_transports, "create_ssl_context", _shared_ssl_context)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own ZAGUAN_* settings must not leak into the tests."""
    for name in ("ZAGUAN_API_KEY", "ZAGUAN_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(using="httpcore2", base_url=BASE_URL, assert_all_called=False) as router:
        yield router


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make_api(flavour: str) -> AsyncIterator[MakeApi]:
    made: list[Api] = []

    def make(**client_kwargs: Any) -> Api:
        client_kwargs.setdefault("api_key", API_KEY)
        client_kwargs.setdefault("base_url", BASE_URL)
        cls = AsyncZaguanClient if flavour == "async" else ZaguanClient
        api = Api(cls(**client_kwargs))
        made.append(api)
        return api

    yield make
    for api in made:
        await api.aclose()


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    return make_api()
