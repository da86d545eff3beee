"""The documentation site says what runs: every ```python block of every docs/*.md page runs
here as README.md's do (`tests.docs._markdown`), and the API reference names every public name.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

import pytest

import zaguan
import zaguan.testing
from tests.docs._markdown import (
    PYTHON,
    ROOT,
    Block,
    check_accounted_for,
    check_models_exist,
    fault_specs,
    inline_imports,
    models_named,
    parse_blocks,
    run_block,
    without_fragments,
)

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
TEXTS = {page: page.read_text(encoding="utf-8") for page in PAGES}


def _name(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


BLOCKS = {page: parse_blocks(text, _name(page)) for page, text in TEXTS.items()}
PYTHON_BLOCKS = [
    pytest.param(page, block, id=f"{_name(page)}-{block.id}")
    for page, blocks in BLOCKS.items()
    for block in blocks
    if block.language in PYTHON
]


@pytest.mark.usefixtures("zaguan_env")
@pytest.mark.parametrize(("page", "block"), PYTHON_BLOCKS)
def test_python_block(page: Path, block: Block) -> None:
    run_block(block, page)


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_block_is_accounted_for(page: Path) -> None:
    check_accounted_for(TEXTS[page], BLOCKS[page], _name(page))


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_what_the_prose_names_exists(page: Path) -> None:
    """Models, faults and ``from zaguan... import ...`` statements quoted outside the blocks."""
    text = without_fragments(TEXTS[page], BLOCKS[page])
    check_models_exist(models_named(text))
    fault_specs(text)
    inline_imports(text)


def test_the_pages_run_examples() -> None:
    assert len(PYTHON_BLOCKS) >= 10, "the guide pages lost their examples"


def test_the_helpers_page_has_a_runnable_example_per_helper() -> None:
    blocks = [block for block in BLOCKS[DOCS / "helpers.md"] if block.language in PYTHON]
    assert len(blocks) >= 5
    assert not [block for block in blocks if block.fragment]


# ------------------------------------------------------------------ the API reference

REFERENCE = "\n".join(text for page, text in TEXTS.items() if page.parent.name == "reference")
DOCUMENTED = set(re.findall(r"^::: ([\w.]+)\s*$", REFERENCE, re.MULTILINE))


@pytest.mark.parametrize(
    "qualified",
    [f"zaguan.{name}" for name in zaguan.__all__]
    + [f"zaguan.testing.{name}" for name in zaguan.testing.__all__],
)
def test_every_public_name_is_in_the_reference(qualified: str) -> None:
    assert qualified in DOCUMENTED, f"docs/reference/ has no '::: {qualified}'"


def test_the_reference_documents_only_what_exists() -> None:
    """A renamed or removed name fails here, before mkdocstrings fails the site's build."""
    for qualified in DOCUMENTED - {"zaguan.testing"}:
        module, _, name = qualified.rpartition(".")
        if module == "zaguan.ray" and importlib.util.find_spec("ray") is None:
            continue  # its extra is not installed here (`make test-versions`): it says so itself
        assert hasattr(importlib.import_module(module), name), qualified
