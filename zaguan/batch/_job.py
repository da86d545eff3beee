"""`BatchJob`: one input file run by CoreX's server-side batches, as one job over one or more
batches of either API; `submit` makes one, `open_job` finds one again from its record."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .._client import ZaguanClient
from .._errors import APIResponseValidationError, BatchJobError, NotFoundError
from .._raw import raw
from .._request import derive_request_id
from ..bulk import Progress
from ..bulk._input import check_input, read_lines
from ..bulk._lines import endpoint_url
from ..bulk._progress import Tally
from ._outputs import NEVER_RAN, Result, anthropic_records, never_ran, openai_records
from ._record import JobBatch, JobRecord, list_records, load_record, record_dir, recording
from ._record import save_record as _save
from ._split import Chunk, check_custom_id, split

if TYPE_CHECKING:
    from zaguan_corex_client.models.batch_create_request_completion_window import (
        BatchCreateRequestCompletionWindow as Window,
    )
    from zaguan_corex_client.models.batch_endpoint import BatchEndpoint

__all__ = ["BatchJob", "BatchState", "JobStatus", "list_jobs", "open_job", "submit"]

_OPENAI_ENDED = frozenset({"completed", "expired", "cancelled", "failed"})


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


class BatchJob:
    """A submitted job: ``status()``, ``wait()``, ``results(output)``, ``cancel()``.

    ``client``: the `ZaguanClient` it calls CoreX with, left open (None: one from
    ``ZAGUAN_API_KEY`` and ``ZAGUAN_BASE_URL`` for each call)."""

    def __init__(self, record: JobRecord, *, client: ZaguanClient | None = None) -> None:
        self.record = record
        self.client = client

    def __repr__(self) -> str:
        return f"BatchJob({self.id!r}, batches={len(self.record.batches)})"

    @property
    def id(self) -> str:
        return self.record.id

    @contextlib.contextmanager
    def _calls(self) -> Iterator[ZaguanClient]:
        if self.client is not None:
            yield self.client
            return
        with ZaguanClient() as made:
            yield made

    def _sleep(self, seconds: float) -> None:
        """Wait between two polls: a method, so that a test replaces it on one job instead of
        patching `time.sleep`, which every thread of the process shares."""
        time.sleep(seconds)

    def _state(self, client: ZaguanClient, batch: JobBatch) -> tuple[BatchState, Any]:
        if batch.api == "anthropic":
            found: Any = client.get_messages_batch(batch.id)
            counts = found.request_counts
            failed = counts.errored + counts.canceled + counts.expired
            ended = found.processing_status == "ended"
            state = BatchState(
                batch.id, batch.api, found.processing_status, batch.lines, counts.succeeded,
                failed, ended,
            )  # fmt: skip
            return state, found
        found = client.get_batch(batch.id)
        counts = found.request_counts
        state = BatchState(
            batch.id, batch.api, found.status, batch.lines, counts.completed, counts.failed,
            found.status in _OPENAI_ENDED,
        )  # fmt: skip
        return state, found

    def status(self) -> JobStatus:
        """Every batch read once (a read may move a local CoreX's batch on one step)."""
        with self._calls() as client:
            states = tuple(self._state(client, batch)[0] for batch in self.record.batches)
        return JobStatus(
            self.id, states, self.record.lines,
            sum(s.completed for s in states), sum(s.failed for s in states),
        )  # fmt: skip

    def wait(
        self,
        *,
        poll_interval: float = 2.0,
        max_interval: float = 60.0,
        timeout: float | None = None,
        on_progress: Callable[[Progress], object] | None = None,
    ) -> JobStatus:
        """Poll until every batch has ended: after ``poll_interval`` seconds, then half as long
        again each time, up to ``max_interval``; ``on_progress`` gets each `Progress`.
        `BatchJobError` when ``timeout`` seconds pass first (the job goes on)."""
        started = time.monotonic()
        delay = poll_interval
        while True:
            status = self.status()
            elapsed = time.monotonic() - started
            if on_progress is not None:
                on_progress(status.progress(elapsed))
            if status.finished:
                return status
            if timeout is not None and elapsed + delay > timeout:
                raise BatchJobError(f"job {self.id} has not ended after {timeout:g} s")
            self._sleep(delay)
            delay = min(delay * 1.5, max_interval)

    def cancel(self) -> JobStatus:
        """Ask CoreX to cancel every batch that has not ended; what finished stays."""
        with self._calls() as client:
            for batch in self.record.batches:
                if batch.api == "anthropic":
                    client.cancel_messages_batch(batch.id)
                else:
                    client.cancel_batch(batch.id)
        return self.status()

    def results(self, output: str | os.PathLike[str]) -> Progress:
        """Write one ``zaguan run`` output line per input line to ``output``, in input order;
        the summary. The input file must be unchanged (its SHA-256 is checked); ``output``
        appears whole or not at all. `BatchJobError` if a batch has not ended or a result file
        is missing or cut short."""
        target = Path(output)
        if target.exists():
            raise BatchJobError(f"{target} exists: choose another output")
        source = Path(self.record.input)
        self._check_input(source)
        tally = Tally(self.record.lines, 0, 0.0)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            with self._calls() as client, temporary.open("wb") as file:
                for record, status, error in self._merged(client, source):
                    file.write(record)
                    tally.written(status, error)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        return tally.snapshot(finished=True)

    def _check_input(self, source: Path) -> None:
        digest = hashlib.sha256()
        try:
            with source.open("rb") as file:
                while block := file.read(1 << 20):
                    digest.update(block)
        except OSError as exc:
            problem = f"job {self.id}: its input {source} cannot be read: {exc}"
            raise BatchJobError(problem) from None
        if digest.hexdigest() != self.record.input_sha256:
            raise BatchJobError(
                f"job {self.id}: {source} has changed since it was submitted (its results are "
                "put back in its order)"
            )

    def _merged(self, client: ZaguanClient, source: Path) -> Iterator[Result]:
        """The records in input order: each endpoint's batches are read as their lines come,
        one at a time (`_split`: they take that endpoint's lines in order)."""
        queues: dict[str, list[JobBatch]] = {}
        for batch in self.record.batches:
            queues.setdefault(batch.url, []).append(batch)
        loaded: dict[str, tuple[JobBatch, dict[str, Result], str | None, list[int]]] = {}
        for line in read_lines(source, self.record.endpoint):
            current = loaded.get(line.url)
            if current is None:
                if not queues.get(line.url):
                    raise BatchJobError(f"job {self.id}: line {line.number} is in no batch")
                batch = queues[line.url].pop(0)
                current = (batch, *self._fetch(client, batch), [batch.lines])
                loaded[line.url] = current
            batch, records, why, left = current
            found = records.pop(line.custom_id, None)
            if found is None:
                if why is None:
                    raise BatchJobError(
                        f"batch {batch.id}: no result for custom_id {line.custom_id!r} "
                        "(a result file cut short?)"
                    )
                found = never_ran(batch.id, line.custom_id, why)
            yield found
            left[0] -= 1
            if left[0] == 0:
                del loaded[line.url]

    def _fetch(self, client: ZaguanClient, batch: JobBatch) -> tuple[dict[str, Result], str | None]:
        """A batch's records by custom_id, and why lines without one never ran (None: every
        line must have one)."""
        state, found = self._state(client, batch)
        if not state.ended:
            raise BatchJobError(f"batch {batch.id} is still {state.status}: wait() for it first")
        if batch.api == "anthropic":
            try:
                answer = raw(client.get_messages_batch_results)(batch.id)
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
                files[what] = bytes(client.get_file_content(file_id))
            except NotFoundError:
                raise BatchJobError(f"batch {batch.id}: its {what} {file_id} is missing") from None
        counted = state.completed + state.failed
        if counted and not files:
            problem = f"batch {batch.id}: {counted:,} lines ran but it has no result file"
            raise BatchJobError(problem)
        why = found.status if found.status in NEVER_RAN else None
        return openai_records(batch.id, files, counted), why


def submit(
    input: str | os.PathLike[str],
    *,
    client: ZaguanClient | None = None,
    endpoint: str | None = None,
    completion_window: Window = "24h",
    metadata: Mapping[str, str] | None = None,
    record: bool | None = None,
) -> BatchJob:
    """Submit every line of the JSON Lines file ``input`` (what ``zaguan run`` reads) as
    server-side batches: one job, split by API and by the contract's limits per batch.

    >>> job = zaguan.batch.submit("prompts.jsonl", endpoint="chat")
    >>> job.wait(); job.results("answers.jsonl")

    The whole file is checked first: a bad line is a `zaguan.bulk.BulkInputError` naming it,
    before anything is sent. ``metadata`` goes to OpenAI-style batches (with ``zaguan_job``,
    the job's id). ``record``: keep the job's record (`record_dir`) so that `open_job` finds it
    later (default: unless ``ZAGUAN_BATCH_RECORD=0``)."""
    source = Path(input)
    url = None if endpoint is None else endpoint_url(endpoint)
    facts = check_input(source, url, each=check_custom_id)
    job = JobRecord(
        f"job_{uuid.uuid4().hex}", int(time.time()), str(source.resolve()), facts.size,
        facts.sha256, facts.lines, url,
    )  # fmt: skip
    keep = recording() if record is None else record
    folder = record_dir()
    made = BatchJob(job, client=client)
    with made._calls() as calls:
        for number, chunk in enumerate(split(read_lines(source, url))):
            batch = _create(
                calls, job.id, number, chunk, completion_window=completion_window, metadata=metadata
            )
            job = replace(job, batches=(*job.batches, batch))
            made.record = job
            if keep:  # after each batch: a crash leaves a record of what was submitted
                _save(job, folder)
    return made


def _create(
    client: ZaguanClient,
    job_id: str,
    number: int,
    chunk: Chunk,
    *,
    completion_window: Window,
    metadata: Mapping[str, str] | None,
) -> JobBatch:
    """One batch, created under request ids derived from the job's: a retry makes no other."""
    if chunk.api == "anthropic":
        requests = [json.loads(item) for item in chunk.items]
        created = client.request(
            "POST", "/v1/messages/batches", body={"requests": requests},
            request_id=derive_request_id(job_id, f"batch-{number}"),
        )  # fmt: skip
        if not isinstance(created, dict) or not isinstance(created.get("id"), str):
            raise BatchJobError(f"job {job_id}: CoreX answered a message batch without its id")
        return JobBatch(created["id"], "anthropic", chunk.url, len(chunk.items))
    uploaded = client.create_file(
        file=(f"{job_id}-{number}.jsonl", b"".join(chunk.items)), purpose="batch",
        request_id=derive_request_id(job_id, f"file-{number}"),
    )  # fmt: skip
    created_batch = client.create_batch(
        input_file_id=uploaded.id, endpoint=cast("BatchEndpoint", chunk.url),
        completion_window=completion_window,
        metadata={**(metadata or {}), "zaguan_job": job_id},
        request_id=derive_request_id(job_id, f"batch-{number}"),
    )  # fmt: skip
    return JobBatch(created_batch.id, "openai", chunk.url, len(chunk.items))


def open_job(job_id: str, *, client: ZaguanClient | None = None) -> BatchJob:
    """The job ``job_id`` from its record (`record_dir`); `BatchJobError` if there is none."""
    return BatchJob(load_record(job_id, record_dir()), client=client)


def list_jobs(*, client: ZaguanClient | None = None) -> list[BatchJob]:
    """Every recorded job, newest first."""
    return [BatchJob(found, client=client) for found in list_records(record_dir())]
