"""The Starlette application: routes, request ids, auth, faults and the contract's error shape."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..._version import __version__
from .._catalog._directory import provider_status, retrieve_virtual_model, virtual_models
from .._catalog._models import CATALOG, TIER_BANDS, capabilities_json, find_model, model_json
from .._chat._routes import chat
from .._contract._checks import check_request
from .._contract._spec import Operation, load_contract
from .._credits._ledger import Clock
from .._credits._reports import history_json, stats_json
from .._media._audio import speech, transcriptions, translations
from .._media._embeddings import embeddings, moderations
from .._media._images import IMAGE_FILES, edits, generations, image_file, variations
from .._messages._batches import (
    cancel_batch,
    create_batch,
    get_batch,
    get_batch_results,
    list_batches,
)
from .._messages._routes import count_message_tokens, create_message
from .._openai_batches import _routes as openai_batches
from .._openai_batches._files import (
    create_file,
    delete_file,
    get_file,
    get_file_content,
    list_files,
)
from ._call import (
    ATTEMPT,
    REQUEST_ID,
    Call,
    Dropped,
    DropResponse,
    apply_fault,
    error_response,
    header_fault,
    json_response,
)
from ._errors import ApiError
from ._faults import Fault
from ._path_ids import KeepEncodedSlashes, decode_path_params
from ._ratelimits import RateLimitMiddleware, RateLimitSpec
from ._state import DEFAULT_CREDITS, CoreXState

__all__ = ["LOCAL_ROUTES", "build_app", "contract_path", "create_app"]

_log = logging.getLogger("zaguan.testing")
_CONVERTER = re.compile(r":[a-z]+}")


class _AnyPath(PathConvertor):
    """Starlette's ``path``, line breaks included: a model id may hold any character, and
    ``.*`` stops at a line break (with the route's ``$`` matching before a final one, the id
    ``"m\\n"`` was read as ``"m"``, another model)."""

    regex = "(?s:.*)"


register_url_convertor("anypath", _AnyPath())
#: The routes outside the contract: local conveniences (the image URLs point at PNGs here).
LOCAL_ROUTES = frozenset({("GET", IMAGE_FILES)})


class _RequestIds:
    """Give every request an id (its `X-Request-Id`, or a new one), count it, echo it back."""

    def __init__(self, app: ASGIApp, state: CoreXState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = Headers(scope=scope).get("x-request-id") or self.state.new_request_id()
        scope[REQUEST_ID] = request_id
        scope[ATTEMPT] = self.state.count_attempt(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["X-Request-Id"] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)


_Handler = Callable[[Call], Awaitable[Response]]


def _endpoint(
    state: CoreXState,
    handler: _Handler,
    operation: Operation | None,
    *,
    auth: bool = True,
    faults: bool = True,
) -> Callable[[Request], Awaitable[Response]]:
    """Wrap `handler` with auth, the contract's checks of `operation`, the header/server fault
    (unless the handler applies its own), and errors."""

    async def endpoint(request: Request) -> Response:
        decode_path_params(request.scope)
        try:
            ledger = next(iter(state.ledgers.values()))  # only `/health` skips auth; unused there
            if auth:
                ledger = state.authenticate(request.headers.get("authorization"))
            call = Call(
                request,
                state,
                request.scope[REQUEST_ID],
                request.scope[ATTEMPT],
                ledger,
                header_fault(request),
                await check_request(request, operation) if operation is not None else None,
            )
            if faults:
                await apply_fault(
                    call, call.header_fault or (state.fault if auth else None), "corex"
                )
            return await handler(call)
        except ApiError as error:
            return error_response(error)
        except Dropped:
            return DropResponse(state)
        except Exception:
            _log.exception("zaguan.testing: unexpected error")
            return error_response(ApiError(500, "Internal error in the local CoreX server"))

    return endpoint


# ---------------------------------------------------------------------------- the rest


async def _list_models(call: Call) -> Response:
    return json_response({"object": "list", "data": [model_json(model) for model in CATALOG]})


async def _retrieve_model(call: Call) -> Response:
    model_id = call.request.path_params["model_id"]
    model = find_model(model_id)
    if model is None:
        raise ApiError(
            404, f"Model {model_id!r} not found", code="model_not_found", param="model_id"
        )
    return json_response(model_json(model))


async def _capabilities(call: Call) -> Response:
    return json_response({"data": [capabilities_json(model) for model in CATALOG]})


async def _balance(call: Call) -> Response:
    return json_response(call.ledger.balance_json(TIER_BANDS[call.ledger.tier]))


async def _history(call: Call) -> Response:
    return json_response(history_json(call.ledger.entries, dict(call.request.query_params)))


async def _stats(call: Call) -> Response:
    query = dict(call.request.query_params)
    return json_response(stats_json(call.ledger.entries, query, call.ledger.clock()))


async def _health(call: Call) -> Response:
    return json_response(
        {"status": "ok", "version": __version__, "server": "zaguan.testing", "models": len(CATALOG)}
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error = ApiError(404, f"No route {request.method} {request.url.path}", code="not_found")
    else:
        error = ApiError(exc.status_code, str(exc.detail), headers=exc.headers)
    return error_response(error)


def contract_path(route_path: str) -> str:
    """The contract's template of a Starlette route path: `{model_id:anypath}` -> `{model_id}`."""
    return _CONVERTER.sub("}", route_path)


