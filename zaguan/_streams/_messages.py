"""The Anthropic dialect of ``POST /v1/messages``: named events until ``message_stop``.

Dispatch follows ``anthropic``'s ``_streaming.py``, by the SSE event name (the payload's
``type`` when a server sends no ``event:`` line):

- ``message_start``, ``content_block_start``, ``content_block_delta``,
  ``content_block_stop``, ``message_delta``, ``message_stop``: items, and fed to the
  `MessageAccumulator`; ``message_stop`` ends the stream (there is no ``[DONE]``);
- ``ping``: a keep-alive, skipped;
- ``error``: `ErrorEvent`, hence `StreamError` (``{"type": "error", "error": {"type":
  "overloaded_error", "message": ...}}``: the SDK's error mapping reads it as is);
- any other name: passed through to the caller, not accumulated. ``anthropic`` drops
  them; the contract's rule is that unknown fields stay reachable, and an event type
  added by Anthropic is exactly that. A caller matching on ``event["type"]`` loses
  nothing by it.

Items are the events' JSON objects, as plain dicts with ``type`` always set: the contract
for ``/v1/messages`` will bring generated models, and the final message goes through a
``parse_final`` hook so a model can be plugged in without touching this module.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ._accumulate_messages import MessageAccumulator
from ._interpret import ErrorEvent, Unreadable, loads
from ._sse import ServerSentEvent

F = TypeVar("F")

MessageEvent = dict[str, Any]
"""One event of a messages stream: its JSON object, ``type`` included."""


class MessagesInterpreter(Generic[F]):
    """`Interpreter` of an Anthropic messages stream; `final` is ``parse_final(message)``,
    where ``message`` is the rebuilt message as a plain dict (``dict`` itself keeps it so).

    >>> interpreter = MessagesInterpreter(Message.from_dict)  # doctest: +SKIP
    """

    __slots__ = ("_parse_final", "accumulator", "done")

    end_marker = "'event: message_stop'"

    def __init__(self, parse_final: Callable[[dict[str, Any]], F]) -> None:
        self._parse_final = parse_final
        self.accumulator = MessageAccumulator()
        self.done = False

    def feed(self, event: ServerSentEvent) -> MessageEvent | None:
        name = event.event
        if name == "ping":  # before parsing: a keep-alive costs nothing
            return None
        if name == "error":
            raise ErrorEvent(_json_or_text(event.data))
        payload = loads(event.data)
        if not isinstance(payload, dict):
            raise Unreadable("an event's data is not a JSON object", event.data)
        # No `event:` line (the SSE default name "message"): the payload's type names it.
        kind = payload.get("type") if name == "message" else name
        payload.setdefault("type", kind)
        if kind == "ping":
            return None
        if kind == "error":
            raise ErrorEvent(payload)
        self.accumulator.add(payload)
        if kind == "message_stop":
            self.done = True
        return payload

    def final(self) -> F:
        return self._parse_final(self.accumulator.message())

    def snapshot(self) -> F | None:
        if not self.accumulator.started:
            return None
        return self._parse_final(self.accumulator.message())

    def text(self, item: MessageEvent) -> str | None:
        """The text of a ``text_delta`` (thinking is not the answer's text)."""
        delta = item.get("delta") if item["type"] == "content_block_delta" else None
        if isinstance(delta, dict) and delta.get("type") == "text_delta":
            text = delta.get("text")
            return text if isinstance(text, str) else None
        return None


def _json_or_text(data: str) -> object:
    """An error event's body: its JSON, else the raw text (still reported, never lost)."""
    try:
        return json.loads(data)
    except ValueError:
        return data
