"""`CoreXStage`: the callable class `Dataset.map_batches` runs on each of its actors.

Each actor makes its own `AsyncZaguanClient` from picklable settings (the key stays out of the
stage's repr and errors), and sends the rows of every batch Ray gives it at most
``max_in_flight`` at a time, in Ray's event loop for async stages (one per actor, alive as long
as the actor). A row is read into a `zaguan.bulk.Line` by `zaguan.bulk.line_of` and sent by
`zaguan.bulk.send_line`: the same request ids, records and errors as ``zaguan run``.

The job's rate budget is split between the actors (`share`): each client keeps
``rate_limit / workers``, and follows CoreX's ``x-ratelimit-*`` headers and 429s, which count
the whole key. Why a split and not one limiter actor: docs/ray.md ("One budget for the job").
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import math
from collections.abc import Mapping
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no types

from .._async_client import AsyncZaguanClient
from .._errors import BulkInputError, ConfigurationError
from .._ratelimit import RateLimit
from .._request import check_request_id, derive_request_id
from ..bulk._lines import Line, _no_constant, endpoint_url, line_of
from ..bulk._records import record_id
from ..bulk._send import LineResult, send_line

__all__ = ["OUTPUT_SCHEMA", "CoreXStage", "line_of_row", "share"]

OUTPUT_SCHEMA: Final[Any] = pa.schema(
    [
        ("id", pa.string()),
        ("custom_id", pa.string()),
        ("status_code", pa.int64()),
        ("request_id", pa.string()),
        ("body", pa.string()),
        ("error_code", pa.string()),
        ("error_message", pa.string()),
        ("credits", pa.float64()),
    ]
)
"""The columns `CoreXStage` returns: the Batch API output line's fields (``body`` as JSON
text, ``error`` as its ``code`` and ``message``), and the credits the answer debited. A column
is null where the output line's field is (no answer: no ``status_code`` nor ``body``)."""

# Settings the stage takes by name, or cannot take: a pool (``http_client``) is not picklable
# and belongs to one process.
_NAMED: Final = frozenset({"api_key", "base_url", "rate_limit", "http_client"})
_MAX_IN_FLIGHT: Final = 1000


