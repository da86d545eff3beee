"""A byte-level HTTP/1.1 server on 127.0.0.1 for the faults an ASGI app cannot make.

One `ScriptedServer` serves the whole session. Each request names its script in the
``X-Script`` header (``ok`` when absent); the path picks the body kind (`SHAPES`), so a
script such as ``cut-chunked`` breaks a JSON list, a chat stream, a Messages stream, a
download, a JSON Lines body and a transcription alike. ``ok``, ``html-502`` and the odd
200 bodies keep the connection alive, as a healthy server would; every other script ends
the connection its own way (RST, FIN mid-chunk, or holding it open).

Threads are daemons, every open socket is closed by `stop`, and no script runs longer than
`MAX_LIFE` seconds: a client bug can fail a test, never hang the session.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

SCRIPT_HEADER: Final = "X-Script"
MAX_LIFE: Final = 20.0  # seconds any endless script may run
MARK: Final = "MARK"  # replaced by the script's text in a body's one free-text field
LATE: Final = 0.9  # seconds `late-bytes` waits between the headers and its few bytes


@dataclass(frozen=True)
class Shape:
    """A valid body of one kind: ``head + unit(text) + tail``; streams repeat ``unit``."""

    content_type: str
    head: bytes
    unit: bytes  # contains MARK
    tail: bytes

    def piece(self, text: bytes) -> bytes:
        return self.unit.replace(MARK.encode(), text)

    def whole(self, text: bytes = b"hello") -> bytes:
        return self.head + self.piece(text) + self.tail


def _sse(*events: dict[str, object], name: bool = False) -> bytes:
    lines = [
        (f"event: {e['type']}\n" if name else "") + f"data: {json.dumps(e)}\n\n" for e in events
    ]
    return "".join(lines).encode()


def _chunk(delta: dict[str, object], finish: str | None = None) -> dict[str, object]:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    return {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "m",
            "choices": [choice]}  # fmt: skip


_MESSAGE = {"id": "msg_1", "type": "message", "role": "assistant", "model": "m", "content": [],
            "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": 0}}  # fmt: skip
_RESULT = {
    "custom_id": "a",
    "result": {
        "type": "succeeded",
        "message": {
            **_MESSAGE,
            "content": [{"type": "text", "text": MARK}],
            "stop_reason": "end_turn",
        },
    },
}


def _split(document: object) -> tuple[bytes, bytes]:
    """A JSON document's bytes before and after MARK, so MARK becomes a string's content."""
    head, tail = json.dumps(document).split(MARK)
    return head.encode(), tail.encode()


def _json_shape(content_type: str, document: object, newline: bytes = b"") -> Shape:
    head, tail = _split(document)
    return Shape(content_type, head, MARK.encode(), tail + newline)


SHAPES: Final[dict[str, Shape]] = {
    "/v1/models": _json_shape(
        "application/json",
        {"object": "list", "data": [{"id": "m", "object": "model", "description": MARK}]},
    ),
    "/v1/chat/completions": Shape(
        "text/event-stream",
        _sse(_chunk({"role": "assistant", "content": ""})),
        _sse(_chunk({"content": MARK})),
        _sse(_chunk({}, "stop")) + b"data: [DONE]\n\n",
    ),
    "/v1/messages": Shape(
        "text/event-stream",
        _sse(
            {"type": "message_start", "message": _MESSAGE},
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
            name=True,
        ),
        _sse(
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": MARK},
            },
            name=True,
        ),
        _sse(
            {"type": "content_block_stop", "index": 0},
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn"},
                "usage": {"output_tokens": 1},
            },
            {"type": "message_stop"},
            name=True,
        ),
    ),
    "/v1/audio/speech": Shape("audio/wav", b"RIFF\x00\x00\x00\x00WAVE", MARK.encode(), b""),
    "/results": _json_shape("application/x-jsonl", _RESULT, b"\n"),
    "/v1/audio/transcriptions": _json_shape("application/json", {"text": MARK}),
}


def shape_of(path: str) -> Shape:
    return SHAPES["/results" if path.endswith("/results") else path]


# -- Sending.


def _head(status: int, content_type: str, length: int | None, reason: str = "OK") -> bytes:
    framing = "Transfer-Encoding: chunked" if length is None else f"Content-Length: {length}"
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{framing}\r\n"
            "X-Request-Id: scripted\r\n\r\n").encode()  # fmt: skip


def _chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data) if data else b""


def _reset(conn: socket.socket) -> None:
    """Close with an RST instead of a FIN: SO_LINGER on, with a zero timeout."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _hold(conn: socket.socket) -> None:
    """Keep the connection open, saying nothing, until the client (or `stop`) closes it."""
    conn.settimeout(MAX_LIFE)
    with contextlib.suppress(OSError):
        while conn.recv(65536):
            pass


