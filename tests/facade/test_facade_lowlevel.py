"""``client.lowlevel``: the generated client on the facade's pool, key and request ids."""

from __future__ import annotations

import httpx2
import pytest
import respx
from facade_support import API_KEY, MODEL, MODEL_JSON, Api, MakeApi, is_uuid4

import zaguan
from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan_corex_client import AuthenticatedClient
from zaguan_corex_client.api.models import list_models, retrieve_model
from zaguan_corex_client.models import ErrorResponse, Model, ModelList
from zaguan_corex_client.types import Response


async def _list_models(api: Api) -> Response[ErrorResponse | ModelList]:
    if api.is_async:
        return await list_models.asyncio_detailed(client=api.client.lowlevel)
    return list_models.sync_detailed(client=api.client.lowlevel)


async def test_lowlevel_call_is_authenticated_and_has_a_request_id(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/v1/models").respond(json={"data": [MODEL_JSON]})
    response = await _list_models(api)
    assert response.status_code == 200
    assert isinstance(response.parsed, ModelList)
    assert [m.id for m in response.parsed.data] == [MODEL]
    headers = route.calls.last.request.headers
    assert headers.get_list("Authorization") == [f"Bearer {API_KEY}"]
    assert is_uuid4(headers["X-Request-Id"])
    assert headers["User-Agent"] == f"zaguan-corex-python/{zaguan.__version__}"


async def test_lowlevel_request_ids_are_fresh_or_the_callers(
    api: Api, mock: respx.MockRouter
) -> None:
    route = mock.get("/v1/models/openai%2Fgpt-4o-mini").respond(json=MODEL_JSON)
    lowlevel = api.client.lowlevel
    for request_id in ("ll-1", None, None):
        kwargs = {} if request_id is None else {"x_request_id": request_id}
        if api.is_async:
            parsed = await retrieve_model.asyncio(MODEL, client=lowlevel, **kwargs)
        else:
            parsed = retrieve_model.sync(MODEL, client=lowlevel, **kwargs)
        assert isinstance(parsed, Model)
    first, second, third = (c.request.headers.get_list("X-Request-Id") for c in route.calls)
    assert first == ["ll-1"]
    assert is_uuid4(second[0])
    assert is_uuid4(third[0])
    assert second != third


async def test_lowlevel_is_made_once(api: Api) -> None:
    lowlevel = api.client.lowlevel
    assert isinstance(lowlevel, AuthenticatedClient)
    assert api.client.lowlevel is lowlevel


async def test_lowlevel_sends_through_a_callers_http_client(
    make_api: MakeApi, flavour: str
) -> None:
    """Through its ``send``, so through its transport: its pool, its hooks, its mock. (The
    local CoreX tests count the connections: tests/e2e/test_methods.py.)"""
    seen: list[tuple[str, str]] = []

    def answer(request: httpx2.Request) -> httpx2.Response:
        seen.append(("transport", request.headers["Authorization"]))
        return httpx2.Response(200, json={"data": [MODEL_JSON]})

    def hook(request: httpx2.Request) -> None:
        seen.append(("hook", request.url.path))

    async def ahook(request: httpx2.Request) -> None:
        hook(request)

    mock = httpx2.MockTransport(answer)
    http: httpx2.Client | httpx2.AsyncClient = (
        httpx2.AsyncClient(transport=mock, event_hooks={"request": [ahook]})
        if flavour == "async"
        else httpx2.Client(transport=mock, event_hooks={"request": [hook]})
    )
    api = make_api(http_client=http)
    response = await _list_models(api)
    assert isinstance(response.parsed, ModelList)
    assert seen == [("hook", "/v1/models"), ("transport", f"Bearer {API_KEY}")]
    assert http.headers.get("Authorization") is None  # ours were not forced on it
    if isinstance(http, httpx2.AsyncClient):
        await http.aclose()
    else:
        http.close()


async def test_closing_lowlevel_leaves_the_pool_open(api: Api, mock: respx.MockRouter) -> None:
    mock.get("/v1/models").respond(json={"data": [MODEL_JSON]})
    lowlevel = api.client.lowlevel
    if api.is_async:
        await lowlevel.get_async_httpx_client().aclose()
    else:
        lowlevel.get_httpx_client().close()
    assert not api.client.is_closed
    assert await api.call("list_models")


@pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])
def test_lowlevel_repr_never_shows_the_key(cls: type[ZaguanClient]) -> None:
    client = cls(api_key=API_KEY)
    assert API_KEY not in repr(client.lowlevel)
