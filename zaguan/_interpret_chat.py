"""The OpenAI dialect: ``data: <ChatCompletionChunk>`` events until ``data: [DONE]``.

A failure after the stream started comes as ``data: {"error": {...}}`` (the contract) or
as an ``event: error`` (some providers, passed through): both are `ErrorEvent`.
"""

from __future__ import annotations

import json

from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk

from ._accumulate import ChunkAccumulator
from ._interpret import ErrorEvent
from ._sse import ServerSentEvent


class ChatInterpreter:
    """`Interpreter` of a chat completion stream; `final` is the `ChatCompletion`."""

    __slots__ = ("accumulator", "done")

    end_marker = "'data: [DONE]'"

    def __init__(self) -> None:
        self.accumulator = ChunkAccumulator()
        self.done = False

    def feed(self, event: ServerSentEvent) -> ChatCompletionChunk | None:
        data = event.data
        if data == "[DONE]":
            self.done = True
            return None
        payload = json.loads(data)
        if event.event == "error" or (isinstance(payload, dict) and "error" in payload):
            raise ErrorEvent(payload)
        chunk = ChatCompletionChunk.from_dict(payload)
        self.accumulator.add(chunk)
        return chunk

    def final(self) -> ChatCompletion:
        return self.accumulator.completion()

    def text(self, item: ChatCompletionChunk) -> str | None:
        """The first choice's content piece (what most callers print)."""
        content = item.choices[0].delta.content if item.choices else None
        return content if isinstance(content, str) else None
