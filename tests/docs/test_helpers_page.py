"""docs/helpers.md is executed as README.md is: every ```python block runs against the local
CoreX with ``ZAGUAN_API_KEY`` and ``ZAGUAN_BASE_URL`` set to it (README.md's rules)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.docs.test_readme import PYTHON, Block, parse_blocks
from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX

PAGE = Path(__file__).resolve().parents[2] / "docs" / "helpers.md"
BLOCKS = [b for b in parse_blocks(PAGE.read_text(encoding="utf-8")) if b.language in PYTHON]


@pytest.fixture
def zaguan_env(corex_server: LocalCoreX, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAGUAN_API_KEY", corex_server.api_key)
    monkeypatch.setenv("ZAGUAN_BASE_URL", corex_server.base_url)


def test_the_page_has_an_example_per_helper() -> None:
    assert len(BLOCKS) >= 5
    assert not [block for block in BLOCKS if block.fragment]


@pytest.mark.usefixtures("zaguan_env")
@pytest.mark.parametrize("block", [pytest.param(b, id=b.id) for b in BLOCKS])
def test_python_block(block: Block, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, Any] = {"__name__": "__main__"}
    # Blank lines in front: tracebacks name the page's own line numbers. dont_inherit: this
    # module's postponed annotations would turn the example's into strings that
    # get_type_hints resolves in the real __main__, not in the example's namespace.
    code = compile("\n" * block.line + block.code, str(PAGE), "exec", dont_inherit=True)
    try:
        exec(code, namespace)
    finally:
        for value in namespace.values():
            if isinstance(value, ZaguanClient):
                value.close()
    assert capsys.readouterr().out  # every example shows what it got
