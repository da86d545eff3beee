from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.message_count_tokens_request import MessageCountTokensRequest
from ...models.message_tokens_count import MessageTokensCount
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MessageCountTokensRequest,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/messages/count_tokens",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ErrorResponse | MessageTokensCount | None:
    if response.status_code == 200:
        response_200 = MessageTokensCount.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[ErrorResponse | MessageTokensCount]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MessageCountTokensRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | MessageTokensCount]:
    """Count the tokens of a message request

     The number of input tokens a Messages request would use (`system`, `messages`, `tools`
    and, when given, `thinking` and `tool_choice`), without creating a message. The count is
    an estimate by the provider and is not charged as a message.

    Args:
        x_request_id (str | Unset):
        body (MessageCountTokensRequest): The parts of a Messages request that take input tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageTokensCount]
    """

    kwargs = _get_kwargs(
        body=body,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MessageCountTokensRequest,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | MessageTokensCount | None:
    """Count the tokens of a message request

     The number of input tokens a Messages request would use (`system`, `messages`, `tools`
    and, when given, `thinking` and `tool_choice`), without creating a message. The count is
    an estimate by the provider and is not charged as a message.

    Args:
        x_request_id (str | Unset):
        body (MessageCountTokensRequest): The parts of a Messages request that take input tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageTokensCount
    """

    return sync_detailed(
        client=client,
        body=body,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MessageCountTokensRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | MessageTokensCount]:
    """Count the tokens of a message request

     The number of input tokens a Messages request would use (`system`, `messages`, `tools`
    and, when given, `thinking` and `tool_choice`), without creating a message. The count is
    an estimate by the provider and is not charged as a message.

    Args:
        x_request_id (str | Unset):
        body (MessageCountTokensRequest): The parts of a Messages request that take input tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageTokensCount]
    """

    kwargs = _get_kwargs(
        body=body,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MessageCountTokensRequest,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | MessageTokensCount | None:
    """Count the tokens of a message request

     The number of input tokens a Messages request would use (`system`, `messages`, `tools`
    and, when given, `thinking` and `tool_choice`), without creating a message. The count is
    an estimate by the provider and is not charged as a message.

    Args:
        x_request_id (str | Unset):
        body (MessageCountTokensRequest): The parts of a Messages request that take input tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageTokensCount
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_request_id=x_request_id,
        )
    ).parsed
