"""An optional extra that is not installed: one error naming the command that installs it."""

from __future__ import annotations

from collections.abc import Set
from typing import NoReturn

__all__ = ["raise_missing_extra"]


def raise_missing_extra(
    exc: ModuleNotFoundError, modules: Set[str], what: str, extra: str
) -> NoReturn:
    """Raise, for ``exc`` (caught importing what ``what`` needs), the error that names
    ``pip install "zaguan-corex[<extra>]"``; ``exc`` itself when the missing module is none of
    the ``modules`` the extra installs (then it is a bug, shown as it is)."""
    missing = (exc.name or "").partition(".")[0]
    if missing not in modules:
        raise exc
    raise ModuleNotFoundError(
        f"{what} needs {missing!r}, which the {extra} extra installs: "
        f'pip install "zaguan-corex[{extra}]"',
        name=missing,
    ) from exc
