"""How results are printed: aligned tables and ``field  value`` lists for people, JSON for
scripts. Everything printed comes from a result's ``to_dict()``, so a field CoreX left out,
or sent with an unexpected type, prints as ``-`` or as its text and never breaks a table.

A character the output's encoding lacks (``PYTHONIOENCODING=ascii``, a C locale) never stops a
command: text shows it as a Python escape (``caf\\xe9``, see `writable`), and JSON escapes
every non-ASCII character as JSON does (``caf\\u00e9``), so a script still reads the same
value.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

MISSING = "-"


def cell(value: object) -> str:
    """One value as table text, on one line."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):  # fixed point: a cost of 4.5e-06 dollars reads as 0.0000045
        return f"{value:.8f}".rstrip("0").rstrip(".")
    if isinstance(value, list | tuple):
        return ", ".join(cell(item) for item in value) or MISSING
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    return " ".join(str(value).split())  # a line break from the server would split a row


def table(headers: Iterable[str], rows: Iterable[Sequence[object]]) -> None:
    """Print ``rows`` under ``headers``, columns aligned; an empty table says so."""
    lines = [[cell(value) for value in row] for row in rows]
    _aligned([list(headers), *lines] if lines else [["(none)"]])


def fields(data: Mapping[str, Any], names: Iterable[str] | None = None) -> None:
    """Print ``name  value`` lines, for one record: ``names`` in order, or all of ``data``."""
    _aligned([[name, cell(data.get(name))] for name in names or data])


def _aligned(lines: list[list[str]]) -> None:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        print(
            "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        )


def pick(data: object, keys: Iterable[str]) -> list[Any]:
    """The values of ``keys`` in ``data`` (None for each when ``data`` is not a mapping)."""
    return [data.get(key) if isinstance(data, Mapping) else None for key in keys]


def emit_json(data: object) -> None:
    """Print ``data`` as indented JSON."""
    print(json.dumps(data, indent=2, ensure_ascii=_ascii_only(sys.stdout), default=str))


def emit_json_line(data: object) -> None:
    """Print ``data`` as one line of JSON, at once (JSON Lines, for streams)."""
    print(json.dumps(data, ensure_ascii=_ascii_only(sys.stdout), default=str), flush=True)


def _ascii_only(stream: object) -> bool:
    """Whether ``stream``'s encoding may lack a character: it is not one of Unicode's own."""
    try:
        name = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return True
    return not name.startswith("utf")


def writable(*streams: object) -> None:
    """Make ``streams`` write what their encoding lacks as escapes (``\\xe9``, Python's own
    choice for stderr) instead of raising `UnicodeEncodeError`; an error handler chosen in
    ``PYTHONIOENCODING`` (``ascii:replace``) is kept."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="backslashreplace")
