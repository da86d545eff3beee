"""Properties of the facade's inputs: whatever a caller passes, either the request goes out
carrying exactly that, or a documented error says what is wrong before anything is sent.

Request building is checked through an `httpx2.MockTransport` that records what would go on
the wire (a server adds nothing to these properties); request ids and path ids also go to the
session's local CoreX, to check what a real server saw, from the sync client and the async
one on both of its transports (httpx2's, aiohttp's).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import httpx2
import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from zaguan import (
    AsyncZaguanClient,
    ConfigurationError,
    DefaultAioHttpClient,
    NotFoundError,
    RequestValidationError,
    ZaguanClient,
)
from zaguan.testing import LocalCoreX

PROPERTIES = settings.get_profile("properties")
API_KEY = "sk-zaguan-props-0123456789abcdef"
BASE_URL = "https://corex.test"
MODEL = "openai/gpt-4o-mini"

# Every code point, surrogates included: a Python str can hold them, UTF-8 cannot.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=[]), max_size=8)
# What the properties are about: the characters that move a request elsewhere, or break it.
TRICKY = st.sampled_from(["/", "?", "#", "%", ".", "..", "%2F", "%2e%2e", "\\", " ", "\r\n", "\0"])
IDS = st.lists(ANY_TEXT | TRICKY, min_size=1, max_size=4).map("".join) | TRICKY
# JSON, and what is not JSON but a caller may still pass: NaN, bytes, sets, non-str keys...
KEYS = ANY_TEXT | st.integers() | st.none() | st.booleans() | st.tuples(st.integers())
ANY_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT | st.binary(max_size=3)
    | st.frozensets(st.integers(), max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner)
    | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=10,
)  # fmt: skip


class Recorder:
    """A `ZaguanClient` on a `MockTransport` that keeps every request it is asked to send."""

    def __init__(self, **client_kwargs: Any) -> None:
        self.sent: list[httpx2.Request] = []
        self.http = httpx2.Client(transport=httpx2.MockTransport(self._answer))
        self.client = ZaguanClient(
            API_KEY, base_url=BASE_URL, max_retries=0, http_client=self.http, **client_kwargs
        )

    def _answer(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(request)
        return httpx2.Response(404, json={"error": {"message": "recorded", "type": "not_found"}})

    def call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> httpx2.Request | None:
        """The request ``method`` sent, or None when it raised `RequestValidationError` first;
        a 404 answers every request (nothing here needs a result)."""
        refused = None
        try:
            method(*args, **kwargs)
        except RequestValidationError as exc:
            refused = exc
        except NotFoundError:
            pass
        if refused is not None:
            assert self.sent == [], f"sent despite {refused!r}"
            assert API_KEY not in str(refused), refused
            event("refused")  # --hypothesis-show-statistics: both outcomes must be common
            return None
        event("sent")
        (request,) = self.sent
        self.sent.clear()
        return request


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    recorder = Recorder()
    yield recorder
    recorder.http.close()


class Wire:
    """A client of one local CoreX on one transport, called as ``wire("method", ...)``; an
    async client runs on this object's own event loop (aiohttp binds its pool to it)."""

    def __init__(self, transport: str, server: LocalCoreX) -> None:
        self.loop = None if transport == "sync" else asyncio.new_event_loop()
        key, url = server.api_key, server.base_url
        self.client: ZaguanClient | AsyncZaguanClient
        if transport == "sync":
            self.client = ZaguanClient(key, base_url=url)
        else:
            http = DefaultAioHttpClient() if transport == "aiohttp" else None
            self.client = AsyncZaguanClient(key, base_url=url, http_client=http)

    def __call__(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.client, method)(*args, **kwargs)
        return result if self.loop is None else self.loop.run_until_complete(result)

    def close(self) -> None:
        if isinstance(self.client, ZaguanClient):
            self.client.close()
            return
        assert self.loop is not None
        http = self.client._http
        self.loop.run_until_complete(http.aclose())
        self.loop.close()


Local = Callable[[LocalCoreX], Wire]


@pytest.fixture(scope="module", params=["sync", "async", "aiohttp"])
def local(request: pytest.FixtureRequest) -> Iterator[Local]:
    """A client of the session's local CoreX on each transport, one per module: a client per
    example would spend its time loading CA bundles."""
    made: dict[str, Wire] = {}

    def client(server: LocalCoreX) -> Wire:
        if server.base_url not in made:
            made[server.base_url] = Wire(request.param, server)
        return made[server.base_url]

    yield client
    for each in made.values():
        each.close()


