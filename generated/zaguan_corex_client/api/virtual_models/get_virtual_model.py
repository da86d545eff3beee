from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.virtual_model import VirtualModel
from ...types import UNSET, Response, Unset


def _get_kwargs(
    model_id: str,
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/virtual-models/{model_id}".format(
            model_id=quote(str(model_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ErrorResponse | VirtualModel | None:
    if response.status_code == 200:
        response_200 = VirtualModel.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | VirtualModel]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | VirtualModel]:
    """Get a virtual model

     One virtual model by id. Its id may contain `/` (`acme/fast-chat`), so the path parameter
    is percent-encoded as one segment (`acme%2Ffast-chat`), as for `GET /v1/models/{model_id}`;
    servers accept the unencoded form too.

    Args:
        model_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VirtualModel]
    """

    kwargs = _get_kwargs(
        model_id=model_id,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | VirtualModel | None:
    """Get a virtual model

     One virtual model by id. Its id may contain `/` (`acme/fast-chat`), so the path parameter
    is percent-encoded as one segment (`acme%2Ffast-chat`), as for `GET /v1/models/{model_id}`;
    servers accept the unencoded form too.

    Args:
        model_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VirtualModel
    """

    return sync_detailed(
        model_id=model_id,
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | VirtualModel]:
    """Get a virtual model

     One virtual model by id. Its id may contain `/` (`acme/fast-chat`), so the path parameter
    is percent-encoded as one segment (`acme%2Ffast-chat`), as for `GET /v1/models/{model_id}`;
    servers accept the unencoded form too.

    Args:
        model_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VirtualModel]
    """

    kwargs = _get_kwargs(
        model_id=model_id,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | VirtualModel | None:
    """Get a virtual model

     One virtual model by id. Its id may contain `/` (`acme/fast-chat`), so the path parameter
    is percent-encoded as one segment (`acme%2Ffast-chat`), as for `GET /v1/models/{model_id}`;
    servers accept the unencoded form too.

    Args:
        model_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VirtualModel
    """

    return (
        await asyncio_detailed(
            model_id=model_id,
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
