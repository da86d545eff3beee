"""`ZaguanClient`, the synchronous client. Its async twin differs only by ``await``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

import httpx2

from ._attempts import Attempts
from ._base import BaseClient, BaseRawClient
from ._config import DEFAULT_MAX_ROUNDS
from ._operation import Operation, Pages
from ._raw import raw, record
from ._request import Call, RequestOptions
from ._streams._download import BinaryStream
from ._streams._shells import MessageStream, Stream

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


class ZaguanClient(BaseClient[httpx2.Client]):
    """The CoreX client.

    >>> client = ZaguanClient()  # $ZAGUAN_API_KEY, $ZAGUAN_BASE_URL
    >>> reply = client.chat(model="openai/gpt-4o-mini",
    ...                     messages=[{"role": "user", "content": "Hello"}])
    >>> reply.choices[0].message.content

    ``timeout`` bounds each wait of an attempt (600 s to read, 10 s to connect by default);
    ``deadline`` (seconds, none by default) the whole call, retries and back-offs included;
    ``stream_idle_timeout`` the wait between two events of a stream (by default the read
    timeout; keep-alives do not count). Every method also takes the per-request options of
    `RequestOptions`: ``request_id``, ``timeout``, ``max_retries``, ``deadline``,
    ``stream_idle_timeout``, ``extra_headers``, ``extra_query``, ``extra_body``.
    ``rate_limit`` (a `RateLimit`) is one budget for the client and its copies.
    """

    _http_class = httpx2.Client
    with_raw_response: RawZaguanClient
    """The same methods, returning a `RawResponse` (status, headers, request id, elapsed)."""
    _other_client = " (async: AsyncZaguanClient)"

    @overload
    def chat(
        self, request: ChatCompletionRequest, /, **options: Unpack[RequestOptions]
    ) -> ChatCompletion: ...
    @overload  # `/`: self is positional-only in the implementation, so here too
    def chat(self, /, **fields: Unpack[ChatParams]) -> ChatCompletion: ...
    def chat(
        self, request: ChatCompletionRequest | None = None, /, **fields: Any
    ) -> ChatCompletion:
        """Create a chat completion from a `ChatCompletionRequest` or the contract's fields as
        keywords (``model=``, ``messages=`` as plain dicts, ``temperature=``, ``tools=``, ...,
        ``provider_specific_params=``), typed by `ChatParams`; unknown keywords raise
        `TypeError`."""
        return self._run(self._chat_call(request, fields))

    def chat_parse(
        self, /, *, response_format: type[P], **fields: Unpack[ParseParams]
    ) -> ParsedChatCompletion[P]:
        """`chat` answering in a type: ``response_format`` is a dataclass, a TypedDict or a
        pydantic model (an object at the root: ``int`` or ``list[City]`` is refused before
        sending), sent as its strict JSON Schema; ``choices[i].message.parsed`` is the
        answer as that type (see `ParsedChatCompletion` for refusals and errors: any answer
        that cannot be read into it is a `StructuredOutputError`)."""
        output, call = self._parse_call(response_format, fields)
        return output.parse(self._run(call))

    def run_tools(
        self,
        /,
        *,
        messages: Conversation | Iterable[ChatMessageParam | ChatMessage],
        tools: Iterable[FunctionTool[..., Any] | Callable[..., Any]],
        max_rounds: int = DEFAULT_MAX_ROUNDS,
        tool_errors: ToolErrors = "report",
        **fields: Unpack[RunToolsParams],
    ) -> ToolRunResult:
        """`chat` with ``tools`` (`FunctionTool` s, or typed functions) that are called for the
        model until it answers: the result has its answer, every message and the rounds.

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
        while calls := run.calls(self._run(self._round(run))):
            for call in calls:
                run.call_tool(call)
        return run.result()

    @overload
    def chat_stream(
        self, request: ChatCompletionRequest, /, **options: Unpack[RequestOptions]
    ) -> Stream: ...
    @overload
    def chat_stream(self, /, **fields: Unpack[ChatParams]) -> Stream: ...
    def chat_stream(self, request: ChatCompletionRequest | None = None, /, **fields: Any) -> Stream:
        """`chat`, streamed: returns a started `Stream` of `ChatCompletionChunk`s."""
        # Started now, so that a refused request raises here (see `_streams._shells`).
        return self._event_stream(Stream, self._chat_call(request, fields, stream=True))._start()

    def request(
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
        return self._run(self._custom_call(method, path, body, query, options))

    def close(self) -> None:
        """Close the connection pool, unless it belongs to a caller-given ``http_client``."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ZaguanClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _bind(self, operation: Operation[T]) -> Callable[..., T]:
        return lambda *args, **kwargs: self._run(operation.build(self, args, kwargs))

    def _bind_stream(self, operation: Operation[F]) -> Callable[..., MessageStream[F]]:
        def method(*args: Any, **kwargs: Any) -> MessageStream[F]:
            call = operation.build(self, args, kwargs)
            return self._event_stream(MessageStream[F], call, operation.parse)._start()

        return method

    def _bind_download(self, operation: Operation[Any]) -> Callable[..., BinaryStream]:
        def method(*args: Any, **kwargs: Any) -> BinaryStream:
            call, started = operation.build(self, args, kwargs), time.monotonic()
            stream = BinaryStream(self._send(call), call.request_id)
            record(stream, stream.response, call.request_id, time.monotonic() - started)
            return stream

        return method

    def _bind_pages(self, pages: Pages[..., Any]) -> Callable[..., Iterator[Any]]:
        def walk(*args: Any, **kwargs: Any) -> Iterator[Any]:
            state: PageWalk = pages.walk(*args, **kwargs)
            fetch = getattr(self, state.method)
            params: dict[str, Any] | None = state.first()
            while params is not None:
                page = fetch(**params)
                yield from state.items(page)
                params = state.after(page)

        return walk

    def _run(self, call: Call[T]) -> T:
        attempts = Attempts(call, self._observe(call))
        return attempts.result(self._send(call, attempts))

    def _send(self, call: Call[Any], attempts: Attempts[Any] | None = None) -> httpx2.Response:
        """Send ``call`` until it succeeds or fails for good; retries reuse its request id.
        ``attempts`` (one made here when None) keeps the final attempt's ``elapsed``."""
        attempts = attempts or Attempts(call, self._observe(call))
        while True:
            for wait in attempts.rate_waits(self._http):
                self._sleep(wait)
            try:
                request = attempts.request()
                response = self._http.send(request, stream=attempts.streamed, auth=None)
                if attempts.must_read(response):
                    response.read()
            except httpx2.HTTPError as exc:
                self._sleep(attempts.on_exception(exc))
                continue
            delay = attempts.on_response(response)
            if delay is None:
                return response
            response.close()
            self._sleep(delay)

    def _sleep(self, seconds: float) -> None:
        """Wait before a retry or for the rate limit. A method, so that a test can record one
        client's waits instead of patching `time.sleep`, which every thread of the process
        shares."""
        time.sleep(seconds)


class RawZaguanClient(BaseRawClient):
    """`ZaguanClient`'s methods returning `RawResponse` (``client.with_raw_response``)."""

    _wrap = staticmethod(raw)

    def __init__(self, client: ZaguanClient) -> None:
        super().__init__(client)
        self.chat = raw(client.chat)
        self.chat_stream = raw(client.chat_stream)


ZaguanClient._raw_class = RawZaguanClient
