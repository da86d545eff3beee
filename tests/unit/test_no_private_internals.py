"""`zaguan/` reads no private attribute of another library: a release may rename one silently
(an in-flight cap that read httpcore's ``_pool._max_connections`` would switch itself off).
Our own private names (``self._http``) are ours to read; these are the ones that were not."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "zaguan"
# httpx2's client and transport internals, httpcore2's pool, asyncio's semaphore count; on
# anything but ``self`` (a class of ours may have a `_value` of its own).
FORBIDDEN = re.compile(r"(?<!\bself)\.(?:_transport|_pool|_max_connections|_value|_mounts)\b")


def test_zaguan_reads_no_private_attribute_of_httpx2_httpcore2_or_asyncio() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_is_for() -> None:
    for line in ("http._transport._pool", "pool._max_connections", "semaphore._value"):
        assert FORBIDDEN.search(line), line
    assert not FORBIDDEN.search("self._value(text)")
