import datetime
from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credits_history import CreditsHistory
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    model: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    band: str | Unset = UNSET,
    status: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    params["model"] = model

    params["provider"] = provider

    params["band"] = band

    params["status"] = status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/credits/history",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreditsHistory | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CreditsHistory.from_dict(response.json())

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
) -> Response[CreditsHistory | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    model: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    band: str | Unset = UNSET,
    status: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[CreditsHistory | ErrorResponse]:
    """List credits usage history

     One entry per accounted request, newest first, cursor-paginated: pass the previous page's
    `next_cursor` as `cursor` until `has_more` is false. Filters combine with AND.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        model (str | Unset):
        provider (str | Unset):
        band (str | Unset):
        status (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditsHistory | ErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        start_date=start_date,
        end_date=end_date,
        model=model,
        provider=provider,
        band=band,
        status=status,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    model: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    band: str | Unset = UNSET,
    status: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> CreditsHistory | ErrorResponse | None:
    """List credits usage history

     One entry per accounted request, newest first, cursor-paginated: pass the previous page's
    `next_cursor` as `cursor` until `has_more` is false. Filters combine with AND.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        model (str | Unset):
        provider (str | Unset):
        band (str | Unset):
        status (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditsHistory | ErrorResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        start_date=start_date,
        end_date=end_date,
        model=model,
        provider=provider,
        band=band,
        status=status,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    model: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    band: str | Unset = UNSET,
    status: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[CreditsHistory | ErrorResponse]:
    """List credits usage history

     One entry per accounted request, newest first, cursor-paginated: pass the previous page's
    `next_cursor` as `cursor` until `has_more` is false. Filters combine with AND.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        model (str | Unset):
        provider (str | Unset):
        band (str | Unset):
        status (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditsHistory | ErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        start_date=start_date,
        end_date=end_date,
        model=model,
        provider=provider,
        band=band,
        status=status,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    start_date: datetime.date | Unset = UNSET,
    end_date: datetime.date | Unset = UNSET,
    model: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    band: str | Unset = UNSET,
    status: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> CreditsHistory | ErrorResponse | None:
    """List credits usage history

     One entry per accounted request, newest first, cursor-paginated: pass the previous page's
    `next_cursor` as `cursor` until `has_more` is false. Filters combine with AND.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        start_date (datetime.date | Unset):
        end_date (datetime.date | Unset):
        model (str | Unset):
        provider (str | Unset):
        band (str | Unset):
        status (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditsHistory | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            start_date=start_date,
            end_date=end_date,
            model=model,
            provider=provider,
            band=band,
            status=status,
            x_request_id=x_request_id,
        )
    ).parsed


from typing import TypedDict


class ListCreditsHistoryQuery(TypedDict, total=False):
    """The query parameters of `list_credits_history`, by their names on the wire."""

    limit: int
    """ Entries per page, 1 to 100 (server default 20). """
    cursor: str
    """ Opaque cursor from a previous page's `next_cursor`. """
    start_date: datetime.date | str
    """ Only entries on or after this day (UTC, inclusive). """
    end_date: datetime.date | str
    """ Only entries on or before this day (UTC, inclusive). """
    model: str
    """ Only entries of this model id. """
    provider: str
    """ Only entries of this provider (`openai`, `anthropic`, ...). """
    band: str
    """ Only entries of this band (`A`, `B`, `C`, ...). """
    status: str
    """ Only entries of this status (`success`, `error`, `rate_limited`, or a later one). """


QUERY_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "limit": (1, 100),
}
"""Each bounded query parameter's (minimum, maximum), inclusive; None where unbounded."""