def as_json(value: Any) -> Any:
    """``value`` as JSON would read it back, if JSON can carry it unchanged, else a marker
    that equals nothing. Tuples are JSON arrays, as `request_body` documents."""
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            return NotJSON()
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, float) and value != value:  # NaN: JSON has no such number
        return NotJSON()
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return NotJSON()
    if isinstance(value, str) or value is None or isinstance(value, bool | int | float):
        return value
    return NotJSON()


class NotJSON:
    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


def sent_body(request: httpx2.Request) -> Any:
    return json.loads(request.content.decode("utf-8"))


# -- Messages, tools and options ----------------------------------------------------------

JSON_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JSON_TEXT, inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
PART = st.fixed_dictionaries({"type": st.just("text"), "text": ANY_TEXT})
MESSAGE = st.fixed_dictionaries(
    {"role": st.sampled_from(["user", "assistant", "system", "developer", "custom-role"])},
    optional={"content": ANY_TEXT | st.none() | st.lists(PART, max_size=2), "name": ANY_TEXT},
)
TOOL = st.fixed_dictionaries(
    {"type": st.just("function"),
     "function": st.fixed_dictionaries({"name": ANY_TEXT},
                                       optional={"parameters": st.dictionaries(JSON_TEXT, JSON)})}
)  # fmt: skip
FIELDS = st.fixed_dictionaries(
    {"model": st.just(MODEL), "messages": st.lists(MESSAGE, max_size=3)},
    optional={
        "tools": st.lists(TOOL, max_size=2),
        "temperature": st.floats(min_value=0, max_value=2),
        "stop": ANY_TEXT | st.lists(ANY_TEXT, max_size=2),
        "provider_specific_params": st.dictionaries(ANY_TEXT, JSON, max_size=3),
        "metadata": st.dictionaries(JSON_TEXT, JSON, max_size=2),
        "user": ANY_TEXT,
    },
)


@st.composite
def chat_fields(draw: st.DrawFn) -> dict[str, Any]:
    """Valid chat keywords (any text, lone surrogates included), half the time with one value
    anywhere inside replaced by anything: a wrong type, None, NaN, bytes, a non-str key..."""
    fields = draw(FIELDS)
    if draw(st.booleans()):
        key = draw(st.sampled_from(sorted(fields)))
        fields[key] = mutated(draw, fields[key])
    return fields


def mutated(draw: st.DrawFn, value: Any) -> Any:
    if isinstance(value, dict) and value and draw(st.booleans()):
        key = draw(st.sampled_from(list(value)))
        return {**value, key: mutated(draw, value[key])}
    if isinstance(value, list) and value and draw(st.booleans()):
        index = draw(st.integers(0, len(value) - 1))
        return [*value[:index], mutated(draw, value[index]), *value[index + 1 :]]
    return draw(ANY_VALUES)


@PROPERTIES
@given(fields=chat_fields())
@example(fields={"model": MODEL, "messages": [], "temperature": float("nan")})
@example(fields={"model": MODEL, "messages": [{"role": "user", "content": "\ud800"}]})
@example(fields={"model": MODEL, "messages": [], "provider_specific_params": {1: "one"}})
@example(fields={"model": MODEL, "messages": [], "metadata": {"a": b"bytes"}})
def test_chat_sends_exactly_the_values_given_or_refuses_them(
    recorder: Recorder, fields: Any
) -> None:
    request = recorder.call(recorder.client.chat, **fields)
    if request is not None:
        assert sent_body(request) == as_json(fields)


# -- Request ids --------------------------------------------------------------------------


def valid_request_id(value: str) -> bool:
    return bool(value) and value.isascii() and value.isprintable() and " " not in value


