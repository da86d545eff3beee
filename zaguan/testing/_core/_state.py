"""What one local CoreX server remembers: its keys and their ledgers, attempts, faults."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping
from typing import Any

from .._catalog._models import TIER_BANDS
from .._credits._ledger import Clock, Ledger, system_clock
from .._messages._batch_store import BatchStore
from .._openai_batches._file_store import FileStore
from .._openai_batches._store import OpenAIBatchStore
from ._errors import ApiError
from ._faults import Fault, parse_fault
from ._ratelimits import RateLimits, RateLimitSpec, check_rate_limits
from ._uploads import Upload

__all__ = ["DEFAULT_API_KEY", "DEFAULT_CREDITS", "FREE_API_KEY", "CoreXState", "Dropper"]

#: The default key: tier `pro` (bands A and B).
DEFAULT_API_KEY = "zk-local-pro"
#: A second key configured by default: tier `free` (band A only).
FREE_API_KEY = "zk-local-free"
DEFAULT_CREDITS = 10_000

#: Closes the connection a request arrived on, given its ASGI scope; False if it cannot.
Dropper = Callable[[Mapping[str, Any]], bool]


class CoreXState:
    """The mutable state of one server; every method is thread-safe.

    What the server learns while it runs (ledgers, attempts, request ids, the server-wide fault
    set later) is made in `reset`, never in `__init__`, so that `reset` restores all of it: a
    test proves every attribute outside `CONFIG_ATTRIBUTES` is replaced by `reset`.
    """

    #: What `reset` keeps: the options the state was built with and the server's plumbing.
    CONFIG_ATTRIBUTES = frozenset(
        {"clock", "dropper", "_keys", "_credits", "_initial_fault", "_lock", "_rate_limits"}
    )

    def __init__(
        self,
        api_keys: Mapping[str, str] | None = None,
        *,
        credits: int = DEFAULT_CREDITS,
        fault: str | Fault | None = None,
        clock: Clock | None = None,
        rate_limits: Mapping[str, RateLimitSpec] | None = None,
    ) -> None:
        keys = (
            dict(api_keys)
            if api_keys is not None
            else {DEFAULT_API_KEY: "pro", FREE_API_KEY: "free"}
        )
        if not keys:
            raise ValueError("at least one API key is needed")
        unknown = {tier for tier in keys.values() if tier not in TIER_BANDS}
        if unknown:
            raise ValueError(f"unknown tier(s) {sorted(unknown)}; known: {sorted(TIER_BANDS)}")
        self.clock = clock or system_clock
        self.dropper: Dropper | None = None
        self._keys = keys
        self._credits = credits
        self._initial_fault = parse_fault(fault) if isinstance(fault, str) else fault
        self._rate_limits = check_rate_limits(rate_limits, keys)
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget every request: fresh ledgers, no attempts, ids from 1, the initial fault.

        New objects replace the old ones, so a request still in flight (a slow one from the
        previous test) finishes against the old ledger and cannot debit the fresh one.
        """
        with self._lock:
            self.ledgers = {
                key: Ledger(self._credits, tier, self.clock) for key, tier in self._keys.items()
            }
            self._fault = self._initial_fault
            self._attempts: dict[str, int] = {}
            self._ids = itertools.count(1)
            self.batches = BatchStore()
            self.files = FileStore()
            self.openai_batches = OpenAIBatchStore()
            self._uploads: dict[str, list[Upload]] = {}
            self.rate_limits = RateLimits(self._rate_limits, self.clock)

    @property
    def fault(self) -> Fault | None:
        """The server-wide fault, for requests that name none (never applied to `/health`)."""
        return self._fault

    @fault.setter
    def fault(self, fault: str | Fault | None) -> None:
        self._fault = parse_fault(fault) if isinstance(fault, str) else fault

    def new_request_id(self) -> str:
        with self._lock:
            return f"req_local_{next(self._ids):06d}"

    def count_attempt(self, request_id: str) -> int:
        """Count one more request carrying `request_id`; return its 1-based attempt number."""
        with self._lock:
            attempt = self._attempts.get(request_id, 0) + 1
            self._attempts[request_id] = attempt
            return attempt

    def attempts(self, request_id: str) -> int:
        """How many requests arrived with `request_id` (on any endpoint)."""
        with self._lock:
            return self._attempts.get(request_id, 0)

    def record_upload(self, request_id: str, upload: Upload) -> None:
        """Keep what one attempt of a multipart request sent."""
        with self._lock:
            self._uploads.setdefault(request_id, []).append(upload)

    def uploads(self, request_id: str) -> tuple[Upload, ...]:
        """The multipart bodies received with `request_id`, one per attempt, oldest first."""
        with self._lock:
            return tuple(self._uploads.get(request_id, ()))

    def authenticate(self, authorization: str | None) -> Ledger:
        """The ledger of the key in `Authorization: Bearer <key>`, or a 401."""
        scheme, _, key = (authorization or "").partition(" ")
        if not authorization:
            message = "Missing API key: send 'Authorization: Bearer <API_KEY>'"
            raise ApiError(401, message, type="authentication_error", code="invalid_api_key")
        ledger = self.ledgers.get(key.strip()) if scheme.lower() == "bearer" else None
        if ledger is None:
            raise ApiError(
                401, "Invalid API key", type="authentication_error", code="invalid_api_key"
            )
        return ledger
