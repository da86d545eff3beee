"""Rebuilds the Anthropic ``Message`` a ``/v1/messages`` stream stands for, as a plain dict.

The rules are those of ``get_final_message()`` in the ``anthropic`` package:

- ``message_start``: the message as it starts (``content`` normally ``[]``, ``usage``
  with ``input_tokens``); every field kept, unknown ones included.
- ``content_block_start``: a block at ``index``, every field kept; the final
  ``content`` is the blocks ordered by index.
- ``content_block_delta``: ``text_delta`` appends to ``text``, ``thinking_delta`` to
  ``thinking``; ``signature_delta`` sets ``signature``; ``citations_delta`` appends
  its ``citation`` to ``citations``; ``input_json_delta`` fragments are joined and
  parsed as JSON when the message is built (``input`` stays as the block started,
  normally ``{}``, when no fragment or only empty ones came). A delta type not listed
  here is skipped: its event still reaches the caller, but the message cannot know
  what it adds.
- ``message_delta``: its ``delta`` fields (``stop_reason``, ``stop_sequence``, ...)
  replace the message's; its ``usage`` values are merged into the message's usage
  (``output_tokens`` replaced, ``input_tokens`` kept unless a value is sent).
- Other events (``content_block_stop``, ``message_stop``, unknown types): nothing.

Cheap per event (pieces are appended to lists); joining, parsing and copying wait for
`MessageAccumulator.message`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ._accumulate import checked_index
from ._interpret import Unreadable

Event = Mapping[str, Any]

# The delta types whose piece is appended to a text field of the block.
_TEXT_DELTAS: Final = {"text_delta": "text", "thinking_delta": "thinking"}


@dataclass(slots=True)
class _Block:
    fields: dict[str, Any]
    pieces: dict[str, list[str]] = field(default_factory=dict)  # text field -> its pieces
    json: list[str] = field(default_factory=list)  # input_json_delta fragments

    def add(self, delta: Event) -> None:
        kind = delta["type"]
        if kind in _TEXT_DELTAS:
            name = _TEXT_DELTAS[kind]
            if not isinstance(self.fields.get(name) or "", str):  # no str to append to
                raise TypeError(f"the block's {name!r} is not a string")
            self.pieces.setdefault(name, []).append(_string(delta, name))
        elif kind == "input_json_delta":
            self.json.append(_string(delta, "partial_json"))
        elif kind == "signature_delta":
            self.fields["signature"] = delta["signature"]
        elif kind == "citations_delta":
            self.fields.setdefault("citations", []).append(copy.deepcopy(delta["citation"]))

    def build(self, index: int) -> dict[str, Any]:
        built = copy.deepcopy(self.fields)
        for name, pieces in self.pieces.items():
            built[name] = (built.get(name) or "") + "".join(pieces)
        text = "".join(self.json)
        if text.strip():
            built["input"] = _parse_input(text, index)
        return built


def _string(delta: Event, key: str) -> str:
    """``delta[key]``, which must be a string: checked as the event arrives, so that a
    wrong type fails the stream there rather than when the message is built."""
    value = delta[key]
    if not isinstance(value, str):
        raise TypeError(f"a delta's {key!r} must be a string, got {type(value).__name__}")
    return value


def _parse_input(text: str, index: int) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise Unreadable(
            f"the input_json_delta fragments of content block {index} do not join into JSON "
            f"({exc})",
            text,
        ) from exc


class MessageAccumulator:
    """Collects a stream's events (plain dicts, as on the wire) and rebuilds the message.

    >>> acc = MessageAccumulator()
    >>> for event in events:  # doctest: +SKIP
    ...     acc.add(event)
    >>> acc.message()["content"][0]["text"]  # doctest: +SKIP
    'Hello!'
    """

    __slots__ = ("_blocks", "_message")

    def __init__(self) -> None:
        self._message: dict[str, Any] | None = None  # None until message_start
        self._blocks: dict[int, _Block] = {}

    def add(self, event: Event) -> None:
        """Take in one event; raises `KeyError`, `TypeError` or `Unreadable` if malformed."""
        handler = _HANDLERS.get(event["type"])
        if handler is not None:
            handler(self, event)

    @property
    def started(self) -> bool:
        """Whether ``message_start`` has come (before it there is no message to build)."""
        return self._message is not None

    def message(self) -> dict[str, Any]:
        """The message the events so far add up to; a new, independent dict per call."""
        if self._message is None:
            raise Unreadable("The stream ended before its message_start event.", "")
        built = copy.deepcopy(self._message)
        blocks = sorted(self._blocks.items())
        built["content"] = [block.build(index) for index, block in blocks]
        return built

    def _start(self, event: Event) -> None:
        # Copies: the caller holds the same dicts as events and may change them.
        self._message = copy.deepcopy(dict(event["message"]))
        for index, block in enumerate(self._message.pop("content", None) or []):
            self._blocks[index] = _Block(block)

    def _block_start(self, event: Event) -> None:
        index = checked_index(event["index"], "content block")
        self._blocks[index] = _Block(copy.deepcopy(dict(event["content_block"])))

    def _block_delta(self, event: Event) -> None:
        index = checked_index(event["index"], "content block")
        block = self._blocks.get(index)
        if block is None:
            raise Unreadable(f"a content_block_delta for block {index}, which never started", "")
        block.add(event["delta"])

    def _delta(self, event: Event) -> None:
        message = self._started()
        message.update(copy.deepcopy(dict(event.get("delta") or {})))
        usage = event.get("usage")
        if usage:
            merged = dict(message.get("usage") or {})
            merged.update({key: copy.deepcopy(v) for key, v in usage.items() if v is not None})
            message["usage"] = merged

    def _started(self) -> dict[str, Any]:
        if self._message is None:
            raise Unreadable("a message_delta event came before message_start", "")
        return self._message


_HANDLERS: Final[Mapping[str, Callable[[MessageAccumulator, Event], None]]] = {
    "message_start": MessageAccumulator._start,
    "content_block_start": MessageAccumulator._block_start,
    "content_block_delta": MessageAccumulator._block_delta,
    "message_delta": MessageAccumulator._delta,
}
