"""The sdist and the wheel hold the two packages, the licence and the metadata, nothing else.

Built with hatchling from .venv, in-process and without pip's isolated build environment
(about a second): the file lists are compared with this checkout's `zaguan/` and
`generated/zaguan_corex_client/`, so a file added to either is expected in both archives, and
anything else (tests/, openapi/, scripts/) fails the test.
"""

from __future__ import annotations

import email
import email.message
import importlib.metadata
import re
import subprocess
import sys
import tarfile
import tomllib
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


def _metadata(dist: Path) -> email.message.Message:
    with zipfile.ZipFile(dist / f"{NAME}-py3-none-any.whl") as wheel:
        return email.message_from_bytes(wheel.read(f"{NAME}.dist-info/METADATA"))


def _name(requirement: str) -> str:
    """The PEP 503 normalised project name a Requires-Dist line names."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name, requirement
    return re.sub(r"[-_.]+", "-", name[0]).lower()


# Projects an extra names that this environment need not have installed (`make test` installs
# [dev] and [ray], `make test-versions` [dev] only), each with the reason it is a real
# dependency and not a name that looks like one.
NOT_INSTALLED_HERE = {
    "zaguan-sdk": "bench: the previous Zaguan SDK (0.2), a peer scripts/bench.py measures",
    "mistralai": "bench: Mistral's client, a peer scripts/bench.py measures",
    "matplotlib": "bench: the chart of docs/benchmarks.png",
    "httpx": "bench: httpx 0.x, the baseline zaguan-sdk 0.2 runs on",
    "ray": "ray: Ray Data, the engine zaguan.ray's stage runs in (.venv only: Makefile)",
    "mkdocs": "docs: the site builder",
    "mkdocs-material": "docs: the site's theme",
    "mkdocstrings": "docs: the API reference",
    "mkdocstrings-python": "docs: the API reference's Python handler",
    "griffelib": "docs: mkdocstrings-python's loader (scripts/griffe_doctests.py extends it)",
}


def test_every_requirement_names_ours_or_a_real_dependency(dist: Path) -> None:
    """`zaguan` on PyPI is an unrelated project: ``pip install ".[bench]"`` must pull only what
    the extras mean. Each Requires-Dist (every extra) is a project installed in this
    environment, one listed above with its reason, or this project with its own extras."""
    metadata = _metadata(dist)
    extras = set(metadata.get_all("Provides-Extra") or [])
    for requirement in metadata.get_all("Requires-Dist") or []:
        name = _name(requirement)
        if name == "zaguan-corex":
            wanted = re.search(r"\[([^\]]*)\]", requirement)
            assert wanted, requirement
            assert {e.strip() for e in wanted[1].split(",")} <= extras, requirement
        elif name not in NOT_INSTALLED_HERE:
            importlib.metadata.distribution(name)  # PackageNotFoundError: an unknown project
    # hatchling writes this project's own extras out: [bench] pulls [dev]'s projects, by name.
    assert _extra(metadata, "dev") <= _extra(metadata, "bench")
    assert "zaguan" not in _extra(metadata, "bench")


def _extra(metadata: email.message.Message, extra: str) -> set[str]:
    lines = metadata.get_all("Requires-Dist") or []
    return {_name(line) for line in lines if re.search(rf"extra == ['\"]{extra}['\"]", line)}


def test_the_run_time_requirements_are_httpx2_attrs_and_dateutil(dist: Path) -> None:
    """One HTTP stack: no httpx 0.x and no httpcore among what ``pip install zaguan-corex``
    pulls (the extras may name them: the bench baseline)."""
    requirements = _metadata(dist).get_all("Requires-Dist") or []
    run_time = {_name(r) for r in requirements if "extra ==" not in r}
    assert run_time == {"httpx2", "attrs", "python-dateutil"}


def test_the_project_urls_and_support_address() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        urls = tomllib.load(file)["project"]["urls"]
    assert urls == {
        "Homepage": "https://zaguanai.com/",
        "Documentation": "https://zaguanai.com/docs",
    }
    assert "support@zaguanai.com" in (ROOT / "README.md").read_text()
