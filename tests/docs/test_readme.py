"""What users read is executed: every ```python block of README.md runs here, by the rules of
`tests.docs._markdown` (README.md's "For the engineers who build it" section repeats them).

The shell examples do not run, but what they name must exist: make targets, the arguments of
``python -m zaguan.testing``, the curl request (sent to the local server), model names, faults,
and the ``from zaguan... import ...`` statements quoted in the prose.
"""

from __future__ import annotations

import re
import shlex

import httpx2
import pytest

from tests.docs._markdown import (
    FRAGMENT,
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
)
from zaguan.testing import LocalCoreX
from zaguan.testing.__main__ import _parser as server_arguments

README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
BLOCKS = parse_blocks(TEXT, README.name)
PYTHON_BLOCKS = [block for block in BLOCKS if block.language in PYTHON]
RUNNABLE = [block for block in PYTHON_BLOCKS if not block.fragment]


@pytest.mark.usefixtures("zaguan_env")
@pytest.mark.parametrize("block", [pytest.param(b, id=b.id) for b in PYTHON_BLOCKS])
def test_python_block(block: Block) -> None:
    run_block(block, README)


def test_every_block_is_accounted_for() -> None:
    check_accounted_for(TEXT, BLOCKS, README.name)
    assert RUNNABLE, "README.md has no runnable python block"


def test_parser_reads_languages_headings_and_fragment_marks() -> None:
    lines = ["# A", "", "```Python title", "if x:", "    y()", "```", "## B", FRAGMENT, "  ~~~py"]
    text = "\n".join([*lines, "   await z", "  ~~~"])
    assert parse_blocks(text) == [
        Block("python", "if x:\n    y()\n", 3, "A", fragment=False),
        Block("py", " await z\n", 9, "B", fragment=True),
    ]


# ------------------------------------------------------------------ what the prose names


def test_make_targets_in_shell_blocks_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.MULTILINE))
    named = {
        word
        for block in BLOCKS
        if block.language in {"sh", "bash"}
        for word in re.findall(r"^make\s+([\w-]+)", block.code, re.MULTILINE)
    }
    assert named, "README.md names no make target"
    assert named <= targets


def test_models_named_exist_on_the_local_server() -> None:
    named = models_named(TEXT)
    assert "anthropic/claude-3-5-haiku" in named
    check_models_exist(named)


def test_fault_headers_named_parse() -> None:
    assert fault_specs(TEXT)


def test_inline_imports_resolve() -> None:
    assert any(span.startswith("from zaguan.types import") for span in inline_imports(TEXT))


def _inline_command(program: str) -> list[str]:
    commands = [span for span in re.findall(r"`([^`\n]+)`", TEXT) if span.startswith(program)]
    assert len(commands) == 1, f"expected one `{program} ...` in README.md, found {commands}"
    return shlex.split(commands[0])


def test_python_m_zaguan_testing_arguments_parse() -> None:
    argv = _inline_command("python -m zaguan.testing")
    assert argv[:3] == ["python", "-m", "zaguan.testing"]
    assert server_arguments().parse_args(argv[3:]).port == 8080


def test_curl_example_is_answered(corex: LocalCoreX) -> None:
    """The curl request, sent as curl would (``-d``: a POST, form content type), to our server."""
    argv = _inline_command("curl")
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    url, data, args = "", "", iter(argv[1:])
    for arg in args:
        if arg == "-H":
            name, _, value = next(args).partition(":")
            headers[name.strip()] = value.strip()
        elif arg == "-d":
            data = next(args)
        elif not arg.startswith("-"):
            url = arg
    assert url.startswith("localhost:8080/")
    path = url.removeprefix("localhost:8080")
    response = httpx2.post(corex.base_url + path, headers=headers, content=data, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.rstrip().endswith("data: [DONE]")
