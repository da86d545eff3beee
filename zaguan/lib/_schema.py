"""Python types as JSON Schema, and JSON values back into those types: what structured
outputs (`_parse`) and tools (`_tools`) share.

Supported: ``str``, ``int``, ``float``, ``bool``, ``None``, ``list[X]``, ``X | Y`` (``anyOf``),
``Literal[...]`` and `enum.Enum` subclasses (``enum``), dataclasses and TypedDicts (objects,
inlined), and pydantic models (their own schema and validation; pydantic is imported only
when the caller's type is one). Schemas are *strict* as OpenAI's structured outputs want
them: every property listed in ``required`` (an optional one as ``X | None``) and
``additionalProperties: false``. Anything else raises `TypeError` when the schema is built,
not when the answer comes.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import sys
import types
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    NotRequired,
    Required,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

_PRIMITIVES: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


class Mismatch(ValueError):
    """A JSON value does not fit the type; ``path`` says where (``$.items[0].name``)."""

    def __init__(self, path: str, expected: str, value: object, got: str | None = None) -> None:
        super().__init__(f"{path}: expected {expected}, got {got or _short(value)}")
        self.path = path


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_pydantic(tp: object) -> bool:
    """Whether ``tp`` is a pydantic model class, without importing pydantic (a caller whose
    type is one has imported it already)."""
    module = sys.modules.get("pydantic")
    return module is not None and isinstance(tp, type) and issubclass(tp, module.BaseModel)


def object_fields(tp: type) -> dict[str, Any]:
    """The fields of a dataclass or TypedDict, name to type (string annotations resolved).

    A dataclass's are what its constructor takes: its ``init`` fields and ``InitVar`` s;
    ``ClassVar`` s belong to the class and ``field(init=False)`` to ``__post_init__``."""
    if is_typeddict(tp):
        return hints(tp)
    if not dataclasses.is_dataclass(tp):
        raise TypeError(f"{tp!r} is not a dataclass, a TypedDict or a pydantic model")
    taken = {field.name for field in dataclasses.fields(tp) if field.init}
    return {
        name: hint.type if isinstance(hint, dataclasses.InitVar) else hint
        for name, hint in hints(tp).items()
        if name in taken or isinstance(hint, dataclasses.InitVar)
    }


def hints(obj: Any, *, include_extras: bool = False) -> dict[str, Any]:
    """``get_type_hints(obj)``; an annotation that names nothing reachable (a local class
    under ``from __future__ import annotations``) is a `TypeError` naming it."""
    try:
        return get_type_hints(obj, include_extras=include_extras)
    except NameError as exc:
        name = getattr(obj, "__qualname__", repr(obj))
        raise TypeError(f"cannot resolve the annotations of {name}: {exc}") from exc


def json_schema(tp: Any) -> dict[str, Any]:
    """The strict JSON Schema of ``tp``."""
    if is_pydantic(tp):
        return strict(tp.model_json_schema())
    return _schema(tp, frozenset())


def object_schema(fields: Mapping[str, Any], seen: frozenset[Any] = frozenset()) -> dict[str, Any]:
    """The strict schema of an object with these ``fields`` (name to type)."""
    return {
        "type": "object",
        "properties": {name: _schema(tp, seen) for name, tp in fields.items()},
        "required": list(fields),
        "additionalProperties": False,
    }


def _schema(tp: Any, seen: frozenset[Any]) -> dict[str, Any]:
    if tp is None or tp is type(None):
        return {"type": "null"}
    if tp in _PRIMITIVES:
        return {"type": _PRIMITIVES[tp]}
    origin, args = get_origin(tp), get_args(tp)
    if origin is Literal:  # an enum member is sent as its value, and read back as the member
        return {"enum": [_sent(arg) for arg in args]}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(arg, seen) for arg in args]}
    if origin is list:
        return {"type": "array", "items": _schema(args[0] if args else Any, seen)}
    return _class_schema(tp, seen)


def _class_schema(tp: Any, seen: frozenset[Any]) -> dict[str, Any]:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if isinstance(tp, type) and (dataclasses.is_dataclass(tp) or is_typeddict(tp)):
        if tp in seen:  # inlined schemas cannot refer to themselves
            raise TypeError(f"{tp.__name__} refers to itself: recursive types are not supported")
        return object_schema(object_fields(tp), seen | {tp})
    if is_pydantic(tp):
        return strict(tp.model_json_schema())
    raise TypeError(f"cannot describe {tp!r} as JSON Schema (see zaguan.lib._schema for the types)")


def strict(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (pydantic's) made strict: every object closed with all its properties
    required, as openai's ``to_strict_json_schema`` does. Returns a new dict."""
    if not isinstance(schema, dict):
        return schema
    made = {key: _strict_value(value) for key, value in schema.items()}
    if made.get("type") == "object" and "properties" in made:
        made["required"] = list(made["properties"])
        made["additionalProperties"] = False
    return made


