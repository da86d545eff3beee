from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch import Batch
from ...models.batch_create_request import BatchCreateRequest
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BatchCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Batch | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = Batch.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
) -> Response[Batch | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[Batch | ErrorResponse]:
    """Create a batch

     Runs the requests of an uploaded file (purpose `batch`, JSON Lines of
    `BatchRequestInput`) against `endpoint`, asynchronously, within `completion_window`. The
    batch is `validating` first: its file is checked line by line (valid JSON, the fields
    of `BatchRequestInput`, `method` `POST`, `url` equal to the batch's `endpoint`, a
    `custom_id` unique in the file, at most 50,000 lines and 200 MB); any fault fails the
    whole batch (`failed`, with `errors` naming each line). Then `in_progress`, `finalizing`
    and `completed`, with `output_file_id` (the lines that succeeded) and `error_file_id`
    (those that failed). An input file that does not exist is a 404; one whose purpose is not
    `batch` a 400. A retry with the same request id answers the batch it created (409 with
    another body).

    Args:
        x_request_id (str | Unset):
        body (BatchCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Batch | ErrorResponse]
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
    body: BatchCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> Batch | ErrorResponse | None:
    """Create a batch

     Runs the requests of an uploaded file (purpose `batch`, JSON Lines of
    `BatchRequestInput`) against `endpoint`, asynchronously, within `completion_window`. The
    batch is `validating` first: its file is checked line by line (valid JSON, the fields
    of `BatchRequestInput`, `method` `POST`, `url` equal to the batch's `endpoint`, a
    `custom_id` unique in the file, at most 50,000 lines and 200 MB); any fault fails the
    whole batch (`failed`, with `errors` naming each line). Then `in_progress`, `finalizing`
    and `completed`, with `output_file_id` (the lines that succeeded) and `error_file_id`
    (those that failed). An input file that does not exist is a 404; one whose purpose is not
    `batch` a 400. A retry with the same request id answers the batch it created (409 with
    another body).

    Args:
        x_request_id (str | Unset):
        body (BatchCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Batch | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[Batch | ErrorResponse]:
    """Create a batch

     Runs the requests of an uploaded file (purpose `batch`, JSON Lines of
    `BatchRequestInput`) against `endpoint`, asynchronously, within `completion_window`. The
    batch is `validating` first: its file is checked line by line (valid JSON, the fields
    of `BatchRequestInput`, `method` `POST`, `url` equal to the batch's `endpoint`, a
    `custom_id` unique in the file, at most 50,000 lines and 200 MB); any fault fails the
    whole batch (`failed`, with `errors` naming each line). Then `in_progress`, `finalizing`
    and `completed`, with `output_file_id` (the lines that succeeded) and `error_file_id`
    (those that failed). An input file that does not exist is a 404; one whose purpose is not
    `batch` a 400. A retry with the same request id answers the batch it created (409 with
    another body).

    Args:
        x_request_id (str | Unset):
        body (BatchCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Batch | ErrorResponse]
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
    body: BatchCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> Batch | ErrorResponse | None:
    """Create a batch

     Runs the requests of an uploaded file (purpose `batch`, JSON Lines of
    `BatchRequestInput`) against `endpoint`, asynchronously, within `completion_window`. The
    batch is `validating` first: its file is checked line by line (valid JSON, the fields
    of `BatchRequestInput`, `method` `POST`, `url` equal to the batch's `endpoint`, a
    `custom_id` unique in the file, at most 50,000 lines and 200 MB); any fault fails the
    whole batch (`failed`, with `errors` naming each line). Then `in_progress`, `finalizing`
    and `completed`, with `output_file_id` (the lines that succeeded) and `error_file_id`
    (those that failed). An input file that does not exist is a 404; one whose purpose is not
    `batch` a 400. A retry with the same request id answers the batch it created (409 with
    another body).

    Args:
        x_request_id (str | Unset):
        body (BatchCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Batch | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_request_id=x_request_id,
        )
    ).parsed
