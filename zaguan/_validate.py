"""Request validation derived at run time from the generated models' type hints.

The generated attrs classes are the one statement of the request shape, so a field added to
the contract reaches `chat()` through `make generate` alone. Each type hint compiles once into
a cached checker closure: a checker returns its value untouched (the same object), a JSON-ready
replacement (a model's ``to_dict()``, or a copy of the container holding one), or a
`_Failure`, returned rather than raised so that unions try their variants cheaply.
"""

from __future__ import annotations

import difflib
import functools
import reprlib
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from zaguan_corex_client import models as _models
from zaguan_corex_client import types as _gen_types
from zaguan_corex_client.types import UNSET, File, Unset

from ._errors import RequestValidationError

Checker = Callable[[Any], Any]
_REPR_LIMIT: Final = 60  # a bad 5 MB data: URL must not become a 5 MB message
_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = _REPR_LIMIT
_DROP: Final = object()  # UNSET inside a dict means "absent", as it does for a keyword


class _Failure:
    __slots__ = ("_message", "expected", "segments", "shallow", "value")

    def __init__(
        self, message: str = "", *, expected: str = "", value: Any = None, shallow: bool = False
    ) -> None:
        self._message = message
        self.expected, self.value = expected, value  # formatted late: unions discard most
        self.shallow = shallow or not message  # failed on the value itself: a weak report
        self.segments: list[str] = []  # innermost first, appended as checkers unwind

    @property
    def message(self) -> str:
        return self._message or f"expected {self.expected}, got {_got(self.value)}"

    def at(self, segment: str) -> _Failure:
        self.segments.append(segment)
        self.shallow = False
        return self

    def error(self, root: str) -> RequestValidationError:
        path = root + "".join(reversed(self.segments))
        message = self.message
        return RequestValidationError(f"{path}: {message}" if path else message, path)


def request_body(
    model_cls: type, fields: Mapping[str, Any], *, what: str = "chat()"
) -> dict[str, Any]:
    """Check keyword arguments (named by JSON key) against ``model_cls``; return the body.

    Values come back as given, the same objects, except that model instances become their
    ``to_dict()`` (containers holding one are copied, never mutated) and `UNSET` values are
    left out. ``None`` stays: it is JSON null. Tuples stay tuples: JSON writes arrays.

    >>> from zaguan_corex_client.models import ChatCompletionRequest
    >>> request_body(ChatCompletionRequest, {"model": "m", "messages": [], "seed": UNSET})
    {'model': 'm', 'messages': []}
    """
    checkers, required, _ = _spec(model_cls)
    if unknown := [name for name in fields if name not in checkers]:  # in call order
        close = difflib.get_close_matches(unknown[0], checkers, n=1)
        hint = f". Did you mean {close[0]!r}?" if close else ""
        raise RequestValidationError(
            f"{what} got an unexpected keyword argument {unknown[0]!r}{hint}"
        )
    if missing := [key for key in required if fields.get(key, UNSET) is UNSET]:
        names = " and ".join(map(repr, missing))
        s = "s" if len(missing) > 1 else ""
        raise RequestValidationError(f"{what} missing required argument{s}: {names}")
    body: dict[str, Any] = {}
    for name, value in fields.items():
        if value is not UNSET:
            body[name] = result = checkers[name](value)
            if type(result) is _Failure:
                raise result.error(name)
    return body


def validate_value(model_cls: type, data: Mapping[str, Any], path: str) -> None:
    """Raise `RequestValidationError` if ``data`` does not fit ``model_cls``, naming ``path``.

    >>> from zaguan_corex_client.models import Tool
    >>> validate_value(Tool, {"type": "function", "function": {}}, "tools[0]")
    Traceback (most recent call last):
    zaguan._validate.RequestValidationError: tools[0].function: 'name' is required
    """
    if type(result := _compile(model_cls)(data)) is _Failure:
        raise result.error(path)


@functools.cache
def _fields(cls: type) -> tuple[dict[str, Any], tuple[str, ...], Any]:
    """A model's JSON key -> type hint, its required JSON keys, and its extra keys' type."""
    # Names the generated module imports only under TYPE_CHECKING live in the models package,
    # which imports each model on first use: look them up there, one by one, as needed.
    ns = {**vars(_gen_types), **vars(sys.modules[cls.__module__])}
    hints = typing.get_type_hints(cls, globalns=ns, localns=_ModelsNamespace())
    init = [f for f in attrs.fields(cls) if f.init]  # additional_properties is init=False
    keys = _json_keys(cls)
    required = tuple(keys[f.name] for f in init if f.default is attrs.NOTHING)
    extra = get_args(hints.get("additional_properties", dict[str, Any]))[1]
    return {keys[f.name]: hints[f.name] for f in init}, required, extra


class _ModelsNamespace(dict[str, Any]):
    """The models package as a mapping that imports a model when a hint names it."""

    def __missing__(self, name: str) -> Any:
        try:
            return getattr(_models, name)
        except AttributeError:
            raise KeyError(name) from None