def build_app(state: CoreXState) -> Starlette:
    """The ASGI application serving `state`; `app.state.corex` is `state`.

    Each route is checked against the contract's operation of the same method and path.
    """
    contract = load_contract()

    def route(
        path: str, handler: _Handler, method: str = "GET", *, check_body: bool = True, **kw: Any
    ) -> Route:
        operation = contract.operation(method, contract_path(path))
        if operation is not None and not check_body:  # the handler checks the body itself
            operation = dataclasses.replace(operation, body={}, body_required=False)
        return Route(path, _endpoint(state, handler, operation, **kw), methods=[method])

    def shared(*routes: Route) -> Route:
        """One route for several methods of a path, so that a 405's `Allow` lists them all."""
        by_method = {method: r.endpoint for r in routes for method in r.methods or ()}

        async def endpoint(request: Request) -> Response:
            return await by_method[request.method](request)  # type: ignore[no-any-return]

        return Route(routes[0].path, endpoint, methods=list(by_method))

    routes = [
        route("/v1/chat/completions", chat, "POST", faults=False),
        route("/v1/models", _list_models),
        route("/v1/models/{model_id:anypath}", _retrieve_model),
        route("/v1/capabilities", _capabilities),
        route("/v1/credits/balance", _balance),
        route("/v1/credits/history", _history),
        route("/v1/credits/stats", _stats),
        route("/health", _health, auth=False),
        route("/v1/messages", create_message, "POST", faults=False),
        route("/v1/messages/count_tokens", count_message_tokens, "POST"),
        shared(
            route("/v1/messages/batches", create_batch, "POST", check_body=False),
            route("/v1/messages/batches", list_batches),
        ),
        route("/v1/messages/batches/{batch_id}", get_batch),
        route("/v1/messages/batches/{batch_id}/cancel", cancel_batch, "POST"),
        route("/v1/messages/batches/{batch_id}/results", get_batch_results),
        # The OpenAI-compatible Priority-2 operations: they charge like chat, faults included.
        route("/v1/embeddings", embeddings, "POST", faults=False),
        route("/v1/moderations", moderations, "POST", faults=False),
        route("/v1/audio/transcriptions", transcriptions, "POST", faults=False),
        route("/v1/audio/translations", translations, "POST", faults=False),
        route("/v1/audio/speech", speech, "POST", faults=False),
        route("/v1/images/generations", generations, "POST", faults=False),
        route("/v1/images/edits", edits, "POST", faults=False),
        route("/v1/images/variations", variations, "POST", faults=False),
        route(IMAGE_FILES, image_file, auth=False),  # LOCAL_ROUTES: a URL needs no key
        # OpenAI files and batches (Priority 3): the lines run through the handlers above.
        shared(
            route("/v1/files", create_file, "POST"),
            route("/v1/files", list_files),
        ),
        shared(
            route("/v1/files/{file_id}", get_file),
            route("/v1/files/{file_id}", delete_file, "DELETE"),
        ),
        route("/v1/files/{file_id}/content", get_file_content),
        shared(
            route("/v1/batches", openai_batches.create_batch, "POST"),
            route("/v1/batches", openai_batches.list_batches),
        ),
        route("/v1/batches/{batch_id}", openai_batches.get_batch),
        route("/v1/batches/{batch_id}/cancel", openai_batches.cancel_batch, "POST"),
        route("/v1/providers/status", provider_status),
        route("/v1/virtual-models", virtual_models),
        route("/v1/virtual-models/{model_id:anypath}", retrieve_virtual_model),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(KeepEncodedSlashes),
            Middleware(_RequestIds, state=state),
            Middleware(RateLimitMiddleware, state=state),
        ],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.corex = state
    return app


def create_app(
    *,
    api_keys: Mapping[str, str] | None = None,
    credits: int = DEFAULT_CREDITS,
    fault: str | Fault | None = None,
    clock: Clock | None = None,
    rate_limits: Mapping[str, RateLimitSpec] | None = None,
) -> Starlette:
    """The local CoreX as an ASGI app, for your own server or `httpx2.ASGITransport`.

    `LocalCoreX` takes the same options and serves the app over HTTP. Without `LocalCoreX`'s
    uvicorn, `drop` faults cut the response after its status line instead of before it.
    """
    state = CoreXState(api_keys, credits=credits, fault=fault, clock=clock, rate_limits=rate_limits)
    return build_app(state)
