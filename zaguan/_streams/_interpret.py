"""What a kind of event stream means: the `Interpreter` seam between SSE events and items.

The stream lifecycle (`_lifecycle.StreamCore`, driven by the I/O shells of `_streaming`)
knows bytes, SSE events, the end of the body and the SDK's exceptions; an interpreter
knows one wire dialect: which events are items, which end the stream, which report an
error, and what the items add up to. Two exist: `_interpret_chat.ChatInterpreter`
(OpenAI chunks until ``data: [DONE]``) and `_interpret_messages.MessagesInterpreter`
(Anthropic named events until ``message_stop``).

Interpreters are pure and raise plain Python exceptions; the lifecycle translates them
in one place, adding the request id and the response:

- `ErrorEvent`: the server reported an error inside the stream -> `StreamError`;
- `ValueError` (`Unreadable` to name the raw text), `TypeError`, `KeyError`,
  `AttributeError`: what arrived cannot be read -> `APIResponseValidationError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from ._sse import ServerSentEvent

T = TypeVar("T")  # invariant: items are both returned and read back (`text`)
F_co = TypeVar("F_co", covariant=True)


class Interpreter(Protocol[T, F_co]):
    """One stream's meaning: SSE events in, items (``T``) out, and the final result (``F``).

    An interpreter is made per stream (it accumulates) and never does I/O.
    """

    @property
    def end_marker(self) -> str:
        """How the end of the stream looks on the wire, for the error when it never came."""
        ...

    @property
    def done(self) -> bool:
        """Whether the end marker has arrived; no event is fed after it."""
        ...

    def feed(self, event: ServerSentEvent) -> T | None:
        """The item ``event`` stands for, or None for an event the caller never sees
        (a keep-alive, the end marker). Raises `ErrorEvent` or a decoding error."""
        ...

    def final(self) -> F_co:
        """What the items so far add up to (called once `done`); a new object per call."""
        ...

    def snapshot(self) -> F_co | None:
        """What the items so far add up to, at any point (None before the first); a new
        object per call. Only a caller who asks pays for it."""
        ...

    def text(self, item: T) -> str | None:
        """The answer text ``item`` adds, if any (behind ``stream.text_stream``)."""
        ...


# The C scanner behind json.loads; typeshed leaves out this attribute, set in __init__.
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def loads(text: str) -> Any:
    """``json.loads(text)``, about 2 µs faster per event: an event's data is usually one JSON
    value with no surrounding space, which the C scanner reads directly, skipping the three
    Python-level calls of ``json.loads``; anything else goes to ``json.loads`` itself."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:  # no value at 0 (leading space, not JSON): json.loads decides
        end = -1
    if end != len(text):  # space around it, or not JSON: json.loads accepts it or explains
        return json.loads(text)
    return value


class ErrorEvent(Exception):  # a signal to the lifecycle, not an SDK error
    """Raised by `Interpreter.feed`: the event reports an error; ``payload`` is its body
    (the decoded JSON, or the raw text when it is not JSON)."""

    def __init__(self, payload: object) -> None:
        # Not in args: it would be the StreamError's __context__, showing the payload (which
        # may echo the key) unmasked; `make_stream_error` reads it, masked, from here.
        super().__init__("the server reported an error in the stream")
        self.payload = payload


class Unreadable(ValueError):
    """Raised by an interpreter when what arrived cannot be read; ``text`` is the raw text
    to report (the lifecycle reports the event's data for any other decoding error)."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text
