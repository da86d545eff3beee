"""Rebuilds the `ChatCompletion` a stream stands for from its chunks; both streams share it.

`ChunkAccumulator.add` runs on every chunk, so it only sets fields and appends
string pieces to lists; joining and building wait for `completion`. Rules:

- ``id``, ``model``, ``created``, ``system_fingerprint``: the first non-empty
  value. ``usage``, ``promptshield``: the last chunk carrying one (usually the
  final one, with empty ``choices``). Unknown top-level and choice fields: the
  later chunk wins, as they describe the whole response, not a piece of it.
- Choices and tool calls are keyed by their ``index`` (``n > 1`` interleaves)
  and ordered by it. ``role``: the first seen, else ``"assistant"``.
  ``finish_reason``: the last non-empty one, unknown values included.
- ``content``, ``reasoning_content``, ``refusal``: the pieces joined verbatim
  (``<think>`` included); ``""`` if only empty pieces came. Never sent:
  ``content`` is ``None`` (the contract's message always has it), the optional
  two are left out (they read as None), as a non-streamed reply would leave them.
- Tool calls: ``id`` and ``type`` from the first piece that has them (``type``
  defaults to ``"function"``; a missing ``id`` stays ``""``, never invented);
  ``arguments``: the fragments in arrival order, byte for byte, even when the
  result is not JSON; ``name``: see `_merge_name`.
- Deltas' unknown fields (on the message, a tool call, its function) and
  ``logprobs`` are increments: see `_Increments`.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionChunkChoice,
    ChatCompletionChunkChoiceLogprobsType0,
    Promptshield,
    ToolCallDelta,
    Usage,
)

from .._errors import APIResponseValidationError


class _Text(list[str]):
    """String pieces of one unknown field, joined at the end."""


class _Items(list[Any]):
    """Items of one unknown list field, concatenated across chunks."""


# Keys that name something rather than carry text: openai-python's accumulate_delta
# does not concatenate "index" and "type" either, and an "id" repeated per delta
# (audio deltas may carry one) must not turn into "a1a1a1".
_IDENTIFIERS = frozenset({"id", "index", "type"})


class _Increments:
    """Unknown fields of successive deltas, merged as increments.

    Strings are concatenated, lists extended, objects merged key by key by the
    same rules; identifiers (`_IDENTIFIERS`) and other values are replaced by
    the later non-null one. ``null`` never erases: in a delta it means "nothing
    new". A provider that repeats a whole unknown string in every delta will
    see it repeated; the raw chunks stay the fallback for fields not modelled.
    """

    __slots__ = ("_fields",)

    def __init__(self) -> None:
        self._fields: dict[str, Any] = {}

    def add(self, values: Mapping[str, Any]) -> None:
        fields = self._fields
        for key, value in values.items():
            held = fields.get(key)
            if isinstance(value, str) and key not in _IDENTIFIERS:
                if isinstance(held, _Text):
                    held.append(value)
                else:
                    fields[key] = _Text([value])
            elif isinstance(value, list):
                if isinstance(held, _Items):
                    held.extend(value)
                else:
                    fields[key] = _Items(value)
            elif isinstance(value, Mapping):
                if not isinstance(held, _Increments):
                    held = fields[key] = _Increments()
                held.add(value)
            elif value is not None or key not in fields:
                fields[key] = value

    def build(self) -> dict[str, Any]:
        return {key: _built(value) for key, value in self._fields.items()}


def _built(value: Any) -> Any:
    """The plain JSON value of one `_Increments` slot."""
    if isinstance(value, _Text):
        return "".join(value)
    if isinstance(value, _Increments):
        return value.build()
    return list(value) if isinstance(value, _Items) else value


def checked_index(index: object, what: str) -> int:
    """``index`` if it is a JSON integer; a `TypeError` (which the stream reports as
    `APIResponseValidationError`) as soon as the chunk arrives otherwise, rather than a
    list that cannot key a dict or a string that cannot be sorted with the ints at the end."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"a {what} index must be an integer, got {type(index).__name__}")
    return index


def checked_name(name: object) -> str:
    """``name`` if it is a string; a `TypeError` otherwise, as `checked_index`."""
    if not isinstance(name, str):
        raise TypeError(f"a function name must be a string, got {type(name).__name__}")
    return name


def check_chunk(chunk: ChatCompletionChunk) -> None:
    """Raise the `TypeError` that `ChunkAccumulator.add` would raise for ``chunk``, without
    accumulating it: a stream that accumulates only when its final completion is asked for
    still reports a wrongly typed index or name as the chunk arrives."""
    for choice in chunk.choices:
        if type(choice.index) is not int:  # runs per chunk: the usual int costs no call
            checked_index(choice.index, "choice")
        for piece in choice.delta.tool_calls or ():
            checked_index(piece.index, "tool call")
            function = piece.function
            if function and function.name:
                checked_name(function.name)


def _merge_name(name: str, piece: str) -> str:
    """The function name after ``piece``: set by the first, a repeat ignored, a fragment appended.

    OpenAI sends the name whole, once. Some servers resend it whole in every
    piece (MiniMax via NVIDIA NIM, Fireworks), and Gemini has been seen to
    split it ("edit_ex" + "isting_file", continuedev/continue#5849); appending
    only a piece that differs from the name so far serves all three. The one
    ambiguity, a fragment equal to the whole name so far, is read as a repeat.
    """
    return piece if piece == name else name + piece


