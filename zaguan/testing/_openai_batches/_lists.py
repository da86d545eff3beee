"""OpenAI's list pages (`/v1/files`, `/v1/batches`): ``after`` an item's id, up to ``limit``
items, answered as ``{object: "list", data, first_id, last_id, has_more}``."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from .._core._errors import bad_request

__all__ = ["list_json", "page"]


class _Listed(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Listed)


def page(
    items: Sequence[T], query: Mapping[str, str], default_limit: int, what: str
) -> tuple[list[T], bool]:
    """The items of the page `query` asks for (already in the list's order), and whether more
    follow. An ``after`` that names none of `items` is a 400 naming it (`what`: "file")."""
    limit = int(query.get("limit", default_limit))
    after = query.get("after")
    start = 0
    if after is not None:
        ids = [item.id for item in items]
        if after not in ids:
            raise bad_request("after", f"'after' names no {what} of this key here: {after!r}")
        start = ids.index(after) + 1
    return list(items[start : start + limit]), start + limit < len(items)


def list_json(
    shown: Sequence[T], more: bool, to_json: Callable[[T], dict[str, Any]]
) -> dict[str, Any]:
    return {
        "object": "list",
        "data": [to_json(item) for item in shown],
        "first_id": shown[0].id if shown else None,
        "last_id": shown[-1].id if shown else None,
        "has_more": more,
    }
