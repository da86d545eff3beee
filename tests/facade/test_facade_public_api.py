"""The public surface of ``zaguan`` and ``zaguan.types``: sorted ``__all__``s that are exactly
what is public."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import types
from pathlib import Path

import zaguan
import zaguan.types
from zaguan._version import __version__ as version
from zaguan_corex_client import models


def _public_names() -> set[str]:
    return {
        name
        for name, value in vars(zaguan).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }


def test_all_is_sorted_and_unique() -> None:
    assert zaguan.__all__ == sorted(zaguan.__all__)
    assert len(set(zaguan.__all__)) == len(zaguan.__all__)


def test_all_is_exactly_the_public_names() -> None:
    """Every public, non-module name of the namespace is exported, and every export resolves
    (some, like `AsyncZaguanClient`, through the module's lazy ``__getattr__``)."""
    exported = set(zaguan.__all__)
    assert _public_names() - exported == set()
    for name in exported:
        assert getattr(zaguan, name) is not None, name
    assert "__version__" in exported
    assert {"ZaguanClient", "AsyncZaguanClient", "ZaguanError"} <= exported


def test_unknown_attribute_is_an_attribute_error() -> None:
    assert not hasattr(zaguan, "NoSuchClient")


def test_every_exported_name_exists_and_has_its_own_docstring() -> None:
    for name in zaguan.__all__:
        value = getattr(zaguan, name)
        if name == "__version__":
            continue
        assert inspect.isclass(value) or callable(value), name
        doc = value.__dict__.get("__doc__") if inspect.isclass(value) else value.__doc__
        assert isinstance(doc, str), f"{name} has no docstring of its own"
        assert doc.strip(), name


def test_the_clients_public_methods_have_docstrings() -> None:
    for cls in (zaguan.ZaguanClient, zaguan.AsyncZaguanClient, zaguan.Stream, zaguan.AsyncStream):
        for name, member in vars(cls).items():
            if name.startswith("_") or not callable(member):
                continue
            assert inspect.getdoc(member), f"{cls.__name__}.{name}"


def test_version() -> None:
    assert zaguan.__version__ == version
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:[.-]?\w+)*", version)


def test_package_is_typed() -> None:
    assert (Path(zaguan.__file__).parent / "py.typed").is_file()


def test_both_clients_have_the_same_methods() -> None:
    def methods(cls: type) -> set[str]:
        return {n for n in dir(cls) if not n.startswith("_")} - {"close", "aclose"}

    assert methods(zaguan.ZaguanClient) == methods(zaguan.AsyncZaguanClient)
    assert hasattr(zaguan.ZaguanClient, "close")
    assert hasattr(zaguan.AsyncZaguanClient, "aclose")


def test_types_all_is_sorted_unique_and_exactly_the_public_names() -> None:
    assert zaguan.types.__all__ == sorted(set(zaguan.types.__all__))
    public = {name for name in vars(zaguan.types) if not name.startswith("_")}
    assert public == set(zaguan.types.__all__)


def test_types_are_the_generated_classes() -> None:
    for name in set(zaguan.types.__all__) - {"ResultBytes", "ResultList"}:  # facade types
        assert getattr(zaguan.types, name) is getattr(models, name), name
    assert issubclass(zaguan.types.ResultList, list)
    assert {"ChatCompletion", "ChatCompletionChunk", "Usage"} <= set(zaguan.types.__all__)


def test_import_zaguan_leaves_types_unimported() -> None:
    """``zaguan.types`` loads every model it names: ``import zaguan`` must not pay for that."""
    code = "import sys, zaguan; assert 'zaguan.types' not in sys.modules, 'zaguan.types imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_zaguan_and_a_call_load_only_httpx2() -> None:
    """One HTTP stack: httpx 0.x and httpcore 1.x (which respx brings into this venv) are never
    imported, by ``import zaguan``, by a client, or by a call through the generated client."""
    code = (
        "import sys, zaguan, zaguan.types\n"
        "zaguan.ZaguanClient('k', base_url='http://127.0.0.1:9').lowlevel\n"
        "old = sorted(m for m in sys.modules if m.split('.')[0] in ('httpx', 'httpcore'))\n"
        "assert not old, old\n"
        "assert 'httpx2' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_zaguan_loads_no_generated_code() -> None:
    """The generated package, its models and attrs load on the first call that needs them
    (they were about half of ``import zaguan``); the exported TypedDicts load on first use."""
    code = (
        "import sys, zaguan\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('zaguan_corex_client', 'attr')))\n"
        "assert not loaded, loaded\n"
        "assert zaguan.ChatParams.__optional_keys__ >= {'temperature', 'request_id'}\n"
        "assert 'zaguan_corex_client.models' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
