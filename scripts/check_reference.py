"""After `make docs`: the built reference lists every keyword of every client method.

For each public method of `ZaguanClient`, the keywords `inspect.signature` shows at run time
(the contract's fields, spelled out of the generated TypedDicts, and the request options) must
each appear in that method's section of site/reference/clients/index.html, e.g. ``top_p``
under ``chat``: the reference is built from the source by griffe (scripts/griffe_keywords.py),
`help()` from the running code (zaguan/_signatures.py), and this keeps the two together.

    python scripts/check_reference.py [site]
"""

from __future__ import annotations

import html
import inspect
import re
import sys
from pathlib import Path

from zaguan import ZaguanClient

PAGE = Path("reference/clients/index.html")


def sections(page: str) -> dict[str, str]:
    """The text of each ``zaguan.ZaguanClient.<name>`` section, up to the next one."""
    marks = list(re.finditer(r'id="zaguan\.ZaguanClient\.(\w+)"', page))
    ends = [mark.start() for mark in marks[1:]] + [page.find('id="zaguan.AsyncZaguanClient"')]
    return {
        mark[1]: html.unescape(re.sub(r"<[^>]+>", " ", page[mark.start() : end]))
        for mark, end in zip(marks, ends, strict=True)
    }


def missing(page: str) -> dict[str, list[str]]:
    """Method -> the keywords its section does not name (a method without a section: all)."""
    found = sections(page)
    gaps: dict[str, list[str]] = {}
    for name, member in inspect.getmembers(ZaguanClient, inspect.isfunction):
        if name.startswith("_") or member.__name__ != name:  # with_options: copy's other name
            continue
        keywords = [
            p.name
            for p in inspect.signature(member).parameters.values()
            if p.kind is p.KEYWORD_ONLY
        ]
        text = found.get(name)
        absent = [k for k in keywords if text is None or not re.search(rf"\b{k}\b", text)]
        if absent or text is None:
            gaps[name] = absent
    return gaps


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    gaps = missing((site / PAGE).read_text(encoding="utf-8"))
    for name, keywords in gaps.items():
        print(f"{PAGE}: {name} does not list {', '.join(keywords) or 'itself'}")
    if not gaps:
        print(f"{PAGE}: every keyword of every client method is listed")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
