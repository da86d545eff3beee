"""The files one server holds (`/v1/files`), in memory: uploads, and the result files its
batches write. Each belongs to the key that made it. Thread-safe; `CoreXState.reset` replaces
the store, ids starting again from ``file-local-000001``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._core._owned import OwnedStore

__all__ = ["FileStore", "StoredFile"]


@dataclass(frozen=True, slots=True)
class StoredFile:
    id: str
    owner: object  # the ledger of the key that made it: files are per key
    filename: str
    purpose: str
    content: bytes
    created_at: int  # Unix seconds, from the server's clock
    fingerprint: str = ""  # of the upload: tells a retry from another body under its request id

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "file",
            "bytes": len(self.content),
            "created_at": self.created_at,
            "expires_at": None,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": "processed",
            "status_details": None,
        }


class FileStore(OwnedStore[StoredFile]):
    """Every file of one server, oldest first, and the request ids of the uploads."""

    def __init__(self) -> None:
        super().__init__("file-local-")
