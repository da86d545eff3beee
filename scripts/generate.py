"""Generate `generated/zaguan_corex_client` from the contract, or check that it is up to date.

    python scripts/generate.py          # regenerate in place
    python scripts/generate.py --check  # regenerate elsewhere; print the diff, exit 1 on drift

Generation always happens in a temporary folder, so both modes run exactly the same steps. The
generator and its ruff post-hooks come from this interpreter's environment, where both are
pinned (pyproject.toml, extra `dev`).

The generator runs in this process, as its CLI would (same config, same checks: any warning
fails), so that our templates get two more Jinja globals: `query_parameter` (the generator's
parameter objects keep a type but drop the description and the schema's other keywords
(``minimum``, ``maximum``), which the endpoint templates emit for the facade's run-time checks),
and `property_kind`, the macros of a property's kind (`openapi/templates/property_kinds/`).

The generator reads an annotated copy of the contract: every object schema that a response can
carry gets ``x-zaguan-response: true`` (see `mark_response_schemas`). Our model template reads
it: a response model's absent field reads as ``None``, as in ``openai``; a request-only model
keeps the generator's ``UNSET``, so that only what the caller set goes on the wire.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import difflib
import filecmp
import functools
import io
import json
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "zaguan-corex.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"  # overrides of the generator's own templates
PACKAGE = "zaguan_corex_client"
TARGET = ROOT / "generated" / PACKAGE


RESPONSE_MARK = "x-zaguan-response"
CONTRACT_FILE = "openapi.json"
VARIANTS_MARK = "x-zaguan-param-variants"
PARAM_VARIANTS: dict[str, dict[str, list[str]]] = {
    # The chat fields less those a helper takes in another form (mypy refuses a keyword that is
    # also a key of the ``**`` TypedDict): `chat_parse`'s ``response_format`` is a type,
    # `run_tools`' ``messages`` and ``tools`` may be a Conversation and Python functions.
    "ChatCompletionFields": {
        "ChatCompletionFieldsLessResponseFormatParam": ["response_format"],
        "ChatCompletionFieldsLessMessagesToolsParam": ["messages", "tools"],
    },
}
"""`{Model}Param` TypedDicts less some keys, generated beside the whole one
(`model_param.jinja`), so that no facade module restates the contract's fields."""


def mark_param_variants(spec: dict[str, Any]) -> dict[str, Any]:
    """Put `PARAM_VARIANTS` on their schemas, in place, as `VARIANTS_MARK`; a key a variant
    leaves out must be one of the schema's properties (a renamed field fails here)."""
    schemas = spec["components"]["schemas"]
    for name, variants in PARAM_VARIANTS.items():
        properties = _all_properties(spec, schemas[name])
        for variant, left_out in variants.items():
            unknown = set(left_out) - properties
            if unknown:
                raise SystemExit(f"{variant}: {name} has no properties {sorted(unknown)}")
        schemas[name][VARIANTS_MARK] = variants
    return spec


