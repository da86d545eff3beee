from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.message import Message
from ...models.message_request import MessageRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MessageRequest,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/messages",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ErrorResponse | Message | None:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
) -> Response[ErrorResponse | Message]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MessageRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | Message]:
    """Create a message (Anthropic Messages API)

     The Anthropic Messages API, passed through: sends `messages` (alternating `user` and
    `assistant` turns) with an optional top-level `system` prompt and returns the assistant's
    `Message`, whose `content` is a list of blocks (`text`, `thinking`, `redacted_thinking`,
    `tool_use`, or later types, kept whole). Any model CoreX routes may be named; CoreX
    translates for non-Anthropic providers.

    With `"stream": true` the answer is `text/event-stream` with Anthropic's named events, one
    `MessageStreamEvent` each, whose `event` equals the `type` of its JSON `data`:
    `message_start` (a `Message` with empty `content`), then per content block
    `content_block_start`, `content_block_delta`s (`text_delta`, `thinking_delta`,
    `signature_delta`, `input_json_delta` — partial JSON of a `tool_use` input, to be
    concatenated), `content_block_stop`; then `message_delta` (`stop_reason`,
    `stop_sequence`, cumulative `usage`) and `message_stop`. `ping` may come at any time; an
    `error` event (`{"type": "error", "error": {"type", "message"}}`) ends a stream that fails
    after it started. There is no `[DONE]`. Event types not listed here may appear later and
    are to be skipped or kept, never fatal.

    Args:
        x_request_id (str | Unset):
        body (MessageRequest): An Anthropic Messages request. Only the fields the caller sets are
            sent; fields this
            document does not list are passed through to the provider unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Message]
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
    body: MessageRequest,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | Message | None:
    """Create a message (Anthropic Messages API)

     The Anthropic Messages API, passed through: sends `messages` (alternating `user` and
    `assistant` turns) with an optional top-level `system` prompt and returns the assistant's
    `Message`, whose `content` is a list of blocks (`text`, `thinking`, `redacted_thinking`,
    `tool_use`, or later types, kept whole). Any model CoreX routes may be named; CoreX
    translates for non-Anthropic providers.

    With `"stream": true` the answer is `text/event-stream` with Anthropic's named events, one
    `MessageStreamEvent` each, whose `event` equals the `type` of its JSON `data`:
    `message_start` (a `Message` with empty `content`), then per content block
    `content_block_start`, `content_block_delta`s (`text_delta`, `thinking_delta`,
    `signature_delta`, `input_json_delta` — partial JSON of a `tool_use` input, to be
    concatenated), `content_block_stop`; then `message_delta` (`stop_reason`,
    `stop_sequence`, cumulative `usage`) and `message_stop`. `ping` may come at any time; an
    `error` event (`{"type": "error", "error": {"type", "message"}}`) ends a stream that fails
    after it started. There is no `[DONE]`. Event types not listed here may appear later and
    are to be skipped or kept, never fatal.

    Args:
        x_request_id (str | Unset):
        body (MessageRequest): An Anthropic Messages request. Only the fields the caller sets are
            sent; fields this
            document does not list are passed through to the provider unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Message
    """

    return sync_detailed(
        client=client,
        body=body,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MessageRequest,
    x_request_id: str | Unset = UNSET,
) -> Response[ErrorResponse | Message]:
    """Create a message (Anthropic Messages API)

     The Anthropic Messages API, passed through: sends `messages` (alternating `user` and
    `assistant` turns) with an optional top-level `system` prompt and returns the assistant's
    `Message`, whose `content` is a list of blocks (`text`, `thinking`, `redacted_thinking`,
    `tool_use`, or later types, kept whole). Any model CoreX routes may be named; CoreX
    translates for non-Anthropic providers.

    With `"stream": true` the answer is `text/event-stream` with Anthropic's named events, one
    `MessageStreamEvent` each, whose `event` equals the `type` of its JSON `data`:
    `message_start` (a `Message` with empty `content`), then per content block
    `content_block_start`, `content_block_delta`s (`text_delta`, `thinking_delta`,
    `signature_delta`, `input_json_delta` — partial JSON of a `tool_use` input, to be
    concatenated), `content_block_stop`; then `message_delta` (`stop_reason`,
    `stop_sequence`, cumulative `usage`) and `message_stop`. `ping` may come at any time; an
    `error` event (`{"type": "error", "error": {"type", "message"}}`) ends a stream that fails
    after it started. There is no `[DONE]`. Event types not listed here may appear later and
    are to be skipped or kept, never fatal.

    Args:
        x_request_id (str | Unset):
        body (MessageRequest): An Anthropic Messages request. Only the fields the caller sets are
            sent; fields this
            document does not list are passed through to the provider unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Message]
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
    body: MessageRequest,
    x_request_id: str | Unset = UNSET,
) -> ErrorResponse | Message | None:
    """Create a message (Anthropic Messages API)

     The Anthropic Messages API, passed through: sends `messages` (alternating `user` and
    `assistant` turns) with an optional top-level `system` prompt and returns the assistant's
    `Message`, whose `content` is a list of blocks (`text`, `thinking`, `redacted_thinking`,
    `tool_use`, or later types, kept whole). Any model CoreX routes may be named; CoreX
    translates for non-Anthropic providers.

    With `"stream": true` the answer is `text/event-stream` with Anthropic's named events, one
    `MessageStreamEvent` each, whose `event` equals the `type` of its JSON `data`:
    `message_start` (a `Message` with empty `content`), then per content block
    `content_block_start`, `content_block_delta`s (`text_delta`, `thinking_delta`,
    `signature_delta`, `input_json_delta` — partial JSON of a `tool_use` input, to be
    concatenated), `content_block_stop`; then `message_delta` (`stop_reason`,
    `stop_sequence`, cumulative `usage`) and `message_stop`. `ping` may come at any time; an
    `error` event (`{"type": "error", "error": {"type", "message"}}`) ends a stream that fails
    after it started. There is no `[DONE]`. Event types not listed here may appear later and
    are to be skipped or kept, never fatal.

    Args:
        x_request_id (str | Unset):
        body (MessageRequest): An Anthropic Messages request. Only the fields the caller sets are
            sent; fields this
            document does not list are passed through to the provider unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Message
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_request_id=x_request_id,
        )
    ).parsed
