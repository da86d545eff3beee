"""Many requests from a file, each charged once: the bulk runner behind ``zaguan run``.

>>> import zaguan.bulk
>>> summary = zaguan.bulk.run("prompts.jsonl", "answers.jsonl", endpoint="chat")
>>> summary.done, summary.failed, summary.credits

The input is JSON Lines, one request per line: OpenAI's Batch API request lines
(``{"custom_id", "method", "url", "body"}``) or bare request bodies sent to ``endpoint``. The
output gets one Batch API output line per input line (``{"id", "custom_id", "response":
{"status_code", "request_id", "body"}, "error"}``), written as each answer arrives. Each line's
request id derives from the run's id and its ``custom_id``, so ``resume=True`` after a crash
or Ctrl-C sends only what is missing, and a line whose answer was lost is answered from
CoreX's record, not charged again. `arun` is the runner (asyncio); `run` wraps it for code
without an event loop.

The pieces are public for other engines that process the same files (the Ray stage, CoreX's
server-side batches): `parse_line` / `line_of` read a line into a `Line`, `send_line` sends
one under its derived request id and gives its `LineResult`, whose ``record()`` is the output
line. Importing this package costs nothing to ``import zaguan``.
"""

from .._errors import BulkInputError
from ._lines import Line, line_of, parse_line
from ._progress import Progress, StopReason
from ._runner import RunOptions, arun
from ._send import LineResult, send_line
from ._sync import run

__all__ = [
    "BulkInputError",
    "Line",
    "LineResult",
    "Progress",
    "RunOptions",
    "StopReason",
    "arun",
    "line_of",
    "parse_line",
    "run",
    "send_line",
]
