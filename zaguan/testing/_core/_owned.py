"""What a server keeps per key (files, OpenAI batches): made once per request id, found only by
the key that made it. Thread-safe: the server's event loop writes while tests read."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

__all__ = ["Owned", "OwnedStore"]


class Owned(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def owner(self) -> object: ...  # the ledger of the key that made it


T = TypeVar("T", bound=Owned)


class OwnedStore(Generic[T]):
    """Every item of one server, oldest first; ids are `prefix` and a count from 1."""

    def __init__(self, prefix: str) -> None:
        self._lock = threading.RLock()
        self._prefix = prefix
        self._items: dict[str, T] = {}  # in creation order
        self._by_request: dict[str, T] = {}
        self._count = 0

    def create(self, request_id: str | None, make: Callable[[str], T]) -> tuple[T, bool]:
        """The item `request_id` made before (a retry), or a new one from `make(id)`; and
        whether it is new. Without a request id (the server's own), always a new one."""
        with self._lock:
            existing = None if request_id is None else self._by_request.get(request_id)
            if existing is not None:
                return existing, False
            self._count += 1
            item = make(f"{self._prefix}{self._count:06d}")
            self._items[item.id] = item
            if request_id is not None:
                self._by_request[request_id] = item
            return item, True

    def owned(self, owner: object) -> list[T]:
        """The items of one key, oldest first."""
        with self._lock:
            return [item for item in self._items.values() if item.owner is owner]

    def find(self, owner: object, item_id: str) -> T | None:
        with self._lock:
            item = self._items.get(item_id)
        return item if item is not None and item.owner is owner else None

    def delete(self, owner: object, item_id: str) -> None:
        """Forget an item of `owner` (its request id still answers it, as a retry would)."""
        with self._lock:
            if self.find(owner, item_id) is not None:
                del self._items[item_id]
