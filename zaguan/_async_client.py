"""`AsyncZaguanClient`, the asyncio twin of `ZaguanClient`: the same code but for ``await``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

import httpx2

from ._attempts import Attempts
from ._base import BaseClient, BaseRawClient
from ._config import DEFAULT_MAX_ROUNDS
from ._operation import Operation, Pages
from ._permits import Permits
from ._raw import araw, record
from ._request import Call, RequestOptions
from ._streams._download import AsyncBinaryStream
from ._streams._shells import AsyncMessageStream, AsyncStream

if TYPE_CHECKING:
    from zaguan_corex_client.models import (
        ChatCompletion,
        ChatCompletionRequest,
        ChatMessage,
        ChatMessageParam,
    )

    from ._pages import PageWalk
    from ._params import ChatParams, ParseParams, RunToolsParams
    from .lib._conversation import Conversation
    from .lib._parse import ParsedChatCompletion
    from .lib._tools import FunctionTool, ToolErrors, ToolRunResult

T = TypeVar("T")
F = TypeVar("F")
P = TypeVar("P")  # the type `chat_parse` reads the answer into


class AsyncZaguanClient(BaseClient[httpx2.AsyncClient]):
    """The asyncio CoreX client; the same methods as `ZaguanClient`, as coroutines.

    >>> async with AsyncZaguanClient() as client:
    ...     reply = await client.chat(model="openai/gpt-4o-mini",
    ...                               messages=[{"role": "user", "content": "Hello"}])

    ``timeout`` bounds each wait of an attempt (600 s to read, 10 s to connect by default);
    ``deadline`` (seconds, none by default) the whole call, retries and back-offs included;
    ``stream_idle_timeout`` the wait between two events of a stream (by default the read
    timeout; keep-alives do not count). Every method also takes the per-request options of
    `RequestOptions`: ``request_id``, ``timeout``, ``max_retries``, ``deadline``,
    ``stream_idle_timeout``, ``extra_headers``, ``extra_query``, ``extra_body``.
    ``rate_limit`` (a `RateLimit`) is one budget for the client and its copies.
    """

    _http_class = httpx2.AsyncClient
    with_raw_response: AsyncRawZaguanClient
    """The same methods, returning a `RawResponse` (status, headers, request id, elapsed)."""
    _other_client = ""

    @cached_property
    def _permits(self) -> Permits:
        """In-flight requests wait here, not in httpcore2's queue (see `_permits`)."""
        return Permits(self._http)

    @overload
    async def chat(
        self, request: ChatCompletionRequest, /, **options: Unpack[RequestOptions]
    ) -> ChatCompletion: ...
    @overload  # `/`: self is positional-only in the implementation, so here too
    async def chat(self, /, **fields: Unpack[ChatParams]) -> ChatCompletion: ...
    async def chat(
        self, request: ChatCompletionRequest | None = None, /, **fields: Any
    ) -> ChatCompletion:
        """Create a chat completion from a `ChatCompletionRequest` or the contract's fields as
        keywords (``model=``, ``messages=`` as plain dicts, ``temperature=``, ``tools=``, ...,
        ``provider_specific_params=``), typed by `ChatParams`; unknown keywords raise
        `TypeError`."""
        return await self._run(self._chat_call(request, fields))

    async def chat_parse(
        self, /, *, response_format: type[P], **fields: Unpack[ParseParams]
    ) -> ParsedChatCompletion[P]:
        """`chat` answering in a type: ``response_format`` is a dataclass, a TypedDict or a
        pydantic model (an object at the root: ``int`` or ``list[City]`` is refused before
        sending), sent as its strict JSON Schema; ``choices[i].message.parsed`` is the
        answer as that type (see `ParsedChatCompletion` for refusals and errors: any answer
        that cannot be read into it is a `StructuredOutputError`)."""
        output, call = self._parse_call(response_format, fields)
        return output.parse(await self._run(call))

    async def run_tools(
        self,
        /,
        *,
        messages: Conversation | Iterable[ChatMessageParam | ChatMessage],
        tools: Iterable[FunctionTool[..., Any] | Callable[..., Any]],
        max_rounds: int = DEFAULT_MAX_ROUNDS,
        tool_errors: ToolErrors = "report",
        **fields: Unpack[RunToolsParams],
    ) -> ToolRunResult:
        """`chat` with ``tools`` (`FunctionTool` s, or typed functions, async ones too) that
        are called for the model until it answers: the result has its answer, every message
        and the rounds.

        A `Conversation` given as ``messages`` gets the calls, results and answer appended;
        a list is copied. ``max_rounds`` bounds the rounds of calls; a tool's failure is
        reported to the model, or raised with ``tool_errors="raise"`` (see `ToolRun`).

        Each round is a request with its own id: ``<request_id>:round-<n>`` when a
        ``request_id`` is given, so that running the same call again is answered from
        CoreX's record and not charged twice (a fresh id a round otherwise). ``deadline``
        bounds the whole run, tools included: a round past it is not sent
        (`APITimeoutError`)."""
        run = self._tool_run(messages, tools, fields, max_rounds=max_rounds,
                             tool_errors=tool_errors)  # fmt: skip
        while calls := run.calls(await self._run(self._round(run))):
            for call in calls:
                await run.acall_tool(call)
        return run.result()

    @overload
    def chat_stream(
        self, request: ChatCompletionRequest, /, **options: Unpack[RequestOptions]
    ) -> AsyncStream: ...
    @overload
    def chat_stream(self, /, **fields: Unpack[ChatParams]) -> AsyncStream: ...
    def chat_stream(
        self, request: ChatCompletionRequest | None = None, /, **fields: Any
    ) -> AsyncStream:
        """`chat`, streamed: an `AsyncStream` of `ChatCompletionChunk`s, sent when first
        iterated, entered or awaited (``await`` it to have a refused request raise there)."""
        return self._event_stream(AsyncStream, self._chat_call(request, fields, stream=True))

    async def request(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """Call a CoreX path the SDK has no method for yet, with the same key, request id,
        retries and errors; returns the answer's JSON (None for an empty body).

        >>> client.request("POST", "/v1/new-endpoint", body={"model": "m"}, request_id="r1")
        """
        return await self._run(self._custom_call(method, path, body, query, options))

    async def aclose(self) -> None:
        """Close the connection pool, unless it belongs to a caller-given ``http_client``."""
        if self._owns_http:
            await self._http.aclose()

    async def close(self) -> None:
        """The same as `aclose` (the name `openai`'s async client uses)."""
        await self.aclose()

    async def __aenter__(self) -> AsyncZaguanClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def _bind(self, operation: Operation[T]) -> Callable[..., Coroutine[Any, Any, T]]:
        async def method(*args: Any, **kwargs: Any) -> T:
            return await self._run(operation.build(self, args, kwargs))

        return method

    def _bind_stream(self, operation: Operation[F]) -> Callable[..., AsyncMessageStream[F]]:
        def method(*args: Any, **kwargs: Any) -> AsyncMessageStream[F]:
            call = operation.build(self, args, kwargs)
            return self._event_stream(AsyncMessageStream[F], call, operation.parse)

        return method

    def _bind_download(
        self, operation: Operation[Any]
    ) -> Callable[..., Coroutine[Any, Any, AsyncBinaryStream]]:
        async def method(*args: Any, **kwargs: Any) -> AsyncBinaryStream:
            call, started = operation.build(self, args, kwargs), time.monotonic()
            stream = AsyncBinaryStream(await self._send(call), call.request_id)
            record(stream, stream.response, call.request_id, time.monotonic() - started)
            return stream

        return method

    def _bind_pages(self, pages: Pages[..., Any]) -> Callable[..., AsyncIterator[Any]]:
        async def walk(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
            state: PageWalk = pages.walk(*args, **kwargs)
            fetch = getattr(self, state.method)
            params: dict[str, Any] | None = state.first()
            while params is not None:
                page = await fetch(**params)
                for item in state.items(page):
                    yield item
                params = state.after(page)

        return walk

    async def _run(self, call: Call[T]) -> T:
        attempts = Attempts(call, self._observe(call))
        return attempts.result(await self._send(call, attempts))

    async def _send(
        self, call: Call[Any], attempts: Attempts[Any] | None = None
    ) -> httpx2.Response:
        """Send ``call`` until it succeeds or fails for good; retries reuse its request id.
        ``attempts`` (one made here when None) keeps the final attempt's ``elapsed``."""
        attempts = attempts or Attempts(call, self._observe(call))
        while True:
            for wait in attempts.rate_waits(self._http):
                await self._sleep(wait)
            try:
                request = attempts.request()
                response = await self._permits.send(request, stream=attempts.streamed)
                if attempts.must_read(response):
                    await response.aread()
            except httpx2.HTTPError as exc:
                await self._sleep(attempts.on_exception(exc))
                continue
            delay = attempts.on_response(response)
            if delay is None:
                return response
            await response.aclose()
            await self._sleep(delay)

    async def _sleep(self, seconds: float) -> None:
        """Wait before a retry or for the rate limit. A method, so that a test can record one
        client's waits instead of patching `asyncio.sleep`, which every event loop of the
        process shares."""
        await asyncio.sleep(seconds)


class AsyncRawZaguanClient(BaseRawClient):
    """`AsyncZaguanClient`'s methods returning `RawResponse` (``client.with_raw_response``)."""

    _wrap = staticmethod(araw)

    def __init__(self, client: AsyncZaguanClient) -> None:
        super().__init__(client)
        self.chat = araw(client.chat)
        self.chat_stream = araw(client.chat_stream)


AsyncZaguanClient._raw_class = AsyncRawZaguanClient
