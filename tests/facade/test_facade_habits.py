"""`openai` and `anthropic` habits get an answer: their call paths raise an `AttributeError`
that names zaguan's method; their result habits (``model_dump()``, ``model_dump_json()``,
``list_models().data``, ``object`` in the repr) work on zaguan's results."""

from __future__ import annotations

import copy
import json
import math
import pickle
from typing import Any

import pytest
import respx
from facade_support import (
    API_KEY,
    BASE_URL,
    MESSAGES,
    MODEL,
    MODEL_JSON,
    Api,
    Reply,
    completion_json,
)

from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan._habits import HABITS, Habit, advice
from zaguan.types import ChatCompletion, ResultList


@pytest.fixture(params=[ZaguanClient, AsyncZaguanClient])
def client(request: pytest.FixtureRequest) -> Any:
    return request.param(API_KEY, base_url=BASE_URL)


def _reach(client: Any, path: str) -> Any:
    """``client.<path>(model=...)``, attribute by attribute, then called."""
    target = client
    for name in path.split("."):
        target = getattr(target, name)
    return target(model=MODEL, messages=MESSAGES)


@pytest.mark.parametrize("path", sorted(HABITS))
def test_each_spelling_raises_naming_zaguans_method(client: Any, path: str) -> None:
    method, _ = HABITS[path]
    with pytest.raises(AttributeError) as caught:
        _reach(client, path)
    assert f"client.{method}(" in str(caught.value)
    assert "has no attribute" not in str(caught.value)
    assert callable(getattr(client, method))  # the method named exists, on both clients


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("chat.completions.create", "client.chat(...) (with stream=True: client.chat_stream(...))"),
        ("embeddings.create", "client.create_embeddings(...)"),
        ("messages.create", "anthropic's spelling; zaguan's is client.messages(...)"),
        ("models.list", "client.list_models(...)"),
        ("moderations.create", "client.create_moderation(...)"),
        ("images.generate", "client.create_image(...)"),
        ("audio.speech.create", "client.create_speech(...)"),
    ],
)
def test_the_habits_of_the_issue(client: Any, path: str, says: str) -> None:
    with pytest.raises(AttributeError, match=r"openai's|anthropic's") as caught:
        _reach(client, path)
    assert says in str(caught.value)


def test_a_namespace_alone_lists_what_it_holds(client: Any) -> None:
    with pytest.raises(AttributeError) as caught:
        client.audio  # noqa: B018
    text = str(caught.value)
    for method in ("create_speech", "create_transcription", "create_translation"):
        assert f"client.{method}(...)" in text
    with pytest.raises(AttributeError, match=r"client\.chat_parse\(\.\.\.\)"):
        client.chat.completions.with_raw_response  # noqa: B018  # no such spelling: all of chat's


def test_a_plain_typo_is_the_usual_attribute_error(client: Any) -> None:
    with pytest.raises(AttributeError, match="object has no attribute 'chatt'") as caught:
        client.chatt  # noqa: B018
    assert caught.value.name == "chatt"  # Python's "Did you mean: 'chat'?" reads these
    assert caught.value.obj is client
    assert not hasattr(client, "embeddings")
    assert hasattr(client, "chat")


def test_the_methods_stay_methods(client: Any) -> None:
    """The habit placeholders hang on the functions: chat is still a plain bound method."""
    assert client.chat.__func__ is type(client).chat
    assert isinstance(client.chat.completions, Habit)
    assert "openai's" in repr(client.chat.completions)
    with pytest.raises(AttributeError, match=r"client\.chat\(\.\.\.\)"):
        client.chat.completions(model=MODEL)
    assert not hasattr(client.chat.completions, "create")


def test_a_placeholder_under_wrong_arguments_copies_and_pickling() -> None:
    """Hostile uses: wrong arguments still get the advice; a copy still gives it."""
    habit = ZaguanClient(API_KEY, base_url=BASE_URL).messages.batches
    with pytest.raises(AttributeError, match="list_messages_batches"):
        habit.list(1, 2, 3, nonsense=object())
    for again in (pickle.loads(pickle.dumps(habit)), copy.deepcopy(habit)):
        with pytest.raises(AttributeError, match="list_messages_batches"):
            again.list()


def test_advice_is_none_for_no_spelling() -> None:
    assert advice("nothing") is None
    assert advice("chat.completions.nothing") is None
    assert advice("chat.completions") is not None


# -- results --------------------------------------------------------------------------------


async def test_model_dump_and_model_dump_json(api: Api, mock: respx.MockRouter) -> None:
    body = completion_json("Olé", system_fingerprint=None, service_tier="default")
    mock.post("/v1/chat/completions").mock(return_value=Reply(200, json=body))
    reply = await api.call("chat", model=MODEL, messages=MESSAGES)
    dumped = reply.model_dump()
    assert dumped == reply.to_dict()
    assert dumped["object"] == "chat.completion"
    assert dumped["system_fingerprint"] is None  # an explicit null is kept
    assert dumped["service_tier"] == "default"  # a field the contract does not name too
    assert "system_fingerprint" not in reply.model_dump(exclude_none=True)
    assert json.loads(reply.model_dump_json()) == dumped
    assert "Olé" in reply.model_dump_json()  # not \\u escaped
    assert reply.model_dump_json(indent=2).startswith('{\n  "')


def test_model_dump_on_odd_values() -> None:
    """A model holding what JSON cannot say (a user-made model, an infinite number) dumps to
    Python's JSON text for it, as `json.dumps` writes it, never a Python repr."""
    reply = ChatCompletion.from_dict(completion_json())
    reply.additional_properties["nested"] = {"a": [None, {"b": None}], "n": math.inf}
    # Nulls go from objects, not from lists: an item's place is data.
    assert reply.model_dump(exclude_none=True)["nested"] == {"a": [None, {}], "n": math.inf}
    assert '"n": Infinity' in reply.model_dump_json()
    reply.additional_properties["odd"] = object()
    with pytest.raises(TypeError, match="not JSON serializable"):
        reply.model_dump_json()


async def test_list_models_data_is_the_list(api: Api, mock: respx.MockRouter) -> None:
    mock.get("/v1/models").mock(
        return_value=Reply(200, json={"object": "list", "data": [MODEL_JSON]})
    )
    models = await api.call("list_models")
    assert isinstance(models, ResultList)
    assert models.data is models
    assert models.data[0].id == MODEL
    assert ResultList().data == []


def test_the_repr_names_fields_as_the_wire_does() -> None:
    reply = ChatCompletion.from_dict(completion_json())
    assert "object='chat.completion'" in repr(reply)
    assert "object_" not in repr(reply)
    assert reply.object_ == "chat.completion"  # the attribute keeps the generator's name
