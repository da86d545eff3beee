"""`python -m zaguan.testing`: run the local CoreX server in the foreground (Ctrl-C stops it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._catalog._models import TIER_BANDS
from ._core._app import build_app
from ._core._faults import FaultSpecError, parse_fault
from ._core._server import bind_socket, make_server
from ._core._state import DEFAULT_API_KEY, DEFAULT_CREDITS, FREE_API_KEY, CoreXState


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


def _per_minute(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return int(text)


def _parser(prog: str = "python -m zaguan.testing") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Serve a deterministic local Zaguan CoreX (see `help(zaguan.testing)`).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port, 0 for a free one (8080)")
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
    parser.add_argument("--log-level", default="info", help="uvicorn log level (default info)")
    return parser


def make_state(args: argparse.Namespace) -> CoreXState:
    """The server's state as the command line asks: keys, credits, fault, rate limits."""
    keys = {key: tier or args.tier for key, tier in args.api_keys} if args.api_keys else None
    limits = None
    if args.rpm or args.tpm:
        limits = dict.fromkeys(keys or (DEFAULT_API_KEY, FREE_API_KEY), (args.rpm, args.tpm))
    return CoreXState(keys, credits=args.credits, fault=args.fault, rate_limits=limits)


def main(argv: Sequence[str] | None = None, prog: str = "python -m zaguan.testing") -> int:
    """Serve until Ctrl-C; ``prog`` names the command in usage (``zaguan local`` runs this)."""
    args = _parser(prog).parse_args(argv)
    state = make_state(args)
    sock = bind_socket(args.host, args.port)
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
    server = make_server(build_app(state), state, log_level=args.log_level)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
