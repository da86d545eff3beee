"""Griffe extension for `make docs` (mkdocs.yml): each method's keywords, spelled out.

A client method is declared ``**fields: Unpack[EmbeddingsParams]``: the TypedDicts generated
from the contract (and `RequestOptions`) hold its keywords. As it is, the reference would show
that one parameter; this extension gives the method one keyword-only parameter per key (its
type, and ``UNSET`` for an optional one, as `inspect.signature` shows at run time:
zaguan/_signatures.py) and a "Parameters" section with each key's description, read from the
TypedDict's attribute docstring (for the generated ones, the contract's ``description``), with
its bounds. An overloaded method written ``**fields: Any`` (chat) is described by the keys of
its overloads, required as its keywords form requires them (the reference shows the overloads'
signatures). Nothing is restated here: a key added to the contract reaches the reference
through `make generate` alone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

import griffe

_PACKAGE = "zaguan"
_GENERATED = "zaguan_corex_client"
_UNSET = "UNSET"
_INDENT = " " * 4


class Key:
    """One key of a TypedDict: its type (``Required[...]`` taken off), whether it is required,
    and its description."""

    def __init__(self, attribute: griffe.Attribute) -> None:
        annotation: Any = attribute.annotation
        wrapper = _name_of(getattr(annotation, "left", None))
        self.name = attribute.name
        self.required = wrapper == "Required"
        self.annotation = annotation.slice if wrapper in ("Required", "NotRequired") else annotation
        self.description = attribute.docstring.value.strip() if attribute.docstring else ""


class UnpackedKeywords(griffe.Extension):
    """Spells out the ``**`` keywords of every function of the `zaguan` package."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        if pkg.name != _PACKAGE:
            return
        if _GENERATED not in loader.modules_collection:  # the generated TypedDicts
            loader.load(_GENERATED)
        for function in _functions(pkg):
            spell_out(function)


def _functions(obj: griffe.Object) -> Iterator[griffe.Function]:
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Function):
            yield member
            yield from getattr(member, "overloads", None) or ()
        elif isinstance(member, (griffe.Module, griffe.Class)):
            yield from _functions(member)
        elif isinstance(member, griffe.Attribute):
            continue


def spell_out(function: griffe.Function) -> None:
    """``function`` with its ``**`` parameter replaced by the keys it stands for, and those
    keys described in its docstring; unchanged when the parameter is no ``Unpack``."""
    variadic = next(
        (p for p in function.parameters if p.kind is griffe.ParameterKind.var_keyword), None
    )
    keys = None if variadic is None else keys_of(function, variadic)
    if variadic is None or keys is None:
        return
    taken = {p.name for p in function.parameters}
    parameters = [p for p in function.parameters if p is not variadic]
    added = [key for key in keys if key.name not in taken]
    for key in added:
        default = None if key.required else _UNSET
        parameters.append(
            griffe.Parameter(
                key.name,
                annotation=key.annotation,
                kind=griffe.ParameterKind.keyword_only,
                default=default,
                docstring=None,
            )
        )
    function.parameters = griffe.Parameters(*parameters)
    _describe(function, added)


def keys_of(function: griffe.Function, variadic: griffe.Parameter) -> list[Key] | None:
    """The keys ``variadic`` stands for, in the TypedDict's order, or None."""
    annotation: Any = variadic.annotation
    if _name_of(getattr(annotation, "left", None)) == "Unpack":
        return list(_keys(_resolve(annotation.slice)).values())
    # The reference shows the overloads' signatures, not this one (mkdocs.yml's
    # overloads_only): the keys are described as the keywords form (chat's fields) has them.
    overloads = getattr(function, "overloads", None) or []
    merged: dict[str, Key] = {}
    for overload in sorted(overloads, key=lambda o: -len(_overload_keys(o))):
        for key in _overload_keys(overload):
            merged.setdefault(key.name, key)
    return list(merged.values()) or None


def _overload_keys(overload: griffe.Function) -> list[Key]:
    variadic = next(
        (p for p in overload.parameters if p.kind is griffe.ParameterKind.var_keyword), None
    )
    annotation: Any = None if variadic is None else variadic.annotation
    if _name_of(getattr(annotation, "left", None)) != "Unpack":
        return []
    return list(_keys(_resolve(annotation.slice)).values())


def _keys(typed_dict: griffe.Class) -> dict[str, Key]:
    """A TypedDict's keys as Python orders them: its bases' in order, then its own; a later
    definition of a key replaces an earlier one in its first place."""
    keys: dict[str, Key] = {}
    for base in typed_dict.resolved_bases:
        if base.name != "TypedDict":
            keys.update(_keys(base))
    for member in typed_dict.members.values():
        if isinstance(member, griffe.Attribute) and member.annotation is not None:
            keys[member.name] = Key(member)
    return keys


def _resolve(expression: Any) -> griffe.Class:
    target = expression.parent.modules_collection[expression.canonical_path]
    return target.final_target if target.is_alias else target


def _name_of(expression: Any) -> str | None:
    return getattr(expression, "name", None)


def _describe(function: griffe.Function, keys: list[Key]) -> None:
    """Append a "Parameters" section, one item per key, to ``function``'s docstring."""
    lines = ["Parameters:"]
    for key in keys:
        text = " ".join(key.description.split("\n\n")[0].split()) or "(no description)"
        wrapped = textwrap.wrap(f"{key.name}: {text}", 96)
        lines += [_INDENT + wrapped[0], *(_INDENT * 2 + line for line in wrapped[1:])]
    section = "\n".join(lines)
    if function.docstring is None:
        function.docstring = griffe.Docstring(section, parent=function)
    else:
        function.docstring.value = f"{function.docstring.value.rstrip()}\n\n{section}"
