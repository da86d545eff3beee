"""Structured outputs: `chat_parse` sends a type's JSON Schema and reads the answer into it.

Pure: `OutputType` builds the request's ``response_format`` and turns the `ChatCompletion`
the client received into a `ParsedChatCompletion`, as ``openai``'s
``beta.chat.completions.parse`` does:

- every choice's ``message.parsed`` is the answer as the caller's type (a dataclass instance,
  a TypedDict's dict, a pydantic model), or None when the message has no content (a
  refusal, which stays in ``message.refusal``, or tool calls);
- ``finish_reason == "length"`` raises `LengthFinishReasonError` (the JSON is cut short),
  ``"content_filter"`` raises `ContentFilterFinishReasonError`; both carry the completion;
- content that is not JSON, or does not fit the type, raises `StructuredOutputError`
  carrying the raw text: so does anything else that stops reading it (JSON nested too
  deeply, content parts that are not text, the type's own constructor or validators
  refusing the values), so that an answer already charged never ends in a raw exception.
  Content sent as a list of text parts is read as their text, joined.

The parsed models are subclasses of the generated ones (which use slots, so no attribute can
be added to an instance): plain subclasses with one more slot, built by the generated
``from_dict``, so everything else about them (``to_dict``, unknown fields, the request id)
is the generated models' own.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Generic, TypeVar, get_origin

from zaguan_corex_client.models import ChatCompletion, ChatCompletionChoice, ChatCompletionMessage

from .._errors import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    RequestValidationError,
    StructuredOutputError,
)
from .._results import stamp
from ._schema import Mismatch, convert, json_schema

T = TypeVar("T")


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[T]):
    """A `ChatCompletionMessage` with ``parsed``: the content as the requested type, or None
    (no content: a refusal, see ``refusal``, or tool calls)."""

    __slots__ = ("parsed",)
    parsed: T | None

    def __repr__(self) -> str:
        return f"{super().__repr__()[:-1]}, parsed={self.parsed!r})"


class ParsedChoice(ChatCompletionChoice, Generic[T]):
    """A `ChatCompletionChoice` whose message is a `ParsedChatCompletionMessage`."""

    __slots__ = ()
    if TYPE_CHECKING:
        message: ParsedChatCompletionMessage[T]


class ParsedChatCompletion(ChatCompletion, Generic[T]):
    """A `ChatCompletion` from `chat_parse`: ``choices[i].message.parsed`` is a ``T``, or None
    for a refusal (in ``message.refusal``). A cut answer raises `LengthFinishReasonError`, a
    filtered one `ContentFilterFinishReasonError`, one that does not fit `StructuredOutputError`.

    >>> completion = client.chat_parse(model=..., messages=..., response_format=Answer)
    >>> completion.choices[0].message.parsed  # Answer(...)
    """

    __slots__ = ()
    if TYPE_CHECKING:  # the generated field, narrowed (a list is invariant, hence the ignore)
        choices: list[ParsedChoice[T]]  # type: ignore[assignment]


_NAME_CHARACTERS = re.compile(r"[^a-zA-Z0-9_-]")


class OutputType(Generic[T]):
    """The requested type ``T``: its ``response_format`` and the parsing of an answer.
    Building it checks that the type can be described, as an object (OpenAI's strict mode
    wants one at the root): a `RequestValidationError` otherwise, before anything is sent."""

    def __init__(self, tp: type[T]) -> None:
        self.type = tp
        try:
            schema = json_schema(tp)
        except TypeError as exc:
            raise RequestValidationError(f"response_format: {exc}") from exc.__cause__
        if schema.get("type") != "object":
            raise RequestValidationError(
                f"response_format={self.name} is not answered by a JSON object, and structured "
                "outputs need an object at the root (OpenAI's strict mode refuses anything "
                f"else): wrap it in a dataclass, a TypedDict or a pydantic model with one "
                f"field, e.g. `value: {self.name}`"
            )
        name = _NAME_CHARACTERS.sub("_", getattr(tp, "__name__", "response"))[:64]
        self.response_format: dict[str, Any] = {
            "type": "json_schema",
            "json_schema": {"name": name or "response", "schema": schema, "strict": True},
        }

    def parse(self, completion: ChatCompletion) -> ParsedChatCompletion[T]:
        """``completion`` with every choice's content parsed (see the module's rules)."""
        for choice in completion.choices:
            if choice.finish_reason == "length":
                raise LengthFinishReasonError(completion)
            if choice.finish_reason == "content_filter":
                raise ContentFilterFinishReasonError(completion)
        body = completion.to_dict()
        parsed = ParsedChatCompletion[T].from_dict(body)
        parsed.choices = [self._choice(raw, completion) for raw in body["choices"]]
        if completion._request_id is not None:
            stamp(parsed, completion._request_id)
        return parsed

    def _choice(self, raw: dict[str, Any], completion: ChatCompletion) -> ParsedChoice[T]:
        choice = ParsedChoice[T].from_dict(raw)
        message = ParsedChatCompletionMessage[T].from_dict(raw["message"])
        content: object = message.content
        if content is None or message.refusal:
            message.parsed = None
        else:
            message.parsed = self._value(_text(content, completion), completion)
        choice.message = message
        return choice

    def _value(self, text: str, completion: ChatCompletion) -> T:
        try:
            value = json.loads(text)
            result: T = convert(self.type, value)
        except Mismatch as exc:  # the constructor's or pydantic's error stays the cause
            raise StructuredOutputError(
                f"The answer does not fit {self.name}: {exc}",
                text=text, completion=completion, path=exc.path,
            ) from exc.__cause__  # fmt: skip
        except RecursionError:
            raise StructuredOutputError(
                "The answer is nested too deeply to read", text=text, completion=completion
            ) from None
        except ValueError as exc:  # json.loads's
            raise StructuredOutputError(
                f"The answer is not JSON ({exc})", text=text, completion=completion
            ) from None
        return result

    @property
    def name(self) -> str:
        """The requested type's name, as errors say it (``list[City]`` whole)."""
        if get_origin(self.type) is not None:
            return repr(self.type)
        return getattr(self.type, "__name__", repr(self.type))


def _text(content: object, completion: ChatCompletion) -> str:
    """A message's content as text: a string, or a list of text parts joined."""
    if isinstance(content, str):
        return content
    if isinstance(content, list) and all(_is_text_part(part) for part in content):
        return "".join(part["text"] for part in content)
    try:
        raw = json.dumps(content, ensure_ascii=False, default=repr)
    except RecursionError:
        raw = "<content nested too deeply to show>"
    raise StructuredOutputError("The answer's content is not text", text=raw, completion=completion)


def _is_text_part(part: object) -> bool:
    return isinstance(part, dict) and part.get("type") == "text" and isinstance(part["text"], str)
