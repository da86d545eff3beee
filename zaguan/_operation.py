"""One declaration per operation: the spec, its pure request building, and the descriptors
that turn it into a method of each client.

A declaration is a decorated signature (see `_operations.Operations`)::

    @operation(retrieve_model, parse=Model.from_dict)
    def get_model(self, model_id: str, **options: Unpack[RequestOptions]) -> Model:
        \"\"\"One model, by its provider-prefixed id.\"\"\"

Its positional parameters (which may also be given by name) are the path parameters; its
keywords are the query (``query=``, a generated ``{Operation}Query`` TypedDict) or the JSON
body (``body=``, the generated request model), and the per-request options. The descriptor
the decorator returns gives each client its own flavour of the method, typed from the same
signature (`Method.__get__`):
`ZaguanClient` returns the result, `AsyncZaguanClient` a coroutine of it, and the raw twins
(``client.with_raw_response``) a `RawResponse` of it. Each client implements one ``_bind``
per kind of method, which is where the sync and async twins differ, by ``await``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from ._errors import RequestValidationError
from ._request import Call, build_call, split_options

if TYPE_CHECKING:
    from ._async_client import AsyncRawZaguanClient, AsyncZaguanClient
    from ._base import BaseClient
    from ._client import RawZaguanClient, ZaguanClient
    from ._raw import RawResponse
    from ._streams._download import AsyncBinaryStream, BinaryStream
    from ._streams._shells import AsyncMessageStream, MessageStream

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
F = TypeVar("F")


@functools.cache  # import_module costs ~2 us even for a loaded module: this runs per call
def generated_models() -> ModuleType:
    """The generated models, imported on the first call that needs one: importing them (and
    attrs, and the request validation built on them) with ``zaguan`` doubled its import time."""
    return importlib.import_module("zaguan_corex_client.models")


class _Placeholder:
    """Stands in for a generated request model in ``_get_kwargs(body=...)``: the endpoint then
    gives its method, URL and headers, and the facade sends the body it has validated."""

    @staticmethod
    def to_dict() -> dict[str, Any]:
        return {}


@dataclass(frozen=True, slots=True)
class Operation(Generic[R]):
    """How one contract operation is called: its generated endpoint module and the shape of
    its arguments and answer. Pure: `build` turns a method's arguments into a `Call`."""

    name: str
    endpoint: str
    """The generated endpoint module, under ``zaguan_corex_client.api`` (``"models.list_models"``);
    it and the models below are imported on the first call, not with the client."""
    parse: Callable[[Any], R]
    path: tuple[str, ...] = ()
    query: str | None = None
    """The name of the endpoint module's query TypedDict."""
    body: str | None = None
    """The name of the generated request model of a JSON or multipart body."""
    auth: bool = True
    doc: str = field(default="", compare=False)
    raw: bool = False
    """``parse`` reads the `httpx2.Response` (a binary, text or JSON Lines answer)."""
    stream: bool = False
    """The answer is an event stream: the body says ``"stream": true``."""
    download: bool = False
    """The answer's body is handed over unread, as a `BinaryStream`."""

    def build(
        self, client: BaseClient[Any], args: tuple[Any, ...], kwargs: Mapping[str, Any]
    ) -> Call[R]:
        """The `Call` for ``client.<name>(*args, **kwargs)``; raises `RequestValidationError`
        for anything the contract or the signature rules out, before any network call.

        An operation with a body takes its fields as keywords, or its generated request model
        (a `ChatCompletionRequest`, ...) as the one positional argument, with options only."""
        fields = dict(kwargs)
        options = split_options(fields)
        body = None
        endpoint = importlib.import_module(f"zaguan_corex_client.api.{self.endpoint}")
        params = self._path_params(args[: len(self.path)], fields)
        extra = args[len(self.path) :]
        if self.body is not None:
            model = getattr(generated_models(), self.body)
            body = self._body(model, extra, fields)
            if hasattr(model, "to_multipart"):  # the generated model writes the parts
                params["body"], body = model.from_dict(body), None
            else:
                params["body"] = _Placeholder()
        elif extra:
            raise RequestValidationError(
                f"{self.what} takes {len(self.path)} positional arguments, got {len(args)}"
            )
        if self.query is not None:
            from ._query import query_kwargs  # noqa: PLC0415  # lazy: see generated_models

            query = getattr(endpoint, self.query)
            params.update(query_kwargs(endpoint, query, fields, self.what))
        elif fields and self.body is None:
            name = next(iter(fields))
            raise RequestValidationError(f"{self.what} got an unexpected keyword argument {name!r}")
        kwargs = endpoint._get_kwargs(**params)
        return build_call(
            client, kwargs, options, self.parse,
            body=body, auth=self.auth,
            stream=self.stream or self.download, raw=self.raw or self.download,
        )  # fmt: skip

    def _body(
        self, model: type, args: tuple[Any, ...], fields: Mapping[str, Any]
    ) -> dict[str, Any]:
        """The checked body, from keyword fields or one request model; ``stream`` is the
        method's to set, not the caller's."""
        from ._validate import request_body  # noqa: PLC0415  # lazy: see generated_models

        if not args:
            body = request_body(model, fields, what=self.what)
        elif len(args) > 1 or not isinstance(args[0], model):
            got = f"{len(args)} positional arguments" if len(args) > 1 else type(args[0]).__name__
            raise RequestValidationError(
                f"{self.what} takes a {model.__name__} or keyword fields, got {got}"
            )
        elif fields:
            raise RequestValidationError(
                f"{self.what} takes a {model.__name__} or keyword fields, not both "
                f"(got {', '.join(sorted(fields))})"
            )
        else:
            request: Any = args[0]
            body = request.to_dict()
        if "stream" in body and body["stream"] is not self.stream:
            base = self.name.removesuffix("_stream")
            other = f"{base}_stream()" if body["stream"] else f"{base}()"
            raise RequestValidationError(
                f"{self.what} got stream={body['stream']!r}: use {other} instead"
            )
        return {**body, "stream": True} if self.stream else body

    @property
    def what(self) -> str:
        return f"{self.name}()"

    def _path_params(self, args: tuple[Any, ...], fields: dict[str, Any]) -> dict[str, Any]:
        """The path parameters, given by position or by name (taken out of ``fields``)."""
        params = dict(zip(self.path, args, strict=False))
        for name in self.path[len(args) :]:
            if name not in fields:
                raise RequestValidationError(f"{self.what} missing required argument: {name!r}")
            params[name] = fields.pop(name)
        for name, value in params.items():
            if not isinstance(value, str) or not value:
                raise RequestValidationError(f"{name} must be a non-empty string, got {value!r}")
            if value in (".", ".."):  # URL resolution would drop the segment: another resource
                raise RequestValidationError(f"{name} cannot be {value!r}")
            try:  # the URL carries it as percent-encoded UTF-8
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise RequestValidationError(
                    f"{name} holds a lone surrogate (not a character), UTF-8 has none"
                ) from None
        return params


