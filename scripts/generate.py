"""Generate `generated/zaguan_corex_client` from the contract, or check that it is up to date.

    python scripts/generate.py          # regenerate in place
    python scripts/generate.py --check  # regenerate elsewhere; print the diff, exit 1 on drift
    python scripts/generate.py --spec other.yaml --into /tmp/x  # another contract, elsewhere

Generation always happens in a temporary folder, so both modes run exactly the same steps. The
generator and its ruff post-hooks come from this interpreter's environment, where both are
pinned (pyproject.toml, extra `dev`).

The generator sees an annotated copy of the contract: every object schema that a response can
carry gets ``x-zaguan-response: true`` (see `mark_response_schemas`). Our model template reads
it: a response model's absent field reads as ``None``, as in ``openai``; a request-only model
keeps the generator's ``UNSET``, so that only what the caller set goes on the wire.

The package also carries the contract itself, unannotated, as `CONTRACT_FILE` (JSON, so that
reading it needs no YAML parser): the local CoreX (`zaguan.testing`) validates requests against
it, so it ships in the wheel with the models generated from the same document.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "zaguan-corex.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"  # overrides of the generator's own templates
PACKAGE = "zaguan_corex_client"
TARGET = ROOT / "generated" / PACKAGE
RESPONSE_MARK = "x-zaguan-response"
CONTRACT_FILE = "openapi.json"


def mark_response_schemas(spec: dict[str, Any]) -> dict[str, Any]:
    """Mark, in place, every object schema reachable from a response with `RESPONSE_MARK`.

    Reachable means through ``$ref`` (to components) and any nesting, including the SSE
    event's ``contentSchema``. A schema reachable from both a request and a response is a
    response schema: reading it must never meet a sentinel.
    """
    seen: set[str] = set()

    def resolve(ref: str) -> Any:
        node: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in seen:
            seen.add(ref)
            walk(resolve(ref))
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
    out = folder / PACKAGE
    spec = folder / SPEC.name
    contract = yaml.safe_load(source.read_text())
    pristine = copy.deepcopy(contract)
    marked = mark_response_schemas(contract)
    spec.write_text(yaml.safe_dump(marked, sort_keys=False, allow_unicode=True))
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path", str(spec),
        "--config", str(CONFIG),
        "--custom-template-path", str(TEMPLATES),
        "--meta", "none",
        "--output-path", str(out),
        "--fail-on-warning",
    ]  # fmt: skip
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not out.is_dir():
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"generation failed (exit {result.returncode})")
    # The post-hooks leave ruff's cache behind; it is not part of the package.
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    # PEP 561 marker: the generator does not write it with --meta none.
    (out / "py.typed").write_text("")
    write_contract(pristine, out)
    return out


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
