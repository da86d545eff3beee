"""`import zaguan.testing` without its extra names the missing module and the command that adds it.

Each case runs in a fresh interpreter where one module of the extra cannot be imported
(``sys.modules[name] = None`` makes Python refuse it, as if it were not installed): this process
has them all, and an import is not undone.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

IMPORT_WITHOUT = """
import sys
sys.modules[{module!r}] = None
try:
    import zaguan.testing
except ModuleNotFoundError as exc:
    print(type(exc).__name__, exc.name, exc, sep="|")
else:
    print("imported")
"""


def import_testing_without(module: str) -> str:
    code = IMPORT_WITHOUT.format(module=module)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.strip()


@pytest.mark.parametrize("module", ["starlette", "uvicorn", "jsonschema"])
def test_a_missing_module_of_the_extra_names_the_install_command(module: str) -> None:
    kind, name, message = import_testing_without(module).split("|")
    assert (kind, name) == ("ModuleNotFoundError", module)
    assert repr(module) in message
    assert 'pip install "zaguan-corex[testing]"' in message


def test_a_missing_module_outside_the_extra_is_not_blamed_on_it() -> None:
    # `wave` (the standard library's, for the local server's speech) is imported inside the same
    # guard, but installing the extra would not bring it back.
    kind, name, message = import_testing_without("wave").split("|")
    assert (kind, name) == ("ModuleNotFoundError", "wave")
    assert "zaguan-corex[testing]" not in message


def test_with_the_extra_installed_it_imports() -> None:
    assert import_testing_without("a_module_nobody_imports") == "imported"
