"""What the bulk runner's tests share: input lines and files, reading outputs, counting debits."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zaguan.bulk._state import state_path
from zaguan.testing import LocalCoreX

CHAT = "/v1/chat/completions"


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
