"""A command's expected failures and the exit statuses the command line reports."""

from __future__ import annotations

API_ERROR = 1
"""The exit status when CoreX refused the request or could not be reached."""
FAILED_LINES = 3
"""``zaguan run`` and ``zaguan batch results``: every line was written, some with an error."""
OVER_BUDGET = 4
"""``zaguan run``: it stopped at ``--max-credits``."""
INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as shells report it."""


class CommandError(Exception):
    """An expected failure of a command: its message is printed alone, with ``status``."""

    def __init__(self, message: str, status: int = API_ERROR) -> None:
        super().__init__(message)
        self.status = status
