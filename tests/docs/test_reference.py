"""The API reference (docs/reference/clients.md, built by mkdocstrings with griffe) lists every
method of the clients in its reading order, and each method's keywords with the contract's
descriptions (scripts/griffe_keywords.py), as `inspect.signature` shows them at run time.

griffe loads the package here as `make docs` does; building the whole site is `make docs`'s
job, which then runs scripts/check_reference.py on it.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe
import pytest

import zaguan

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import check_reference  # noqa: E402
from griffe_keywords import UnpackedKeywords  # noqa: E402

CLIENTS = {"ZaguanClient": zaguan.ZaguanClient, "AsyncZaguanClient": zaguan.AsyncZaguanClient}


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    extensions = griffe.load_extensions(UnpackedKeywords())
    loader = griffe.GriffeLoader(search_paths=[str(ROOT), str(ROOT / "generated")],
                                 extensions=extensions)  # fmt: skip
    package = loader.load("zaguan")
    loader.resolve_aliases(implicit=False, external=False)
    return package


def _listed() -> dict[str, list[str]]:
    """Each client's ``members:`` list in clients.md, in its order."""
    text = (ROOT / "docs" / "reference" / "clients.md").read_text()
    blocks = re.findall(r"^::: zaguan\.(\w+)\n((?:    .*\n)+)", text, flags=re.MULTILINE)
    return {name: re.findall(r"^        - (\w+)$", body, re.MULTILINE) for name, body in blocks}


def _public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")} | {"with_raw_response"}


@pytest.mark.parametrize("name", CLIENTS)
def test_the_reference_lists_every_public_name_of_each_client(name: str) -> None:
    """A new method must be placed in the reading order, or the reference leaves it out."""
    listed = _listed()[name]
    assert len(listed) == len(set(listed))
    assert set(listed) == _public(CLIENTS[name])


def test_the_reading_order_starts_with_chat() -> None:
    for listed in _listed().values():
        assert listed[:4] == ["chat", "chat_stream", "chat_parse", "run_tools"]


def _function(package: griffe.Module, path: str) -> Any:
    found = package[path]
    return found.final_target if found.is_alias else found


def test_chat_lists_top_p_with_its_type_default_and_the_contracts_description(
    package: griffe.Module,
) -> None:
    chat = _function(package, "ZaguanClient.chat")
    signatures = [chat, *chat.overloads]
    keywords = next(s for s in signatures if "top_p" in s.parameters).parameters
    assert str(keywords["top_p"].annotation) == "float"
    assert keywords["top_p"].default == "UNSET"
    assert keywords["model"].default is None  # required in the keywords form
    docs = chat.docstring.value
    assert re.search(r"^    top_p: Nucleus sampling: .*\n        From 0 to 1\.$", docs, re.M), docs


def _methods(package: griffe.Module, client: str) -> Iterator[tuple[str, Any, list[Any]]]:
    """Each listed method of ``client``: its name, its griffe function, and the signatures the
    reference shows (the function's, and its overloads')."""
    for name in _listed()[client]:
        member = _function(package, f"{client}.{name}")
        if isinstance(member, griffe.Function):
            yield name, member, [member, *(member.overloads or [])]


@pytest.mark.parametrize("client", CLIENTS)
def test_no_method_keeps_a_double_star_and_every_keyword_is_described(
    package: griffe.Module, client: str
) -> None:
    for name, member, signatures in _methods(package, client):
        for signature in signatures:
            kinds = [p.kind for p in signature.parameters]
            assert griffe.ParameterKind.var_keyword not in kinds, f"{client}.{name}"
        assert "(no description)" not in (member.docstring.value if member.docstring else "")


@pytest.mark.parametrize("client", CLIENTS)
def test_the_reference_and_inspect_signature_show_the_same_keywords(
    package: griffe.Module, client: str
) -> None:
    for name, _, signatures in _methods(package, client):
        runtime = getattr(CLIENTS[client], name)
        if runtime.__name__ != name:
            continue  # with_options, copy's other name
        documented = {p.name for signature in signatures for p in signature.parameters}
        shown = set(inspect.signature(runtime).parameters)
        assert shown <= documented, (name, shown - documented)


def test_the_site_check_finds_a_keyword_left_out() -> None:
    page = (
        '<h2 id="zaguan.ZaguanClient.chat">chat</h2><code>model</code>'
        '<h2 id="zaguan.AsyncZaguanClient">'
    )
    gaps = check_reference.missing(page)
    assert "top_p" in gaps["chat"]
    assert "model" not in gaps["chat"]
    assert "model" in gaps["create_embeddings"]  # a method without a section: every keyword
