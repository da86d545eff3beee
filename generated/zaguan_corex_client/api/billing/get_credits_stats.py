import datetime
from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credits_stats import CreditsStats
from ...models.error_response import ErrorResponse
from ...models.get_credits_stats_period import (
    GetCreditsStatsPeriod,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: GetCreditsStatsPeriod | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period

    params["period"] = json_period

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/credits/stats",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreditsStats | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CreditsStats.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

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
) -> Response[CreditsStats | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: GetCreditsStatsPeriod | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[CreditsStats | ErrorResponse]:
    """Get aggregated credits usage

     Usage summed over a period, broken down by provider, model, band and day.

    Args:
        period (GetCreditsStatsPeriod | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditsStats | ErrorResponse]
    """

    kwargs = _get_kwargs(
        period=period,
        start_date=start_date,
        end_date=end_date,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    period: GetCreditsStatsPeriod | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> CreditsStats | ErrorResponse | None:
    """Get aggregated credits usage

     Usage summed over a period, broken down by provider, model, band and day.

    Args:
        period (GetCreditsStatsPeriod | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditsStats | ErrorResponse
    """

    return sync_detailed(
        client=client,
        period=period,
        start_date=start_date,
        end_date=end_date,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: GetCreditsStatsPeriod | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[CreditsStats | ErrorResponse]:
    """Get aggregated credits usage

     Usage summed over a period, broken down by provider, model, band and day.

    Args:
        period (GetCreditsStatsPeriod | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditsStats | ErrorResponse]
    """

    kwargs = _get_kwargs(
        period=period,
        start_date=start_date,
        end_date=end_date,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    period: GetCreditsStatsPeriod | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> CreditsStats | ErrorResponse | None:
    """Get aggregated credits usage

     Usage summed over a period, broken down by provider, model, band and day.

    Args:
        period (GetCreditsStatsPeriod | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditsStats | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            start_date=start_date,
            end_date=end_date,
            x_request_id=x_request_id,
        )
    ).parsed


from typing import TypedDict


class GetCreditsStatsQuery(TypedDict, total=False):
    """The query parameters of `get_credits_stats`, by their names on the wire."""

    period: GetCreditsStatsPeriod
    """ The period to aggregate over, ending today (server default `month`). """
    start_date: datetime.date | str
    """ First day (UTC, inclusive); overrides `period`'s start. """
    end_date: datetime.date | str
    """ Last day (UTC, inclusive). """


QUERY_BOUNDS: dict[str, tuple[float | None, float | None]] = {}
"""Each bounded query parameter's (minimum, maximum), inclusive; None where unbounded."""
