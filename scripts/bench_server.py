"""The benchmark's server: a minimal HTTP/1.1 server on asyncio, run in its own process.

    python scripts/bench_server.py [--port 0]

Prints ``PORT <n>`` on stdout once it listens on 127.0.0.1, then serves until killed:
* ``POST /v1/chat/completions``: a canned chat completion (JSON), or, when the body asks for
  ``"stream": true``, 200 SSE chunks and ``data: [DONE]`` (chunked transfer encoding);
* ``POST /v1/messages`` with ``"stream": true``: an Anthropic Messages stream of 200 text
  deltas, with its named events (``message_start`` ... ``message_stop``);
* ``GET /v1/models``: a one-model list;
* ``GET /__stats``: ``{"connections": accepted TCP connections, "requests": n}`` (a
  connection opened to ask this is not counted).
It keeps connections alive and answers any key. The bodies are built once, at start, and
satisfy the parsers of every client `scripts/bench.py` measures (ours, openai, zaguan-sdk,
mistralai), so that the server costs almost nothing next to the client it serves.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re

CHUNKS = 200
MODEL = "openai/gpt-4o-mini"
_BASE = {"id": "chatcmpl-bench", "created": 1_700_000_000, "model": MODEL}
COMPLETION = {
    **_BASE,
    "object": "chat.completion",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hello from the benchmark server."},
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19},
}
MODELS = {"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "bench"}]}
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)
_STREAM = re.compile(rb'"stream"\s*:\s*true')


def chunk(i: int) -> dict[str, object]:
    """The ``i``-th of `CHUNKS` stream chunks: one word each; the last one says ``stop``."""
    delta = {"role": "assistant", "content": "w0 "} if i == 0 else {"content": f"w{i} "}
    last = i == CHUNKS - 1
    choice = {"index": 0, "delta": delta, "finish_reason": "stop" if last else None}
    return {**_BASE, "object": "chat.completion.chunk", "choices": [choice]}


def _json_response(body: object) -> bytes:
    data = json.dumps(body, separators=(",", ":")).encode()
    head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(data)}\r\n"
    return head.encode() + b"\r\n" + data


def _sse_response() -> bytes:
    """The whole streamed answer, one HTTP chunk per SSE event, written in one go: the client
    still reads it event by event, and the server spends no time per event."""
    events = [f"data: {json.dumps(chunk(i), separators=(',', ':'))}\n\n" for i in range(CHUNKS)]
    events.append("data: [DONE]\n\n")
    body = b"".join(f"{len(e):x}\r\n{e}\r\n".encode() for e in events) + b"0\r\n\r\n"
    head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n"
    return head + b"\r\n" + body


def _messages_event(kind: str, **fields: object) -> str:
    return f"event: {kind}\ndata: {json.dumps({'type': kind, **fields}, separators=(',', ':'))}\n\n"


def _messages_stream_response() -> bytes:
    """An Anthropic Messages stream of `CHUNKS` text deltas, one HTTP chunk per event."""
    message = {"id": "msg_bench", "type": "message", "role": "assistant", "content": [],
               "model": MODEL, "stop_reason": None, "stop_sequence": None,
               "usage": {"input_tokens": 12, "output_tokens": 1}}  # fmt: skip
    events = [
        _messages_event("message_start", message=message),
        _messages_event("content_block_start", index=0, content_block={"type": "text", "text": ""}),
        *(
            _messages_event(
                "content_block_delta", index=0, delta={"type": "text_delta", "text": f"w{i} "}
            )
            for i in range(CHUNKS)
        ),
        _messages_event("content_block_stop", index=0),
        _messages_event(
            "message_delta",
            delta={"stop_reason": "end_turn", "stop_sequence": None},
            usage={"output_tokens": CHUNKS},
        ),
        _messages_event("message_stop"),
    ]
    body = b"".join(f"{len(e):x}\r\n{e}\r\n".encode() for e in events) + b"0\r\n\r\n"
    head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n"
    return head + b"\r\n" + body


COMPLETION_BYTES = _json_response(COMPLETION)
MESSAGES_STREAM_BYTES = _messages_stream_response()
MODELS_BYTES = _json_response(MODELS)
STREAM_BYTES = _sse_response()
NOT_FOUND = (
    b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}"
)


class Stats:
    connections = 0
    requests = 0


class Connection(asyncio.Protocol):
    """One client connection: parse requests (``content-length`` bodies), answer each."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.buffer = b""
        self.answered = 0
        Stats.connections += 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head = self.buffer[:end]
            match = _CONTENT_LENGTH.search(head)
            total = end + 4 + (int(match.group(1)) if match else 0)
            if len(self.buffer) < total:
                return
            body, self.buffer = self.buffer[end + 4 : total], self.buffer[total:]
            self.transport.write(self.answer(head, body))

    def answer(self, head: bytes, body: bytes) -> bytes:
        Stats.requests += 1
        method, path = head.split(b" ", 2)[:2]
        self.answered += 1
        if method == b"POST" and path.endswith(b"/chat/completions"):
            return STREAM_BYTES if _STREAM.search(body) else COMPLETION_BYTES
        if method == b"POST" and path.endswith(b"/v1/messages") and _STREAM.search(body):
            return MESSAGES_STREAM_BYTES
        if path.startswith(b"/v1/models"):
            return MODELS_BYTES
        if path == b"/__stats":
            if self.answered == 1:  # the asker's own connection is not a client's
                Stats.connections -= 1
            stats = {"connections": Stats.connections, "requests": Stats.requests}
            return _json_response(stats)
        return NOT_FOUND


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    # A deep accept queue: the concurrency phase connects thousands of sockets at once.
    server = await loop.create_server(Connection, "127.0.0.1", port, backlog=4096)
    print("PORT", server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    asyncio.run(serve(parser.parse_args().port))


if __name__ == "__main__":
    main()
