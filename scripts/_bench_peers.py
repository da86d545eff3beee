"""The clients `scripts/bench.py` compares, each behind the same small adapter.

An adapter has ``call()`` (one non-streaming chat completion, parsed), ``stream(final)``
(one 200-chunk chat stream read to the end; with ``final``, the whole answer rebuilt the way
that client offers, e.g. ``get_final_completion()``) returning ``(chunks, time of the first
chunk)``, ``messages(final)`` (the same for a 200-delta Anthropic Messages stream, for the
clients that have one), and ``close()``; the async ones are coroutines. A client without a
feature raises `NotOffered` (reported as n/a). Every client gets the same key, the same
timeout, retries off, and otherwise its default settings; with ``mock`` it is built on its
HTTP library's ``MockTransport`` instead of the network (measure (f); aiohttp has none).
Imports happen in ``make``, so that a peer that is not installed is reported, not fatal.
"""

# ruff: noqa: PLC0415 (each peer is imported when built, so a missing one is only n/a)
from __future__ import annotations

import importlib
import json
import re
import uuid
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from bench_server import COMPLETION, MESSAGES_STREAM_BYTES, MODEL, STREAM_BYTES

MESSAGES = [{"role": "user", "content": "Say hello"}]
CHAT = {"model": MODEL, "messages": MESSAGES}
PATH = "/v1/chat/completions"
MESSAGES_PATH = "/v1/messages"
ASK = {"model": "anthropic/claude-3-5-haiku", "max_tokens": 256, "messages": MESSAGES}
_STREAM = re.compile(rb'"stream"\s*:\s*true')


def _sse_body(response: bytes = STREAM_BYTES) -> bytes:
    """An SSE body without its chunked framing, for MockTransport."""
    body = response.split(b"\r\n\r\n", 1)[1]
    events, rest = [], body
    while True:
        size, rest = rest.split(b"\r\n", 1)
        if int(size, 16) == 0:
            return b"".join(events)
        events.append(rest[: int(size, 16)])
        rest = rest[int(size, 16) + 2 :]


SSE_BODY = _sse_body()
MESSAGES_SSE_BODY = _sse_body(MESSAGES_STREAM_BYTES)


class NotOffered(Exception):
    """The client has no such feature (reported as n/a)."""


def mock_transport(lib: Any) -> Any:
    """``lib.MockTransport`` (httpx or httpx2) answering like `bench_server`."""
    completion = json.dumps(COMPLETION).encode()

    def handle(request: Any) -> Any:
        if _STREAM.search(request.content):
            body = MESSAGES_SSE_BODY if request.url.path == MESSAGES_PATH else SSE_BODY
            return lib.Response(200, content=body, headers={"content-type": "text/event-stream"})
        return lib.Response(200, content=completion, headers={"content-type": "application/json"})

    return lib.MockTransport(handle)


def _headers(key: str) -> dict[str, str]:
    # What a careful hand-written client sends too: the key and a fresh request id.
    return {"Authorization": f"Bearer {key}", "X-Request-Id": str(uuid.uuid4())}


# -- Raw httpx / httpx2: the baselines (iter_lines + json.loads, nothing else).


class Raw:
    def __init__(self, lib: Any, base: str, key: str, mock: bool, timeout: float) -> None:
        transport = {"transport": mock_transport(lib)} if mock else {}
        self.http, self.key = lib.Client(base_url=base, timeout=timeout, **transport), key

    def call(self) -> None:
        response = self.http.post(PATH, json=CHAT, headers=_headers(self.key))
        response.raise_for_status()
        json.loads(response.content)

    def stream(self, final: bool) -> tuple[int, float]:
        n, first, parts = 0, 0.0, []
        body = {**CHAT, "stream": True}
        with self.http.stream("POST", PATH, json=body, headers=_headers(self.key)) as response:
            response.raise_for_status()
            for line in response.iter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    chunk = json.loads(line[6:])
                    n, first = n + 1, first or perf_counter()
                    if final:
                        parts.append(chunk["choices"][0]["delta"].get("content") or "")
        "".join(parts)
        return n, first

    def messages(self, final: bool) -> tuple[int, float]:
        n, first, parts = 0, 0.0, []
        body = {**ASK, "stream": True}
        with self.http.stream("POST", MESSAGES_PATH, json=body, headers=_headers(self.key)) as r:
            r.raise_for_status()
            for line in r.iter_lines():
                if line.startswith("data: "):
                    event = json.loads(line[6:])
                    if event["type"] == "content_block_delta":
                        n, first = n + 1, first or perf_counter()
                        if final:
                            parts.append(event["delta"]["text"])
        "".join(parts)
        return n, first

    def close(self) -> None:
        self.http.close()


