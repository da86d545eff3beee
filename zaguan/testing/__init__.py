"""A local Zaguan CoreX for tests, demos and benchmarks: `pip install "zaguan-corex[testing]"`.

It serves the contract of `openapi/zaguan-corex.yaml` over real HTTP on 127.0.0.1 (a Starlette
app run by uvicorn) and answers deterministically. The core package `zaguan` never imports it.
Requests are checked against that contract itself (its copy in `zaguan_corex_client`): a body or
parameter it rejects is a 400 ``invalid_request_error`` whose ``param`` names the field
(``messages[0].role``); fields it does not name pass.

Entry points
------------
Python::

    from zaguan.testing import LocalCoreX

    with LocalCoreX() as server:           # a free port, a daemon thread; also `async with`
        server.base_url                    # "http://127.0.0.1:54321" (OpenAI SDKs: + "/v1")
        server.api_key                     # "zk-local-pro"
        server.ledger.balance              # credits left; .entries, .charges_for(request_id)
        server.attempts("req-1")           # requests seen with X-Request-Id "req-1"
        server.uploads("req-1")            # what each attempt of a multipart upload sent
        server.fault = "status=503;times=1"  # a server-wide fault, changeable while running
        server.stream_pace = 0.05          # seconds between stream events (default 0)
        server.reset()                     # the state of a new server, without a restart

pytest: ``from zaguan.testing import corex_server`` in a ``conftest.py`` (or
``pytest_plugins = ["zaguan.testing.pytest_plugin"]``) gives the ``corex_server`` fixture: one
`LocalCoreX` for the session, ``reset()`` before each test (fresh ledgers, attempts, request ids
and fault, no restart). Shell: ``python -m zaguan.testing --port 8080`` serves in the foreground
(``--pace 0.05`` to watch streams arrive; ``zaguan local`` is the same). It exits 1 when it
cannot listen (the port is taken: ``--port 0`` picks a free one), 2 for a usage mistake (a
``--host`` that does not resolve too), 130 after Ctrl-C; each with one line on stderr.
ASGI: `create_app()` returns the app, e.g. for ``httpx2.ASGITransport``.

Keys, tiers, bands, credits
---------------------------
Keys (``Authorization: Bearer <key>``; missing or wrong: 401 ``authentication_error``):
``zk-local-pro`` (tier ``pro``: bands A, B) and ``zk-local-free`` (tier ``free``: band A), each
with 10,000 credits; ``LocalCoreX(api_keys={key: tier}, credits=n)`` configures others (tier
``enterprise``: bands A, B, C). A successful chat debits its model's band: A 1, B 3, C 10
credits. A model above the key's tier: 403 ``band_access_denied``; fewer credits left than the
band costs: 402 ``insufficient_credits``.

Every response echoes ``X-Request-Id`` (``req_local_000001``, ... when the request had none).
A chat is charged once per request id: a retry with the same id and body is answered with the
same completion and not charged again; the same id with another body is a 409
``conflict_error``. A stream is charged when it completes. Failed attempts (injected faults)
appear in the history with status ``error`` or ``rate_limited`` and no debit.
``/v1/credits/history`` pages newest first (``limit`` 1-100, default 20, opaque ``cursor``;
filters ``model``, ``provider``, ``band``, ``status``, ``start_date``, ``end_date``, inclusive
UTC days); ``/v1/credits/stats`` sums the ``period`` (``day``, ``week``, ``month`` ending today,
default ``month``) or the days given. Timestamps come from ``clock`` (default: now, UTC).

Models (``GET /v1/models``; unprefixed names such as ``gpt-4o-mini`` work too)
-------------------------------------------------------------------------------
=============================  ====  =====================================================
openai/gpt-4o-mini             A     tools, vision
openai/o3-mini                 B     hidden reasoning (reasoning_tokens)
anthropic/claude-3-5-haiku     A     tools, vision
anthropic/claude-opus-4        C     hidden reasoning; 403 for the pro and free keys
google/gemini-2.0-flash        A     tools, vision
google/gemini-2.5-pro          B     hidden reasoning
deepseek/deepseek-chat         A     tools
deepseek/deepseek-reasoner     A     ``<think>`` in content and reasoning_tokens; no tools
perplexity/sonar               A     no tools
perplexity/sonar-reasoning     B     ``<think>`` in content, never reasoning_tokens; no tools
openai/text-embedding-3-small  A     ``/v1/embeddings``: 1536 dimensions
openai/omni-moderation-latest  A     ``/v1/moderations`` (the default ``model``)
openai/whisper-1               A     ``/v1/audio/transcriptions`` and ``/translations``
openai/tts-1                   A     ``/v1/audio/speech``
openai/dall-e-2                A     ``/v1/images/...`` (the default ``model``)
openai/gpt-image-1             B     ``/v1/images/...``, always ``b64_json``, with ``usage``
=============================  ====  =====================================================

A model serves one operation: naming it for another is a 400 naming ``model``.

Answers
-------
* Reply: ``"Echo: <text of the last user message>"`` (text parts joined by a space; ``"Echo:"``
  without one). ``response_format`` ``json_object``: ``{"echo": "<text>"}``; ``json_schema``: a
  value the schema accepts, so that ``chat_parse`` works offline with pydantic models, dataclasses
  and hand-written schemas (strings ``"example"``, numbers 1.5, integers 1, booleans true, each
  moved inside its bounds: ``minLength``, ``minimum``, ``exclusiveMaximum``, ``multipleOf``...; a
  ``format``'s fixed value: ``date-time`` ``2025-01-01T00:00:00Z``, ``date``, ``time``,
  ``duration``, ``email`` ``user@example.com``, ``uri``, ``uuid``, ``ipv4``, ``hostname``...;
  ``const``; the first ``enum`` value; ``null`` for a nullable, else the first branch of ``anyOf``
  / ``oneOf``; ``allOf`` merged; every property of an object; arrays of one item, or
  ``minItems``, or their ``prefixItems``). Local ``$ref`` is followed (``#/$defs/...``,
  ``#/definitions/...``, ``#``): where a ``$ref`` repeats (a recursive model) the value takes the
  shortest way out, ``[]`` for an array, required properties only.
  ``pattern`` is not followed. ``max_completion_tokens`` (else ``max_tokens``) cuts the reply to
  that many words, with ``finish_reason`` ``"length"``. ``n`` repeats the choice (at most 128).
* Tokens: **one token per whitespace-separated word**. ``prompt_tokens``: the words of every
  message's text and of its tool calls' names and arguments. ``completion_tokens``: the words of
  the content and of each tool call's name and arguments, plus hidden reasoning, times ``n``.
* Reasoning is the sentence ``"The user wrote <N> words, so I echo them."`` (9 tokens). Hidden
  reasoners add 9 to ``completion_tokens`` and report ``reasoning_tokens: 9``; DeepSeek R1 puts
  ``<think>\\n...\\n</think>\\n\\n`` before the reply and reports 9; Perplexity puts the block but
  reports no ``completion_tokens_details``. ``"thinking": false`` turns reasoning off.
* Tool calls, for models with tools, unless ``tool_choice`` is ``"none"``: a named
  ``tool_choice`` calls that function; otherwise, when the last message is the user's, every
  function whose name appears in its text (case-insensitive) is called (only the first with
  ``"parallel_tool_calls": false``); ``"required"`` calls the first function when none is named.
  Arguments are built from ``parameters`` like ``json_schema`` replies, as compact JSON.
  Then ``content`` is null and ``finish_reason`` is ``"tool_calls"``.
* Ids and time: ``id`` is ``chatcmpl-<sha256(request id)[:24]>``, tool call ids
  ``call_<...>``, ``created`` is always 1735689600, ``system_fingerprint`` ``fp_zaguan_local``.
* Streams (``"stream": true``): a ``: ping`` comment; per choice a role chunk, one chunk per
  word of content (its whitespace kept) or, per tool call, a chunk with ``id``/``type``/``name``
  and its ``arguments`` in three fragments; a chunk with ``finish_reason``; with
  ``stream_options.include_usage`` a usage chunk with empty ``choices``; ``data: [DONE]``. The
  last chunk before ``[DONE]`` carries ``promptshield``. Events go out at once, or
  ``stream_pace`` seconds apart (``LocalCoreX(stream_pace=...)``, ``--pace``, or per request the
  fault key below); a client that leaves mid-stream ends it, and nothing is logged.

Anthropic side (``/v1/messages``, ``/v1/messages/count_tokens``, ``/v1/messages/batches``)
-----------------------------------------------------------------------------------------
* A message follows the chat's rules in Anthropic's shapes (any catalogue model; ``test/...``
  models too): a ``text`` block ``"Echo: <text of the last user turn>"`` (its text blocks and
  tool results joined by a space). ``max_tokens`` cuts it to that many words
  (``stop_reason`` ``max_tokens``), the earliest of ``stop_sequences`` found in it ends it before
  the sequence (``stop_sequence``); else ``end_turn``. ``thinking: {type: enabled}`` puts a
  ``thinking`` block first (the reasoning sentence, 9 tokens, and a ``signature`` derived from
  the request id); its ``budget_tokens`` must be below ``max_tokens`` (else 400).
* Tools (client tools, for models with tools): ``tool_choice`` ``{type: tool, name}`` calls it
  (422 if it names no tool), ``any`` the tools named in the prompt or else the first, ``auto``
  (or none given) those named in the last user turn unless it carries a ``tool_result``,
  ``none`` none; ``disable_parallel_tool_use`` keeps the first. Each call is a ``tool_use``
  block (``id`` ``toolu_<...>``, ``input`` built from ``input_schema`` as chat arguments are)
  replacing the text, with ``stop_reason`` ``tool_use``.
* Tokens, one per word: ``input_tokens`` counts ``system``, every message's blocks (text,
  thinking, tool calls as name plus compact JSON input, tool results) and every tool (name,
  description, compact ``input_schema``); ``count_tokens`` answers exactly that, free of charge.
  ``output_tokens`` counts the blocks made. ``id`` is ``msg_<sha256(request id)[:24]>``.
* Credits, faults and checks as for a chat; a stream and a JSON answer under one request id
  are one request (answered alike, charged once). Streams: ``message_start``, ``ping``, per
  block ``content_block_start``, deltas (``thinking_delta`` per word then ``signature_delta``;
  ``text_delta`` per word; ``input_json_delta`` in three fragments), ``content_block_stop``;
  ``message_delta`` (stop reason, ``usage.output_tokens``; charged here), ``message_stop``.
  Stream faults count content deltas; ``stream_error_after`` sends ``event: error`` with
  ``{"type": "error", "error": {...}}``. Errors are the contract's ``ErrorResponse``.
* Batches belong to their key. Creating checks the envelope (400; a repeated ``custom_id`` too)
  and answers ``in_progress``; each request's ``params`` is checked against the message schema
  and a bad one becomes an ``errored`` result. A batch runs at the first request that reads it
  after creation (get, list or results), so it is ``ended`` there: every request answered as
  ``/v1/messages`` would (an error there is ``errored`` here, ``test/fail-<status>`` included;
  ``stream`` is refused), charged under ``derive_request_id(<batch id>, <custom id>)``.
  Cancelling before that answers ``canceling`` and ends with every request ``canceled``. A
  retried creation with the same request id returns the same batch (409 with another body).
  Lists are newest first with ``limit`` (default 20), ``after_id`` or ``before_id`` (an id of
  no batch: 400), ``has_more``, ``first_id``, ``last_id``; results are
  ``application/x-jsonl``, in request order. Ids ``msgbatch_local_000001``, ... (from 1 after
  ``reset()``); times from ``clock``.
Files and OpenAI batches (``/v1/files``, ``/v1/batches``; `_openai_batches` has the details)
-----------------------------------------------------------------------------------------------
* Files belong to their key, in memory: an upload (multipart ``file`` and ``purpose``, any
  purpose string) is stored as sent, ids ``file-local-000001``, ...; over 512 MB is a 413
  ``file_too_large`` (a ``Content-Length`` that cannot fit: before the body is read). A retried
  upload with the same request id answers the same file (409 with another body). Lists: newest
  first (``order=asc``), ``purpose``, ``after`` (an id of no such file: 400), ``limit``
  (default 10,000). Content: ``application/octet-stream``, byte for byte.
* A batch (``batch_local_000001``, ...) names an input file of purpose ``batch`` (else 400;
  unknown: 404). It answers ``validating``, and each read (get, or a list showing it) moves it
  one step: ``in_progress`` (its file validated line by line; a bad line ``failed`` it, with
  ``errors``), ``finalizing`` (its lines run), ``completed`` (its output and error files
  written, purpose ``batch_output``). Each line runs through the server's own handler of the
  batch's ``endpoint`` under the request id ``derive_request_id(batch id, custom_id)``, charged
  once; a refused line (contract, model, band, credits, fault, ``stream``) is in the error file
  with ``error`` set. Result lines are sorted by their ``id`` hash, never in input order.
  ``cancel`` (``validating``, ``in_progress``) answers ``cancelling``; the next read ends it
  ``cancelled`` with what finished. A read after ``expires_at`` (``clock``) ends it ``expired``,
  the lines never run in the error file as ``batch_expired``. Test switches in ``metadata``:
  ``zaguan_test_lines_per_read`` (lines run per read) and ``zaguan_test_expire_after`` (lines
  run before it expires).

Embeddings, moderations, audio, images, providers (each module's docstring has the details)
-------------------------------------------------------------------------------------------
* Embeddings: a unit vector hashed from each input (equal inputs, equal vectors), float32 values;
  ``dimensions`` keeps the first ones, renormalised (above 1536: 422); ``encoding_format``
  ``base64`` is their little-endian float32 bytes. Usage: one token per word, per token id.
* Moderations: an input containing ``kill``, ``hate``, ``gore`` or ``steal`` is flagged in
  their categories (``kill``: ``violence``, ``harassment/threatening``), scored 0.9, others
  0.0001; every OpenAI category is present.
* Transcriptions, translations (multipart): a UTF-8 text upload is its own transcript; other
  uploads read ``"Transcript of <filename> (<n> bytes)"`` (``"Translation of ..."``). Every
  ``response_format``: ``json``, ``verbose_json`` (duration of a WAV, one segment, timed words),
  and ``text``, ``srt``, ``vtt`` as ``text/plain``.
* Speech: 0.1 s of a sine (24 kHz, 16-bit mono) as WAV, ``Content-Type: audio/wav``, for every
  ``response_format`` this server cannot encode (``mp3``, ``opus``, ``aac``, ``flac``, none);
  ``pcm``: the raw samples, ``audio/pcm``.
* Images (edits and variations multipart): ``n`` 16x16 PNGs of a colour hashed from the prompt,
  the uploads and the index. ``url`` answers point at ``GET /files/images/img-<rrggbb>.png`` on
  this server (outside the contract; no key needed, as a signed URL).
* Multipart fields are read as their schema's types and checked like JSON bodies (same 400s with
  ``param``; a missing file: ``'file' is required``). ``server.uploads(request_id)`` keeps what
  every attempt sent, so a test can compare a retry with the first try byte for byte.
* ``/v1/providers/status``: every catalogue provider ``operational``. ``/v1/virtual-models``:
  ``zaguan/fast-chat`` (fallback) and ``zaguan/reasoning`` (weighted); an unknown id is a 404.

Faults
------
Header ``X-CoreX-Fault: key=value;key=value`` (`FAULT_HEADER`; a malformed spec is a 400):

``status=<400-599>``
    answer with this status in the contract's error shape (5xx with ``error.provider``).
``times=<n>``
    only the first n attempts of this ``X-Request-Id``; default: every attempt.
``retry_after=<seconds>``
    ``Retry-After`` header and ``error.retry_after``; alone it means ``status=429``, and a 429
    without it gets 1. Fractions such as ``0.2`` are sent as they are.
``delay=<seconds>``
    wait this long (at most 60) before the first byte of the response.
``drop=1``
    close the connection before any response (the client sees a transport error).
``stream_error_after=<n>``
    streams: after n content chunks send ``data: {"error": {... "type": "provider_error"}}``
    and end without ``[DONE]``.
``stream_cut_after=<n>``
    streams: after n content chunks end the response cleanly, without ``[DONE]``.
``stream_drop_after=<n>``
    streams: after n content chunks close the connection in the middle of the body.
``stream_stall_after=<n>``
    streams: after n content chunks send nothing more, holding the connection open (60 s at
    most), as a provider that hangs mid-answer.
``stream_keepalive_after=<n>``
    streams: after n content chunks send only keep-alives (``: ping`` comments; ``ping``
    events on ``/v1/messages``) every 0.05 s, for 60 s at most: what ``stream_idle_timeout``
    is for.
``stream_pace=<seconds>``
    streams (chat and ``/v1/messages``): wait this long (at most 60) between two events, in
    place of the server's ``stream_pace``; not a failure, so it combines with any other key.

Attempts are counted per ``X-Request-Id`` over every endpoint (a request without one is always a
first attempt), so a client that retries with the same id sees ``status=503;times=2`` as 503,
503, then 200: ``server.attempts(id) == 3`` and one debit.

The model names ``test/fail-<status>[-<times>]``, ``test/slow-<seconds>``, ``test/drop[-<times>]``,
``test/stream-error-<n>``, ``test/stream-cut-<n>``, ``test/stream-drop-<n>``,
``test/stream-stall-<n>``, ``test/stream-keepalive-<n>``, ``test/stream-pace-<seconds>`` and the
fault-free ``test/echo`` (band A, 1 credit) do the same for one chat. Precedence: the header, then
the model name, then the server-wide fault (``fault=``, ``server.fault``, ``--fault``), which never
applies to ``/health``. A chat is checked in this order: auth (401), validation (400, then 422 for
what the schema allows but this server cannot serve: ``n`` above 128, a ``tool_choice``
naming no tool), model (404), request-id conflict (409), band (403), credits (402), the fault.
Embeddings, moderations, audio and images are checked in the same order (422: ``dimensions``
above 1536, more than 2048 inputs) and charge their model's band like a chat, once per request
id; the ``test/...`` model names work there too. Every other operation: auth (401), the
contract's checks of its parameters and body (400), the fault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._public import publish as _publish
from .._retry import is_testing, set_testing

# What the `testing` extra installs (pyproject.toml) and this package imports: without one of
# them, say which install command adds it instead of a bare "No module named 'starlette'".
# `referencing` comes with jsonschema.
_EXTRA_MODULES = frozenset({"starlette", "uvicorn", "jsonschema", "referencing"})

try:
    from ._core._app import create_app
    from ._core._faults import FAULT_HEADER, Fault
    from ._core._server import LocalCoreX
    from ._core._state import DEFAULT_API_KEY, FREE_API_KEY
    from ._credits._ledger import Entry, Ledger
except ModuleNotFoundError as exc:
    _missing = (exc.name or "").partition(".")[0]
    if _missing not in _EXTRA_MODULES:
        raise
    raise ModuleNotFoundError(
        f"zaguan.testing needs {_missing!r}, which its extra installs: "
        'pip install "zaguan-corex[testing]"',
        name=_missing,
    ) from exc


if TYPE_CHECKING:
    from .pytest_plugin import corex_server

__all__ = [
    "DEFAULT_API_KEY",
    "FAULT_HEADER",
    "FREE_API_KEY",
    "Entry",
    "Fault",
    "Ledger",
    "LocalCoreX",
    "corex_server",
    "create_app",
    "is_testing",
    "set_testing",
]

_publish(__name__, (value for name, value in list(globals().items()) if name in __all__))


def __getattr__(name: str) -> object:
    # The fixture needs pytest, which the `testing` extra does not install: import it on demand.
    if name == "corex_server":
        from .pytest_plugin import corex_server  # noqa: PLC0415

        return corex_server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