@PROPERTIES
@given(request_id=ANY_TEXT | st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
@example(request_id="a b")
@example(request_id="id\r\nX-Injected: 1")
@example(request_id="")
def test_a_request_id_is_sent_verbatim_or_refused(
    corex_server: LocalCoreX, local: Local, request_id: str
) -> None:
    wire = local(corex_server)
    before = corex_server.attempts(request_id) if request_id else 0
    if valid_request_id(request_id):
        models = wire("list_models", request_id=request_id)
        assert models._request_id == request_id  # echoed back by the server
        assert corex_server.attempts(request_id) == before + 1
    else:
        with pytest.raises(RequestValidationError):
            wire("list_models", request_id=request_id)


# -- Path ids -----------------------------------------------------------------------------

PATH_METHODS = {
    "get_model": "/v1/models/",
    "get_virtual_model": "/v1/virtual-models/",
    "get_messages_batch": "/v1/messages/batches/",
    "get_messages_batch_results": "/v1/messages/batches/",
    "cancel_messages_batch": "/v1/messages/batches/",
}


@PROPERTIES
@given(name=st.sampled_from(sorted(PATH_METHODS)), path_id=IDS)
@example(name="get_model", path_id="\udc80")  # a lone surrogate: not UTF-8
@example(name="get_model", path_id="../credits/balance")
@example(name="cancel_messages_batch", path_id="x/../../../health?#")
def test_a_path_id_stays_one_segment_of_its_resource(
    recorder: Recorder, name: str, path_id: str
) -> None:
    request = recorder.call(getattr(recorder.client, name), path_id)
    if request is None:
        return
    prefix, segment = PATH_METHODS[name], quote(path_id, safe="")
    raw_path = request.url.raw_path.decode("ascii")
    assert raw_path.startswith(prefix + segment)
    assert raw_path.removeprefix(prefix + segment) in ("", "/cancel", "/results")
    assert "/" not in segment
    assert "?" not in raw_path
    assert not request.url.fragment
    assert segment not in (".", "..")


@PROPERTIES
@given(model_id=IDS)
@example(model_id="openai/gpt-4o-mini/../../credits")
@example(model_id="m\n")  # the local CoreX's route once read it as "m"
def test_the_server_reads_back_exactly_the_model_id(
    corex_server: LocalCoreX, local: Local, model_id: str
) -> None:
    try:
        with pytest.raises(NotFoundError) as caught:
            local(corex_server)("get_model", model_id)
    except RequestValidationError:
        return
    assert caught.value.message == f"Model {model_id!r} not found"


def test_a_known_model_id_with_a_slash_is_found(corex_server: LocalCoreX, local: Local) -> None:
    """The other half of the property above: an id the server has comes back whole."""
    assert local(corex_server)("get_model", MODEL).id == MODEL


# -- Header names and values --------------------------------------------------------------

TOKEN = st.text(st.sampled_from("!#$%&'*+-.^_`|~0123456789abcXYZ"), min_size=1, max_size=8)
HEADER_NAMES = TOKEN | ANY_TEXT | st.sampled_from(
    ["Authorization", "X-Request-Id", "Content-Type", "Accept", "User-Agent", "X-Custom",
     "x-custom", "Host", "Cookie", "X-Api-Key", "Bad Name", "Name:", ""]
)  # fmt: skip
HEADER_VALUES = (
    ANY_TEXT
    | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12)
    | st.builds(lambda a, b: a + API_KEY + b, ANY_TEXT | st.just("Bearer "), ANY_TEXT | st.just(""))
)
HEADERS = st.dictionaries(HEADER_NAMES, HEADER_VALUES, max_size=2)
# Headers whose meaning belongs to httpx2, not to the caller's values.
FRAMING = {"content-length", "transfer-encoding", "host", "connection"}


@PROPERTIES
@given(headers=HEADERS)
@example(headers={"X-Request-Id": f"key {API_KEY}"})  # a bad request id holding the key
@example(headers={"X-Custom": f"\n{API_KEY}"})
@example(headers={"X-Custom": "é"})
def test_extra_headers_are_sent_exactly_or_refused_without_the_key(
    recorder: Recorder, headers: dict[str, str]
) -> None:
    request = recorder.call(recorder.client.list_models, extra_headers=headers)
    if request is None:
        return
    for name, value in headers.items():
        if name.lower() == "x-request-id":
            assert request.headers["X-Request-Id"] == value
        elif name.lower() not in FRAMING:
            assert request.headers.get_list(name) == [value]


@PROPERTIES
@given(headers=HEADERS)
def test_default_headers_are_sent_exactly_or_refused_without_the_key(
    headers: dict[str, str],
) -> None:
    try:
        recorder = Recorder(default_headers=headers)
    except ConfigurationError as exc:
        refused: ConfigurationError | None = exc
    else:
        refused = None
    if refused is not None:
        assert API_KEY not in str(refused), refused
        return
    with recorder.http:
        request = recorder.call(recorder.client.list_models)
    assert request is not None
    for name, value in headers.items():
        if name.lower() not in FRAMING | {"authorization", "x-request-id"}:
            assert request.headers.get_list(name) == [value]
