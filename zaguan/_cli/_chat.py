"""``zaguan chat``: one question, the answer printed whole or as it arrives."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import Any

from .._streams._shells import Stream
from ._connect import client
from ._output import emit_json, emit_json_line


def run(args: Namespace) -> int:
    """Ask ``args.model`` ``args.prompt``; print the answer (or JSON)."""
    fields: dict[str, Any] = {"model": args.model, "messages": _messages(args)}
    with client(args) as zaguan:
        if args.stream:
            _stream(zaguan.chat_stream(**fields), as_json=args.json)
            return 0
        completion = zaguan.chat(**fields)
    if args.json:
        emit_json(completion.to_dict())
    else:
        message = completion.choices[0].message if completion.choices else None
        print((message.content or message.refusal or "") if message else "")
    return 0


def _messages(args: Namespace) -> list[dict[str, str]]:
    system = [{"role": "system", "content": args.system}] if args.system is not None else []
    return [*system, {"role": "user", "content": args.prompt}]


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