class CoreXStage:
    """Sends each row of a batch to CoreX and returns the answers as columns (`OUTPUT_SCHEMA`),
    one row per row, in order: pass the class to ``Dataset.map_batches`` with these keyword
    arguments as ``fn_constructor_kwargs`` (picklable), and ``batch_format="pyarrow"`` (pandas
    and numpy batches are read too).

    ``run_id`` (required): the job's id, the same on every actor and every retry. A row's
    request id is ``derive_request_id(run_id, custom_id)``, so a row sent again (a task Ray
    retries, the job run again) is answered from CoreX's record, not charged again.
    ``endpoint``: where bare request bodies go (``"chat"``, ``"embeddings"``, ``"messages"``
    or the path). A row with a ``body`` column is a Batch API request line (``custom_id``,
    ``method``, ``url``, ``body``); any other is a bare body, its ``custom_id`` column its id
    and the other columns the body. ``body`` may be JSON text (sent as it is) or a struct, whose
    null fields are left out (Arrow gives every row all of a column's fields).
    ``rate_limit``: the whole job's budget, split evenly between ``workers`` actors (the
    pool's size, or its ``max_size``). ``api_key`` and ``base_url`` default to the workers'
    ``ZAGUAN_API_KEY`` and ``ZAGUAN_BASE_URL``; ``client_options`` are further
    `AsyncZaguanClient` settings (``timeout``, ``max_retries``, ``default_headers``, ...).
    ``deadline`` bounds each row, retries included; ``max_in_flight`` the requests each actor
    has in flight (default 16).

    A row that fails (a refused request, a timeout, a row that is no request) gets its error
    in ``error_code`` and ``error_message`` and the job goes on. ``custom_id`` must be unique
    in a run: a repeat is answered from the first's record, or refused (409) if its body differs.
    """

    def __init__(
        self,
        *,
        run_id: str,
        endpoint: str | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        rate_limit: RateLimit | None = None,
        workers: int = 1,
        max_in_flight: int = 16,
        deadline: float | None = None,
        client_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.run_id = check_request_id(run_id)
        self.endpoint = None if endpoint is None else endpoint_url(endpoint)
        _check_count("max_in_flight", max_in_flight, _MAX_IN_FLIGHT)
        self.deadline = _checked_deadline(deadline)
        options = dict(client_options or {})
        named = sorted(_NAMED & options.keys())
        if named:
            raise ConfigurationError(
                f"CoreXStage takes {', '.join(named)} as its own arguments, not in "
                "client_options (http_client: each actor makes its own pool)"
            )
        # Made here, so that a wrong setting fails the actor's start with its own message; it
        # connects on its first call, in Ray's event loop.
        self._client = AsyncZaguanClient(
            api_key, base_url=base_url, rate_limit=share(rate_limit, workers), **options
        )
        self._gate = asyncio.Semaphore(max_in_flight)

    def __repr__(self) -> str:  # never the key
        return (
            f"CoreXStage(run_id={self.run_id!r}, endpoint={self.endpoint!r}, "
            f"base_url={str(self._client.base_url)!r})"
        )

    async def __call__(self, batch: Any) -> Any:
        """The answers to the rows of ``batch`` (a pyarrow Table, a pandas DataFrame or a
        mapping of columns), as a pyarrow Table of `OUTPUT_SCHEMA`, in the rows' order."""
        rows = await asyncio.gather(*(self._answer(row) for row in _rows(batch)))
        return pa.Table.from_pylist(rows, schema=OUTPUT_SCHEMA)

    async def _answer(self, row: dict[str, Any]) -> dict[str, Any]:
        try:
            line = line_of_row(row, self.endpoint)
        except BulkInputError as exc:
            return _refused(row, self.run_id, exc)
        async with self._gate:
            result = await send_line(self._client, line, self.run_id, deadline=self.deadline)
        return _columns(result)


def share(limit: RateLimit | None, workers: int) -> RateLimit | None:
    """Each of ``workers`` actors' part of the job's ``limit``: its rates divided evenly."""
    _check_count("workers", workers, None)
    if limit is None:
        return None
    if not isinstance(limit, RateLimit):
        raise ConfigurationError(f"rate_limit must be a RateLimit or None, got {limit!r}")
    rates = (limit.requests_per_minute, limit.tokens_per_minute)
    return RateLimit(*(None if rate is None else rate / workers for rate in rates))


def line_of_row(row: Mapping[str, Any], endpoint: str | None) -> Line:
    """The `Line` of one row: a Batch API request line when it has a ``body`` column, else a
    bare body sent to ``endpoint`` under the row's ``custom_id``; read by `line_of`, after a
    ``body`` of JSON text is decoded and a struct's null fields are left out."""
    values = {name: _present(value) for name, value in row.items() if value is not None}
    custom_id = _custom_id(values.pop("custom_id", None))
    if "body" in row:
        body = row["body"]
        values["body"] = _decoded(body) if isinstance(body, str) else _present(body)
        return line_of({"custom_id": custom_id, **values}, 0, endpoint)
    line = line_of(values, 0, endpoint)
    if custom_id is None:
        raise BulkInputError([(None, "a row of a bare request body needs a custom_id column")])
    return dataclasses.replace(line, custom_id=custom_id)


def _custom_id(value: object) -> Any:
    """An integer id as its text (a Parquet column of numbers); anything else as it is, for
    `line_of` to judge."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _decoded(text: str) -> object:
    """A body of JSON text, decoded by the rules of input lines (no NaN, bounded depth)."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        reason = "nested too deeply"
    except ValueError as exc:  # JSONDecodeError, NaN or Infinity
        reason = str(exc)
    raise BulkInputError([(None, f"body is not JSON: {reason}")])


def _present(value: object) -> Any:
    """``value`` without the null fields of its objects (at every depth)."""
    if isinstance(value, dict):
        return {key: _present(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_present(item) for item in value]
    return value


def _rows(batch: Any) -> list[dict[str, Any]]:
    if isinstance(batch, pa.Table):
        table = batch
    elif type(batch).__module__.partition(".")[0] == "pandas":
        table = pa.Table.from_pandas(batch, preserve_index=False)
    elif isinstance(batch, Mapping):
        table = pa.table(dict(batch))
    else:
        raise TypeError(
            "CoreXStage reads pyarrow Tables, pandas DataFrames or mappings of columns "
            f'(map_batches(..., batch_format="pyarrow")), got {type(batch).__name__}'
        )
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _columns(result: LineResult) -> dict[str, Any]:
    return {
        "id": record_id(result.request_id),
        "custom_id": result.custom_id,
        "status_code": result.status_code,
        "request_id": result.request_id,
        "body": None if result.body is None else result.body.decode("utf-8", "surrogatepass"),
        "error_code": result.error_code,
        "error_message": result.error_message,
        "credits": result.credits,
    }


def _refused(row: Mapping[str, Any], run_id: str, error: BulkInputError) -> dict[str, Any]:
    """The output row of a row that is no request: nothing sent, nothing charged."""
    custom_id = _custom_id(row.get("custom_id"))
    known = isinstance(custom_id, str) and bool(custom_id)
    request_id = derive_request_id(run_id, custom_id) if known else None
    return {
        "id": None if request_id is None else record_id(request_id),
        "custom_id": custom_id if known else None,
        "status_code": None,
        "request_id": request_id,
        "body": None,
        "error_code": type(error).__name__,
        "error_message": "; ".join(text for _, text in error.problems),
        "credits": 0.0,
    }


def _check_count(name: str, value: object, most: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{name} must be a positive integer, got {value!r}")
    if most is not None and value > most:
        raise ConfigurationError(f"{name} must be at most {most}, got {value!r}")


def _checked_deadline(deadline: object) -> float | None:
    if deadline is None:
        return None
    if isinstance(deadline, bool) or not isinstance(deadline, int | float):
        raise ConfigurationError(f"deadline must be a number of seconds, got {deadline!r}")
    if not 0 < deadline < math.inf:
        raise ConfigurationError(f"deadline must be positive and finite, got {deadline!r}")
    return float(deadline)
