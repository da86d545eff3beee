"""Client construction: key, base URL, timeout, retries, headers, http_client, lifecycle."""

from __future__ import annotations

import httpx2
import pytest
import respx
from facade_support import API_KEY, BASE_URL, HEALTH_JSON, MODEL_JSON, Api, MakeApi

from zaguan import AsyncZaguanClient, ConfigurationError, ZaguanClient

CLIENTS = pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])


def _models_route(mock: respx.MockRouter) -> respx.Route:
    return mock.get("/v1/models").respond(json={"data": [MODEL_JSON]})


# -- API key ------------------------------------------------------------------------------


@CLIENTS
def test_missing_key_names_both_the_argument_and_the_variable(cls: type[ZaguanClient]) -> None:
    with pytest.raises(ConfigurationError) as caught:
        cls()
    assert "api_key" in str(caught.value)
    assert "ZAGUAN_API_KEY" in str(caught.value)


@CLIENTS
def test_empty_key_counts_as_missing(
    cls: type[ZaguanClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_API_KEY", "")
    with pytest.raises(ConfigurationError, match="ZAGUAN_API_KEY"):
        cls()
    with pytest.raises(ConfigurationError, match="api_key"):
        cls(api_key="")


@CLIENTS
@pytest.mark.parametrize("bad", ["sk-abc\r\nX-Evil: 1", "sk-abc\n", "sk-\u00e9t\u00e9", "sk\x00x"])
def test_unsendable_key_is_refused_without_echoing_it(cls: type[ZaguanClient], bad: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        cls(api_key=bad)
    assert bad not in str(caught.value)
    assert bad.strip() not in str(caught.value)


async def test_key_from_the_environment(
    make_api: MakeApi, mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_API_KEY", "sk-from-env-123456")
    route = _models_route(mock)
    await make_api(api_key=None).call("list_models")
    assert route.calls.last.request.headers["Authorization"] == "Bearer sk-from-env-123456"


async def test_key_argument_beats_the_environment(
    make_api: MakeApi, mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_API_KEY", "sk-from-env-123456")
    route = _models_route(mock)
    await make_api(api_key=API_KEY).call("list_models")
    assert route.calls.last.request.headers["Authorization"] == f"Bearer {API_KEY}"


# -- Base URL -----------------------------------------------------------------------------


@CLIENTS
def test_default_base_url(cls: type[ZaguanClient]) -> None:
    assert cls(api_key=API_KEY).base_url == "http://localhost:8080"


@CLIENTS
def test_base_url_from_the_environment_and_argument_wins(
    cls: type[ZaguanClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAGUAN_BASE_URL", "https://env.corex.test")
    assert cls(api_key=API_KEY).base_url == "https://env.corex.test"
    assert cls(api_key=API_KEY, base_url="https://arg.corex.test/").base_url == (
        "https://arg.corex.test"
    )


async def test_base_url_path_prefix_is_kept(make_api: MakeApi, mock: respx.MockRouter) -> None:
    route = mock.get("/corex/v1/models").respond(json={"data": [MODEL_JSON]})
    api = make_api(base_url=httpx2.URL(f"{BASE_URL}/corex/"))
    assert [m.id for m in await api.call("list_models")] == [MODEL_JSON["id"]]
    assert route.call_count == 1


@CLIENTS
@pytest.mark.parametrize(
    "url", ["ftp://corex.test", "corex.test", "http://", "http://corex.test/?a=1", "http://x/#f"]
)
def test_invalid_base_url(cls: type[ZaguanClient], url: str) -> None:
    with pytest.raises(ConfigurationError, match="base_url"):
        cls(api_key=API_KEY, base_url=url)


# -- Timeout, retries, headers, http_client -----------------------------------------------


async def test_default_timeout_is_600s_with_10s_to_connect(
    api: Api, mock: respx.MockRouter
) -> None:
    route = _models_route(mock)
    await api.call("list_models")
    sent = route.calls.last.request.extensions["timeout"]
    assert sent == {"connect": 10.0, "read": 600.0, "write": 600.0, "pool": 600.0}


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (5, {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}),
        (2.5, {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}),
        (httpx2.Timeout(7, connect=1), {"connect": 1.0, "read": 7.0, "write": 7.0, "pool": 7.0}),
    ],
)
async def test_client_timeout(
    make_api: MakeApi,
    mock: respx.MockRouter,
    timeout: float | httpx2.Timeout,
    expected: dict[str, float],
) -> None:
    route = _models_route(mock)
    await make_api(timeout=timeout).call("list_models")
    assert route.calls.last.request.extensions["timeout"] == expected


@CLIENTS
@pytest.mark.parametrize("timeout", [0, -1, "5", True, float("nan")])
def test_invalid_timeout(cls: type[ZaguanClient], timeout: object) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        cls(api_key=API_KEY, timeout=timeout)  # type: ignore[arg-type]


@CLIENTS
@pytest.mark.parametrize("max_retries", [-1, 1.5, True, "2", None])
def test_invalid_max_retries(cls: type[ZaguanClient], max_retries: object) -> None:
    with pytest.raises(ConfigurationError, match="max_retries"):
        cls(api_key=API_KEY, max_retries=max_retries)  # type: ignore[arg-type]


@CLIENTS
@pytest.mark.parametrize("value", ["a\r\nX-Evil: 1", "caf\u00e9", 3])
def test_invalid_default_header(cls: type[ZaguanClient], value: object) -> None:
    with pytest.raises(ConfigurationError, match="X-Team"):
        cls(api_key=API_KEY, default_headers={"X-Team": value})  # type: ignore[dict-item]


def test_http_client_of_the_wrong_flavour() -> None:
    with pytest.raises(ConfigurationError, match=r"httpx2\.Client"):
        ZaguanClient(api_key=API_KEY, http_client=httpx2.AsyncClient())  # type: ignore[arg-type]
    with httpx2.Client() as sync_http, pytest.raises(ConfigurationError, match="AsyncClient"):
        AsyncZaguanClient(api_key=API_KEY, http_client=sync_http)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "old", "wanted"),
    [
        (ZaguanClient, "Client", r"pass an httpx2\.Client \(or zaguan\.DefaultHttpxClient"),
        (AsyncZaguanClient, "AsyncClient", r"httpx2\.AsyncClient \(or zaguan\.DefaultAsync"),
    ],
)
def test_an_httpx_0x_client_is_refused_with_what_to_pass(
    cls: type[ZaguanClient], old: str, wanted: str
) -> None:
    """httpx 0.x (respx brings it into this venv) is not our stack: the error names httpx2."""
    import httpx  # noqa: PLC0415  # only here: zaguan itself never imports it

    http = getattr(httpx, old)()  # never used: nothing to close (no connection was made)
    with pytest.raises(ConfigurationError, match=wanted):
        cls(api_key=API_KEY, http_client=http)


# -- Lifecycle and repr -------------------------------------------------------------------


def test_sync_context_manager_closes_its_own_pool() -> None:
    with ZaguanClient(api_key=API_KEY) as client:
        assert isinstance(client, ZaguanClient)
        assert not client._http.is_closed
    assert client._http.is_closed


async def test_async_context_manager_closes_its_own_pool() -> None:
    async with AsyncZaguanClient(api_key=API_KEY) as client:
        assert isinstance(client, AsyncZaguanClient)
        assert not client._http.is_closed
    assert client._http.is_closed


async def test_close_closes_its_own_pool(api: Api) -> None:
    assert not api.client._http.is_closed
    await api.aclose()
    assert api.client._http.is_closed


async def test_close_leaves_a_callers_http_client_open(
    make_api: MakeApi, mock: respx.MockRouter, flavour: str
) -> None:
    mock.get("/health").respond(json=HEALTH_JSON)
    http = httpx2.AsyncClient() if flavour == "async" else httpx2.Client()
    try:
        api = make_api(http_client=http)
        await api.call("health")
        await api.aclose()
        assert not http.is_closed
        await api.call("health")  # still usable by its owner, through us or not
    finally:
        if isinstance(http, httpx2.AsyncClient):
            await http.aclose()
        else:
            http.close()


@CLIENTS
def test_repr_shows_the_base_url_and_never_the_key(cls: type[ZaguanClient]) -> None:
    client = cls(api_key=API_KEY, base_url=BASE_URL)
    assert BASE_URL in repr(client)
    assert API_KEY not in repr(client)
    assert API_KEY not in repr(client._config)
