"""The generated models as our templates shape them (openapi/templates/model.py.jinja).

Response models read like `openai`'s (an absent field is None), round-trip through
``to_dict()`` (explicit nulls and unknown fields included), survive copy and pickle, and have a
short repr. Request-only models keep `UNSET`, so only what the caller set is sent.
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatMessage,
    CreditsBalance,
    CreditsStats,
    TextContentPart,
    Usage,
)
from zaguan_corex_client.types import UNSET, Unset

CONTRACT = Path(__file__).resolve().parents[2] / "openapi" / "zaguan-corex.yaml"

COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1767225600,
    "model": "openai/gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": None, "refusal": None},
            "finish_reason": "stop",
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
    "service_tier": "default",  # a field the contract does not name
}
COPIES: dict[str, Callable[[Any], Any]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "pickle": lambda value: pickle.loads(pickle.dumps(value)),
}


def _json_examples() -> list[tuple[str, str, Any]]:
    """(operationId, status, example) for every JSON response example in the contract."""
    spec = yaml.safe_load(CONTRACT.read_text())
    found = []
    for methods in spec["paths"].values():
        for operation in methods.values():
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json", {})
                if status.startswith("2") and "example" in media:
                    found.append((operation["operationId"], status, media["example"]))
    return found


TAGS = [tag["name"] for tag in yaml.safe_load(CONTRACT.read_text())["tags"]]


def _endpoint(operation_id: str) -> Any:
    """The generated endpoint module of an operation."""
    for tag in TAGS:
        try:
            return importlib.import_module(f"zaguan_corex_client.api.{tag}.{operation_id}")
        except ModuleNotFoundError:
            continue
    raise LookupError(operation_id)


@pytest.mark.parametrize(
    ("operation_id", "status", "example"),
    _json_examples(),
    ids=[f"{op}-{status}" for op, status, _ in _json_examples()],
)
def test_every_response_example_round_trips(operation_id: str, status: str, example: Any) -> None:
    body = json.loads(json.dumps(example, default=lambda value: value.isoformat()))
    model = _endpoint(operation_id)._parse_response(
        client=None, response=_Response(int(status), body)
    )
    assert type(model).from_dict(model.to_dict()) == model
    assert model.to_dict().keys() == body.keys()


def _json_lines_examples() -> list[tuple[str, Any]]:
    """(model name, line) for every line of every JSON Lines example in the contract."""
    spec = yaml.safe_load(CONTRACT.read_text())
    return [
        (media["x-zaguan-item-schema"]["$ref"].rsplit("/", 1)[1], json.loads(line))
        for methods in spec["paths"].values()
        for operation in methods.values()
        for response in operation["responses"].values()
        for media in response.get("content", {}).values()
        if "x-zaguan-item-schema" in media and "example" in media  # bytes have none
        for line in media["example"].splitlines()
    ]


@pytest.mark.parametrize(("name", "line"), _json_lines_examples())
def test_every_json_lines_example_round_trips(name: str, line: Any) -> None:
    # The generator returns a JSON Lines body as text; each line parses into the item model.
    model = getattr(importlib.import_module("zaguan_corex_client.models"), name).from_dict(line)
    assert model.to_dict() == line


def _json_request_examples() -> list[tuple[str, str, Any]]:
    """(operationId, model name, example) for every JSON request example in the contract."""
    spec = yaml.safe_load(CONTRACT.read_text())
    return [
        (op["operationId"], media["schema"]["$ref"].rsplit("/", 1)[1], media["example"])
        for methods in spec["paths"].values()
        for op in methods.values()
        if "requestBody" in op
        for ctype, media in op["requestBody"]["content"].items()
        if ctype == "application/json"
    ]


@pytest.mark.parametrize(
    ("operation_id", "name", "example"),
    _json_request_examples(),
    ids=[op for op, _, _ in _json_request_examples()],
)
def test_every_request_example_round_trips(operation_id: str, name: str, example: Any) -> None:
    # What a caller builds from the documented example is what goes on the wire, unchanged.
    model = getattr(importlib.import_module("zaguan_corex_client.models"), name)
    assert model.from_dict(example).to_dict() == example


class _Response:
    """The two attributes a generated ``_parse_response`` reads."""

    def __init__(self, status_code: int, body: Any) -> None:
        self.status_code, self._body = status_code, body

    def json(self) -> Any:
        return self._body


def test_absent_fields_of_a_response_read_as_none() -> None:
    reply = ChatCompletion.from_dict(COMPLETION)
    usage = reply.usage
    assert usage is not None
    assert usage.completion_tokens_details is None  # absent
    assert usage.prompt_tokens_details is None
    assert reply.system_fingerprint is None
    assert reply.promptshield is None
    assert reply.choices[0].message.tool_calls is None
    assert reply.choices[0].message.content is None  # an explicit null reads the same


def test_explicit_nulls_and_unknown_fields_survive_to_dict() -> None:
    reply = ChatCompletion.from_dict(COMPLETION)
    assert reply.to_dict() == COMPLETION
    assert reply.additional_properties == {"service_tier": "default"}
    assert "system_fingerprint" not in reply.to_dict()  # absent stays absent


def test_parsing_never_mutates_or_keeps_the_source() -> None:
    source = copy.deepcopy(COMPLETION)
    reply = ChatCompletion.from_dict(source)
    assert source == COMPLETION
    reply.additional_properties["added"] = 1
    assert "added" not in source


@pytest.mark.parametrize("make", COPIES.values(), ids=COPIES.keys())
def test_response_models_survive_copy_and_pickle(make: Callable[[Any], Any]) -> None:
    reply = ChatCompletion.from_dict(COMPLETION)
    twin = make(reply)
    assert twin == reply
    assert twin.to_dict() == COMPLETION  # explicit nulls kept too
    json.dumps(twin.to_dict())


@pytest.mark.parametrize("make", COPIES.values(), ids=COPIES.keys())
def test_request_models_survive_copy_and_pickle(make: Callable[[Any], Any]) -> None:
    request = ChatCompletionRequest(model="m", messages=[ChatMessage(role="user", content="hi")])
    twin = make(request)
    assert twin == request
    assert twin.temperature is UNSET
    assert json.loads(json.dumps(twin.to_dict())) == {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
    }


def test_unset_is_one_value_through_copies() -> None:
    for make in COPIES.values():
        assert make(UNSET) is UNSET
    assert repr(UNSET) == "UNSET"
    assert not UNSET
    assert isinstance(UNSET, Unset)


def test_a_request_model_sends_only_what_the_caller_set() -> None:
    message = ChatMessage(role="assistant", content=None)
    assert message.to_dict() == {"role": "assistant", "content": None}  # explicit null sent
    assert ChatMessage(role="user").to_dict() == {"role": "user"}
    request = ChatCompletionRequest(model="m", messages=[], temperature=0.0)
    assert request.to_dict() == {"model": "m", "messages": [], "temperature": 0.0}


def test_repr_is_short_and_readable() -> None:
    reply = ChatCompletion.from_dict(
        {**COMPLETION, "choices": [{**COMPLETION["choices"][0], "message": {"role": "assistant"}}]}
    )
    text = repr(reply)
    assert text.startswith("ChatCompletion(id='chatcmpl-1', object_='chat.completion', ")
    assert "message=ChatCompletionMessage(role='assistant')" in text
    assert "0x" not in text
    assert "additional_properties={}" not in text
    assert "additional_properties={'service_tier': 'default'}" in text
    assert "logprobs=None" in text  # an explicit null was sent: it is shown
    assert "system_fingerprint" not in text  # absent: not shown
    assert repr(ChatMessage(role="user")) == "ChatMessage(role='user')"


def test_repr_is_bounded() -> None:
    huge = "x" * 5_000_000
    message = ChatMessage.from_dict({"role": "user", "content": huge, "blob": list(range(1000))})
    text = repr(message)
    assert len(text) < 1_000
    assert "+4999800 chars" in text
    assert "+990 more" in text


def test_not_an_object_is_a_type_error_naming_the_model() -> None:
    with pytest.raises(TypeError, match="ChatCompletionChunk is a JSON object, got list"):
        ChatCompletionChunk.from_dict([])  # type: ignore[arg-type]


def test_a_missing_required_field_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="total_tokens"):
        Usage.from_dict({"prompt_tokens": 1, "completion_tokens": 1})


def test_typed_additional_properties_and_dates_parse() -> None:
    stats = CreditsStats.from_dict(
        {
            "period": "month",
            "total_credits_used": 1,
            "total_requests": 1,
            "start_date": "2026-11-01",
            "end_date": "2026-11-30",
            "by_provider": {"openai": {"credits_used": 1, "requests": 1}},
        }
    )
    assert stats.by_provider is not None
    assert stats.by_provider["openai"].credits_used == 1
    assert stats.to_dict()["by_provider"] == {"openai": {"credits_used": 1, "requests": 1}}
    balance = CreditsBalance.from_dict(
        {"credits_remaining": 1, "credits_total": 2, "credits_used": 1, "reset_date": "2026-12-01"}
    )
    assert balance.reset_date is not None
    assert balance.reset_date.year == 2026


def test_a_const_mismatch_is_refused() -> None:
    with pytest.raises(ValueError, match="type must be 'text', got 'image_url'"):
        TextContentPart.from_dict({"type": "image_url", "text": "x"})
