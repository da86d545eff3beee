from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_create_request import FileCreateRequest
from ...models.file_object import FileObject
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FileCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/files",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ErrorResponse | FileObject | None:
    if response.status_code == 200:
        response_200 = FileObject.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

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
) -> Response[ErrorResponse | FileObject]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | FileObject]:
    """Upload a file

     Uploads a file (`multipart/form-data`: `file` and `purpose`) and answers its `FileObject`.
    A batch's input is a file of purpose `batch`: JSON Lines, one `BatchRequestInput` per
    line (named under the `file` part's `x-zaguan-item-schema`), at most 50,000 lines and
    200 MB (209,715,200 bytes), which `POST /v1/batches` checks. One upload is at most
    512 MB (536,870,912 bytes, the `file` part's `x-zaguan-limits`); a larger one is a 413
    (typed clients refuse it before sending). A retry with the same request id answers the
    file it created (409 with another body).

    Args:
        x_request_id (str | Unset):
        body (FileCreateRequest): A file upload, sent as `multipart/form-data`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileObject]
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
    body: FileCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | FileObject | None:
    """Upload a file

     Uploads a file (`multipart/form-data`: `file` and `purpose`) and answers its `FileObject`.
    A batch's input is a file of purpose `batch`: JSON Lines, one `BatchRequestInput` per
    line (named under the `file` part's `x-zaguan-item-schema`), at most 50,000 lines and
    200 MB (209,715,200 bytes), which `POST /v1/batches` checks. One upload is at most
    512 MB (536,870,912 bytes, the `file` part's `x-zaguan-limits`); a larger one is a 413
    (typed clients refuse it before sending). A retry with the same request id answers the
    file it created (409 with another body).

    Args:
        x_request_id (str | Unset):
        body (FileCreateRequest): A file upload, sent as `multipart/form-data`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileObject
    """

    return sync_detailed(
        client=client,
        body=body,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | FileObject]:
    """Upload a file

     Uploads a file (`multipart/form-data`: `file` and `purpose`) and answers its `FileObject`.
    A batch's input is a file of purpose `batch`: JSON Lines, one `BatchRequestInput` per
    line (named under the `file` part's `x-zaguan-item-schema`), at most 50,000 lines and
    200 MB (209,715,200 bytes), which `POST /v1/batches` checks. One upload is at most
    512 MB (536,870,912 bytes, the `file` part's `x-zaguan-limits`); a larger one is a 413
    (typed clients refuse it before sending). A retry with the same request id answers the
    file it created (409 with another body).

    Args:
        x_request_id (str | Unset):
        body (FileCreateRequest): A file upload, sent as `multipart/form-data`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileObject]
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
    body: FileCreateRequest,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | FileObject | None:
    """Upload a file

     Uploads a file (`multipart/form-data`: `file` and `purpose`) and answers its `FileObject`.
    A batch's input is a file of purpose `batch`: JSON Lines, one `BatchRequestInput` per
    line (named under the `file` part's `x-zaguan-item-schema`), at most 50,000 lines and
    200 MB (209,715,200 bytes), which `POST /v1/batches` checks. One upload is at most
    512 MB (536,870,912 bytes, the `file` part's `x-zaguan-limits`); a larger one is a 413
    (typed clients refuse it before sending). A retry with the same request id answers the
    file it created (409 with another body).

    Args:
        x_request_id (str | Unset):
        body (FileCreateRequest): A file upload, sent as `multipart/form-data`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileObject
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_request_id=x_request_id,
        )
    ).parsed
