"""Every install command we print or document names the distribution, `zaguan-corex`.

`zaguan` on PyPI is an unrelated project: `pip install "zaguan[testing]"` installs it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A requirement naming `zaguan` itself, bare or with extras, as `pip install` would read it.
WRONG = re.compile(r"""pip install[^\n`]*?(?<![\w.-])["']?zaguan(?![\w.-])""")


def documents() -> list[Path]:
    return [
        ROOT / "README.md",
        ROOT / "Makefile",
        *sorted((ROOT / "zaguan").rglob("*.py")),
        *sorted((ROOT / "scripts").glob("*.py")),
    ]


def test_the_pattern_tells_the_names_apart() -> None:
    assert WRONG.search('pip install "zaguan[testing]"')
    assert WRONG.search("pip install zaguan")
    assert not WRONG.search('pip install "zaguan-corex[testing]"')
    assert not WRONG.search("pip install -e '.[testing]'")


def test_no_install_command_names_the_unrelated_zaguan() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in documents()
        for match in WRONG.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
