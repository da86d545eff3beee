"""The sdist and the wheel hold the two packages, the licence and the metadata, nothing else.

Built with hatchling from .venv, in-process and without pip's isolated build environment
(about a second): the file lists are compared with this checkout's `zaguan/` and
`generated/zaguan_corex_client/`, so a file added to either is expected in both archives, and
anything else (tests/, openapi/, scripts/) fails the test.
"""

from __future__ import annotations

import email
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import zaguan

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
NAME = f"zaguan_corex-{zaguan.__version__}"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "hatchling", "build", "--directory", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=120)
    return out


def package_files() -> set[str]:
    """The files of `zaguan` and `zaguan_corex_client` in this checkout, bytecode aside."""
    folders = [ROOT / "zaguan", GENERATED / "zaguan_corex_client"]
    return {
        path.relative_to(ROOT).as_posix()
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_sdist_holds_the_packages_licence_and_readme(dist: Path) -> None:
    with tarfile.open(dist / f"{NAME}.tar.gz") as sdist:
        names = {m.name.removeprefix(f"{NAME}/") for m in sdist.getmembers() if m.isfile()}
    # hatchling always adds .gitignore, so a wheel built from the sdist excludes the same files.
    extras = {"LICENSE", "README.md", "pyproject.toml", "PKG-INFO", ".gitignore"}
    assert names == package_files() | extras


def test_the_wheel_holds_the_two_packages_and_the_licence(dist: Path) -> None:
    with zipfile.ZipFile(dist / f"{NAME}-py3-none-any.whl") as wheel:
        names = set(wheel.namelist())
        metadata = email.message_from_bytes(wheel.read(f"{NAME}.dist-info/METADATA"))
        entry_points = wheel.read(f"{NAME}.dist-info/entry_points.txt").decode()
    info = {
        f"{NAME}.dist-info/{name}" for name in ("METADATA", "WHEEL", "RECORD", "entry_points.txt")
    }
    licence = f"{NAME}.dist-info/licenses/LICENSE"
    generated = {name.removeprefix("generated/") for name in package_files()}
    assert names == generated | info | {licence}
    assert metadata["Name"] == "zaguan-corex"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE"
    assert "[console_scripts]\nzaguan = zaguan._cli:main\n" in entry_points
