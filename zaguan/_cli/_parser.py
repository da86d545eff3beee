"""The command line's grammar: every command and option, and nothing that runs them.

Each subcommand sets ``run`` to the module (in this package) whose ``run(args)`` serves it, so
`main` imports only the module of the command given and ``--help`` imports none of them.
"""

from __future__ import annotations

import argparse
import math
from datetime import date
from typing import NoReturn

from .._version import __version__

USAGE_ERROR = 2
"""The exit status of a mistake in the command line or the configuration (as argparse's)."""

_ENVIRONMENT = """\
--base-url and --json go before or after the command: `zaguan --json models` or
`zaguan models --json`.

environment:
  ZAGUAN_API_KEY   the API key (never given on the command line: argv is visible to every
                   user of the machine and stays in shell history)
  ZAGUAN_BASE_URL  CoreX's URL (default http://localhost:8080, where `zaguan local` serves)
  ZAGUAN_MODEL     the model of `zaguan chat` without -m
  NO_COLOR         no colour in `zaguan local`'s log (there is none elsewhere)

exit status: 0 success, 1 CoreX refused or could not be reached (`zaguan local`: could not
listen), 2 usage or configuration mistake, 130 interrupted (Ctrl-C)."""


class Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake as one line on stderr instead of usage and error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _global_options(parser: Parser, *, top: bool) -> None:
    """The options of every command that calls CoreX, accepted before the command (``top``:
    with their defaults) and after it (without: a subcommand's default would overwrite what
    was given before it, so there they only set what is given)."""
    unset = argparse.SUPPRESS
    parser.add_argument(
        "--base-url",
        default=None if top else unset,
        help="CoreX's URL (default: $ZAGUAN_BASE_URL, else http://localhost:8080)",
    )
    parser.add_argument(
        "--json", action="store_true", default=False if top else unset, help="print JSON"
    )


def _common() -> Parser:
    """The parent parser of every command that calls CoreX: the global options, after it."""
    common = Parser(add_help=False)
    _global_options(common, top=False)
    return common


def _add_chat(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    chat = commands.add_parser(
        "chat",
        parents=[common],
        help="ask a model",
        description="Ask a model one question: PROMPT, text piped in, or both (the piped text "
        "first, then a blank line and PROMPT).",
    )
    chat.add_argument("prompt", nargs="?", help="the user message (default: stdin)")
    chat.add_argument("-m", "--model", help="e.g. openai/gpt-4o-mini (default: $ZAGUAN_MODEL)")
    chat.add_argument("--system", help="a system message sent before the prompt")
    chat.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        help="print the answer as it arrives (default: on a terminal, without --json); "
        "with --json, one chunk per line",
    )
    chat.set_defaults(run="_chat")


