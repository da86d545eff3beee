from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_list import FileList
from ...models.list_files_order import ListFilesOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListFilesOrder | Unset = UNSET,
    purpose: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["purpose"] = purpose

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/files",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ErrorResponse | FileList | None:
    if response.status_code == 200:
        response_200 = FileList.from_dict(response.json())

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
) -> Response[ErrorResponse | FileList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListFilesOrder | Unset = UNSET,
    purpose: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | FileList]:
    """List files

     The key's files, newest first unless `order` is `asc`, paginated OpenAI-style: pass the
    previous page's `last_id` as `after` for the next page, while `has_more` is true.

    Args:
        after (str | Unset):
        limit (int | Unset):
        order (ListFilesOrder | Unset):
        purpose (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileList]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        order=order,
        purpose=purpose,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListFilesOrder | Unset = UNSET,
    purpose: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | FileList | None:
    """List files

     The key's files, newest first unless `order` is `asc`, paginated OpenAI-style: pass the
    previous page's `last_id` as `after` for the next page, while `has_more` is true.

    Args:
        after (str | Unset):
        limit (int | Unset):
        order (ListFilesOrder | Unset):
        purpose (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileList
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
        order=order,
        purpose=purpose,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListFilesOrder | Unset = UNSET,
    purpose: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | FileList]:
    """List files

     The key's files, newest first unless `order` is `asc`, paginated OpenAI-style: pass the
    previous page's `last_id` as `after` for the next page, while `has_more` is true.

    Args:
        after (str | Unset):
        limit (int | Unset):
        order (ListFilesOrder | Unset):
        purpose (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileList]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        order=order,
        purpose=purpose,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListFilesOrder | Unset = UNSET,
    purpose: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | FileList | None:
    """List files

     The key's files, newest first unless `order` is `asc`, paginated OpenAI-style: pass the
    previous page's `last_id` as `after` for the next page, while `has_more` is true.

    Args:
        after (str | Unset):
        limit (int | Unset):
        order (ListFilesOrder | Unset):
        purpose (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileList
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
            order=order,
            purpose=purpose,
            x_request_id=x_request_id,
        )
    ).parsed


from typing import TypedDict


class ListFilesQuery(TypedDict, total=False):
    """The query parameters of `list_files`, by their names on the wire."""

    after: str
    """ Only files after this file id in the order asked (the page after the one it ends). """
    limit: int
    """ Files per page, 1 to 10,000 (server default 10,000). """
    order: ListFilesOrder
    """ By `created_at`, `desc` (newest first, the server's default) or `asc`. """
    purpose: str
    """ Only files of this purpose (`batch`, `batch_output`, ...). """


QUERY_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "limit": (1, 10000),
}
"""Each bounded query parameter's (minimum, maximum), inclusive; None where unbounded."""
