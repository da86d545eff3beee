"""What users read is executed: every ```python block of README.md runs here.

The rules README.md is written to (its "For the engineers who build it" section repeats them):

* A block runs as a script (``__name__ == "__main__"``) against the session's local CoreX,
  reset for each block, with ``ZAGUAN_API_KEY`` and ``ZAGUAN_BASE_URL`` set to the server's,
  so ``ZaguanClient()`` works as the README says. Sync clients a block leaves open are closed
  afterwards, as the end of a script would. Tracebacks point at README.md's own line numbers.
* Async examples define ``async def main()`` and end with ``asyncio.run(main())``: a top-level
  ``await`` is a SyntaxError here, as it is in a script.
* A block that is not meant to run is marked ``<!-- fragment -->`` on the line before its fence;
  it is compiled, never run, and never skipped.
* Every fence has a language this module knows, so that no block slips past under another name.

The shell examples do not run, but what they name must exist: make targets, the arguments of
``python -m zaguan.testing``, the curl request (sent to the local server), model names, faults,
and the ``from zaguan... import ...`` statements quoted in the prose.
"""

from __future__ import annotations

import ast
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX
from zaguan.testing.__main__ import _parser as server_arguments
from zaguan.testing._catalog import CATALOG, find_model
from zaguan.testing._faults import fault_from_model, parse_fault

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

PYTHON = frozenset({"python", "py", "python3", "py3"})
#: Languages whose blocks are not Python and are not run (the empty one is the source tree).
OTHER = frozenset({"sh", "bash", "console", "text", ""})
FRAGMENT = "<!-- fragment -->"


@dataclass(frozen=True)
class Block:
    """One fenced code block of a Markdown file."""

    language: str
    code: str
    line: int  # of the opening fence, 1-based
    heading: str
    fragment: bool

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.heading.lower()).strip("-")
        return f"{slug or 'top'}-L{self.line}"


_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


def parse_blocks(text: str) -> list[Block]:
    """The fenced blocks of `text` (CommonMark fences, indented ones dedented)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    heading, index = "", 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            title = _HEADING.match(lines[index])
            heading = title["title"] if title else heading
            index += 1
            continue
        end = _closing_fence(lines, index, opening["fence"])
        body = [_dedent(line, len(opening["indent"])) for line in lines[index + 1 : end]]
        marked = index > 0 and lines[index - 1].strip() == FRAGMENT
        language = opening["info"].split()[0].lower() if opening["info"].strip() else ""
        blocks.append(Block(language, "\n".join(body) + "\n", index + 1, heading, marked))
        index = end + 1
    return blocks


def _dedent(line: str, indent: int) -> str:
    return line.lstrip() if line[:indent].strip() else line[indent:]


def _closing_fence(lines: list[str], start: int, fence: str) -> int:
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            return index
    raise AssertionError(f"README.md:{start + 1}: the code fence is never closed")


TEXT = README.read_text(encoding="utf-8")
BLOCKS = parse_blocks(TEXT)
PYTHON_BLOCKS = [block for block in BLOCKS if block.language in PYTHON]
RUNNABLE = [block for block in PYTHON_BLOCKS if not block.fragment]


def _compile(block: Block, flags: int = 0) -> Any:
    # Blank lines in front, so that tracebacks name README.md's line numbers.
    return compile("\n" * block.line + block.code, str(README), "exec", flags=flags)


def _runs_its_coroutines(block: Block) -> bool:
    """A block that defines a coroutine function also calls ``asyncio.run``: else it would pass
    without running anything."""
    tree = ast.parse(block.code)
    defines = any(isinstance(node, ast.AsyncFunctionDef) for node in tree.body)
    return not defines or "asyncio.run(" in block.code


@pytest.fixture
def corex(corex_server: LocalCoreX) -> LocalCoreX:
    """The session's local CoreX, reset for each block (`zaguan.testing.corex_server`)."""
    return corex_server


@pytest.fixture
def zaguan_env(corex: LocalCoreX, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ZaguanClient()`` without arguments reaches the local server, as the README promises."""
    monkeypatch.setenv("ZAGUAN_API_KEY", corex.api_key)
    monkeypatch.setenv("ZAGUAN_BASE_URL", corex.base_url)


@pytest.mark.usefixtures("zaguan_env")
@pytest.mark.parametrize("block", [pytest.param(b, id=b.id) for b in PYTHON_BLOCKS])
def test_python_block(block: Block) -> None:
    """Run the block; a fragment is only compiled (top-level ``await`` allowed)."""
    if block.fragment:
        _compile(block, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        return
    assert _runs_its_coroutines(block), "an async example must end with asyncio.run(main())"
    namespace: dict[str, Any] = {"__name__": "__main__"}
    try:
        exec(_compile(block), namespace)
    finally:
        for value in namespace.values():
            if isinstance(value, ZaguanClient):
                value.close()


def test_every_block_is_accounted_for() -> None:
    """A block under an unknown language, or a fence the parser missed, fails here."""
    fences = sum(1 for line in TEXT.splitlines() if _FENCE.match(line))
    assert fences == 2 * len(BLOCKS)
    assert {block.language for block in BLOCKS} <= PYTHON | OTHER
    assert RUNNABLE, "README.md has no runnable python block"
    marked = [block.id for block in BLOCKS if block.fragment and block.language not in PYTHON]
    assert marked == [], "only python blocks are marked as fragments"


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
    named = set(re.findall(r"""\bmodel(?:=|["']:\s*)["']([^"']+)["']""", TEXT))
    providers = "|".join(sorted({model.provider for model in CATALOG} | {"test"}))
    named |= set(re.findall(rf"\b(?:{providers})/[\w.-]+", TEXT))
    assert "anthropic/claude-3-5-haiku" in named
    for model in sorted(named):
        if model.startswith("test/"):
            fault_from_model(model)  # raises for a name the server does not know
        else:
            assert find_model(model) is not None, f"the local CoreX has no model {model!r}"


def test_fault_headers_named_parse() -> None:
    specs = re.findall(r"X-CoreX-Fault: ([^`]+)`", TEXT)
    assert specs
    for spec in specs:
        parse_fault(spec)


def test_inline_imports_resolve() -> None:
    imports = [span for span in re.findall(r"`([^`\n]+)`", TEXT) if span.startswith("from zaguan")]
    assert any(span.startswith("from zaguan.types import") for span in imports)
    for statement in imports:
        exec(statement, {})


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
    response = httpx.post(corex.base_url + path, headers=headers, content=data, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.rstrip().endswith("data: [DONE]")
