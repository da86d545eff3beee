"""A caller's http_client whose response hook runs raise_for_status(): still the SDK's errors."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest
import respx
from facade_support import API_KEY, BASE_URL, MODEL_JSON, Reply

from zaguan import APIConnectionError, AsyncZaguanClient, NotFoundError, ZaguanClient


def _raise(response: httpx2.Response) -> None:
    response.read()
    response.raise_for_status()


async def _araise(response: httpx2.Response) -> None:
    await response.aread()
    response.raise_for_status()


def _raise_always(response: httpx2.Response) -> None:
    raise httpx2.HTTPStatusError("hook", request=response.request, response=response)


async def _araise_always(response: httpx2.Response) -> None:
    _raise_always(response)


async def get_model(flavour: str, hook: str, **options: Any) -> Any:
    if flavour == "sync":
        hooks = {"response": [_raise if hook == "status" else _raise_always]}
        with ZaguanClient(
            "sk-test-key", base_url=BASE_URL, http_client=httpx2.Client(event_hooks=hooks)
        ) as c:
            return c.get_model("openai/gpt-4o-mini", **options)
    ahooks = {"response": [_araise if hook == "status" else _araise_always]}
    ahttp = httpx2.AsyncClient(event_hooks=ahooks)
    async with AsyncZaguanClient(API_KEY, base_url=BASE_URL, http_client=ahttp) as ac:
        return await ac.get_model("openai/gpt-4o-mini", **options)


async def test_hook_status_error_maps_to_the_sdk_error(
    flavour: str, mock: respx.MockRouter
) -> None:
    mock.get(url__regex=r"/v1/models/.*").respond(
        404, json={"error": {"message": "no", "type": "not_found_error"}}
    )
    with pytest.raises(NotFoundError):
        await get_model(flavour, "status")


async def test_hook_status_error_is_retried_like_a_response(
    flavour: str, mock: respx.MockRouter
) -> None:
    route = mock.get(url__regex=r"/v1/models/.*")
    route.side_effect = [Reply(503, text="busy"), Reply(200, json=MODEL_JSON)]
    model = await get_model(flavour, "status")
    assert model.id == MODEL_JSON["id"]
    assert route.call_count == 2


async def test_hook_raising_on_success_is_a_connection_error_not_a_crash(
    flavour: str, mock: respx.MockRouter
) -> None:
    route = mock.get(url__regex=r"/v1/models/.*").respond(200, json=MODEL_JSON)
    with pytest.raises(APIConnectionError, match="HTTPStatusError"):
        await get_model(flavour, "always")
    assert route.call_count == 1  # not retried
