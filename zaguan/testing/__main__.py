"""`python -m zaguan.testing`: run the local CoreX server in the foreground (Ctrl-C stops it)."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from collections.abc import Mapping, Sequence
from typing import TextIO

from ._catalog._models import TIER_BANDS
from ._core._app import build_app
from ._core._faults import MAX_SECONDS, FaultSpecError, parse_fault
from ._core._server import bind_socket, make_server
from ._core._state import DEFAULT_API_KEY, DEFAULT_CREDITS, FREE_API_KEY, CoreXState, check_pace

CANNOT_LISTEN = 1
"""The exit status when the server cannot listen: the port is taken, or not ours to take."""
USAGE_ERROR = 2
"""The exit status of a mistake in the command line, a host that does not resolve included."""
INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as shells report it."""


def _key(text: str) -> tuple[str, str]:
    key, _, tier = text.partition(":")
    if not key or (tier and tier not in TIER_BANDS):
        raise argparse.ArgumentTypeError(
            f"expected KEY or KEY:TIER, tier one of {list(TIER_BANDS)}"
        )
    return key, tier


def _fault(text: str) -> str:
    try:
        parse_fault(text)
    except FaultSpecError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


_LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")  # uvicorn's names


def _host(text: str) -> str:
    # A name that is not ASCII goes to the socket in IDNA, which has no room for 64 "é".
    if not text.isascii():
        try:
            text.encode("idna")
        except UnicodeError as exc:
            raise argparse.ArgumentTypeError(f"not a host name: {exc}") from None
    return text


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text!r}")
    return int(text)


def _pace(text: str) -> float:
    try:
        return check_pace(float(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected seconds from 0 to {MAX_SECONDS:g}, got {text!r}"
        ) from None


def _per_minute(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return int(text)


def _parser(prog: str = "python -m zaguan.testing") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Serve a deterministic local Zaguan CoreX (see `help(zaguan.testing)`).",
    )
    parser.add_argument(
        "--host", type=_host, default="127.0.0.1", help="interface (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=_port, default=8080, help="port, 0 for a free one (8080)")
    parser.add_argument(
        "--api-key",
        dest="api_keys",
        type=_key,
        action="append",
        metavar="KEY[:TIER]",
        help="an API key, repeatable; its tier defaults to --tier "
        f"(default keys: {DEFAULT_API_KEY} pro, {FREE_API_KEY} free)",
    )
    parser.add_argument(
        "--tier",
        default="pro",
        choices=list(TIER_BANDS),
        help="tier of --api-key keys without one (default pro)",
    )
    parser.add_argument(
        "--credits",
        type=int,
        default=DEFAULT_CREDITS,
        help=f"credits per key (default {DEFAULT_CREDITS})",
    )
    parser.add_argument(
        "--fault", type=_fault, help="a server-wide fault spec, e.g. 'status=503;times=1'"
    )
    for flag, what in (("--rpm", "requests"), ("--tpm", "tokens")):
        parser.add_argument(
            flag, type=_per_minute, metavar="N",
            help=f"limit every key to N {what} per minute (x-ratelimit-* headers, 429s)",
        )  # fmt: skip
    parser.add_argument(
        "--pace",
        type=_pace,
        default=0.0,
        metavar="SECONDS",
        help="seconds between two events of a stream, e.g. 0.05 to watch an answer arrive "
        "(default 0: at once)",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        type=str.lower,
        choices=_LOG_LEVELS,
        help="uvicorn's log level (default info)",
    )
    return parser


def make_state(args: argparse.Namespace) -> CoreXState:
    """The server's state as the command line asks: keys, credits, fault, rate limits, pace."""
    keys = {key: tier or args.tier for key, tier in args.api_keys} if args.api_keys else None
    limits = None
    if args.rpm or args.tpm:
        limits = dict.fromkeys(keys or (DEFAULT_API_KEY, FREE_API_KEY), (args.rpm, args.tpm))
    return CoreXState(
        keys, credits=args.credits, fault=args.fault, rate_limits=limits, stream_pace=args.pace
    )


def main(argv: Sequence[str] | None = None, prog: str = "python -m zaguan.testing") -> int:
    """Serve until Ctrl-C; ``prog`` names the command in usage (``zaguan local`` runs this).

    A socket it cannot listen on is one line on stderr and `CANNOT_LISTEN` (the port is taken
    or not ours to take, the address is not this machine's) or `USAGE_ERROR` (the host does
    not resolve); Ctrl-C ends it with `INTERRUPTED`."""
    args = _parser(prog).parse_args(argv)
    state = make_state(args)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        status, problem = _listen_problem(exc)
        print(f"{prog}: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return status
    host, port = sock.getsockname()[:2]
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    print(f"Local CoreX (zaguan.testing) serving on {url}", flush=True)
    for key, ledger in state.ledgers.items():
        print(f"  API key {key}  tier {ledger.tier}  {ledger.credits_total} credits", flush=True)
    if args.rpm or args.tpm:
        print(f"  Rate limits per key: {args.rpm or '-'} rpm, {args.tpm or '-'} tpm", flush=True)
    # The next step, ready to paste into another terminal (the `zaguan` command line).
    key = next(iter(state.ledgers))
    env = f"ZAGUAN_BASE_URL={url} ZAGUAN_API_KEY={key}"
    print(f"Try: {env} zaguan chat Hello -m openai/gpt-4o-mini --stream", flush=True)
    colors = log_colors(os.environ, sys.stdout, sys.stderr)
    server = make_server(build_app(state), state, log_level=args.log_level, use_colors=colors)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn shut down gracefully, then raised Ctrl-C again
        return INTERRUPTED
    return 0


def _listen_problem(exc: OSError) -> tuple[int, str]:
    """The exit status and the words for a socket that cannot listen."""
    if isinstance(exc, socket.gaierror):
        return USAGE_ERROR, f"the host does not resolve ({exc.strerror})"
    reason = (exc.strerror or str(exc)).lower()
    if exc.errno == errno.EADDRINUSE:
        return CANNOT_LISTEN, f"{reason} (another server? --port 0 picks a free port)"
    return CANNOT_LISTEN, reason


def log_colors(environ: Mapping[str, str], *streams: TextIO) -> bool:
    """Colour in uvicorn's log only when its ``streams`` (stdout, stderr) are all terminals and
    ``NO_COLOR`` is unset or empty (https://no-color.org). uvicorn's own rule looks at stdout
    alone, so ``2>server.log`` from a terminal would fill the file with escape codes."""
    return all(stream.isatty() for stream in streams) and not environ.get("NO_COLOR")


if __name__ == "__main__":
    sys.exit(main())