class _Probe:
    """Stands in for a field so that ``to_dict()`` shows the JSON key it writes it under."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __iter__(self) -> Iterator[_Probe]:
        yield self  # a list field comes out as [probe]

    def __getattr__(self, attr: str) -> Callable[..., _Probe]:
        return lambda *args, **kwargs: self  # .to_dict(), .isoformat(), ...


def _json_keys(cls: type) -> dict[str, str]:
    """Attribute -> JSON key, read off the ``to_dict()`` of an instance built of probes.

    The generator renames (``type`` -> ``type_``, camelCase -> snake_case): asking its own
    ``to_dict()`` beats guessing. A field the probe cannot place keeps the generator's rule
    for reserved words, a trailing underscore.
    """
    init = [f for f in attrs.fields(cls) if f.init]
    keys = {f.name: f.name.removesuffix("_") for f in init}
    try:
        sample = cls(**{f.alias or f.name: _Probe(f.name) for f in init}).to_dict()
    except Exception:  # an unforeseen generated shape: the convention is still right
        return keys
    for key, written in sample.items():
        while isinstance(written, list) and written:
            written = written[0]  # noqa: PLW2901 -- unwrap [probe] and [[probe]]
        if isinstance(written, _Probe):
            keys[written.name] = key
    return keys


@functools.cache
def _spec(cls: type) -> tuple[dict[str, Checker], tuple[str, ...], Checker | None]:
    hints, required, extra = _fields(cls)
    checkers = {key: _compile(hint) for key, hint in hints.items()}
    # A file the contract limits (`x-zaguan-limits`, which the model's module carries as
    # LIMITS) is measured before it is read.
    for key, limits in getattr(sys.modules[cls.__module__], "LIMITS", {}).items():
        if "max_bytes" in limits and hints.get(key) is File:
            checkers[key] = _file_checker(limits["max_bytes"])
    return checkers, required, None if extra is Any else _compile(extra)


@functools.cache
def _compile(tp: Any) -> Checker:
    """The checker for one type hint."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (types.UnionType, typing.Union):
        return _union_checker(_open_set([arg for arg in args if arg is not Unset]))
    if origin is Literal:
        return _literal_checker(args)
    if origin in (list, dict):
        return (_list_checker if origin is list else _dict_checker)(_compile(args[-1]))
    if tp is File:
        return _file_checker()
    if attrs.has(tp):
        return _model_checker(tp)
    return _SCALARS.get(tp) or _type_checker(_describe(tp), tp)


def _open_set(variants: list[Any]) -> list[Any]:
    """Drop a Literal of strings beside ``str``: the contract's known values of an open set
    (``ChatRole | str``) type-check callers statically; at run time any string passes."""
    if str not in variants:
        return variants
    return [
        v for v in variants
        if not (get_origin(v) is Literal and all(isinstance(a, str) for a in get_args(v)))
    ]  # fmt: skip


def _type_checker(expected: str, kinds: Any, but: Any = ()) -> Checker:
    return lambda v: (
        v if isinstance(v, kinds) and not isinstance(v, but) else _mismatch(expected, v)
    )


_SCALARS: Final[dict[Any, Checker]] = {
    Any: lambda value: value,
    str: _type_checker("str", str),
    bool: _type_checker("bool", bool),
    int: _type_checker("int", int, but=bool),  # bool is an int only to Python
    float: _type_checker("float", (int, float), but=bool),  # JSON has one number type
    type(None): _type_checker("None", type(None)),
}


def _file_checker(max_bytes: int | None = None) -> Checker:
    """A file argument (path, bytes, open binary file, tuple) becomes the generated `File`."""
    from ._files import to_file  # noqa: PLC0415  # _files raises this module's error

    def check(value: Any) -> Any:
        try:
            return to_file(value, max_bytes)
        except RequestValidationError as exc:
            return _Failure(str(exc))

    return check


def _literal_checker(allowed: tuple[Any, ...]) -> Checker:
    kinds, expected = tuple({type(a) for a in allowed}), _describe(Literal[allowed])

    def check(value: Any) -> Any:
        if isinstance(value, kinds) and value in allowed:
            return value
        got = _short(value) if isinstance(value, kinds) else _got(value)
        return _Failure(f"expected {expected}, got {got}", shallow=True)

    return check


def _list_checker(item: Checker) -> Checker:
    def check(value: Any) -> Any:
        if not isinstance(value, list | tuple):
            return _mismatch("a list", value)
        out = None
        for i, element in enumerate(value):
            if (result := item(element)) is not element:
                if type(result) is _Failure:
                    return result.at(f"[{i}]")
                out = out or list(value)  # copy on the first change, never mutate the caller's
                out[i] = result
        return value if out is None else out

    return check


def _dict_checker(item: Checker) -> Checker:
    extra = None if item is _SCALARS[Any] else item
    return lambda value: (
        _check_mapping(value, {}, (), extra)
        if isinstance(value, Mapping)
        else _mismatch("an object", value)
    )


