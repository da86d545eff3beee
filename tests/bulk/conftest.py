"""The bulk runner against the local CoreX over real HTTP (the session's `corex_server`).

* `client`: an `AsyncZaguanClient` on the server, retrying without waiting;
* `write_input` writes rows (dicts, or raw bytes for bad lines) as a JSON Lines file;
* `outputs` reads an output file's lines; `charges` counts each request id's debits.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import pytest

from zaguan import AsyncZaguanClient
from zaguan.bulk._state import state_path
from zaguan.testing import LocalCoreX, corex_server

__all__ = ["corex_server"]

CHAT = "/v1/chat/completions"


@pytest.fixture(autouse=True)
def _no_backoff(no_backoff: None) -> None:
    """Retries here do not wait."""


@pytest.fixture
def server(corex_server: LocalCoreX) -> LocalCoreX:
    return corex_server


@pytest.fixture
async def client(server: LocalCoreX) -> AsyncIterator[AsyncZaguanClient]:
    async with AsyncZaguanClient(server.api_key, base_url=server.base_url, timeout=20) as made:
        yield made


def chat_line(custom_id: str, text: str = "hello", model: str = "test/echo") -> dict[str, Any]:
    """A Batch API request line for a chat."""
    body = {"model": model, "messages": [{"role": "user", "content": text}]}
    return {"custom_id": custom_id, "method": "POST", "url": CHAT, "body": body}


def write_input(path: Path, rows: Iterable[dict[str, Any] | bytes]) -> Path:
    with path.open("wb") as file:
        for row in rows:
            file.write(row if isinstance(row, bytes) else json.dumps(row).encode() + b"\n")
    return path


def outputs(path: Path) -> list[dict[str, Any]]:
    """The output's lines, each checked to be whole."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n")
    return [json.loads(line) for line in data.splitlines()]


def run_id(output: Path) -> str:
    run: str = json.loads(state_path(output).read_text())["run_id"]
    return run


def charges(server: LocalCoreX, output: Path, custom_ids: Iterable[str]) -> dict[str, int]:
    """custom_id -> the debits of its derived request id."""
    prefix = run_id(output)
    return {cid: len(server.ledger.charges_for(f"{prefix}:{cid}")) for cid in custom_ids}
