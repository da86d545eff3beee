"""Validation of a chat request against the contract's `ChatCompletionRequest`.

A request the schema rejects is a 400 `invalid_request_error` whose `param` names the field
(`messages[0].role`); unknown fields pass, as the contract says. A request the schema accepts but
this server cannot serve (`n` above 128, a `tool_choice` naming no tool) is a 422.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._errors import ApiError, bad_request

__all__ = ["ChatRequest", "parse_json", "validate_chat"]

MAX_CHOICES = 128  # a server limit beyond the contract's `n >= 1`, as OpenAI's

_RANGES: dict[str, tuple[int, int]] = {
    "temperature": (0, 2),
    "top_p": (0, 1),
    "presence_penalty": (-2, 2),
    "frequency_penalty": (-2, 2),
}
_INTEGERS: dict[str, tuple[int | None, int | None]] = {
    "max_tokens": (1, None),
    "max_completion_tokens": (1, None),
    "n": (1, None),
    "top_logprobs": (0, 20),
    "seed": (None, None),
}
_BOOLEANS = ("logprobs", "stream", "parallel_tool_calls", "store", "thinking")
_STRINGS = ("user", "virtual_model_id")
_OBJECTS = ("metadata", "provider_specific_params", "extra_body")
_ENUMS = {
    "reasoning_effort": ("minimal", "low", "medium", "high"),
    "verbosity": ("low", "medium", "high"),
}


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """The parts of a valid chat request that decide the answer."""

    model: str
    messages: list[dict[str, Any]]
    fingerprint: str
    stream: bool = False
    include_usage: bool = False
    tools: list[dict[str, Any]] = field(default_factory=list)
    tool_choice: object = None
    parallel_tool_calls: bool = True
    n: int = 1
    max_tokens: int | None = None
    response_format: dict[str, Any] | None = None
    thinking: bool | None = None


def _fail(param: str, message: str) -> None:
    raise bad_request(param, f"'{param}' {message}")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_integer(value: object) -> bool:
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) and not isinstance(value, bool)


def _need(value: object, param: str, check: Callable[[object], bool], what: str) -> None:
    if not check(value):
        _fail(param, f"must be {what}")


def _string(value: object, param: str) -> None:
    _need(value, param, lambda v: isinstance(v, str), "a string")


def _obj(value: object, param: str, required: tuple[str, ...] = ()) -> dict[str, Any]:
    _need(value, param, lambda v: isinstance(v, dict), "an object")
    assert isinstance(value, dict)
    for key in required:
        if key not in value:
            _fail(f"{param}.{key}", "is required")
    return value


def _array(value: object, param: str) -> list[Any]:
    _need(value, param, lambda v: isinstance(v, list), "a list")
    assert isinstance(value, list)
    return value


def _strings_at(obj: dict[str, Any], param: str, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key in obj:
            _string(obj[key], f"{param}.{key}")


def _tool_call(call: object, param: str) -> None:
    call = _obj(call, param, ("id", "type", "function"))
    _strings_at(call, param, ("id", "type"))
    function = _obj(call["function"], f"{param}.function", ("name", "arguments"))
    _strings_at(function, f"{param}.function", ("name", "arguments"))


def _text_part(part: dict[str, Any], param: str) -> None:
    _string(_obj(part, param, ("text",))["text"], f"{param}.text")


def _image_part(part: dict[str, Any], param: str) -> None:
    image = _obj(_obj(part, param, ("image_url",))["image_url"], f"{param}.image_url", ("url",))
    _string(image["url"], f"{param}.image_url.url")
    if "detail" in image:
        details = ("low", "high", "auto")
        _need(image["detail"], f"{param}.image_url.detail", _in(details), "low, high or auto")


def _audio_part(part: dict[str, Any], param: str) -> None:
    audio = _obj(part, param, ("input_audio",))["input_audio"]
    audio = _obj(audio, f"{param}.input_audio", ("data", "format"))
    _string(audio["data"], f"{param}.input_audio.data")
    _need(audio["format"], f"{param}.input_audio.format", _in(("wav", "mp3")), "wav or mp3")


# Known part types are checked in full; a part of any other type passes, as the contract's
# catch-all `UnknownContentPart` says.
_PARTS: dict[str, Callable[[dict[str, Any], str], None]] = {
    "text": _text_part,
    "image_url": _image_part,
    "input_audio": _audio_part,
}


def _content(content: object, param: str) -> None:
    if content is None or isinstance(content, str):
        return
    for i, item in enumerate(_array(content, param)):
        where = f"{param}[{i}]"
        part = _obj(item, where, ("type",))
        _string(part["type"], f"{where}.type")
        check = _PARTS.get(part["type"])
        if check is not None:
            check(part, where)


def _message(message: object, param: str) -> None:
    message = _obj(message, param, ("role",))
    _strings_at(message, param, ("role", "name", "tool_call_id"))
    if "content" in message:
        _content(message["content"], f"{param}.content")
    for i, call in enumerate(_array(message.get("tool_calls", []), f"{param}.tool_calls")):
        _tool_call(call, f"{param}.tool_calls[{i}]")


def _tool(tool: object, param: str) -> dict[str, Any]:
    tool = _obj(tool, param, ("type", "function"))
    _string(tool["type"], f"{param}.type")
    function = _obj(tool["function"], f"{param}.function", ("name",))
    _strings_at(function, f"{param}.function", ("name", "description"))
    if "parameters" in function:
        _obj(function["parameters"], f"{param}.function.parameters")
    if "strict" in function:
        _need(function["strict"], f"{param}.function.strict", _is_bool, "a boolean")
    return tool


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _tool_choice(choice: object, tools: list[dict[str, Any]]) -> None:
    if choice in ("none", "auto", "required"):
        return
    if not isinstance(choice, dict):
        _fail("tool_choice", "must be 'none', 'auto', 'required' or a named function")
    choice = _obj(choice, "tool_choice", ("type", "function"))
    _need(choice["type"], "tool_choice.type", lambda v: v == "function", "'function'")
    name = _obj(choice["function"], "tool_choice.function", ("name",))["name"]
    _string(name, "tool_choice.function.name")
    if name not in {tool["function"]["name"] for tool in tools}:
        message = f"'tool_choice.function.name' names no function in 'tools': {name!r}"
        raise ApiError(422, message, param="tool_choice.function.name")


def _response_format(value: object) -> dict[str, Any]:
    fmt = _obj(value, "response_format", ("type",))
    kinds = ("text", "json_object", "json_schema")
    _need(fmt["type"], "response_format.type", lambda v: v in kinds, "one of " + ", ".join(kinds))
    if fmt["type"] == "json_schema":
        spec = _obj(fmt.get("json_schema"), "response_format.json_schema", ("name",))
        _strings_at(spec, "response_format.json_schema", ("name", "description"))
        if "schema" in spec:
            _obj(spec["schema"], "response_format.json_schema.schema")
        if "strict" in spec:
            _need(spec["strict"], "response_format.json_schema.strict", _is_bool, "a boolean")
    return fmt


def _numbers(body: dict[str, Any]) -> None:
    for key, (low, high) in _RANGES.items():
        if key in body and not (_is_number(body[key]) and low <= body[key] <= high):
            _fail(key, f"must be a number between {low} and {high}")
    for key, (least, most) in _INTEGERS.items():
        if key in body:
            value = body[key]
            _need(value, key, _is_integer, "an integer")
            if (least is not None and value < least) or (most is not None and value > most):
                _fail(key, f"must be an integer from {least}" + (f" to {most}" if most else " up"))


def _in(allowed: tuple[str, ...]) -> Callable[[object], bool]:
    return lambda value: value in allowed


def _scalars(body: dict[str, Any]) -> None:
    _numbers(body)
    for key in _BOOLEANS:
        if key in body:
            _need(body[key], key, _is_bool, "a boolean")
    for key in _STRINGS:
        if key in body:
            _string(body[key], key)
    for key in _OBJECTS:
        if key in body:
            _obj(body[key], key)
    for key, allowed in _ENUMS.items():
        if key in body:
            _need(body[key], key, _in(allowed), "one of " + ", ".join(allowed))


def _structures(body: dict[str, Any]) -> None:
    if "stop" in body and not isinstance(body["stop"], str):
        for i, stop in enumerate(_array(body["stop"], "stop")):
            _string(stop, f"stop[{i}]")
    if "logit_bias" in body:
        for token, bias in _obj(body["logit_bias"], "logit_bias").items():
            _need(bias, f"logit_bias.{token}", _is_number, "a number")
    if "stream_options" in body:
        options = _obj(body["stream_options"], "stream_options")
        if "include_usage" in options:
            _need(options["include_usage"], "stream_options.include_usage", _is_bool, "a boolean")
    for i, modality in enumerate(_array(body.get("modalities", []), "modalities")):
        _need(modality, f"modalities[{i}]", lambda v: v in ("text", "audio"), "'text' or 'audio'")
    if "audio" in body:
        _strings_at(_obj(body["audio"], "audio", ("voice", "format")), "audio", ("voice", "format"))


def validate_chat(body: object) -> ChatRequest:
    """Check `body` against the contract and pick out what the answer depends on."""
    if not isinstance(body, dict):
        raise bad_request(None, "The request body must be a JSON object")
    for key in ("model", "messages"):
        if key not in body:
            _fail(key, "is required")
    _string(body["model"], "model")
    messages = _array(body["messages"], "messages")
    if not messages:
        _fail("messages", "must contain at least one message")
    for i, message in enumerate(messages):
        _message(message, f"messages[{i}]")
    tools = [
        _tool(tool, f"tools[{i}]") for i, tool in enumerate(_array(body.get("tools", []), "tools"))
    ]
    _scalars(body)
    _structures(body)
    if "tool_choice" in body:
        _tool_choice(body["tool_choice"], tools)
    fmt = _response_format(body["response_format"]) if "response_format" in body else None
    if body.get("n", 1) > MAX_CHOICES:
        raise ApiError(422, f"'n' must be at most {MAX_CHOICES} on this server", param="n")
    limit = body.get("max_completion_tokens", body.get("max_tokens"))
    return ChatRequest(
        model=body["model"],
        messages=messages,
        fingerprint=hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest(),
        stream=body.get("stream") is True,
        include_usage=body.get("stream_options", {}).get("include_usage") is True,
        tools=tools,
        tool_choice=body.get("tool_choice"),
        parallel_tool_calls=body.get("parallel_tool_calls") is not False,
        n=int(body.get("n", 1)),
        max_tokens=None if limit is None else int(limit),
        response_format=fmt,
        thinking=body.get("thinking"),
    )


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes) -> object:
    """Decode a request body; anything but strict UTF-8 JSON is a 400."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise bad_request(None, f"The request body is not valid JSON: {exc}") from exc