@dataclass(slots=True)
class _ToolCall:
    id: str = ""
    type: str = ""
    name: str = ""
    arguments: list[str] = field(default_factory=list)
    fields: _Increments = field(default_factory=_Increments)
    function_fields: _Increments = field(default_factory=_Increments)

    def add(self, piece: ToolCallDelta) -> None:
        if piece.id and not self.id:
            self.id = piece.id
        if piece.type_ and not self.type:
            self.type = piece.type_
        if piece.additional_properties:
            self.fields.add(piece.additional_properties)
        function = piece.function
        if not function:  # absent, or null from a lenient server
            return
        if function.name:
            self.name = _merge_name(self.name, checked_name(function.name))
        if isinstance(function.arguments, str):
            self.arguments.append(function.arguments)
        if function.additional_properties:
            self.function_fields.add(function.additional_properties)

    def build(self) -> dict[str, Any]:
        function = {"name": self.name, "arguments": "".join(self.arguments)}
        return {
            **self.fields.build(),
            "id": self.id,
            "type": self.type or "function",
            "function": {**self.function_fields.build(), **function},
        }


@dataclass(slots=True)
class _Choice:
    role: str = ""
    finish_reason: str | None = None
    content: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    refusal: list[str] = field(default_factory=list)
    tool_calls: dict[int, _ToolCall] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    message_fields: _Increments = field(default_factory=_Increments)
    logprobs: _Increments | None = None  # None: no chunk carried logprobs

    def add(self, choice: ChatCompletionChunkChoice) -> None:
        delta = choice.delta
        if delta.role and not self.role:
            self.role = delta.role
        # isinstance, not truthiness: an empty piece still means the field was sent.
        if isinstance(delta.content, str):
            self.content.append(delta.content)
        if isinstance(delta.reasoning_content, str):
            self.reasoning.append(delta.reasoning_content)
        if isinstance(delta.refusal, str):
            self.refusal.append(delta.refusal)
        for piece in delta.tool_calls or ():
            index = checked_index(piece.index, "tool call")
            call = self.tool_calls.get(index)
            if call is None:  # not setdefault: that would build a _ToolCall per piece
                call = self.tool_calls[index] = _ToolCall()
            call.add(piece)
        if isinstance(choice.finish_reason, str) and choice.finish_reason:
            self.finish_reason = choice.finish_reason
        if delta.additional_properties:
            self.message_fields.add(delta.additional_properties)
        if choice.additional_properties:
            self.fields.update(choice.additional_properties)
        if isinstance(choice.logprobs, ChatCompletionChunkChoiceLogprobsType0):
            self.logprobs = self.logprobs or _Increments()
            self.logprobs.add(choice.logprobs.additional_properties)

    def build(self, index: int) -> dict[str, Any]:
        built = {**self.fields, "index": index, "message": self._message()}
        built["finish_reason"] = self.finish_reason
        if self.logprobs is not None:
            built["logprobs"] = self.logprobs.build()
        return built

    def _message(self) -> dict[str, Any]:
        message = self.message_fields.build()
        message["role"] = self.role or "assistant"
        message["content"] = "".join(self.content) if self.content else None
        if self.reasoning:
            message["reasoning_content"] = "".join(self.reasoning)
        if self.refusal:
            message["refusal"] = "".join(self.refusal)
        if self.tool_calls:
            message["tool_calls"] = [call.build() for _, call in sorted(self.tool_calls.items())]
        return message


class ChunkAccumulator:
    """Collects a stream's `ChatCompletionChunk` s and rebuilds the `ChatCompletion`.

    >>> acc = ChunkAccumulator()
    >>> for chunk in chunks:  # doctest: +SKIP
    ...     acc.add(chunk)
    >>> acc.completion().choices[0].message.content  # doctest: +SKIP
    'Hello!'
    """

    def __init__(self) -> None:
        self._id: str | None = None  # None until the first chunk: see completion()
        self._model = ""
        self._created = 0
        self._fingerprint: str | None = None
        self._usage: Usage | None = None
        self._promptshield: Promptshield | None = None
        self._fields: dict[str, Any] = {}
        self._choices: dict[int, _Choice] = {}

    def add(self, chunk: ChatCompletionChunk) -> None:
        """Take in one chunk; cheap, so it can run on every chunk as it arrives."""
        if not self._id:
            self._id = chunk.id
        self._model = self._model or chunk.model
        self._created = self._created or chunk.created
        self._fingerprint = self._fingerprint or chunk.system_fingerprint or None
        if isinstance(chunk.usage, Usage):
            self._usage = chunk.usage
        if isinstance(chunk.promptshield, Promptshield):
            self._promptshield = chunk.promptshield
        if chunk.additional_properties:
            self._fields.update(chunk.additional_properties)
        for choice in chunk.choices:
            index = checked_index(choice.index, "choice")
            state = self._choices.get(index)
            if state is None:  # not setdefault: that would build a _Choice per chunk
                state = self._choices[index] = _Choice()
            state.add(choice)

    def completion(self) -> ChatCompletion:
        """The completion the chunks so far add up to; a new, independent object per call.

        Raises `APIResponseValidationError` if no chunk arrived: there is no
        ``id``, ``model`` or ``created`` to report, and inventing them would
        hide a broken stream.
        """
        if self._id is None:
            raise APIResponseValidationError("The stream ended before its first chunk.")
        choices = sorted(self._choices.items())
        body = {
            **self._fields,
            "id": self._id,
            "object": "chat.completion",
            "created": self._created,
            "model": self._model,
            "choices": [choice.build(index) for index, choice in choices],
        }
        if self._fingerprint is not None:
            body["system_fingerprint"] = self._fingerprint
        if self._usage is not None:
            body["usage"] = self._usage.to_dict()
        if self._promptshield is not None:
            body["promptshield"] = self._promptshield.to_dict()
        # Unknown fields and logprobs entries are the chunks' own objects: copy them so
        # that mutating the result changes neither the chunks nor a later result.
        return ChatCompletion.from_dict(copy.deepcopy(body))
