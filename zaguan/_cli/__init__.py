"""The ``zaguan`` command line (``python -m zaguan``): CoreX from a terminal.

`main` parses with `_parser` (argparse), imports the one module that runs the command given
(``_chat``, ``_catalog``, ``_credits``, ``_embed``, ``_local``, ``_run``, ``_batch``) and turns
the expected failures into one line on stderr and an exit status: 2 for a usage or
configuration mistake (worded as the option or variable to set, `_connect`), 1 when CoreX
refused or could not be reached (the error's one-line ``str``, with its request id) or ``zaguan
local`` could not listen, 130 on Ctrl-C (``zaguan run`` and ``zaguan batch results`` add 3,
``zaguan run`` 4, see `_errors`). Characters the output's encoding lacks are escaped, never a
`UnicodeEncodeError` (`_output`). Anything else is a bug and keeps its traceback.

Start-up cost, measured 2026-11-30 on 2 loaded cores (load average ~4), Python 3.11: ``zaguan
--help`` takes 0.50 s of wall time (best of 8, ``time .venv/bin/zaguan --help``), of which
``import zaguan`` itself is ~0.33 s (httpx2 and the generated package: every entry point pays it,
``python -m zaguan`` too); this package imports in ~3 ms, its parser ~1 ms (best of 6,
``python -X importtime -m zaguan --help``). argparse is standard and ~1 ms: a third-party
parser could only add its own import time. Each command's module is imported when it runs.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Sequence
from importlib import import_module

from .._errors import APIError, ZaguanError
from ._errors import API_ERROR, INTERRUPTED, CommandError
from ._output import writable
from ._parser import USAGE_ERROR, build


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``zaguan`` command line with ``argv`` (default ``sys.argv[1:]``); the exit status."""
    writable(sys.stdout, sys.stderr)
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        # A stream's `with` block has closed its connection on the way here; the shell's
        # prompt starts on a line of its own.
        print(file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # `zaguan credits history --all | head -1`: the reader left
        _silence_stdout()
        return 1


def _run(argv: list[str]) -> int:
    parser = build()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "local":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return _dispatch(args, extra)
    except CommandError as exc:
        return _fail(str(exc), exc.status)
    except APIError as exc:
        return _fail(f"zaguan: {exc}", API_ERROR)
    except ZaguanError as exc:  # no key, a malformed URL, an input refused before sending
        return _fail(f"zaguan: {exc}", USAGE_ERROR)


def _dispatch(args: Namespace, extra: list[str]) -> int:
    if args.command == "local":  # everything after `local` is the local server's
        from ._local import serve  # noqa: PLC0415

        return serve(extra)
    command = import_module(f"{__name__}.{args.run}")
    status: int = command.run(args)
    return status


def _fail(message: str, status: int) -> int:
    sys.stdout.flush()  # what was printed stays before the error, in a terminal
    print(message, file=sys.stderr)
    return status


def _silence_stdout() -> None:
    # Python flushes stdout at exit, which would raise BrokenPipeError again (docs: "Note on
    # SIGPIPE" in the signal module).
    import os  # noqa: PLC0415

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
