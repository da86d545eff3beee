"""The signatures that `help()`, `inspect.signature()` and editors show for the client methods.

A method typed ``**fields: Unpack[EmbeddingsParams]`` is shown with the TypedDict's keys as its
keyword-only parameters (name, type, and `UNSET` as the default of an optional one: left out,
it is not sent), as if written by hand. The TypedDicts are generated from the contract and load
the generated models, so each signature is built the first time something reads it
(`LazySignature`): ``import zaguan`` and a client's calls never pay for it.
"""

from __future__ import annotations

import importlib
import inspect
import keyword
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_UNPACK: Final = re.compile(r"^(?:typing\.)?Unpack\[(\w+)\]$")
_REQUIRED: Final = re.compile(r"^(?:typing\.)?(Not)?Required\[(.*)\]$", re.DOTALL)
_PARAMS_MODULE: Final = "zaguan._params"
"""Where a declaration's TypedDicts live when its module imports them for type checkers only."""


class LazySignature(inspect.Signature):
    """An `inspect.Signature` built by ``make`` the first time something reads it."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], inspect.Signature]) -> None:
        # No super().__init__(): the parameters are not known yet; every reader goes through
        # `parameters` and `return_annotation`, which build them.
        self._make = make
        self._made: inspect.Signature | None = None

    def built(self) -> inspect.Signature:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property
    def parameters(self) -> Any:
        return self.built().parameters

    @property
    def return_annotation(self) -> Any:
        return self.built().return_annotation

    # Signature builds ``type(self)(parameters, ...)`` here: a plain one, from the built one.
    def replace(self, **changes: Any) -> inspect.Signature:  # type: ignore[override]
        return self.built().replace(**changes)

    __replace__ = replace  # type: ignore[assignment]  # as above

    def __reduce__(self) -> Any:
        return self.built().__reduce__()


def signed(function: F) -> F:
    """``function``, its ``**fields: Unpack[X]`` shown as X's keys (see the module docstring).

    Of an overloaded function (chat), the implementation's ``**fields`` is shown as the keys
    of every overload's ``Unpack``, required where all of them require it."""
    declared = inspect.signature(function)  # as written: the LazySignature replaces it
    function.__signature__ = LazySignature(lambda: expanded(function, declared))  # type: ignore[attr-defined]
    return function


def expanded(
    function: Callable[..., Any],
    declared: inspect.Signature | None = None,
    *,
    returns: Callable[[str], str] | None = None,
) -> inspect.Signature:
    """The signature of ``function`` (``declared``, when given) with its ``**`` parameter
    spelled out, and its return annotation as ``returns`` shows it (``RawResponse[...]``)."""
    declared = declared or inspect.signature(function)
    parameters = list(declared.parameters.values())
    variadic = next((p for p in parameters if p.kind is p.VAR_KEYWORD), None)
    keys = None if variadic is None else _keys(function, variadic)
    if variadic is not None and keys is not None:
        taken = {p.name for p in parameters}
        parameters.remove(variadic)
        parameters += [key for key in keys if key.name not in taken]
    annotation = declared.return_annotation
    if annotation is not inspect.Signature.empty and returns is not None:
        annotation = returns(str(annotation))
    return declared.replace(parameters=parameters, return_annotation=annotation)


def _keys(
    function: Callable[..., Any], variadic: inspect.Parameter
) -> list[inspect.Parameter] | None:
    """The keyword-only parameters ``variadic`` stands for, or None if it is not an ``Unpack``
    (nor, in an overloaded function, is any overload's)."""
    if (match := _UNPACK.match(str(variadic.annotation))) is not None:
        return list(_typed_dict_keys(_typed_dict(function, match[1])))
    # The overload with the most keys first (chat's fields, then its options): its order.
    overloads = sorted(typing.get_overloads(function), key=lambda o: -len(_overload_keys(o)))
    merged: dict[str, inspect.Parameter] = {}
    required: dict[str, int] = {}
    for overload in overloads:
        for key in _overload_keys(overload):
            merged.setdefault(key.name, key)
            required[key.name] = required.get(key.name, 0) + (key.default is key.empty)
    if not merged:
        return None
    unset = _unset()
    return [
        key if required[name] == len(overloads) else key.replace(default=unset)
        for name, key in merged.items()
    ]


def _overload_keys(overload: Callable[..., Any]) -> list[inspect.Parameter]:
    parameters = inspect.signature(overload).parameters.values()
    variadic = next((p for p in parameters if p.kind is p.VAR_KEYWORD), None)
    return (_keys(overload, variadic) or []) if variadic is not None else []


def _typed_dict(function: Callable[..., Any], name: str) -> Any:
    """The TypedDict ``name`` as ``function``'s module sees it, or as `_params` defines it."""
    module = importlib.import_module(function.__module__)
    found = getattr(module, name, None)
    if found is None:
        found = getattr(importlib.import_module(_PARAMS_MODULE), name)
    return found


def _typed_dict_keys(typed_dict: Any) -> Iterator[inspect.Parameter]:
    """One keyword-only parameter per key a caller can pass by name: required keys without a
    default, the others with `UNSET`. A key that is no Python name (``"from"``) is left out:
    it can only be passed in a ``**`` dict."""
    unset = _unset()
    for name, hint in typed_dict.__annotations__.items():
        if not name.isidentifier() or keyword.iskeyword(name):
            continue
        text, required = _text(hint, name in typed_dict.__required_keys__)
        default = inspect.Parameter.empty if required else unset
        yield inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=text
        )


def _text(hint: Any, required: bool) -> tuple[str, bool]:
    """A key's annotation as source text, as the declaration's own annotations are (under
    ``from __future__ import annotations``), and whether the key is required. A string
    ``Required[...]`` says so itself: Python 3.11 cannot tell it from a string."""
    text = getattr(hint, "__forward_arg__", None)
    if text is None:
        return inspect.formatannotation(hint), required
    match = _REQUIRED.match(text)
    if match is None:
        return text, required
    return match[2], match[1] is None


def _unset() -> Any:
    from zaguan_corex_client.types import UNSET  # noqa: PLC0415  # lazy: see the module docstring

    return UNSET
