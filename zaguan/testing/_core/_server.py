"""`LocalCoreX`: the app served by uvicorn on 127.0.0.1, in a daemon thread."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette

from .._credits._ledger import Clock, Ledger
from ._app import build_app
from ._faults import Fault
from ._ratelimits import RateLimitSpec
from ._state import DEFAULT_CREDITS, CoreXState, Dropper
from ._uploads import Upload

__all__ = ["LocalCoreX", "bind_socket", "make_server"]

_START_TIMEOUT = 10.0


def bind_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on `host:port` (port 0: a free one), for uvicorn to serve."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP,
    # and with proto 0 Nagle's algorithm and delayed ACKs cost ~40 ms per keep-alive request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    except OSError:
        sock.close()
        raise
    return sock


def _dropper(server: uvicorn.Server) -> Dropper:
    """Close the connection of a request, found by its client address among uvicorn's."""

    def drop(scope: Mapping[str, Any]) -> bool:
        client = scope.get("client")
        for connection in list(server.server_state.connections):
            transport = getattr(connection, "transport", None)
            if client and transport and getattr(connection, "client", None) == tuple(client):
                transport.close()
                return True
        return False

    return drop


def make_server(app: Starlette, state: CoreXState, **config: Any) -> uvicorn.Server:
    """A uvicorn server for `app` that can drop connections for `drop` faults."""
    options: dict[str, Any] = {"lifespan": "off", "timeout_graceful_shutdown": 2} | config
    server = uvicorn.Server(uvicorn.Config(app, **options))
    state.dropper = _dropper(server)
    return server


class LocalCoreX:
    """A local CoreX server over real HTTP on 127.0.0.1, running in a background thread.

    Example::

        with LocalCoreX() as server:
            httpx2.get(f"{server.base_url}/v1/models",
                      headers={"Authorization": f"Bearer {server.api_key}"})
            assert server.ledger.balance == 10_000

    `api_keys` maps each key to its tier (`free`, `pro`, `enterprise`); the first is `api_key`.
    By default: `zk-local-pro` (pro) and `zk-local-free` (free), with `credits` each.
    `fault` is a server-wide fault spec (see the package docstring); `clock` gives the ledger's
    timestamps and the rate limits' time (default: the current UTC time). `rate_limits` maps
    keys to (requests, tokens) per minute, either None (see `zaguan.testing._core._ratelimits`).
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        api_keys: Mapping[str, str] | None = None,
        credits: int = DEFAULT_CREDITS,
        fault: str | Fault | None = None,
        clock: Clock | None = None,
        rate_limits: Mapping[str, RateLimitSpec] | None = None,
    ) -> None:
        self.state = CoreXState(
            api_keys, credits=credits, fault=fault, clock=clock, rate_limits=rate_limits
        )
        self.app = build_app(self.state)
        self._host = host
        self._port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        running = "running" if self.running else "stopped"
        return f"<LocalCoreX {self.base_url} {running}>"

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`, without a trailing slash (add `/v1` for OpenAI SDKs)."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self._port}"

    @property
    def running(self) -> bool:
        """Whether `start` has run and `stop` has not."""
        return self._thread is not None

    @property
    def port(self) -> int:
        return self._port

    @property
    def api_key(self) -> str:
        """The first configured key (`zk-local-pro`, tier pro, by default)."""
        return next(iter(self.state.ledgers))

    @property
    def api_keys(self) -> dict[str, str]:
        """Every configured key and its tier."""
        return {key: ledger.tier for key, ledger in self.state.ledgers.items()}

    @property
    def ledger(self) -> Ledger:
        """The credits ledger of `api_key`."""
        return self.state.ledgers[self.api_key]

    def ledger_for(self, api_key: str) -> Ledger:
        """The credits ledger of another configured key."""
        return self.state.ledgers[api_key]

    def attempts(self, request_id: str) -> int:
        """How many requests arrived with this `X-Request-Id` (first try plus retries)."""
        return self.state.attempts(request_id)

    def uploads(self, request_id: str) -> tuple[Upload, ...]:
        """The multipart uploads (audio, images) received with this `X-Request-Id`, one per
        attempt: their text fields and files, byte for byte."""
        return self.state.uploads(request_id)

    def rate_limited(self, api_key: str | None = None) -> int:
        """How many 429s the rate limits of a key (default `api_key`) sent since the last reset."""
        return self.state.rate_limits.refused(self.api_key if api_key is None else api_key)

    @property
    def fault(self) -> Fault | None:
        """The server-wide fault; assign a spec string (or `None`) to change it while running."""
        return self.state.fault

    @fault.setter
    def fault(self, fault: str | Fault | None) -> None:
        self.state.fault = fault

    def reset(self) -> None:
        """Restore the state of a new server without restarting it, as between two tests.

        Ledgers, attempts, uploads, generated request ids and the server-wide fault go back to
        what the constructor made; keys, credits, clock and the port stay. Restarting costs a
        socket, a thread and uvicorn's start-up; this costs microseconds. A request still in
        flight ends against the old state.
        """
        self.state.reset()

    def start(self) -> Self:
        """Bind, serve in a daemon thread, and return once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError("this LocalCoreX is already running")
        sock = bind_socket(self._host, self._port)
        self._port = sock.getsockname()[1]
        server = make_server(self.app, self.state, log_config=None, access_log=False)
        thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            daemon=True,
            name=f"zaguan-local-corex-{self._port}",
        )
        thread.start()
        self._server, self._thread = server, thread
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the local CoreX server did not start on {self.base_url}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Shut the server down and wait for its thread (idempotent)."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None and thread is not None:
            server.should_exit = True
            thread.join(timeout=_START_TIMEOUT)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        return await asyncio.to_thread(self.start)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await asyncio.to_thread(self.stop)
