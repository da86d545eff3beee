"""The client every command uses, configured from the command line and the environment.

The library words its configuration mistakes for Python code ("pass api_key= to the client");
here they name what a command line user sets instead: ``ZAGUAN_API_KEY``, and ``--base-url``
or ``ZAGUAN_BASE_URL`` (whichever gave the URL). Its warnings become one line each.
"""

from __future__ import annotations

import sys
import warnings
from argparse import Namespace

from .._client import ZaguanClient
from .._config import API_KEY_ENV, BASE_URL_ENV
from .._errors import ConfigurationError
from ._errors import CommandError
from ._parser import USAGE_ERROR


def client(args: Namespace) -> ZaguanClient:
    """A client for ``--base-url`` (else ``$ZAGUAN_BASE_URL``) with ``$ZAGUAN_API_KEY``."""
    url_from = "--base-url" if args.base_url is not None else BASE_URL_ENV
    with warnings.catch_warnings(record=True) as caught:
        try:
            made = ZaguanClient(base_url=args.base_url)
        except ConfigurationError as exc:
            message = f"zaguan: {for_command_line(str(exc), url_from)}"
            raise CommandError(message, USAGE_ERROR) from None
    for warning in caught:
        print(
            f"zaguan: warning: {for_command_line(str(warning.message), url_from)}", file=sys.stderr
        )
    return made


def for_command_line(message: str, url_from: str) -> str:
    """The library's ``message`` in a command line's words, the URL's setting ``url_from``."""
    words = (
        (f"pass api_key= to the client or set {API_KEY_ENV} in the environment",
         f"set {API_KEY_ENV} in the environment"),
        ("The API key", API_KEY_ENV),
        ("base_url", url_from),
    )  # fmt: skip
    for library, command_line in words:
        message = message.replace(library, command_line)
    return message
