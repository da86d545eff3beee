"""The Ray stage on a local Ray (two CPUs, no dashboard), started once for the session (`make test`
runs this folder in one process, after the rest), against the local CoreX on 127.0.0.1, which the
Ray workers (processes of this machine) reach as the test does.
Skipped, saying so, only where the ``ray`` extra is not installed (`make install` installs it;
`make test-versions` leaves this folder out)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from zaguan.testing import LocalCoreX, corex_server

pytest.importorskip("ray", reason='Ray is not installed: pip install "zaguan-corex[ray]"')

import ray  # after the skip

__all__ = ["corex_server"]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[None]:
    """A local Ray for the session; its workers import this checkout (the tests' stages)."""
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={
            "env_vars": {"PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}
        },
    )
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture
def server(corex_server: LocalCoreX) -> LocalCoreX:
    return corex_server