def operation(
    endpoint: str,
    *,
    parse: Callable[[Any], object],
    query: str | None = None,
    body: str | None = None,
    auth: bool = True,
    raw: bool = False,
) -> Callable[[Callable[Concatenate[Any, P], R]], Method[P, R]]:
    """Declare an operation from its signature (see the module docstring). With ``raw``,
    ``parse`` reads the `httpx2.Response` rather than its JSON."""

    def declare(signature: Callable[Concatenate[Any, P], R]) -> Method[P, R]:
        spec = _spec(signature, endpoint, parse, query=query, body=body, auth=auth, raw=raw)
        return Method(spec, signature)

    return declare


def streamed(
    endpoint: str, *, body: str, final: Callable[[dict[str, Any]], object]
) -> Callable[[Callable[Concatenate[Any, P], MessageStream[F]]], Streamed[P, F]]:
    """Declare an operation answered by an Anthropic event stream; ``final`` builds the
    result of ``get_final_message()`` from the rebuilt message."""

    def declare(signature: Callable[Concatenate[Any, P], MessageStream[F]]) -> Streamed[P, F]:
        spec = _spec(signature, endpoint, final, body=body, stream=True)
        return Streamed(spec, signature)

    return declare


def download(
    endpoint: str, *, body: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], BinaryStream]], Download[P]]:
    """Declare an operation whose binary answer is read as it arrives (`BinaryStream`)."""

    def declare(signature: Callable[Concatenate[Any, P], BinaryStream]) -> Download[P]:
        return Download(_spec(signature, endpoint, _unused, body=body, download=True), signature)

    return declare


def _unused(data: Any) -> Any:
    return data


def from_dict(name: str) -> Callable[[Any], Any]:
    """``<name>.from_dict`` of the generated models, the model imported on the first call: a
    declaration naming every model class would import them all with the client."""

    def parse(data: Any) -> Any:
        return getattr(generated_models(), name).from_dict(data)

    return parse


def _spec(
    signature: Callable[..., Any], endpoint: str, parse: Callable[[Any], Any], **kind: Any
) -> Operation[Any]:
    """The `Operation` a declaration states: its name, path parameters and docstring come from
    the signature, the rest (``query``, ``body``, ``auth``, ``raw``, ``stream``) from ``kind``."""
    name, doc = signature.__name__, inspect.getdoc(signature) or ""
    return Operation(name, endpoint, parse, _positional(signature), doc=doc, **kind)


def _positional(signature: Callable[..., Any]) -> tuple[str, ...]:
    parameters = list(inspect.signature(signature).parameters.values())[1:]  # after self
    return tuple(
        p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    )


