"""What `help()`, `inspect.signature()` and editors see of the client methods: each declared
operation and each hand-written method (chat) shows its keywords spelled out of the generated
TypedDicts, its docstring and its name, on the class and on a client, sync, async and raw."""

from __future__ import annotations

import inspect
import pydoc
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from facade_support import API_KEY, BASE_URL

import zaguan
from zaguan import AsyncZaguanClient, ZaguanClient
from zaguan_corex_client.types import UNSET

OPTIONS = ["request_id", "timeout", "max_retries", "deadline", "stream_idle_timeout"]


@pytest.fixture(params=["sync", "async", "raw", "async raw"])
def client(request: pytest.FixtureRequest) -> Iterator[Any]:
    made: Any = (AsyncZaguanClient if "async" in request.param else ZaguanClient)(
        API_KEY, base_url=BASE_URL
    )
    yield made.with_raw_response if "raw" in request.param else made
    if not isinstance(made, AsyncZaguanClient):
        made.close()


def _keywords(signature: inspect.Signature) -> dict[str, inspect.Parameter]:
    return {n: p for n, p in signature.parameters.items() if p.kind is p.KEYWORD_ONLY}


@pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])
def test_a_declared_operation_on_the_class_has_its_keywords(cls: type) -> None:
    signature = inspect.signature(cls.create_embeddings)  # a TypeError before
    assert next(iter(signature.parameters)) == "self"
    keywords = _keywords(signature)
    assert keywords["model"].default is inspect.Parameter.empty  # required
    assert keywords["input"].default is inspect.Parameter.empty
    assert keywords["dimensions"].default is UNSET
    assert keywords["dimensions"].annotation == "int"
    assert set(OPTIONS) <= set(keywords)
    assert signature.return_annotation == "EmbeddingList"


def test_a_declared_operation_on_a_client_has_its_keywords_name_and_docstring(
    client: Any,
) -> None:
    method = client.create_embeddings
    keywords = _keywords(inspect.signature(method))
    assert "self" not in inspect.signature(method).parameters
    assert {"model", "input", "encoding_format", "dimensions", "user", *OPTIONS} <= set(keywords)
    assert method.__name__ == "create_embeddings"
    assert "Embed" in (method.__doc__ or "")
    returned = inspect.signature(method).return_annotation
    raw = client.__class__.__name__.endswith("RawZaguanClient")
    assert returned == ("RawResponse[EmbeddingList]" if raw else "EmbeddingList")


def test_chat_lists_the_chat_keywords(client: Any) -> None:
    for method in (client.chat, client.chat_stream):
        parameters = inspect.signature(method).parameters
        assert next(iter(parameters)) == "request"  # the request model, positional only
        assert parameters["request"].kind is inspect.Parameter.POSITIONAL_ONLY
        keywords = _keywords(inspect.signature(method))
        assert {"model", "messages", "top_p", "tools", "provider_specific_params"} <= set(keywords)
        assert set(OPTIONS) <= set(keywords)
        assert "stream" not in keywords  # the method's to set
        # Required only without a request model: the signature is both overloads'.
        assert keywords["model"].default is UNSET


def test_the_helpers_list_their_keywords() -> None:
    parse = _keywords(inspect.signature(ZaguanClient.chat_parse))
    assert parse["response_format"].annotation == "type[P]"
    assert parse["model"].default is inspect.Parameter.empty
    assert "top_p" in parse
    tools = _keywords(inspect.signature(AsyncZaguanClient.run_tools))
    assert {"messages", "tools", "max_rounds", "top_p"} <= set(tools)
    request = _keywords(inspect.signature(ZaguanClient.request))
    assert {"body", "query", *OPTIONS} <= set(request)


