"""Public names where users import them from: tracebacks say ``zaguan.NotFoundError``, not
``zaguan._errors.NotFoundError``; pickle finds the classes there too."""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
import traceback
from types import ModuleType

import pytest

import zaguan
import zaguan.testing
import zaguan.types

MODULES = [zaguan, zaguan.testing, zaguan.types]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_exported_class_and_function_names_the_public_module(module: ModuleType) -> None:
    for name in module.__all__:
        value = getattr(module, name)
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            continue
        home = value.__module__
        if home.startswith("zaguan_corex_client."):  # the generated models' public modules
            continue
        assert home == module.__name__, f"{module.__name__}.{name} says {home}"


def test_a_traceback_names_the_public_class() -> None:
    try:
        raise zaguan.RequestValidationError("bad", "x")
    except zaguan.RequestValidationError as exc:
        text = "".join(traceback.format_exception_only(exc))
    assert text == "zaguan.RequestValidationError: bad\n"


def test_an_uncaught_error_reads_zaguan_not_its_private_module() -> None:
    code = (
        "import httpx2, zaguan; raise zaguan.NotFoundError('gone', response=httpx2.Response(404))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert "zaguan.NotFoundError: Error code: 404 - gone" in done.stderr
    assert "zaguan._errors" not in done.stderr


@pytest.mark.parametrize(
    "error",
    [
        zaguan.RequestValidationError("bad", "messages[0]"),
        zaguan.ConfigurationError("no key"),
        zaguan.APIConnectionError(request_id="r1"),
        zaguan.APITimeoutError(request_id="r2"),
        zaguan.ToolCallError("f: not JSON"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_still_pickle(error: Exception) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert b"zaguan._errors" not in pickle.dumps(error)


def test_lazy_names_are_published_when_loaded() -> None:
    code = (
        "import zaguan\n"
        "assert zaguan.AsyncZaguanClient.__module__ == 'zaguan'\n"
        "assert zaguan.FunctionTool.__module__ == 'zaguan'\n"
        "assert zaguan.function_tool.__module__ == 'zaguan'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