def _strict_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: strict(sub) if isinstance(sub, dict) else sub for key, sub in value.items()}
    if isinstance(value, list):
        return [strict(item) if isinstance(item, dict) else item for item in value]
    return value


def convert(tp: Any, value: Any, path: str = "$") -> Any:
    """``value`` (decoded JSON) as ``tp``: dataclasses built, enums looked up, everything
    checked; raises `Mismatch` where it does not fit."""
    if tp is Any or tp is None or tp is type(None) or tp in _PRIMITIVES:
        return _scalar(tp, value, path)
    origin, args = get_origin(tp), get_args(tp)
    if origin is Literal:
        return _literal(args, value, path)
    if origin in (Union, types.UnionType):
        return _union(args, value, path)
    if origin is list:
        return _list(args[0] if args else Any, value, path)
    return _object(tp, value, path)


def _literal(args: tuple[Any, ...], value: Any, path: str) -> Any:
    for arg in args:
        sent = _sent(arg)
        if type(value) is type(sent) and value == sent:  # 1 is not True, nor 1.0
            return arg
    raise Mismatch(path, f"one of {[_sent(arg) for arg in args]}", value)


def _sent(arg: Any) -> Any:
    return arg.value if isinstance(arg, enum.Enum) else arg


def _list(item: Any, value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise Mismatch(path, "an array", value)
    return [convert(item, v, f"{path}[{i}]") for i, v in enumerate(value)]


def _expect(ok: bool, value: Any, path: str, expected: str) -> Any:
    if not ok:
        raise Mismatch(path, expected, value)
    return value


def _scalar(tp: Any, value: Any, path: str) -> Any:
    if tp is Any:
        return value
    if tp is None or tp is type(None):
        return _expect(value is None, value, path, "null")
    # JSON has one number type: an integer fits a float, a bool fits neither.
    if isinstance(value, bool) != (tp is bool):
        raise Mismatch(path, _PRIMITIVES[tp], value)
    if tp is float and isinstance(value, int):
        return float(value)
    return _expect(isinstance(value, tp), value, path, _PRIMITIVES[tp])


def _union(args: tuple[Any, ...], value: Any, path: str) -> Any:
    for arg in args:
        try:
            return convert(arg, value, path)
        except Mismatch:
            continue
    raise Mismatch(path, " | ".join(getattr(a, "__name__", str(a)) for a in args), value)


def _object(tp: Any, value: Any, path: str) -> Any:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except Exception:  # ValueError; or whatever the enum's own _missing_ raises
            raise Mismatch(path, f"one of {[m.value for m in tp]}", value) from None
    if is_pydantic(tp):
        import pydantic  # noqa: PLC0415  # imported already: `tp` is one of its models

        try:
            return tp.model_validate(value)
        except pydantic.ValidationError as exc:
            raise Mismatch(path, f"{tp.__name__} ({exc.error_count()} errors)", value) from exc
        except Exception as exc:  # a validator's own error, which pydantic lets through
            raise _refused(tp, exc, path, value) from exc
    if not isinstance(value, dict):
        raise Mismatch(path, "an object", value)
    fields = object_fields(tp)
    built = build_fields(fields, value, path, optional=_optional_keys(tp))
    if is_typeddict(tp):
        return built
    try:
        return tp(**built)
    except Exception as exc:  # the class's own checks (__post_init__) refused these values
        raise _refused(tp, exc, path, value) from exc


def _refused(tp: type, exc: Exception, path: str, value: Any) -> Mismatch:
    return Mismatch(path, f"what {tp.__name__} accepts ({type(exc).__name__}: {exc})", value)


def _optional_keys(tp: Any) -> frozenset[str]:
    if is_typeddict(tp):
        # `from __future__ import annotations` hides NotRequired/Required from the class's
        # own __optional_keys__ (they are strings then); the resolved hints still show them.
        marked = {name: get_origin(hint) for name, hint in hints(tp, include_extras=True).items()}
        not_required = {name for name, origin in marked.items() if origin is NotRequired}
        required = {name for name, origin in marked.items() if origin is Required}
        return frozenset((set(tp.__optional_keys__) | not_required) - required)
    # The constructor's parameters with a default: fields and InitVars alike.
    return frozenset(
        name
        for name, parameter in inspect.signature(tp).parameters.items()
        if parameter.default is not parameter.empty
    )


def build_fields(
    fields: Mapping[str, Any], value: Mapping[str, Any], path: str, optional: frozenset[str]
) -> dict[str, Any]:
    """The ``fields`` of the JSON object ``value``, converted; unknown keys are a `Mismatch`,
    and so is a missing key, unless it is ``optional`` (it is then left out)."""
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise Mismatch(f"{path}.{unknown[0]}", "no such field", value[unknown[0]])
    missing = [name for name in fields if name not in value and name not in optional]
    if missing:
        raise Mismatch(f"{path}.{missing[0]}", "a value", None, got="nothing (missing)")
    return {
        name: convert(tp, value[name], f"{path}.{name}")
        for name, tp in fields.items()
        if name in value
    }
