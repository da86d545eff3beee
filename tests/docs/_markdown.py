"""Reading and running the code blocks of a Markdown file: README.md and every docs/*.md page.

The rules the pages are written to (README.md's "For the engineers who build it" repeats them):

* A ```python block runs as a script (``__name__ == "__main__"``) against the session's local
  CoreX, reset for each block, with ``ZAGUAN_API_KEY`` and ``ZAGUAN_BASE_URL`` set to the
  server's, so ``ZaguanClient()`` works as the text says. Sync clients a block leaves open are
  closed afterwards, as the end of a script would. Tracebacks point at the file's own lines.
* Async examples define ``async def main()`` and end with ``asyncio.run(main())``: a top-level
  ``await`` is a SyntaxError here, as it is in a script.
* A block that is not meant to run is marked ``<!-- fragment -->`` on the line before its fence;
  it is compiled, never run, and never skipped.
* Every fence has a language this module knows, so that no block slips past under another name.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zaguan import ZaguanClient
from zaguan.testing._catalog._models import CATALOG, find_model
from zaguan.testing._core._faults import fault_from_model, parse_fault

ROOT = Path(__file__).resolve().parents[2]

PYTHON = frozenset({"python", "py", "python3", "py3"})
#: Languages whose blocks are not Python and are not run (the empty one is the source tree).
OTHER = frozenset({"sh", "bash", "console", "text", "yaml", ""})
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


FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


def parse_blocks(text: str, name: str = "<markdown>") -> list[Block]:
    """The fenced blocks of `text` (CommonMark fences, indented ones dedented)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    heading, index = "", 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            title = _HEADING.match(lines[index])
            heading = title["title"] if title else heading
            index += 1
            continue
        end = _closing_fence(lines, index, opening["fence"], name)
        body = [_dedent(line, len(opening["indent"])) for line in lines[index + 1 : end]]
        marked = index > 0 and lines[index - 1].strip() == FRAGMENT
        language = opening["info"].split()[0].lower() if opening["info"].strip() else ""
        blocks.append(Block(language, "\n".join(body) + "\n", index + 1, heading, marked))
        index = end + 1
    return blocks


def _dedent(line: str, indent: int) -> str:
    return line.lstrip() if line[:indent].strip() else line[indent:]


def _closing_fence(lines: list[str], start: int, fence: str, name: str) -> int:
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            return index
    raise AssertionError(f"{name}:{start + 1}: the code fence is never closed")


def compile_block(block: Block, path: Path, flags: int = 0) -> Any:
    # Blank lines in front, so that tracebacks name the file's own line numbers. dont_inherit:
    # this module's postponed annotations would turn the block's into strings, which
    # get_type_hints (chat_parse's schemas) resolves in the real __main__, not the block's.
    code = "\n" * block.line + block.code
    return compile(code, str(path), "exec", flags=flags, dont_inherit=True)


def runs_its_coroutines(block: Block) -> bool:
    """A block that defines a coroutine function also calls ``asyncio.run``: else it would pass
    without running anything."""
    tree = ast.parse(block.code)
    defines = any(isinstance(node, ast.AsyncFunctionDef) for node in tree.body)
    return not defines or "asyncio.run(" in block.code


def run_block(block: Block, path: Path) -> None:
    """Run a python block as a script; a fragment is only compiled (top-level ``await``
    allowed)."""
    if block.fragment:
        compile_block(block, path, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        return
    assert runs_its_coroutines(block), "an async example must end with asyncio.run(main())"
    namespace: dict[str, Any] = {"__name__": "__main__"}
    try:
        exec(compile_block(block, path), namespace)
    finally:
        for value in namespace.values():
            if isinstance(value, ZaguanClient):
                value.close()


def check_accounted_for(text: str, blocks: list[Block], name: str) -> None:
    """A block under an unknown language, or a fence the parser missed, fails here."""
    fences = sum(1 for line in text.splitlines() if FENCE.match(line))
    assert fences == 2 * len(blocks), f"{name}: a fence the parser missed"
    unknown = {block.language for block in blocks} - PYTHON - OTHER
    assert not unknown, f"{name}: blocks in languages this test does not know: {unknown}"
    marked = [block.id for block in blocks if block.fragment and block.language not in PYTHON]
    assert marked == [], f"{name}: only python blocks are marked as fragments"


# ------------------------------------------------------------------ what the prose names


def without_fragments(text: str, blocks: list[Block]) -> str:
    """`text` without the code of its fragments: code of other libraries (a migration's
    "before") names their models, not the local CoreX's."""
    lines = text.splitlines()
    for block in blocks:
        if block.fragment:
            end = block.line + block.code.count("\n")
            lines[block.line : end] = [""] * (end - block.line)
    return "\n".join(lines)


def models_named(text: str) -> set[str]:
    """Model names in ``model="..."`` arguments and provider-prefixed words of the text."""
    named = set(re.findall(r"""\bmodel(?:=|["']:\s*)["']([^"']+)["']""", text))
    providers = "|".join(sorted({model.provider for model in CATALOG} | {"test"}))
    # A template such as test/fail-<status> is not a name: a name may not run into a "<".
    return named | set(re.findall(rf"\b(?:{providers})/[\w.-]*[\w.](?![\w.<-])", text))


def check_models_exist(models: set[str]) -> None:
    for model in sorted(models):
        if model.startswith("test/"):
            fault_from_model(model)  # raises for a name the server does not know
        else:
            assert find_model(model) is not None, f"the local CoreX has no model {model!r}"


def fault_specs(text: str) -> list[str]:
    """The fault specifications quoted as ``X-CoreX-Fault: ...`` inline code; each parses."""
    specs = re.findall(r"X-CoreX-Fault: ([^`]+)`", text)
    for spec in specs:
        parse_fault(spec)
    return specs


def inline_imports(text: str) -> list[str]:
    """The ``from zaguan... import ...`` statements quoted inline; each is executed."""
    spans = re.findall(r"`([^`\n]+)`", text)
    imports = [span for span in spans if span.startswith("from zaguan")]
    for statement in imports:
        exec(statement, {})
    return imports
