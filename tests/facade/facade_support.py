"""Payloads and byte streams shared by the facade tests; `Api`, the sync/async adapter, is the
suites' one (`tests.adapter`), re-exported here."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx2

# respx writes a route's answers as httpx (0.x) responses, the library it was made for, and hands
# them to our httpx2 clients through its httpcore2 mocker (pytest-httpx2): whatever the client,
# what a route returns is built with `Reply`.
from httpx import Response as Reply

from tests.adapter import Api

BASE_URL = "https://corex.test"  # http:// to a remote host warns (InsecureTransportWarning)
API_KEY = "sk-zaguan-test-0123456789abcdef"
MODEL = "openai/gpt-4o-mini"
MESSAGES: list[dict[str, Any]] = [{"role": "user", "content": "Hi"}]
CHAT_PATH = "/v1/chat/completions"


# -- JSON bodies --------------------------------------------------------------------------


def completion_json(content: str = "Hello!", **fields: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": MODEL,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
        **fields,
    }


def chunk_json(
    delta: dict[str, Any] | None = None,
    *,
    finish_reason: str | None = None,
    usage: dict[str, int] | None = None,
) -> dict[str, Any]:
    """One ``chat.completion.chunk``; no ``delta`` means no choices (the usage chunk)."""
    choices = (
        [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish_reason}]
    )
    chunk: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": MODEL,
        "choices": choices,
    }
    if usage is not None:
        chunk["usage"] = usage
    return chunk


def text_chunk(content: str) -> dict[str, Any]:
    return chunk_json({"content": content})


def error_json(
    error_type: str, message: str = "Something went wrong.", **fields: Any
) -> dict[str, Any]:
    return {"error": {"type": error_type, "message": message, **fields}}


MODEL_JSON: dict[str, Any] = {"id": MODEL, "object": "model", "owned_by": "openai"}
BALANCE_JSON: dict[str, Any] = {"credits_remaining": 90, "credits_total": 100, "credits_used": 10}
HEALTH_JSON: dict[str, Any] = {"status": "ok", "version": "1.2.3"}
STATS_JSON: dict[str, Any] = {"period": "month", "total_credits_used": 10, "total_requests": 4}
CAPABILITIES_JSON: dict[str, Any] = {"data": [{"model_id": MODEL, "supports_tools": True}]}


def history_entry_json(entry_id: str) -> dict[str, Any]:
    return {
        "id": entry_id,
        "timestamp": "2026-01-02T03:04:05+00:00",
        "request_id": f"req-{entry_id}",
        "model": MODEL,
        "status": "success",
    }


def history_json(*ids: str, next_cursor: str | None = None) -> dict[str, Any]:
    return {
        "entries": [history_entry_json(i) for i in ids],
        "has_more": next_cursor is not None,
        "next_cursor": next_cursor,
    }


# -- Server-sent events -------------------------------------------------------------------


def sse(*events: dict[str, Any] | str, done: bool = True) -> bytes:
    """A ``text/event-stream`` body: one ``data:`` event per item, then ``[DONE]``."""
    lines = [
        f"data: {e if isinstance(e, str) else json.dumps(e, ensure_ascii=False)}\n\n"
        for e in events
    ]
    if done:
        lines.append("data: [DONE]\n\n")
    return "".join(lines).encode()


def split_every(body: bytes, size: int) -> list[bytes]:
    return [body[i : i + size] for i in range(0, len(body), size)]


class Pieces(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A response body delivered in the given pieces, for both clients; optionally fails
    with ``error`` after the last piece, and records whether the client closed it."""

    def __init__(self, pieces: list[bytes], *, error: Exception | None = None) -> None:
        self.pieces = pieces
        self.error = error
        self.closed = False
        self.pulled = 0  # pieces handed to the client so far

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.pulled += 1
            yield piece
        if self.error is not None:
            raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def event_stream(body: bytes | list[bytes], **kwargs: Any) -> Reply:
    """A 200 ``text/event-stream`` response whose body arrives in pieces."""
    pieces = [body] if isinstance(body, bytes) else body
    return Reply(
        200, headers={"Content-Type": "text/event-stream"}, stream=Pieces(pieces, **kwargs)
    )


def is_uuid4(value: str) -> bool:
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return False
    return parsed.version == 4 and str(parsed) == value


MakeApi = Callable[..., Api]