def _all_properties(spec: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    names = set(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        names |= _all_properties(spec, _deref(spec, part) if "$ref" in part else part)
    return names


def mark_response_schemas(spec: dict[str, Any]) -> dict[str, Any]:
    """Mark, in place, every object schema reachable from a response with `RESPONSE_MARK`.

    Reachable means through ``$ref`` (to components) and any nesting, including the SSE
    event's ``contentSchema``. A schema reachable from both a request and a response is a
    response schema: reading it must never meet a sentinel.
    """
    seen: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in seen:
            seen.add(ref)
            walk(_deref(spec, node))
        if node.get("type") == "object" or "properties" in node:
            node[RESPONSE_MARK] = True
        for key, value in node.items():
            if key not in ("example", "examples"):  # values, not schemas
                walk(value)

    for path in spec.get("paths", {}).values():
        for operation in path.values():
            if isinstance(operation, dict):
                walk(operation.get("responses"))
    return spec


def _json_value(value: object) -> str:
    # YAML reads an unquoted 2026-11-20 as a date; JSON has only the string.
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in the contract has no JSON form")


def write_contract(contract: dict[str, Any], out: Path) -> None:
    """Write `contract` into the package `out` as `CONTRACT_FILE`."""
    text = json.dumps(contract, indent=1, ensure_ascii=False, default=_json_value)
    (out / CONTRACT_FILE).write_text(text + "\n")


def generate_into(folder: Path, source: Path = SPEC) -> Path:
    """Run openapi-python-client on the contract `source` into `folder`; return the package."""
    from openapi_python_client import Project  # noqa: PLC0415  (dev-only, pinned)
    from openapi_python_client.config import Config, ConfigFile, MetaType  # noqa: PLC0415
    from openapi_python_client.parser import GeneratorData  # noqa: PLC0415
    from ruamel.yaml import YAML  # noqa: PLC0415  (the generator's own YAML reader)

    out = folder / PACKAGE
    # The post-hooks call `ruff` by name: this environment's pinned one.
    bin_dir = Path(sys.executable).parent
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    config = Config.from_sources(
        ConfigFile.load_from_path(CONFIG), MetaType.NONE, source, "utf-8",
        overwrite=False, output_path=out,
    )  # fmt: skip
    document = YAML(typ="safe").load(source.read_bytes())
    pristine = copy.deepcopy(document)
    mark_response_schemas(document)
    mark_param_variants(document)
    openapi = GeneratorData.from_dict(document, config=config)
    if isinstance(openapi, GeneratorData):
        project = Project(openapi=openapi, config=config, custom_template_path=TEMPLATES)
        project.env.globals["query_parameter"] = functools.partial(query_parameter, document)
        project.env.globals["property_kind"] = functools.partial(property_kind, project.env)
        with contextlib.redirect_stdout(io.StringIO()):  # it only says "Generating <folder>"
            errors = list(project.build())
    else:
        errors = [openapi]
    if errors or not out.is_dir():  # as --fail-on-warning: a warning is a piece left out
        for error in errors:
            sys.stderr.write(f"{error.header}\n{error.detail or ''}\n")
        raise SystemExit("generation failed")
    # The post-hooks leave ruff's cache behind; it is not part of the package.
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    # PEP 561 marker: the generator does not write it with --meta none.
    (out / "py.typed").write_text("")
    write_contract(pristine, out)
    return out


class _Kind:
    """One property kind's macros (`property_kinds/<kind>_property.py.jinja`), those it does not
    define taken from `property_kinds/plain.py.jinja`."""

    def __init__(self, own: Any, plain: Any) -> None:
        self._own, self._plain = own, plain

    def __getattr__(self, name: str) -> Any:
        return getattr(self._own, name, None) or getattr(self._plain, name)


def property_kind(env: Any, prop: Any) -> _Kind:
    """The Jinja global `property_kind(p)`: the macros of ``p``'s kind, by the name of the
    generator's own template for it (``model_property.py.jinja``), so that each kind of property
    has its file, as the generator's `property_templates/` do."""
    plain = env.get_template("property_kinds/plain.py.jinja").module
    names = [f"property_kinds/{prop.template}", "property_kinds/plain.py.jinja"]
    return _Kind(env.select_template(names).module, plain)


def query_parameter(document: dict[str, Any], path: str, method: str, name: str) -> dict[str, Any]:
    """The contract's query parameter `name` of `method` `path`, its `$ref`s followed."""
    path, name = _untrusted(path), _untrusted(name)
    for parameter in document["paths"][path][method].get("parameters", []):
        parameter = _deref(document, parameter)  # noqa: PLW2901
        if parameter["in"] == "query" and parameter["name"] == name:
            return {**parameter, "schema": _deref(document, parameter["schema"])}
    raise KeyError(f"{method} {path}: no query parameter {name!r}")


def _untrusted(text: Any) -> str:
    """The text of one of the generator's `UntrustedString`s (or of a plain string)."""
    return str(text.get_untrusted_value() if hasattr(text, "get_untrusted_value") else text)


def _deref(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _files(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not {"__pycache__", ".ruff_cache"} & set(p.parts)
    }


def diff(fresh: Path, committed: Path) -> list[str]:
    """Unified diff lines between the freshly generated and the committed package."""
    lines: list[str] = []
    names = _files(fresh) | (_files(committed) if committed.is_dir() else set())
    for name in sorted(names):
        a, b = committed / name, fresh / name
        if a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False):
            continue
        old = a.read_text().splitlines(keepends=True) if a.is_file() else []
        new = b.read_text().splitlines(keepends=True) if b.is_file() else []
        lines += difflib.unified_diff(old, new, f"committed/{name}", f"generated/{name}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated/ is stale")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the contract (default: ours)")
    parser.add_argument("--into", type=Path, help="generate into this folder, not generated/")
    args = parser.parse_args()
    if args.into is not None:
        args.into.mkdir(parents=True, exist_ok=True)
        print(f"wrote {generate_into(args.into, args.spec)}")
        return 0
    with tempfile.TemporaryDirectory(prefix="zaguan-gen-") as tmp:
        fresh = generate_into(Path(tmp), args.spec)
        if args.check:
            lines = diff(fresh, TARGET)
            if lines:
                sys.stdout.writelines(lines)
                print(f"\ngenerated/{PACKAGE} differs from what {SPEC.name} produces.")
                print(
                    "Run `make generate` and commit the result; never edit generated code by hand."
                )
                return 1
            print(f"generated/{PACKAGE} is up to date with {SPEC.name}.")
            return 0
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
