"""The ``zaguan`` logger: one DEBUG line per attempt, never a body or a header."""

from __future__ import annotations

import logging
import os

logger = logging.getLogger("zaguan")


def setup_from_env() -> None:
    """``ZAGUAN_LOG=debug`` (or ``info``) sends the SDK's records to stderr."""
    level = os.environ.get("ZAGUAN_LOG", "").upper()
    if level not in ("DEBUG", "INFO") or logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def log_attempt(
    method: str, path: str, status: int | str, request_id: str, *, started: float, now: float
) -> None:
    """Record one HTTP attempt: what, where, how it ended, which request id, how long."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %s request_id=%s latency_ms=%.1f",
            method, path, status, request_id, (now - started) * 1000,
        )  # fmt: skip
