"""Public names shown where users import them from: a traceback says ``zaguan.NotFoundError``,
not ``zaguan._errors.NotFoundError``, and pickle finds each class there too."""

from __future__ import annotations

import inspect
from collections.abc import Iterable


def publish(module: str, objects: Iterable[object]) -> None:
    """Set ``__module__`` to ``module`` on each class and function of ``objects`` defined in
    a private module of this package (``zaguan._errors``); others keep theirs."""
    for value in objects:
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            continue  # constants and type aliases have no module of their own
        home = value.__module__
        if home.split(".")[0] == "zaguan" and any(p.startswith("_") for p in home.split(".")):
            value.__module__ = module