def _add_listings(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    models = commands.add_parser("models", parents=[common], help="list the models")
    models.add_argument("--provider", help="only this provider's models (openai, anthropic, ...)")
    models.set_defaults(run="_catalog", what="models")
    capabilities = commands.add_parser(
        "capabilities", parents=[common], help="what each model supports and costs"
    )
    capabilities.add_argument("model", nargs="?", help="one model, shown in full")
    capabilities.set_defaults(run="_catalog", what="capabilities")
    embed = commands.add_parser("embed", parents=[common], help="embed a text")
    embed.add_argument("text", help="the text to embed")
    embed.add_argument("-m", "--model", required=True, help="e.g. openai/text-embedding-3-small")
    embed.set_defaults(run="_embed")


def _add_credits(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    credits_ = commands.add_parser(
        "credits", parents=[common], help="credits: balance, history, stats"
    )
    which = credits_.add_subparsers(dest="what", required=True, metavar="{balance,history,stats}")
    which.add_parser("balance", parents=[common], help="credits left, tier and bands")
    history = which.add_parser("history", parents=[common], help="usage, newest first")
    history.add_argument(
        "-n", "--limit", type=_positive, default=20, help="entries to show (default 20)"
    )
    history.add_argument("--all", action="store_true", help="every entry, page after page")
    for name in ("model", "provider", "band", "status"):
        history.add_argument(f"--{name}", help=f"only entries of this {name}")
    stats = which.add_parser("stats", parents=[common], help="usage summed over a period")
    stats.add_argument("--period", choices=["day", "week", "month"], help="(default month)")
    for parser in (history, stats):
        parser.add_argument(
            "--since", type=_day, metavar="DAY", help="first day, YYYY-MM-DD (UTC, inclusive)"
        )
        parser.add_argument(
            "--until", type=_day, metavar="DAY", help="last day, YYYY-MM-DD (UTC, inclusive)"
        )
    credits_.set_defaults(run="_credits")


_RUN_STATUS = """\
exit status: 0 every line answered, 1 CoreX refused the key or the credits, or could not be
reached (the run stops; --resume carries on), 2 usage, input or configuration mistake (nothing
sent), 3 done but some lines failed (their errors are in OUTPUT), 4 stopped at --max-credits,
130 interrupted (Ctrl-C: the first lets the lines in flight end, the second drops them)."""


def _add_run(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    run = commands.add_parser(
        "run", parents=[common], help="send every request of a JSON Lines file",
        description="Send every request of INPUT (OpenAI Batch API request lines, or bare "
        "request bodies with --endpoint) and write one Batch API output line per request to "
        "OUTPUT, each charged once: --resume carries on after a crash or Ctrl-C.",
        epilog=_RUN_STATUS, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    run.add_argument("input", metavar="INPUT", help="a JSON Lines file, one request per line")
    run.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="the results file")
    run.add_argument(
        "--endpoint", choices=["chat", "embeddings", "messages"], help="where bare bodies go"
    )
    run.add_argument(
        "-c", "--concurrency", type=_positive, default=32, help="requests in flight (default 32)"
    )
    run.add_argument("--rpm", type=_positive, help="at most this many requests per minute")
    run.add_argument("--tpm", type=_positive, help="at most this many tokens per minute")
    run.add_argument(
        "--max-credits", type=_credits, metavar="C", help="stop sending once C credits are spent"
    )
    run.add_argument(
        "--deadline", type=_seconds, metavar="S", help="seconds one request may take, retries "
        "included (default: no bound but the client's timeouts)",
    )  # fmt: skip
    run.add_argument("--resume", action="store_true", help="carry on the run that wrote OUTPUT")
    run.add_argument("--ordered", action="store_true", help="write OUTPUT in input order")
    run.set_defaults(run="_run")


_BATCH_STATUS = """\
exit status: 0 success, 1 CoreX refused or could not be reached, or a batch's results are
missing or cut short, 2 usage, input or configuration mistake (nothing sent; a job id with no
record), 3 `results`: written, but some lines failed or never ran (their errors are in OUTPUT),
130 interrupted (Ctrl-C: the job goes on at CoreX; `zaguan batch wait JOB` again).

Each job is recorded in $ZAGUAN_BATCH_DIR (default $XDG_STATE_HOME/zaguan/batches, else
~/.local/state/zaguan/batches); ZAGUAN_BATCH_RECORD=0 records none."""


def _add_batch(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    batch = commands.add_parser(
        "batch", parents=[common], help="run a JSON Lines file as server-side batches",
        description="Run the requests of a JSON Lines file (what `zaguan run` reads) as CoreX's "
        "server-side batches: cheaper, done within 24 hours, collected in input order.",
        epilog=_BATCH_STATUS, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    which = batch.add_subparsers(
        dest="what", required=True, metavar="{submit,status,wait,results,cancel,list}"
    )
    submit = which.add_parser("submit", parents=[common], help="submit INPUT as one job")
    submit.add_argument("input", metavar="INPUT", help="a JSON Lines file, one request per line")
    submit.add_argument(
        "--endpoint", choices=["chat", "embeddings", "messages"], help="where bare bodies go"
    )
    submit.add_argument("--wait", action="store_true", help="then wait for the job to end")
    for name, text in (("status", "where JOB stands"), ("wait", "wait for JOB to end"),
                       ("results", "write JOB's results in input order"),
                       ("cancel", "cancel what JOB has not run")):  # fmt: skip
        command = which.add_parser(name, parents=[common], help=text)
        command.add_argument("job", metavar="JOB", help="the job's id (job_...)")
        if name == "results":
            command.add_argument(
                "-o", "--output", required=True, metavar="OUTPUT", help="the results file"
            )
    for command in (submit, which.choices["wait"]):
        command.add_argument(
            "--poll", type=_seconds, default=2.0, metavar="S",
            help="seconds before the first poll, then half again each time (default 2)",
        )  # fmt: skip
    which.add_parser("list", parents=[common], help="the recorded jobs, newest first")
    batch.set_defaults(run="_batch")


def _credits(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of credits >= 0, got {text!r}")
    return value


def _seconds(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return int(text)


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {text!r}") from None


def build() -> Parser:
    """The ``zaguan`` parser."""
    parser = Parser(
        prog="zaguan",
        description="Zaguan CoreX from the terminal: one API in front of 15+ AI providers.",
        epilog=_ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"zaguan-corex {__version__}")
    _global_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _common()
    _add_chat(commands, common)
    _add_listings(commands, common)
    _add_credits(commands, common)
    _add_run(commands, common)
    _add_batch(commands, common)
    # Its options are the local server's own (`zaguan local --help` shows them): `main` hands
    # everything after `local` to it, unparsed.
    commands.add_parser("local", add_help=False, help="run a local CoreX for tests and demos")
    return parser