def _forever(
    pieces: Callable[[], bytes], conn: socket.socket, pause: float, life: float = MAX_LIFE
) -> None:
    """Send chunks until the client hangs up (a send fails) or ``life`` seconds pass."""
    ends = time.monotonic() + life
    with contextlib.suppress(OSError):
        while time.monotonic() < ends:
            conn.sendall(_chunked(pieces()))
            time.sleep(pause)


def _answer(conn: socket.socket, status: int, ctype: str, body: bytes, reason: str = "OK") -> bool:
    conn.sendall(_head(status, ctype, len(body), reason) + body)
    return True  # keep the connection: the response was whole


Script = Callable[[socket.socket, Shape], bool]  # True: keep the connection for another request


def _ok(conn: socket.socket, shape: Shape) -> bool:
    return _answer(conn, 200, shape.content_type, shape.whole())


def _body(ctype: str, body: bytes) -> Script:
    return lambda conn, shape: _answer(conn, 200, ctype, body)


def _text(text: bytes) -> Script:
    return lambda conn, shape: _answer(conn, 200, shape.content_type, shape.whole(text))


def _reset_before(conn: socket.socket, shape: Shape) -> bool:
    _reset(conn)
    return False


def _reset_after_headers(conn: socket.socket, shape: Shape) -> bool:
    conn.sendall(_head(200, shape.content_type, len(shape.whole())))
    _reset(conn)
    return False


