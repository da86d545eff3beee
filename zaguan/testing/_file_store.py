"""The files one server holds (`/v1/files`), in memory: uploads, and the result files its
batches write. Each belongs to the key that made it. Thread-safe; `CoreXState.reset` replaces
the store, ids starting again from ``file-local-000001``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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


class FileStore:
    """Every file of one server, oldest first, and the request ids of the uploads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, StoredFile] = {}  # in creation order
        self._by_request: dict[str, StoredFile] = {}
        self._count = 0

    def _new_id(self) -> str:
        self._count += 1
        return f"file-local-{self._count:06d}"

    def upload(self, request_id: str, make: Callable[[str], StoredFile]) -> tuple[StoredFile, bool]:
        """The file `request_id` uploaded before (a retry), or a new one from `make(id)`; and
        whether it is new."""
        with self._lock:
            existing = self._by_request.get(request_id)
            if existing is not None:
                return existing, False
            stored = make(self._new_id())
            self._files[stored.id] = self._by_request[request_id] = stored
            return stored, True

    def write(self, make: Callable[[str], StoredFile]) -> StoredFile:
        """A file the server writes (a batch's results), from `make(id)`."""
        with self._lock:
            stored = make(self._new_id())
            self._files[stored.id] = stored
            return stored

    def find(self, owner: object, file_id: str) -> StoredFile | None:
        with self._lock:
            stored = self._files.get(file_id)
        return stored if stored is not None and stored.owner is owner else None

    def owned(self, owner: object) -> list[StoredFile]:
        """The files of one key, oldest first."""
        with self._lock:
            return [stored for stored in self._files.values() if stored.owner is owner]

    def delete(self, owner: object, file_id: str) -> bool:
        """Forget a file of `owner`; whether there was one."""
        with self._lock:
            stored = self._files.get(file_id)
            if stored is None or stored.owner is not owner:
                return False
            del self._files[file_id]
            return True
