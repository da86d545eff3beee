"""Client configuration as `openai` users expect it: `with_options`/`copy`, a key function,
`default_query`, read-only attributes; sync and async."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest
import respx
from facade_support import (
    API_KEY,
    CHAT_PATH,
    MESSAGES,
    MODEL,
    Api,
    MakeApi,
    Reply,
    completion_json,
    history_json,
)

import zaguan
from zaguan import AsyncZaguanClient, ConfigurationError, ZaguanClient
from zaguan_corex_client.api.models import list_models

OK = Reply(200, json=completion_json())


async def chat(api: Api, **options: Any) -> Any:
    return await api.call("chat", model=MODEL, messages=MESSAGES, **options)


def authorizations(route: respx.Route) -> list[str]:
    return [call.request.headers["Authorization"] for call in route.calls]


# -- with_options / copy ------------------------------------------------------------------------


async def test_with_options_changes_one_setting_and_shares_the_pool(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(side_effect=[Reply(503)] * 5 + [OK])
    patient = api.client.with_options(max_retries=5)
    assert type(patient) is type(api.client)
    assert patient._http is api.client._http
    assert (patient.max_retries, api.client.max_retries) == (5, 2)
    await chat(Api(patient))
    assert route.call_count == 6
    assert authorizations(route) == [f"Bearer {API_KEY}"] * 6  # the key came along


async def test_a_copy_leaves_the_pool_open_and_closing_the_original_closes_it(
    make_api: MakeApi,
) -> None:
    api = make_api()
    other = Api(api.client.copy(timeout=3))
    await other.aclose()
    assert not api.client.is_closed
    await api.aclose()
    assert other.client.is_closed


async def test_a_copy_sends_its_own_timeout_deadline_and_base_url(
    api: Api, mock: respx.MockRouter
) -> None:
    mock.post(CHAT_PATH).mock(return_value=OK)
    other = api.client.with_options(timeout=7, base_url="https://corex.test/", deadline=30)
    await chat(Api(other))
    sent = mock.calls.last.request
    assert sent.extensions["timeout"]["read"] <= 7
    assert other.timeout == httpx2.Timeout(7)
    assert other.deadline == 30
    assert api.client.deadline is None
    assert api.client.timeout.read == 600


async def test_a_copy_adds_headers_and_query_to_the_clients_own(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=OK)
    api = make_api(default_headers={"X-Team": "a"}, default_query={"tenant": "t1"})
    other = api.client.with_options(default_headers={"X-Env": "prod"}, default_query={"v": "2"})
    await chat(Api(other))
    sent = route.calls.last.request
    assert (sent.headers["X-Team"], sent.headers["X-Env"]) == ("a", "prod")
    assert dict(sent.url.params) == {"tenant": "t1", "v": "2"}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"timeout": 0}, "timeout"),
        ({"deadline": float("nan")}, "deadline"),
        ({"base_url": "ftp://x"}, "base_url"),
        ({"default_headers": "X-A: b"}, "default_headers"),
        ({"default_query": ["a"]}, "default_query"),
        ({"api_key": "key\n"}, "API key"),
    ],
)
async def test_a_bad_change_is_a_configuration_error(
    api: Api, change: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem) as info:
        api.client.with_options(**change)
    assert "key\n" not in str(info.value)


# -- default_query ------------------------------------------------------------------------------


async def test_default_query_goes_on_every_url_and_a_calls_own_query_wins(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    route = mock.get("/v1/credits/history").mock(return_value=Reply(200, json=history_json()))
    api = make_api(default_query={"tenant": "t1", "limit": 5})
    await api.call("get_credits_history", limit=7, extra_query={"trace": "1"})
    assert dict(route.calls.last.request.url.params) == {"tenant": "t1", "limit": "7", "trace": "1"}


# -- a key function -----------------------------------------------------------------------------


async def test_a_key_function_is_asked_before_every_attempt(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    keys = iter(["key-1", "key-2", "key-3"])
    route = mock.post(CHAT_PATH).mock(side_effect=[Reply(401), Reply(503), OK])
    api = make_api(api_key=lambda: next(keys), max_retries=2)
    with pytest.raises(zaguan.AuthenticationError):
        await chat(api)  # a 401 is final: one attempt, one key
    await chat(api)
    assert authorizations(route) == ["Bearer key-1", "Bearer key-2", "Bearer key-3"]


async def test_a_failing_key_function_sends_nothing(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=OK)

    def vault() -> str:
        raise LookupError("vault sealed")

    api = make_api(api_key=vault)
    with pytest.raises(ConfigurationError, match="api_key function raised LookupError") as info:
        await chat(api)
    assert isinstance(info.value.__cause__, LookupError)
    assert route.call_count == 0


async def test_a_bad_key_from_a_function_is_refused_without_showing_it(
    make_api: MakeApi, mock: respx.MockRouter
) -> None:
    route = mock.post(CHAT_PATH).mock(return_value=OK)
    api = make_api(api_key=lambda: "sk-secret-value\n")
    with pytest.raises(ConfigurationError, match="CR or LF") as info:
        await chat(api)
    assert "sk-secret" not in str(info.value)
    assert "sk-secret" not in repr(info.value)
    assert route.call_count == 0


def test_the_lowlevel_client_asks_the_key_function_too(mock: respx.MockRouter) -> None:
    route = mock.get("/v1/models").mock(
        return_value=Reply(200, json={"object": "list", "data": []})
    )
    with ZaguanClient(lambda: "rotated", base_url="https://corex.test") as client:
        list_models.sync_detailed(client=client.lowlevel)
    assert authorizations(route) == ["Bearer rotated"]


# -- read-only attributes -----------------------------------------------------------------------


@pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])
@pytest.mark.parametrize(
    "name", ["base_url", "timeout", "max_retries", "deadline", "stream_idle_timeout", "is_closed"]
)
def test_settings_are_read_only(cls: type[Any], name: str) -> None:
    client = cls(API_KEY, base_url="https://corex.test")
    with pytest.raises(AttributeError):
        setattr(client, name, None)


@pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])
def test_no_attribute_or_repr_reveals_the_key(cls: type[Any]) -> None:
    client = cls(API_KEY, base_url="https://corex.test", deadline=9, stream_idle_timeout=4)
    shown = [repr(client), repr(client._config)] + [
        repr(getattr(client, name))
        for name in ("base_url", "timeout", "max_retries", "deadline", "stream_idle_timeout")
    ]
    assert not any(API_KEY in text for text in shown)
    assert (client.deadline, client.stream_idle_timeout, client.max_retries) == (9.0, 4.0, 2)


# -- the pool ------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [zaguan.DefaultHttpxClient, zaguan.DefaultAsyncHttpxClient])
def test_default_httpx_clients_keep_the_sdks_timeout_unless_given(cls: type[Any]) -> None:
    # Their pools (the SDK's 100 connections, all kept alive, or the limits given) are
    # measured against the local CoreX: tests/e2e/test_pool.py.
    assert cls().timeout == httpx2.Timeout(600, connect=10)
    assert cls(timeout=5).timeout == httpx2.Timeout(5)
