"""The OpenAI dialect: ``data: <ChatCompletionChunk>`` events until ``data: [DONE]``.

A failure after the stream started comes as ``data: {"error": {...}}`` (the contract) or
as an ``event: error`` (some providers, passed through): both are `ErrorEvent`.
"""

from __future__ import annotations

import itertools

from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk

from ._accumulate import ChunkAccumulator, check_chunk
from ._interpret import ErrorEvent, loads
from ._sse import ServerSentEvent


class ChatInterpreter:
    """`Interpreter` of a chat completion stream; `final` is the `ChatCompletion`.

    The chunks are kept and accumulated only when `final` is asked for, so that a caller who
    only iterates never pays for the accumulation (about a third of the SDK's cost per
    chunk); what accumulating would reject is still checked as each chunk arrives. The
    final completion is built from the chunks as they are then: a caller who changed a
    chunk's fields changes it too.
    """

    __slots__ = ("_seen", "_snapshots", "chunks", "done")

    end_marker = "'data: [DONE]'"

    def __init__(self) -> None:
        self.chunks: list[ChatCompletionChunk] = []
        self.done = False
        self._snapshots: ChunkAccumulator | None = None  # made by the first snapshot
        self._seen = 0  # chunks added to it

    def feed(self, event: ServerSentEvent) -> ChatCompletionChunk | None:
        data = event.data
        if data == "[DONE]":
            self.done = True
            return None
        payload = loads(data)
        if event.event == "error" or (isinstance(payload, dict) and "error" in payload):
            raise ErrorEvent(payload)
        chunk = ChatCompletionChunk.from_dict(payload)
        check_chunk(chunk)
        self.chunks.append(chunk)
        return chunk

    def final(self) -> ChatCompletion:
        accumulator = ChunkAccumulator()
        for chunk in self.chunks:
            accumulator.add(chunk)
        return accumulator.completion()

    def snapshot(self) -> ChatCompletion | None:
        # Its own accumulator, fed only the chunks that came since the last snapshot: a
        # snapshot per chunk costs the build, not a pass over every chunk so far.
        if not self.chunks:
            return None
        accumulator = self._snapshots = self._snapshots or ChunkAccumulator()
        for chunk in itertools.islice(self.chunks, self._seen, None):
            accumulator.add(chunk)
        self._seen = len(self.chunks)
        return accumulator.completion()

    def text(self, item: ChatCompletionChunk) -> str | None:
        """The first choice's content piece (what most callers print)."""
        content = item.choices[0].delta.content if item.choices else None
        return content if isinstance(content, str) else None
