"""Generate `generated/zaguan_corex_client` from the contract, or check that it is up to date.

    python scripts/generate.py          # regenerate in place
    python scripts/generate.py --check  # regenerate elsewhere; print the diff, exit 1 on drift

Generation always happens in a temporary folder, so both modes run exactly the same steps. The
generator and its ruff post-hooks come from this interpreter's environment, where both are
pinned (pyproject.toml, extra `dev`).
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "zaguan-corex.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"  # overrides of the generator's own templates
PACKAGE = "zaguan_corex_client"
TARGET = ROOT / "generated" / PACKAGE


def generate_into(folder: Path) -> Path:
    """Run openapi-python-client into `folder`; return the package directory."""
    out = folder / PACKAGE
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path", str(SPEC),
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zaguan-gen-") as tmp:
        fresh = generate_into(Path(tmp))
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
