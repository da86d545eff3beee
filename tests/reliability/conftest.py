"""Fixtures of the fault suite: the session's `ScriptedServer`, clients with a pool of one
connection, and `consume`, which makes one call of a body kind and reads its answer whole.

Every body and stream kind the SDK has is one entry of `KINDS`, so a test parametrised over
them covers a JSON answer, a chat stream, a Messages stream, a download, a JSON Lines body
and a multipart upload, each with the sync client and the async one on both transports
(httpx2's pool, and aiohttp's: `DefaultAioHttpClient`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import httpx2
import pytest
from hypothesis import HealthCheck, settings

from tests.adapter import settle
from tests.reliability._scripted import SCRIPT_HEADER, ScriptedServer
from zaguan import AsyncZaguanClient, DefaultAioHttpClient, ZaguanClient
from zaguan.testing import corex_server

__all__ = ["corex_server"]  # the fixture, re-exported for pytest

# The property tests' Hypothesis profile, registered, never loaded, so that other Hypothesis
# users in the session keep their defaults: the same examples on every run (`derandomize`, no
# example database), never timed (`deadline=None`: a loaded two-core machine must not make a
# property flaky).
settings.register_profile(
    "properties",
    deadline=None,
    derandomize=True,
    database=None,
    max_examples=60,
    print_blob=False,
    # The session server is shared on purpose (one per session, reset per test); each example
    # uses its own request id, so no example depends on another's state.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

Client = ZaguanClient | AsyncZaguanClient
TIMEOUT = 0.5  # every wait of a faulty exchange is bounded by this, or by a deadline
BOUND = 10.0  # seconds any failure must take at most, generous for a loaded machine
STEADY = 5.0  # the timeout of clients whose server answers at once: only a loaded machine waits
USER = [{"role": "user", "content": "hello"}]
WAV_HEAD = b"RIFF\x00\x00\x00\x00WAVE"


async def _json(client: Client, options: dict[str, Any]) -> str:
    return (await settle(client.list_models(**options)))[0].description


async def _chat_stream(client: Client, options: dict[str, Any]) -> str:
    stream = await settle(client.chat_stream(model="test/echo", messages=USER, **options))
    final = await settle(stream.get_final_completion())
    return final.choices[0].message.content


async def _messages_stream(client: Client, options: dict[str, Any]) -> str:
    stream = client.messages_stream(model="test/echo", max_tokens=5, messages=USER, **options)
    final = await settle((await settle(stream._start())).get_final_message())
    return final.content[0].text


async def _download(client: Client, options: dict[str, Any]) -> str:
    fields = {"model": "openai/tts-1", "input": "hello", "voice": "alloy"}
    audio = await settle(client.create_speech_stream(**fields, **options))
    data: bytes = await settle(audio.read())
    return data.removeprefix(WAV_HEAD).decode(errors="replace")


async def _jsonl(client: Client, options: dict[str, Any]) -> str:
    batch = options.pop("batch_id", "msgbatch_1")
    results = await settle(client.get_messages_batch_results(batch, **options))
    return results[0].result.message.content[0].text


async def _multipart(client: Client, options: dict[str, Any]) -> str:
    upload = ("hello.txt", b"hello")
    fields = {"file": upload, "model": "openai/whisper-1"}
    return (await settle(client.create_transcription(**fields, **options))).text


KINDS: dict[str, Callable[[Client, dict[str, Any]], Awaitable[str]]] = {
    "json": _json,
    "chat_stream": _chat_stream,
    "messages_stream": _messages_stream,
    "download": _download,
    "jsonl": _jsonl,
    "multipart": _multipart,
}
STREAMS = ("chat_stream", "messages_stream")


def open_stream(client: Client, kind: str, script: str) -> Any:
    """A stream of ``kind`` (``"download"``: a speech download) answered by the `ScriptedServer`
    script ``script``: sent already (sync), or to be awaited (async)."""
    options: dict[str, Any] = {"extra_headers": {SCRIPT_HEADER: script}}
    if kind == "chat_stream":
        return client.chat_stream(model="m", messages=USER, **options)
    if kind == "messages_stream":
        return client.messages_stream(model="m", max_tokens=5, messages=USER, **options)
    return client.create_speech_stream(model="openai/tts-1", input="hi", voice="alloy", **options)


def pieces(stream: Any, kind: str) -> Any:
    """What iterating a stream of ``kind`` gives: its items, or a download's bytes."""
    return stream if kind in STREAMS else stream.iter_bytes()


async def consume(client: Client, kind: str, script: str | None = None, **options: Any) -> str:
    """Call ``kind`` and read its answer whole: its one free-text field, e.g. the chat's
    content. ``script`` names the `ScriptedServer` script to answer it."""
    if script is not None:
        options["extra_headers"] = {SCRIPT_HEADER: script}
    return await KINDS[kind](client, options)


@pytest.fixture(scope="session")
def scripted() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture(params=["sync", "async", "aiohttp"])
def flavour(request: pytest.FixtureRequest) -> str:
    """The sync client; the async one on httpx2's pool; the async one on aiohttp's."""
    return str(request.param)


@pytest.fixture
async def make_client(flavour: str) -> AsyncIterator[Callable[..., Client]]:
    """``make_client(base_url, **options)``: a client of the test's flavour on a pool of ONE
    connection (``timeout`` 0.5 s, no retries unless given), closed after the test."""
    made: list[Client] = []

    def make(base_url: str, api_key: str = "zk-test-key", **options: Any) -> Client:
        options = {"timeout": TIMEOUT, "max_retries": 0, **options}
        limits = httpx2.Limits(max_connections=1)
        client: Client
        if flavour == "sync":
            http = httpx2.Client(limits=limits)
            client = ZaguanClient(api_key, base_url=base_url, http_client=http, **options)
        else:
            ahttp = (
                DefaultAioHttpClient(limits=limits)
                if flavour == "aiohttp"
                else httpx2.AsyncClient(limits=limits)
            )
            client = AsyncZaguanClient(api_key, base_url=base_url, http_client=ahttp, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        if isinstance(client, AsyncZaguanClient):
            await client._http.aclose()
        else:
            client._http.close()


@pytest.fixture
def client(make_client: Callable[..., Client], scripted: ScriptedServer) -> Client:
    """A client of the test's flavour on the scripted server, with the `STEADY` timeout: a
    test of a timeout asks `make_client` for the short one. (On a loaded machine the scripted
    server, a thread of this process, was seen to take more than 0.5 s to answer.)"""
    return make_client(scripted.base_url, timeout=STEADY)


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Retries here never wait (their count, not their timing, is what is tested)."""
