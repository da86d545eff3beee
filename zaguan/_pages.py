"""Auto-pagination as a pure walk: which page to ask for next, and the items of each.

The clients loop (`ZaguanClient._bind_pages`): ask `first()`, fetch the page with the method
named `method`, hand over `items(page)`, ask `after(page)`, until it says None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from ._errors import APIError
from ._request import derive_request_id

if TYPE_CHECKING:
    from zaguan_corex_client.models import CreditsHistory, CreditsHistoryEntry


class PageWalk(Protocol):
    """One walk through the pages of a paginated operation."""

    method: str
    """The client method that fetches one page."""

    def first(self) -> dict[str, Any]:
        """The keywords of the first page's call."""
        ...

    def items(self, page: Any) -> Iterable[Any]:
        """The items of ``page``, in order."""
        ...

    def after(self, page: Any) -> dict[str, Any] | None:
        """The keywords of the call after ``page``; None when ``page`` was the last."""
        ...


def page_params(params: Mapping[str, Any], page: int, **changes: Any) -> dict[str, Any]:
    """The keywords of page number ``page`` (from 2): ``params`` with ``changes``, and a
    caller's request id R sent as R:page-2, R:page-3, ... (`derive_request_id`, the rule of
    every derived id) so CoreX never mistakes a new page for a retry of the last."""
    following = {**params, **changes}
    if (rid := params.get("request_id")) is not None:
        following["request_id"] = derive_request_id(rid, f"page-{page}")
    return following


class HistoryWalk:
    """The pages of ``iter_credits_history``: cursor after cursor, every cursor once."""

    method = "get_credits_history"

    def __init__(self, **params: Any) -> None:
        self._params: Mapping[str, Any] = params
        self._cursor: str | None = params.get("cursor")
        self._seen: set[str] = set()
        self._page = 1

    def first(self) -> dict[str, Any]:
        return dict(self._params)

    def items(self, page: CreditsHistory) -> list[CreditsHistoryEntry]:
        return page.entries

    def after(self, page: CreditsHistory) -> dict[str, Any] | None:
        following = page.next_cursor if isinstance(page.next_cursor, str) else None
        if not page.has_more or not following:
            return None
        if following == self._cursor or following in self._seen:  # a server bug: never loop
            raise APIError(f"The server returned the history cursor {following!r} twice.")
        if self._cursor is not None:
            self._seen.add(self._cursor)
        self._cursor, self._page = following, self._page + 1
        return page_params(self._params, self._page, cursor=following)


class CursorWalk:
    """The pages of a list answered as ``{data, has_more, last_id}``: the next page starts
    after the last item of this one (its id passed as `cursor`), while ``has_more`` says so."""

    method: str
    """The client method that fetches one page."""
    cursor: str
    """The query parameter naming the item the next page starts after."""
    one_way: tuple[str, ...] = ()
    """Parameters of the first page dropped from the next: the walk goes one way."""

    def __init__(self, **params: Any) -> None:
        self._params: Mapping[str, Any] = params
        self._seen: set[str] = set()
        self._page = 1

    def first(self) -> dict[str, Any]:
        return dict(self._params)

    def items(self, page: Any) -> list[Any]:
        return list(page.data)

    def after(self, page: Any) -> dict[str, Any] | None:
        last = page.last_id or (page.data[-1].id if page.data else None)
        if not page.has_more or not last:
            return None
        if last in self._seen:  # a server bug: never loop
            raise APIError(f"The server returned the page after {last!r} twice.")
        self._seen.add(last)
        self._page += 1
        params = page_params(self._params, self._page, **{self.cursor: last})
        for name in self.one_way:
            params.pop(name, None)
        return params


class MessagesBatchesWalk(CursorWalk):
    """The pages of ``list_messages_batches``, Anthropic's way: ``after_id`` the last batch
    (older and older; a ``before_id`` only chooses the first page)."""

    method = "list_messages_batches_page"
    cursor = "after_id"
    one_way = ("before_id",)


class FilesWalk(CursorWalk):
    """The pages of ``list_files``, OpenAI's way: ``after`` the last file, in the same order."""

    method = "list_files_page"
    cursor = "after"


class BatchesWalk(CursorWalk):
    """The pages of ``list_batches``, OpenAI's way: ``after`` the last batch."""

    method = "list_batches_page"
    cursor = "after"
