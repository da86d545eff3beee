from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.provider_status_list import ProviderStatusList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/providers/status",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ErrorResponse | ProviderStatusList | None:
    if response.status_code == 200:
        response_200 = ProviderStatusList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[ErrorResponse | ProviderStatusList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | ProviderStatusList]:
    """Get the status of every provider

     The health of each provider CoreX is configured with, as CoreX last saw it: one entry per
    provider, with `status` `operational` (answering normally), `degraded` (answering slowly
    or with errors) or `down` (not answering), an open set. `latency_ms` is a recent median
    of the provider's answers and `checked_at` when CoreX last checked; both are absent when
    the provider has not been checked yet. `message` says why a provider is not
    operational. (CoreX keeps no public schema of this endpoint; this shape is the
    contract's choice, OpenAI-style `{"data": [...]}`.)

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProviderStatusList]
    """

    kwargs = _get_kwargs(
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | ProviderStatusList | None:
    """Get the status of every provider

     The health of each provider CoreX is configured with, as CoreX last saw it: one entry per
    provider, with `status` `operational` (answering normally), `degraded` (answering slowly
    or with errors) or `down` (not answering), an open set. `latency_ms` is a recent median
    of the provider's answers and `checked_at` when CoreX last checked; both are absent when
    the provider has not been checked yet. `message` says why a provider is not
    operational. (CoreX keeps no public schema of this endpoint; this shape is the
    contract's choice, OpenAI-style `{"data": [...]}`.)

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProviderStatusList
    """

    return sync_detailed(
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | ProviderStatusList]:
    """Get the status of every provider

     The health of each provider CoreX is configured with, as CoreX last saw it: one entry per
    provider, with `status` `operational` (answering normally), `degraded` (answering slowly
    or with errors) or `down` (not answering), an open set. `latency_ms` is a recent median
    of the provider's answers and `checked_at` when CoreX last checked; both are absent when
    the provider has not been checked yet. `message` says why a provider is not
    operational. (CoreX keeps no public schema of this endpoint; this shape is the
    contract's choice, OpenAI-style `{"data": [...]}`.)

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProviderStatusList]
    """

    kwargs = _get_kwargs(
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | ProviderStatusList | None:
    """Get the status of every provider

     The health of each provider CoreX is configured with, as CoreX last saw it: one entry per
    provider, with `status` `operational` (answering normally), `degraded` (answering slowly
    or with errors) or `down` (not answering), an open set. `latency_ms` is a recent median
    of the provider's answers and `checked_at` when CoreX last checked; both are absent when
    the provider has not been checked yet. `message` says why a provider is not
    operational. (CoreX keeps no public schema of this endpoint; this shape is the
    contract's choice, OpenAI-style `{"data": [...]}`.)

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProviderStatusList
    """

    return (
        await asyncio_detailed(
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
