"""What a batch job does, without doing its I/O: each operation is a generator that yields the
calls it needs (`Call`, `Sleep`, `Blocking`) and is sent back their results (or has their
exception thrown in). `BatchJob` drives them with a `ZaguanClient`, `AsyncBatchJob` with an
`AsyncZaguanClient` (`_drive`): the two differ by ``await`` and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .._config import check_seconds
from .._errors import (
    APIResponseValidationError,
    BatchJobError,
    ConfigurationError,
    NotFoundError,
)
from .._request import derive_request_id
from ..bulk import Progress
from ..bulk._input import check_input, read_lines
from ..bulk._progress import Tally
from ._outputs import NEVER_RAN, Result, anthropic_records, never_ran, openai_records
from ._record import JobBatch, JobRecord, record_dir, recording, save_record
from ._split import Chunk, check_custom_id, split

if TYPE_CHECKING:
    from zaguan_corex_client.models.batch_create_request_completion_window import (
        BatchCreateRequestCompletionWindow as Window,
    )
    from zaguan_corex_client.models.batch_endpoint import BatchEndpoint

__all__ = [
    "BatchState", "Blocking", "Call", "JobStatus", "Sleep", "Steps", "cancel", "results",
    "status", "submit", "wait",
]  # fmt: skip

_OPENAI_ENDED = frozenset({"completed", "expired", "cancelled", "failed"})


@dataclass(frozen=True, slots=True)
class Call:
    """``client.<method>(*args, **kwargs)``; ``raw``: its `RawResponse` (``raw``/``araw``)."""

    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] | None = None
    raw: bool = False


@dataclass(frozen=True, slots=True)
class Sleep:
    seconds: float


@dataclass(frozen=True, slots=True)
class Blocking:
    """Local work that may take seconds (a file read whole): a thread of its own when async."""

    function: Callable[[], Any]


Steps = Generator[Call | Sleep | Blocking, Any, Any]


@dataclass(frozen=True, slots=True)
class BatchState:
    """Where one batch of a job stands."""

    id: str
    api: str
    status: str
    """The server's own: OpenAI's ``validating`` ... ``completed``, Anthropic's
    ``in_progress``, ``canceling``, ``ended``."""
    total: int
    completed: int
    failed: int
    """Lines done with an error (expired and cancelled ones included, once counted)."""
    ended: bool


@dataclass(frozen=True, slots=True)
class JobStatus:
    """Where a job stands: its batches, and their ``request_counts`` summed."""

    job_id: str
    batches: tuple[BatchState, ...]
    total: int
    completed: int
    failed: int

    @property
    def finished(self) -> bool:
        """Whether every batch has ended (completed, expired, cancelled or failed)."""
        return all(batch.ended for batch in self.batches)

    def progress(self, elapsed: float = 0.0) -> Progress:
        """As `zaguan.bulk.Progress`, for its bars and callbacks."""
        done = self.completed + self.failed
        return Progress(self.total, done, self.failed, elapsed=elapsed, finished=self.finished)


def _state(batch: JobBatch) -> Generator[Call, Any, tuple[BatchState, Any]]:
    if batch.api == "anthropic":
        found = yield Call("get_messages_batch", (batch.id,))
        counts = found.request_counts
        failed = counts.errored + counts.canceled + counts.expired
        status = found.processing_status
        ended = status == "ended"
        return BatchState(
            batch.id, batch.api, status, batch.lines, counts.succeeded, failed, ended
        ), found
    found = yield Call("get_batch", (batch.id,))
    counts = found.request_counts
    return BatchState(
        batch.id, batch.api, found.status, batch.lines, counts.completed, counts.failed,
        found.status in _OPENAI_ENDED,
    ), found  # fmt: skip


def status(record: JobRecord) -> Steps:
    """Every batch read once (a read may move a local CoreX's batch on one step)."""
    states = []
    for batch in record.batches:
        state, _ = yield from _state(batch)
        states.append(state)
    completed, failed = sum(s.completed for s in states), sum(s.failed for s in states)
    return JobStatus(record.id, tuple(states), record.lines, completed, failed)


def wait(
    record: JobRecord,
    poll_interval: float,
    max_interval: float,
    timeout: float | None,
    on_progress: Callable[[Progress], object] | None,
) -> Steps:
    """Poll with backoff until every batch has ended (see `BatchJob.wait`)."""
    for value, name in ((poll_interval, "poll_interval"), (max_interval, "max_interval")):
        if value is None:
            raise ConfigurationError(f"{name} must be a positive number of seconds, got None")
        check_seconds(value, name)
    check_seconds(timeout, "timeout")
    started = time.monotonic()
    delay = poll_interval
    while True:
        now = yield from status(record)
        elapsed = time.monotonic() - started
        if on_progress is not None:
            on_progress(now.progress(elapsed))
        if now.finished:
            return now
        if timeout is not None and elapsed + delay > timeout:
            raise BatchJobError(f"job {record.id} has not ended after {timeout:g} s")
        yield Sleep(delay)
        delay = min(delay * 1.5, max_interval)


def cancel(record: JobRecord) -> Steps:
    """Cancel every batch (one that has ended is left as it is), then read them."""
    for batch in record.batches:
        method = "cancel_messages_batch" if batch.api == "anthropic" else "cancel_batch"
        yield Call(method, (batch.id,))
    return (yield from status(record))


def results(record: JobRecord, output: str | os.PathLike[str]) -> Steps:
    """Write the job's output lines in input order (see `BatchJob.results`)."""
    target = Path(output)
    if target.exists():
        raise BatchJobError(f"{target} exists: choose another output")
    source = Path(record.input)
    yield Blocking(lambda: _check_input(record, source))
    tally = Tally(record.lines, 0, 0.0)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:

            def emit(found: Result) -> None:
                file.write(found[0])
                tally.written(found[1], found[2])

            yield from _merged(record, source, emit)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return tally.snapshot(finished=True)


def _check_input(record: JobRecord, source: Path) -> None:
    digest = hashlib.sha256()
    try:
        with source.open("rb") as file:
            while block := file.read(1 << 20):
                digest.update(block)
    except OSError as exc:
        raise BatchJobError(f"job {record.id}: its input {source} cannot be read: {exc}") from None
    if digest.hexdigest() != record.input_sha256:
        raise BatchJobError(
            f"job {record.id}: {source} has changed since it was submitted (its results are put "
            "back in its order)"
        )


def _merged(
    record: JobRecord, source: Path, emit: Callable[[Result], None]
) -> Generator[Call, Any, None]:
    """``emit`` each record in input order: each endpoint's batches are fetched as their lines
    come, one at a time (they take that endpoint's lines in order)."""
    queues: dict[str, list[JobBatch]] = {}
    for batch in record.batches:
        queues.setdefault(batch.url, []).append(batch)
    loaded: dict[str, tuple[JobBatch, dict[str, Result], str | None, list[int]]] = {}
    for line in read_lines(source, record.endpoint):
        current = loaded.get(line.url)
        if current is None:
            if not queues.get(line.url):
                raise BatchJobError(f"job {record.id}: line {line.number} is in no batch")
            batch = queues[line.url].pop(0)
            records, why = yield from _fetch(batch)
            current = loaded[line.url] = (batch, records, why, [batch.lines])
        batch, records, why, left = current
        found = records.pop(line.custom_id, None)
        if found is None:
            if why is None:
                raise BatchJobError(
                    f"batch {batch.id}: no result for custom_id {line.custom_id!r} (a result "
                    "file cut short?)"
                )
            found = never_ran(batch.id, line.custom_id, why)
        emit(found)
        left[0] -= 1
        if left[0] == 0:
            del loaded[line.url]


def _fetch(batch: JobBatch) -> Generator[Call, Any, tuple[dict[str, Result], str | None]]:
    """A batch's records by custom_id, and why lines without one never ran (None: every line
    must have one)."""
    state, found = yield from _state(batch)
    if not state.ended:
        raise BatchJobError(f"batch {batch.id} is still {state.status}: wait() for it first")
    if batch.api == "anthropic":
        try:
            answer = yield Call("get_messages_batch_results", (batch.id,), raw=True)
        except APIResponseValidationError as exc:  # a line the SDK could not read
            raise BatchJobError(
                f"batch {batch.id}: its results file is unreadable: {exc}"
            ) from None
        return anthropic_records(batch.id, answer.http_response.content, batch.lines), None
    files = {}
    for what, file_id in (("output file", found.output_file_id),
                          ("error file", found.error_file_id)):  # fmt: skip
        if file_id is None:
            continue
        try:
            files[what] = bytes((yield Call("get_file_content", (file_id,))))
        except NotFoundError:
            raise BatchJobError(f"batch {batch.id}: its {what} {file_id} is missing") from None
    counted = state.completed + state.failed
    if counted and not files:
        raise BatchJobError(f"batch {batch.id}: {counted:,} lines ran but it has no result file")
    why = found.status if found.status in NEVER_RAN else None
    return openai_records(batch.id, files, counted), why


def submit(
    input: str | os.PathLike[str],
    url: str | None,
    completion_window: Window,
    metadata: Mapping[str, str] | None,
    *,
    record: bool | None,
    made: Callable[[JobRecord], None],
) -> Steps:
    """Check ``input``, then create its batches; ``made`` is told the job's record as it grows
    (see `zaguan.batch.submit`)."""
    source = Path(input)
    facts = yield Blocking(lambda: check_input(source, url, each=check_custom_id))
    job = JobRecord(
        f"job_{uuid.uuid4().hex}", int(time.time()), str(source.resolve()), facts.size,
        facts.sha256, facts.lines, url,
    )  # fmt: skip
    made(job)
    keep = recording() if record is None else record
    folder = record_dir()
    for number, chunk in enumerate(split(read_lines(source, url))):
        batch = yield from _create(job.id, number, chunk, completion_window, metadata)
        job = replace(job, batches=(*job.batches, batch))
        made(job)
        if keep:  # after each batch: a crash leaves a record of what was submitted
            save_record(job, folder)
    return job


def _create(
    job_id: str,
    number: int,
    chunk: Chunk,
    completion_window: Window,
    metadata: Mapping[str, str] | None,
) -> Generator[Call, Any, JobBatch]:
    """One batch, created under request ids derived from the job's: a retry makes no other."""
    if chunk.api == "anthropic":
        requests = [json.loads(item) for item in chunk.items]
        request_id = derive_request_id(job_id, f"batch-{number}")
        body = {"requests": requests}
        created = yield Call(
            "request", ("POST", "/v1/messages/batches"), {"body": body, "request_id": request_id}
        )
        if not isinstance(created, dict) or not isinstance(created.get("id"), str):
            raise BatchJobError(f"job {job_id}: CoreX answered a message batch without its id")
        return JobBatch(created["id"], "anthropic", chunk.url, len(chunk.items))
    upload = {
        "file": (f"{job_id}-{number}.jsonl", b"".join(chunk.items)), "purpose": "batch",
        "request_id": derive_request_id(job_id, f"file-{number}"),
    }  # fmt: skip
    uploaded = yield Call("create_file", (), upload)
    fields = {
        "input_file_id": uploaded.id, "endpoint": cast("BatchEndpoint", chunk.url),
        "completion_window": completion_window,
        "metadata": {**(metadata or {}), "zaguan_job": job_id},
        "request_id": derive_request_id(job_id, f"batch-{number}"),
    }  # fmt: skip
    created_batch = yield Call("create_batch", (), fields)
    return JobBatch(created_batch.id, "openai", chunk.url, len(chunk.items))
