"""The client every command uses, configured from the command line and the environment."""

from __future__ import annotations

from argparse import Namespace

from .._client import ZaguanClient


def client(args: Namespace) -> ZaguanClient:
    """A client for ``--base-url`` (else ``$ZAGUAN_BASE_URL``) with ``$ZAGUAN_API_KEY``."""
    return ZaguanClient(base_url=args.base_url)