def _model_checker(cls: type) -> Checker:
    """A Mapping of the class's JSON keys, or a generated model instance whose ``to_dict()`` is.

    Any generated class may stand in, not just ``cls``: a reply's `ChatCompletionMessage`
    goes back into ``messages`` as it would with ``openai``.
    """
    expected = _describe(cls)

    def check(value: Any) -> Any:
        if type(value) is dict or isinstance(value, Mapping):  # dict first: ABCs are slow
            return _check_mapping(value, *_spec(cls))  # _spec late: recursive schemas work
        if not (attrs.has(type(value)) and hasattr(value, "to_dict")):
            return _mismatch(expected, value)
        try:  # attrs checks no types: a dict where a model belongs breaks to_dict()
            return check(value.to_dict())
        except (AttributeError, TypeError) as exc:
            name = type(value).__name__
            return _Failure(f"cannot serialise {name}: {str(exc)[:_REPR_LIMIT]}")

    return check


def _check_mapping(
    value: Mapping[str, Any],
    checkers: Mapping[str, Checker],
    required: tuple[str, ...],
    extra: Checker | None,
) -> Any:
    for key in required:
        if value.get(key, UNSET) is UNSET:
            close = difflib.get_close_matches(
                key, [str(k) for k in value if k not in checkers], n=1
            )
            hint = f" (got {_short(close[0])}; did you mean {key!r}?)" if close else ""
            return _Failure(f"{key!r} is required{hint}")
    out = None if type(value) is dict else dict(value)  # json.dumps needs a real dict
    for key, item in value.items():
        # An unknown key is kept, unchecked unless the model types its additional_properties.
        if (check := checkers.get(key, extra)) is None:
            continue
        if (result := _DROP if item is UNSET else check(item)) is not item:
            if type(result) is _Failure:
                return result.at(f".{key}" if str(key).isidentifier() else f"[{key!r}]")
            out = out or dict(value)
            if result is _DROP:
                del out[key]
            else:
                out[key] = result
    return value if out is None else out


def _union_checker(variants: list[Any]) -> Checker:
    """Any variant may pass, but a ``type`` naming a variant's const selects that one alone."""
    if len(variants) == 1:
        return _compile(variants[0])
    checks = [_compile(variant) for variant in variants]
    tags = _discriminators(variants)
    # Simple alternatives first: "one of 'auto', 'none' or a NamedToolChoice object".
    descriptions = sorted(map(_describe, variants), key=lambda d: d.startswith(("a ", "an ")))
    expected = ", ".join(descriptions[:-1]) + " or " + descriptions[-1]

    def check(value: Any) -> Any:
        tag = value.get("type") if tags and isinstance(value, Mapping) else None
        if isinstance(tag, str) and tag in tags:
            return tags[tag](value)  # {"type": "image_url"} must be a valid image part
        failures = []
        for variant in checks:
            if type(result := variant(value)) is not _Failure:
                return result
            failures.append(result)
        if tags and isinstance(value, Mapping):  # a tagged union: the tag is what is wrong
            return _tag_failure(tag, tuple(tags))
        if len(deep := [f for f in failures if not f.shallow]) == 1:
            return deep[0]  # the one variant that got past the value's own type knows best
        if isinstance(value, str):  # "got 'sometimes'" reads better than "got str (...)"
            return _Failure(f"expected {expected}, got {_short(value)}", shallow=True)
        return _mismatch(expected, value)

    return check


def _tag_failure(tag: Any, tags: tuple[str, ...]) -> _Failure:
    if tag is None:
        return _Failure("'type' is required")
    return _Failure(f"expected {_describe(Literal[tags])}, got {_short(tag)}").at(".type")


def _discriminators(variants: list[Any]) -> dict[str, Checker]:
    """Tag -> checker, for the variants whose JSON ``type`` is a Literal (a schema const)."""
    tags: dict[str, Checker] = {}
    for variant in variants:
        hint = _fields(variant)[0].get("type") if attrs.has(variant) else None
        if get_origin(hint) is Literal:
            tags.update(dict.fromkeys(get_args(hint), _compile(variant)))
    return tags


def _describe(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is Literal:
        return "one of " + ", ".join(map(repr, get_args(tp)))
    if origin in (list, dict):
        return "a list" if origin is list else "an object"
    if attrs.has(tp):
        return f"{'an' if tp.__name__[0] in 'AEIOU' else 'a'} {tp.__name__} object"
    return "None" if tp is type(None) else getattr(tp, "__name__", str(tp))


def _mismatch(expected: str, value: Any) -> _Failure:
    return _Failure(expected=expected, value=value)


def _got(value: Any) -> str:
    return "None" if value is None else f"{type(value).__name__} ({_short(value)})"


def _short(value: Any) -> str:
    text = _REPR.repr(value)
    return text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 3] + "..."