def test_path_parameters_stay_positional() -> None:
    parameters = inspect.signature(ZaguanClient.get_model).parameters
    assert parameters["model_id"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert parameters["model_id"].annotation == "str"
    assert set(OPTIONS) <= set(_keywords(inspect.signature(ZaguanClient.get_model)))
    raw = AsyncZaguanClient(API_KEY, base_url=BASE_URL).with_raw_response
    batch = inspect.signature(raw.cancel_messages_batch)
    assert next(iter(batch.parameters)) == "batch_id"


def test_query_keywords_and_paginated_methods() -> None:
    history = _keywords(inspect.signature(ZaguanClient.iter_credits_history))
    assert history["limit"].annotation == "int"
    assert history["start_date"].annotation == "datetime.date | str"
    assert set(OPTIONS) <= set(history)


def test_no_public_method_keeps_a_double_star(client: Any) -> None:
    for name in dir(client):
        member = getattr(client, name, None)  # the raw clients walk no pages
        if name.startswith("_") or not callable(member) or inspect.isclass(member):
            continue
        kinds = [p.kind for p in inspect.signature(member).parameters.values()]
        assert inspect.Parameter.VAR_KEYWORD not in kinds, name


def _help(thing: object) -> str:
    """What ``help(thing)`` prints, a long signature on one line: Python 3.13's pydoc puts each
    parameter of a long one on a line of its own."""
    text = pydoc.render_doc(thing, renderer=pydoc.plaintext)
    return re.sub(r"\(\n[ |]*", "(", re.sub(r",\n[ |]*(?=[\w*/])", ", ", text))


def test_help_shows_the_keywords_and_the_docstring(client: Any) -> None:
    text = _help(client.create_embeddings)
    assert "create_embeddings(*, model: 'str', input:" in text
    assert "dimensions: 'int' = UNSET" in text
    assert "Embed ``input``" in text
    assert "<lambda>" not in text


@pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])
def test_help_of_the_class_shows_each_operation_as_a_method(cls: type) -> None:
    text = _help(cls)
    assert "create_embeddings(self, *, model: 'str', input:" in text
    assert "chat(self, request: 'ChatCompletionRequest | None' = None, /, *, model:" in text
    assert "top_p: 'float' = UNSET" in text
    assert "Method object" not in text  # no "create_embeddings = <...Method object>"


def test_async_methods_are_coroutine_functions() -> None:
    client = AsyncZaguanClient(API_KEY, base_url=BASE_URL)
    for method in (client.create_embeddings, client.chat, client.with_raw_response.list_models):
        assert inspect.iscoroutinefunction(method), method


def test_a_bound_method_binds_its_keywords() -> None:
    signature = inspect.signature(ZaguanClient(API_KEY, base_url=BASE_URL).create_embeddings)
    bound = signature.bind(model="m", input="x", request_id="r")
    bound.apply_defaults()
    assert bound.arguments["dimensions"] is UNSET
    with pytest.raises(TypeError):
        signature.bind(input="x")  # model missing
    with pytest.raises(TypeError):
        signature.bind("m")  # keyword only


def test_each_client_class_has_its_own_functions() -> None:
    sync, other = ZaguanClient.create_embeddings, AsyncZaguanClient.create_embeddings
    assert sync is not other
    assert sync is ZaguanClient.create_embeddings  # made once
    assert sync.__qualname__ == "ZaguanClient.create_embeddings"
    assert inspect.iscoroutinefunction(other)
    assert not inspect.iscoroutinefunction(sync)


def test_the_signatures_are_built_on_first_use_not_on_import() -> None:
    """``import zaguan``, a client and its methods load no generated model: the keywords are
    read from the TypedDicts only when something asks for a signature."""
    code = (
        "import sys, zaguan\n"
        "c = zaguan.ZaguanClient('k', base_url='http://127.0.0.1:9')\n"
        "c.create_embeddings, c.chat, zaguan.ZaguanClient.chat_parse, c.with_raw_response.chat\n"
        "assert 'zaguan_corex_client.models' not in sys.modules, 'models loaded'\n"
        "import inspect\n"
        "assert 'top_p' in inspect.signature(c.chat).parameters\n"
        "print(inspect.signature(zaguan.ZaguanClient.create_embeddings))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "model: 'str', input:" in done.stdout


def test_the_subclass_of_a_client_gets_its_methods_too() -> None:
    class Mine(ZaguanClient):
        pass

    assert Mine.create_embeddings.__qualname__.endswith(".Mine.create_embeddings")
    assert (
        "model" in inspect.signature(Mine(API_KEY, base_url=BASE_URL).create_embeddings).parameters
    )


def test_zaguan_help_names_the_public_client() -> None:
    assert zaguan.ZaguanClient.create_embeddings.__module__ == "zaguan"


def test_a_raw_client_says_it_walks_no_pages() -> None:
    raw = ZaguanClient(API_KEY, base_url=BASE_URL).with_raw_response
    with pytest.raises(AttributeError, match="get_credits_history"):
        raw.iter_credits_history  # noqa: B018
    assert not hasattr(raw, "list_messages_batches")
