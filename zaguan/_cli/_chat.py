"""``zaguan chat``: one question, the answer printed whole or as it arrives.

As ``llm`` does: the prompt is the argument, the text piped in, or both (the piped text first,
as the material the prompt is about: ``cat notes.txt | zaguan chat "Summarise"``); the model
is ``-m``, else ``$ZAGUAN_MODEL``; on a terminal the answer streams unless ``--no-stream``,
and into a pipe it comes whole unless ``--stream`` (``--json`` never streams unasked: the
shape of a script's input does not depend on where it runs).
"""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from typing import Any, TextIO

from .._streams._shells import Stream
from ._connect import client
from ._errors import CommandError
from ._output import emit_json, emit_json_line
from ._parser import USAGE_ERROR

MODEL_ENV = "ZAGUAN_MODEL"
"""The environment variable naming the model when ``-m`` is not given."""


def run(args: Namespace) -> int:
    """Ask ``args.model`` the prompt; print the answer (or JSON)."""
    model = args.model or os.environ.get(MODEL_ENV)
    if not model:
        raise _usage(f"no model: pass -m/--model or set {MODEL_ENV}")
    fields: dict[str, Any] = {"model": model, "messages": _messages(args, sys.stdin)}
    with client(args) as zaguan:
        if _streams(args, sys.stdout):
            _stream(zaguan.chat_stream(**fields), as_json=args.json)
            return 0
        completion = zaguan.chat(**fields)
    if args.json:
        emit_json(completion.to_dict())
    else:
        message = completion.choices[0].message if completion.choices else None
        print((message.content or message.refusal or "") if message else "")
    return 0


def _usage(problem: str) -> CommandError:
    return CommandError(f"zaguan chat: error: {problem} (see 'zaguan chat --help')", USAGE_ERROR)


def _streams(args: Namespace, stdout: TextIO) -> bool:
    if args.stream is not None:
        return bool(args.stream)
    return not args.json and stdout.isatty()


def _messages(args: Namespace, stdin: TextIO | None) -> list[dict[str, str]]:
    system = [] if args.system is None else [{"role": "system", "content": _text(args.system)}]
    return [*system, {"role": "user", "content": _prompt(args.prompt, stdin)}]


def _text(argument: str) -> str:
    # Bytes of an argument that are not text in the locale's encoding reach Python as lone
    # surrogates ("\udcff"), which no JSON body can carry.
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        raise _usage("an argument is not text in this terminal's encoding") from None
    return argument


def _prompt(given: str | None, stdin: TextIO | None) -> str:
    """The user message: the text piped into ``stdin`` (its final line breaks dropped), then a
    blank line and ``given``; either alone; a usage error when there is neither."""
    piped = None if stdin is None or stdin.isatty() else _read(stdin).rstrip("\r\n")
    parts = [text for text in (piped, given and _text(given)) if text]
    if not parts:
        raise _usage(
            'no prompt: give one (zaguan chat "Hello" -m MODEL) '
            "or pipe it in (echo Hello | zaguan chat -m MODEL)"
        )
    return "\n\n".join(parts)


def _read(stdin: TextIO) -> str:
    # Decoded here, strictly, so that bytes that are not text in stdin's encoding are one clear
    # line instead of a traceback, and never silently replaced in the prompt that is sent.
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes beneath (sys.stdin replaced)
        return stdin.read()
    data: bytes = buffer.read()
    encoding = stdin.encoding or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _usage(
            f"the text piped in is not {encoding} (byte {data[exc.start]:#04x} at offset "
            f"{exc.start}); set PYTHONIOENCODING to its encoding"
        ) from None


def _stream(stream: Stream, *, as_json: bool) -> None:
    # Flushed piece by piece: a pipe or a file is block-buffered, and the point of a stream
    # is to see the answer as it comes. Ctrl-C leaves through the `with`, which closes the
    # connection at once.
    with stream:
        if as_json:
            for chunk in stream:
                emit_json_line(chunk.to_dict())
            return
        try:
            for text in stream.text_stream:
                sys.stdout.write(text)
                sys.stdout.flush()
        finally:
            print()  # the answer's line ends, also when an error or Ctrl-C cut it short