def _cut_chunked(conn: socket.socket, shape: Shape) -> bool:
    """A chunk announced whole, half of it sent, then a clean close (FIN)."""
    body = shape.whole()
    conn.sendall(_head(200, shape.content_type, None) + b"%x\r\n" % len(body))
    conn.sendall(body[: len(body) // 2])
    conn.shutdown(socket.SHUT_RDWR)
    return False


def _hold_before(conn: socket.socket, shape: Shape) -> bool:
    _hold(conn)
    return False


def _hold_after_headers(conn: socket.socket, shape: Shape) -> bool:
    conn.sendall(_head(200, shape.content_type, None))
    _hold(conn)
    return False


def _late_bytes(conn: socket.socket, shape: Shape) -> bool:
    """The headers, `LATE` seconds of silence, a few bytes of the body, then silence: a read
    that starts after the few bytes must be given only what is left of a deadline."""
    conn.sendall(_head(200, shape.content_type, None))
    time.sleep(LATE)
    conn.sendall(_chunked(shape.head))
    _hold(conn)
    return False


def _trickle(conn: socket.socket, shape: Shape) -> bool:
    """The valid answer in 7-byte chunks, 5 ms apart: events and characters split anywhere."""
    body, step = shape.whole("héllo ✓".encode()), 7
    conn.sendall(_head(200, shape.content_type, None))
    for start in range(0, len(body), step):
        conn.sendall(_chunked(body[start : start + step]))
        time.sleep(0.005)
    conn.sendall(b"0\r\n\r\n")
    return True


def _trickle_forever(conn: socket.socket, shape: Shape) -> bool:
    """One byte every 50 ms: each read is quick, the answer does not end (within 3 s, a
    client bounded by a 1 s deadline must have given up; then the body is cut)."""
    data = iter(shape.head + shape.piece(b"tick ") * 100_000)
    conn.sendall(_head(200, shape.content_type, None))
    _forever(lambda: bytes([next(data)]), conn, 0.05, life=3.0)
    return False


def _endless(conn: socket.socket, shape: Shape) -> bool:
    conn.sendall(_head(200, shape.content_type, None) + _chunked(shape.head))
    _forever(lambda: shape.piece(b"tick "), conn, 0.002)
    return False


def _keepalive_only(conn: socket.socket, shape: Shape) -> bool:
    """Nothing but keep-alives: SSE comments, and Anthropic ``ping`` events for /v1/messages."""
    ping = b": ping\n\n" + (_sse({"type": "ping"}, name=True) if b"message_start" in shape.head
                            else b"")  # fmt: skip
    conn.sendall(_head(200, shape.content_type, None) + _chunked(shape.head))
    _forever(lambda: ping, conn, 0.05)
    return False


_HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"

SCRIPTS: Final[dict[str, Script]] = {
    "ok": _ok,
    "reset-before": _reset_before,
    "reset-after-headers": _reset_after_headers,
    "cut-chunked": _cut_chunked,
    "hold": _hold_before,
    "hold-after-headers": _hold_after_headers,
    "late-bytes": _late_bytes,
    "trickle": _trickle,
    "trickle-forever": _trickle_forever,
    "endless": _endless,
    "keepalive-only": _keepalive_only,
    "invalid-utf8": _text(b"bad \xff\xfe bytes"),
    "big-line": _text(b"x" * 1_000_000),
    "huge": _text(b"y" * 10_000_000),
    "html-502": lambda conn, shape: _answer(conn, 502, "text/html", _HTML_502, "Bad Gateway"),
    "empty": _body("application/json", b""),
    "null": _body("application/json", b"null"),
    "list": _body("application/json", b"[]"),
    "string": _body("application/json", b'"a bare string"'),
    "number": _body("application/json", b"42"),
    "empty-stream": _body("text/event-stream", b""),
}


# -- Receiving.


def _read_request(reader: Iterator[bytes], buffer: bytearray) -> dict[str, str] | None:
    """The next request's path and headers (lower-case names), its body read and dropped."""
    while b"\r\n\r\n" not in buffer:
        data = next(reader, b"")
        if not data:
            return None
        buffer += data
    head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:])}
    headers[":path"] = lines[0].split(" ")[1].split("?")[0]
    buffer[:] = rest
    _skip_body(reader, buffer, headers)
    return headers


def _skip_body(reader: Iterator[bytes], buffer: bytearray, headers: dict[str, str]) -> None:
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while not buffer.endswith(b"0\r\n\r\n"):  # good enough: our clients send no trailers
            buffer += next(reader, b"") or b"0\r\n\r\n"
        buffer.clear()
        return
    length = int(headers.get("content-length", "0"))
    while len(buffer) < length:
        data = next(reader, b"")
        if not data:
            break
        buffer += data
    del buffer[:length]


def _recv(conn: socket.socket) -> Iterator[bytes]:
    with contextlib.suppress(OSError):
        while data := conn.recv(65536):
            yield data


class ScriptedServer:
    """`with ScriptedServer() as server:` serves on ``server.base_url`` until the block ends."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.served: list[str] = []  # the script of every request, in order

    def __enter__(self) -> ScriptedServer:
        threading.Thread(target=self._accept, daemon=True, name="scripted-accept").start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._listener.close()
        with self._lock:
            for conn in self._open:
                with contextlib.suppress(OSError):
                    conn.close()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self._listener.accept()
                with self._lock:
                    self._open.add(conn)
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        reader, buffer = _recv(conn), bytearray()
        try:
            while (request := _read_request(reader, buffer)) is not None:
                name = request.get(SCRIPT_HEADER.lower(), "ok")
                self.served.append(name)
                if not SCRIPTS[name](conn, shape_of(request[":path"])):
                    break
        except OSError:  # the client hung up first: nothing left to do
            pass
        finally:
            with self._lock:
                self._open.discard(conn)
            with contextlib.suppress(OSError):
                conn.close()
