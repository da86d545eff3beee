"""Griffe extension for `make docs` (mkdocs.yml): docstring ``>>>`` examples render as code.

The docstrings keep the doctest habit (``>>>`` and ``...`` lines, then the output) outside a
Google "Examples:" section. As Markdown those lines would be nested quotes, and a
``d["a"]["b"]`` in them a reference link that --strict fails on. Each run of such lines, with
the output after it up to a blank line, is fenced as ```pycon.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_PROMPT = re.compile(r"^\s*(>>>|\.\.\.)( |$)")


def fence_doctests(text: str) -> str:
    """`text` with each doctest run fenced, blank lines around it."""
    lines, out, index = text.splitlines(), [], 0
    while index < len(lines):
        line = lines[index]
        if not _PROMPT.match(line):
            out.append(line)
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        indent = line[: len(line) - len(line.lstrip())]
        if out and out[-1].strip():
            out.append("")
        out += [f"{indent}```pycon", *lines[index:end], f"{indent}```", ""]
        index = end
    return "\n".join(out).rstrip("\n")


class DoctestFences(griffe.Extension):
    """Fences the doctest runs of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
