"""``zaguan run``: every request of a JSON Lines file, each charged once, resumable."""

from __future__ import annotations

import shlex
import sys
from argparse import Namespace

import httpx2

from .. import bulk
from .._async_client import AsyncZaguanClient
from ._errors import FAILED_LINES, OVER_BUDGET, CommandError
from ._output import emit_json
from ._progress import Display, summary_fields, summary_lines


def run(args: Namespace) -> int:
    """Run ``args.input`` into ``args.output``; print the summary; the exit status."""
    display = Display()
    try:
        summary = bulk.run(
            args.input, args.output, client=lambda http: _client(args, http),
            endpoint=args.endpoint, concurrency=args.concurrency, ordered=args.ordered,
            resume=args.resume, max_credits=args.max_credits, deadline=args.deadline,
            on_progress=display, progress_interval=display.interval,
        )  # fmt: skip
    except bulk.BulkInputError:
        raise  # nothing was sent: `main` prints it, status 2
    except OSError as exc:  # the output could not be written: what is in it stays valid
        _report(display, args)
        raise CommandError(f"zaguan: cannot write {args.output}: {exc}") from None
    except BaseException:  # Ctrl-C, or an error that stops every line: the summary first
        _report(display, args)
        raise
    _report(display, args)
    if summary.stopped == "max_credits":
        return OVER_BUDGET
    return FAILED_LINES if summary.failed else 0


def _client(args: Namespace, http: httpx2.AsyncClient) -> AsyncZaguanClient:
    rate_limit = None
    if args.rpm is not None or args.tpm is not None:
        from .._ratelimit import RateLimit  # noqa: PLC0415  # the limiter, only when asked for

        rate_limit = RateLimit(requests_per_minute=args.rpm, tokens_per_minute=args.tpm)
    return AsyncZaguanClient(base_url=args.base_url, http_client=http, rate_limit=rate_limit)


def _report(display: Display, args: Namespace) -> None:
    """The summary on stdout (a reader gone from the pipe does not change the status)."""
    summary = display.last
    if summary is None or not summary.finished:
        return  # stopped before the first line: nothing to sum up
    try:
        if args.json:
            emit_json(summary_fields(summary))
        else:
            for line in [*summary_lines(summary), *_next_step(summary, args)]:
                print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        from . import _silence_stdout  # noqa: PLC0415

        _silence_stdout()


_STOPPED = {
    "stopped": "interrupted, the lines in flight written",
    "abandoned": "interrupted, the lines in flight dropped (sent again, not charged again)",
    "error": "stopped by the error below",
}


def _next_step(summary: bulk.Progress, args: Namespace) -> list[str]:
    resume = shlex.join(["zaguan", "run", args.input, "-o", args.output, "--resume"])
    if summary.stopped == "max_credits":
        return [f"stopped at --max-credits {args.max_credits:g}; to carry on: {resume} "
                "--max-credits <more>"]  # fmt: skip
    if summary.stopped is not None:
        return [f"{_STOPPED[summary.stopped]}; to carry on: {resume}"]
    return [f"output: {args.output}"]
