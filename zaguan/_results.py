"""The request id on every result, as ``openai``'s ``_request_id``.

Every generated response model has a ``_request_id`` slot (openapi/templates/model.py.jinja);
list results are a `ResultList`, binary ones a `ResultBytes`. The id takes part in neither
equality nor ``to_dict()``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


class ResultList(list[T]):
    """A call's list result (``list_models()``, ``get_capabilities()``): a plain list, plus the
    call's X-Request-Id as ``_request_id``.

    >>> models = client.list_models()
    >>> models[0].id, models._request_id
    >>> models.data[0].id  # the same list, as openai's page.data
    """

    _request_id: str | None

    def __init__(self, items: Iterable[T] = (), request_id: str | None = None) -> None:
        super().__init__(items)
        self._request_id = request_id

    @property
    def data(self) -> list[T]:
        """The list itself, for ``openai``'s ``client.models.list().data`` habit."""
        return self


class ResultBytes(bytes):
    """A call's binary result (``create_speech()``): the bytes, plus the call's X-Request-Id as
    ``_request_id``."""

    _request_id: str | None = None


def stamp(result: T, request_id: str) -> T:
    """``result`` with ``_request_id`` set, when its type has the attribute (every model,
    `ResultList` and `ResultBytes` has)."""
    with contextlib.suppress(AttributeError):
        result._request_id = request_id  # type: ignore[attr-defined]
    return result