class AsyncRaw:
    def __init__(self, lib: Any, base: str, key: str, mock: bool, timeout: float) -> None:
        transport = {"transport": mock_transport(lib)} if mock else {}
        self.http, self.key = lib.AsyncClient(base_url=base, timeout=timeout, **transport), key

    async def call(self) -> None:
        response = await self.http.post(PATH, json=CHAT, headers=_headers(self.key))
        response.raise_for_status()
        json.loads(response.content)

    async def stream(self, final: bool) -> tuple[int, float]:
        n, first, parts = 0, 0.0, []
        body = {**CHAT, "stream": True}
        async with self.http.stream("POST", PATH, json=body, headers=_headers(self.key)) as r:
            r.raise_for_status()
            async for line in r.aiter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    chunk = json.loads(line[6:])
                    n, first = n + 1, first or perf_counter()
                    if final:
                        parts.append(chunk["choices"][0]["delta"].get("content") or "")
        "".join(parts)
        return n, first

    async def messages(self, final: bool) -> tuple[int, float]:
        n, first, parts = 0, 0.0, []
        body = {**ASK, "stream": True}
        async with self.http.stream(
            "POST", MESSAGES_PATH, json=body, headers=_headers(self.key)
        ) as r:
            r.raise_for_status()
            async for line in r.aiter_lines():
                if line.startswith("data: "):
                    event = json.loads(line[6:])
                    if event["type"] == "content_block_delta":
                        n, first = n + 1, first or perf_counter()
                        if final:
                            parts.append(event["delta"]["text"])
        "".join(parts)
        return n, first

    async def close(self) -> None:
        await self.http.aclose()


class RawAioHttp:
    """Raw aiohttp + json.loads: the async floor of aiohttp's transport (no mock: it has none).
    Its session is made in the event loop of the first call, as aiohttp wants."""

    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        if mock:
            raise NotOffered("aiohttp has no mock transport")
        self.base, self.key, self.timeout = base, key, timeout
        self.session: Any = None

    def _session(self) -> Any:
        import aiohttp

        if self.session is None:
            timeout = aiohttp.ClientTimeout(total=self.timeout)
            self.session = aiohttp.ClientSession(timeout=timeout)
        return self.session

    async def call(self) -> None:
        url = self.base + PATH
        async with self._session().post(url, json=CHAT, headers=_headers(self.key)) as r:
            r.raise_for_status()
            json.loads(await r.read())

    async def stream(self, final: bool) -> tuple[int, float]:
        n, first, parts = 0, 0.0, []
        body, url = {**CHAT, "stream": True}, self.base + PATH
        async with self._session().post(url, json=body, headers=_headers(self.key)) as r:
            r.raise_for_status()
            async for line in r.content:
                if line.startswith(b"data: ") and line.rstrip() != b"data: [DONE]":
                    chunk = json.loads(line[6:])
                    n, first = n + 1, first or perf_counter()
                    if final:
                        parts.append(chunk["choices"][0]["delta"].get("content") or "")
        "".join(parts)
        return n, first

    async def messages(self, final: bool) -> tuple[int, float]:
        raise NotOffered("measured with httpx2 only")

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()


# -- Ours.