class _Declared:
    """What every kind of declared method keeps: the operation, and the signature and docstring
    that `help()` and editors show."""

    binder = "_bind"
    """The client method that turns the operation into a bound method of this kind."""

    def __init__(self, spec: Operation[Any], signature: Callable[..., Any]) -> None:
        self.spec = spec
        self.__doc__ = spec.doc
        self.__signature__ = _unbound(signature)

    def _get(self, client: Any) -> Any:
        if client is None:
            return self
        return _named(getattr(client, self.binder)(self.spec), self)


class Method(_Declared, Generic[P, R]):
    """An operation as a method of each client, typed per client (see the module docstring)."""

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: ZaguanClient, owner: type) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, client: AsyncZaguanClient, owner: type
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    @overload
    def __get__(self, client: RawZaguanClient, owner: type) -> Callable[P, RawResponse[R]]: ...
    @overload
    def __get__(
        self, client: AsyncRawZaguanClient, owner: type
    ) -> Callable[P, Awaitable[RawResponse[R]]]: ...
    def __get__(self, client: Any, owner: type) -> Any:
        return self._get(client)


class Streamed(_Declared, Generic[P, F]):
    """An operation answered by an event stream: a started `MessageStream` for `ZaguanClient`,
    an `AsyncMessageStream` (sent when awaited, entered or iterated) for `AsyncZaguanClient`."""

    binder = "_bind_stream"

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: ZaguanClient, owner: type) -> Callable[P, MessageStream[F]]: ...
    @overload
    def __get__(
        self, client: AsyncZaguanClient, owner: type
    ) -> Callable[P, AsyncMessageStream[F]]: ...
    @overload
    def __get__(
        self, client: RawZaguanClient, owner: type
    ) -> Callable[P, RawResponse[MessageStream[F]]]: ...
    @overload
    def __get__(
        self, client: AsyncRawZaguanClient, owner: type
    ) -> Callable[P, Awaitable[RawResponse[AsyncMessageStream[F]]]]: ...
    def __get__(self, client: Any, owner: type) -> Any:
        return self._get(client)


class Download(_Declared, Generic[P]):
    """An operation whose binary answer is streamed: a `BinaryStream` for `ZaguanClient`, a
    coroutine of an `AsyncBinaryStream` for `AsyncZaguanClient` (retries happen before any
    byte is handed over)."""

    binder = "_bind_download"

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: ZaguanClient, owner: type) -> Callable[P, BinaryStream]: ...
    @overload
    def __get__(
        self, client: AsyncZaguanClient, owner: type
    ) -> Callable[P, Coroutine[Any, Any, AsyncBinaryStream]]: ...
    @overload
    def __get__(
        self, client: RawZaguanClient, owner: type
    ) -> Callable[P, RawResponse[BinaryStream]]: ...
    @overload
    def __get__(
        self, client: AsyncRawZaguanClient, owner: type
    ) -> Callable[P, Awaitable[RawResponse[AsyncBinaryStream]]]: ...
    def __get__(self, client: Any, owner: type) -> Any:
        return self._get(client)


class Pages(Generic[P, T]):
    """An auto-paginating iterator over the items of an operation's pages: ``Iterator`` for
    `ZaguanClient`, ``AsyncIterator`` for `AsyncZaguanClient`. ``walk`` is the pure part."""

    def __init__(self, walk: Callable[..., Any], signature: Callable[..., Any]) -> None:
        self.walk = walk
        self.__doc__ = inspect.getdoc(signature) or ""
        self.__signature__ = _unbound(signature)
        self.name = signature.__name__

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: ZaguanClient, owner: type) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(self, client: AsyncZaguanClient, owner: type) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, client: Any, owner: type) -> Any:
        if client is None:
            return self
        return _named(client._bind_pages(self), self)


def paginated(
    walk: Callable[..., Any],
) -> Callable[[Callable[Concatenate[Any, P], Iterator[T]]], Pages[P, T]]:
    """Declare an auto-paginating method; ``walk`` is a `PageWalk` factory (see `_pages.py`)."""

    def declare(signature: Callable[Concatenate[Any, P], Iterator[T]]) -> Pages[P, T]:
        return Pages(walk, signature)

    return declare


def _unbound(signature: Callable[..., Any]) -> inspect.Signature:
    """The declaration's signature without ``self``, for `help()` and editors."""
    declared = inspect.signature(signature)
    return declared.replace(parameters=list(declared.parameters.values())[1:])


def _named(bound: Any, declaration: _Declared | Pages[Any, Any]) -> Any:
    """``bound``, documented as its declaration (for `help()` and editors)."""
    bound.__doc__, bound.__signature__ = declaration.__doc__, declaration.__signature__
    return bound
