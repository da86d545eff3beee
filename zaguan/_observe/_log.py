"""The SDK's loggers; never a body, a header or a key.

- ``zaguan``: INFO, each retry (attempt n of m, delay, reason, request id), each call's
  final failure and each 429 that pauses a rate limit; DEBUG, one line per attempt (method,
  path, outcome, request id, latency) and per wait for a rate limit.
- ``zaguan.hooks``: WARNING, a caller's hook that raised (`_hooks`).

``ZAGUAN_LOG=info`` or ``debug`` sends both to stderr. `SecretFilter` masks what looks like a
credential in every record of both, in case an error text ever quotes one.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Final

logger = logging.getLogger("zaguan")

# "Bearer <token>", and the key shapes CoreX and the providers use (zk-..., sk-...).
_SECRET: Final = re.compile(r"(?i)(bearer\s+)\S+|\b(?:zk|sk)-[A-Za-z0-9_-]{6,}")


class SecretFilter(logging.Filter):
    """Masks credentials in a record's message (formatted once, args dropped)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _SECRET.sub(lambda m: (m.group(1) or "") + "***", message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


for _name in ("zaguan", "zaguan.hooks"):
    logging.getLogger(_name).addFilter(SecretFilter())


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


def log_retry(
    method: str, path: str, reason: str, request_id: str, *, attempt: int, of: int, delay: float
) -> None:
    """Record a scheduled retry: which attempt failed, why, and how long until the next."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "%s %s attempt %d of %d failed (%s); retrying in %.2f s request_id=%s",
            method, path, attempt, of, reason, delay, request_id,
        )  # fmt: skip


def log_failure(method: str, path: str, error: BaseException, request_id: str) -> None:
    """Record a call's final failure: the exception the caller gets (its text is masked)."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "%s %s failed: %s: %s request_id=%s",
            method, path, type(error).__name__, error, request_id,
        )  # fmt: skip


def log_rate_wait(method: str, path: str, delay: float, request_id: str) -> None:
    """Record that a call waits for its client's rate limit before an attempt."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s waits %.2f s for the rate limit request_id=%s", method, path, delay, request_id
        )


def log_rate_pause(method: str, path: str, pause: float, request_id: str) -> None:
    """Record a 429 that holds every caller of a rate limit."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "%s %s was rate limited (429): every call of this rate limit waits %.2f s "
            "request_id=%s",
            method, path, pause, request_id,
        )  # fmt: skip