class Zaguan:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2

        from zaguan import ZaguanClient

        http = httpx2.Client(transport=mock_transport(httpx2)) if mock else None
        self.c = ZaguanClient(key, base_url=base, timeout=timeout, max_retries=0, http_client=http)

    def call(self) -> None:
        self.c.chat(model=MODEL, messages=MESSAGES)

    def stream(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        with self.c.chat_stream(model=MODEL, messages=MESSAGES) as stream:
            for _chunk in stream:
                n, first = n + 1, first or perf_counter()
            if final:
                stream.get_final_completion()
        return n, first

    def messages(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        with self.c.messages_stream(**ASK) as stream:
            for event in stream:  # plain dicts, as the wire has them
                if event["type"] == "content_block_delta":
                    n, first = n + 1, first or perf_counter()
            if final:
                stream.get_final_message()
        return n, first

    def close(self) -> None:
        self.c.close()


class ZaguanHooked(Zaguan):
    """Ours with a minimal hook on every attempt and call end: what a hook costs (issue 11)."""

    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2

        from zaguan import Hooks, ZaguanClient

        class Counting(Hooks):
            count = 0

            def on_response(self, event: Any) -> None:
                self.count += 1

            def on_end(self, event: Any) -> None:
                self.count += 1

        http = httpx2.Client(transport=mock_transport(httpx2)) if mock else None
        self.c = ZaguanClient(
            key, base_url=base, timeout=timeout, max_retries=0, http_client=http, hooks=Counting()
        )


class AsyncZaguan:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2

        from zaguan import AsyncZaguanClient

        self.http = httpx2.AsyncClient(transport=mock_transport(httpx2)) if mock else None
        self.c = AsyncZaguanClient(
            key, base_url=base, timeout=timeout, max_retries=0, http_client=self.http
        )

    async def call(self) -> None:
        await self.c.chat(model=MODEL, messages=MESSAGES)

    async def stream(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        async with self.c.chat_stream(model=MODEL, messages=MESSAGES) as stream:
            async for _chunk in stream:
                n, first = n + 1, first or perf_counter()
            if final:
                await stream.get_final_completion()
        return n, first

    async def messages(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        async with self.c.messages_stream(**ASK) as stream:
            async for event in stream:  # plain dicts, as the wire has them
                if event["type"] == "content_block_delta":
                    n, first = n + 1, first or perf_counter()
            if final:
                await stream.get_final_message()
        return n, first

    async def close(self) -> None:
        await self.c.close()
        if self.http is not None:
            await self.http.aclose()


class AsyncZaguanAioHttp(AsyncZaguan):
    """Ours on `DefaultAioHttpClient` (the aiohttp extra)."""

    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        if mock:
            raise NotOffered("aiohttp has no mock transport")
        from zaguan import AsyncZaguanClient, DefaultAioHttpClient

        self.http = DefaultAioHttpClient()
        self.c = AsyncZaguanClient(
            key, base_url=base, timeout=timeout, max_retries=0, http_client=self.http
        )


# -- openai (on httpx2).


class OpenAI:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2
        import openai

        http = httpx2.Client(transport=mock_transport(httpx2)) if mock else None
        self.c = openai.OpenAI(
            api_key=key, base_url=f"{base}/v1", max_retries=0, timeout=timeout, http_client=http
        )

    def call(self) -> None:
        self.c.chat.completions.create(model=MODEL, messages=MESSAGES)  # type: ignore[arg-type]

    def stream(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        if not final:
            with self.c.chat.completions.create(
                model=MODEL,
                messages=MESSAGES,  # type: ignore[arg-type]
                stream=True,
            ) as stream:
                for _chunk in stream:
                    n, first = n + 1, first or perf_counter()
            return n, first
        with self.c.chat.completions.stream(model=MODEL, messages=MESSAGES) as events:  # type: ignore[arg-type]
            for event in events:
                if event.type == "chunk":
                    n, first = n + 1, first or perf_counter()
            events.get_final_completion()
        return n, first

    def close(self) -> None:
        self.c.close()


class AsyncOpenAI:
    aiohttp = False  # True: on openai's DefaultAioHttpClient

    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2
        import openai

        http = httpx2.AsyncClient(transport=mock_transport(httpx2)) if mock else None
        if self.aiohttp:
            if mock:
                raise NotOffered("aiohttp has no mock transport")
            http = openai.DefaultAioHttpClient()
        self.c = openai.AsyncOpenAI(
            api_key=key, base_url=f"{base}/v1", max_retries=0, timeout=timeout, http_client=http
        )

    async def call(self) -> None:
        await self.c.chat.completions.create(model=MODEL, messages=MESSAGES)  # type: ignore[arg-type]

    async def stream(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        if not final:
            stream = await self.c.chat.completions.create(
                model=MODEL,
                messages=MESSAGES,  # type: ignore[arg-type]
                stream=True,
            )
            async with stream:
                async for _chunk in stream:
                    n, first = n + 1, first or perf_counter()
            return n, first
        async with self.c.chat.completions.stream(model=MODEL, messages=MESSAGES) as events:  # type: ignore[arg-type]
            async for event in events:
                if event.type == "chunk":
                    n, first = n + 1, first or perf_counter()
            await events.get_final_completion()
        return n, first

    async def close(self) -> None:
        await self.c.close()


class AsyncOpenAIAioHttp(AsyncOpenAI):
    aiohttp = True


# -- anthropic (on httpx2): its Messages stream beside ours (measure (h)).


class Anthropic:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import anthropic
        import httpx2

        http = httpx2.Client(transport=mock_transport(httpx2)) if mock else None
        self.c = anthropic.Anthropic(
            api_key=key, base_url=base, max_retries=0, timeout=timeout, http_client=http
        )

    def call(self) -> None:
        raise NotOffered("no chat completions")

    def stream(self, final: bool) -> tuple[int, float]:
        raise NotOffered("no chat completions")

    def messages(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        with self.c.messages.stream(**ASK) as stream:  # type: ignore[arg-type]
            for event in stream:
                if event.type == "content_block_delta":
                    n, first = n + 1, first or perf_counter()
            if final:
                stream.get_final_message()
        return n, first

    def close(self) -> None:
        self.c.close()


class AsyncAnthropic:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import anthropic
        import httpx2

        http = httpx2.AsyncClient(transport=mock_transport(httpx2)) if mock else None
        self.c = anthropic.AsyncAnthropic(
            api_key=key, base_url=base, max_retries=0, timeout=timeout, http_client=http
        )

    async def call(self) -> None:
        raise NotOffered("no chat completions")

    async def stream(self, final: bool) -> tuple[int, float]:
        raise NotOffered("no chat completions")

    async def messages(self, final: bool) -> tuple[int, float]:
        n, first = 0, 0.0
        async with self.c.messages.stream(**ASK) as stream:  # type: ignore[arg-type]
            async for event in stream:
                if event.type == "content_block_delta":
                    n, first = n + 1, first or perf_counter()
            if final:
                await stream.get_final_message()
        return n, first

    async def close(self) -> None:
        await self.c.close()


# -- zaguan-sdk 0.2 (the earlier SDK for CoreX, on httpx; no retries of its own).


def _zaguan_sdk_request() -> Any:
    from zaguan_sdk import ChatRequest, Message

    return ChatRequest(model=MODEL, messages=[Message(**m) for m in MESSAGES])


class ZaguanSDK:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx
        import zaguan_sdk

        http = httpx.Client(transport=mock_transport(httpx), timeout=timeout) if mock else None
        self.c = zaguan_sdk.ZaguanClient(base, key, timeout=timeout, http_client=http)

    def call(self) -> None:
        self.c.chat(_zaguan_sdk_request())

    def stream(self, final: bool) -> tuple[int, float]:
        from zaguan_sdk import StreamAccumulator

        n, first, acc = 0, 0.0, StreamAccumulator()
        for chunk in self.c.chat_stream(_zaguan_sdk_request()):
            n, first = n + 1, first or perf_counter()
            if final:
                acc.add_chunk(chunk)
        if final:
            acc.get_message()
        return n, first

    def close(self) -> None:
        self.c.close()


class AsyncZaguanSDK:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx
        import zaguan_sdk

        mocked = httpx.AsyncClient(transport=mock_transport(httpx), timeout=timeout)
        self.c = zaguan_sdk.AsyncZaguanClient(
            base, key, timeout=timeout, http_client=mocked if mock else None
        )

    async def call(self) -> None:
        await self.c.chat(_zaguan_sdk_request())

    async def stream(self, final: bool) -> tuple[int, float]:
        from zaguan_sdk import StreamAccumulator

        n, first, acc = 0, 0.0, StreamAccumulator()
        async for chunk in self.c.chat_stream(_zaguan_sdk_request()):
            n, first = n + 1, first or perf_counter()
            if final:
                acc.add_chunk(chunk)
        if final:
            acc.get_message()
        return n, first

    async def close(self) -> None:
        await self.c.close()


# -- mistralai (Speakeasy-generated, on httpx2; no retries unless configured).


class Mistral:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2
        from mistralai.client import Mistral

        http = {"client": httpx2.Client(transport=mock_transport(httpx2))} if mock else {}
        self.c = Mistral(api_key=key, server_url=base, timeout_ms=int(timeout * 1000), **http)

    def call(self) -> None:
        self.c.chat.complete(model=MODEL, messages=MESSAGES)  # type: ignore[arg-type]

    def stream(self, final: bool) -> tuple[int, float]:
        if final:
            raise NotOffered("no final-completion helper")
        n, first = 0, 0.0
        with self.c.chat.stream(model=MODEL, messages=MESSAGES) as events:  # type: ignore[arg-type]
            for _event in events:
                n, first = n + 1, first or perf_counter()
        return n, first

    def close(self) -> None:
        self.c.__exit__(None, None, None)


class AsyncMistral:
    def __init__(self, base: str, key: str, mock: bool, timeout: float) -> None:
        import httpx2
        from mistralai.client import Mistral

        mocked = {"async_client": httpx2.AsyncClient(transport=mock_transport(httpx2))}
        self.c = Mistral(
            api_key=key, server_url=base, timeout_ms=int(timeout * 1000), **(mocked if mock else {})
        )

    async def call(self) -> None:
        await self.c.chat.complete_async(model=MODEL, messages=MESSAGES)  # type: ignore[arg-type]

    async def stream(self, final: bool) -> tuple[int, float]:
        if final:
            raise NotOffered("no final-completion helper")
        n, first = 0, 0.0
        events = await self.c.chat.stream_async(model=MODEL, messages=MESSAGES)  # type: ignore[arg-type]
        async with events:
            async for _event in events:
                n, first = n + 1, first or perf_counter()
        return n, first

    async def close(self) -> None:
        await self.c.__aexit__(None, None, None)


@dataclass(frozen=True)
class Peer:
    """One client under test: its name, its family (what ``--only`` and imports use), whether
    it is async, the module that ``import`` measures, and how to build its adapter."""

    name: str
    family: str
    is_async: bool
    module: str
    factory: Any

    @property
    def baseline(self) -> str:
        """The floor every ratio is taken to: raw httpx2 + json.loads (sync or async)."""
        return "httpx2-async" if self.is_async else "httpx2"

    def make(self, base: str, key: str, *, mock: bool = False, timeout: float = 120.0) -> Any:
        if self.factory in (Raw, AsyncRaw):
            lib = importlib.import_module(self.module)
            return self.factory(lib, base, key, mock, timeout)
        return self.factory(base, key, mock, timeout)


PEERS = [
    Peer("zaguan", "zaguan", False, "zaguan", Zaguan),
    Peer("zaguan-async", "zaguan", True, "zaguan", AsyncZaguan),
    Peer("zaguan-aiohttp", "zaguan", True, "zaguan", AsyncZaguanAioHttp),
    Peer("zaguan+hook", "zaguan", False, "zaguan", ZaguanHooked),
    Peer("httpx2", "httpx2", False, "httpx2", Raw),
    Peer("httpx2-async", "httpx2", True, "httpx2", AsyncRaw),
    Peer("aiohttp", "aiohttp", True, "aiohttp", RawAioHttp),
    Peer("httpx", "httpx", False, "httpx", Raw),
    Peer("httpx-async", "httpx", True, "httpx", AsyncRaw),
    Peer("openai", "openai", False, "openai", OpenAI),
    Peer("openai-async", "openai", True, "openai", AsyncOpenAI),
    Peer("openai-aiohttp", "openai", True, "openai", AsyncOpenAIAioHttp),
    Peer("anthropic", "anthropic", False, "anthropic", Anthropic),
    Peer("anthropic-async", "anthropic", True, "anthropic", AsyncAnthropic),
    Peer("zaguan-sdk", "zaguan-sdk", False, "zaguan_sdk", ZaguanSDK),
    Peer("zaguan-sdk-async", "zaguan-sdk", True, "zaguan_sdk", AsyncZaguanSDK),
    Peer("mistralai", "mistralai", False, "mistralai.client", Mistral),
    Peer("mistralai-async", "mistralai", True, "mistralai.client", AsyncMistral),
]
BY_NAME = {peer.name: peer for peer in PEERS}
