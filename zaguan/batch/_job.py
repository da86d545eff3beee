"""`BatchJob` and `AsyncBatchJob`: a job's operations (`_steps`) driven with a client; the two
differ by ``await`` and nothing else."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .._async_client import AsyncZaguanClient
from .._client import ZaguanClient
from .._errors import ConfigurationError
from .._raw import araw, raw
from ..bulk import Progress
from ..bulk._lines import endpoint_url
from . import _steps
from ._record import JobRecord, list_records, load_record, record_dir
from ._steps import Call, JobStatus, Sleep, Steps

if TYPE_CHECKING:
    from zaguan_corex_client.models.batch_create_request_completion_window import (
        BatchCreateRequestCompletionWindow as Window,
    )

T = TypeVar("T")

__all__ = ["AsyncBatchJob", "BatchJob", "asubmit", "list_jobs", "open_job", "submit"]


def _method(client: Any, call: Call) -> Callable[..., Any]:
    method = getattr(client, call.method)
    if call.raw:
        return araw(method) if isinstance(client, AsyncZaguanClient) else raw(method)
    return method  # type: ignore[no-any-return]


def _checked(client: T | None, kind: type[T]) -> T | None:
    if client is not None and not isinstance(client, kind):
        raise ConfigurationError(
            f"client must be an instance of {kind.__name__} or None, got {client!r}"
        )
    return client


class _Job:
    """What both flavours share: the record, and the job's options."""

    def __init__(self, record: JobRecord) -> None:
        self.record = record
        """What is kept of the job (`zaguan.batch.record_dir`)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r}, batches={len(self.record.batches)})"

    @property
    def id(self) -> str:
        """The job's id, ``job_<32 hex digits>``."""
        return self.record.id

    def _made(self, record: JobRecord) -> None:
        self.record = record


class BatchJob(_Job):
    """A submitted job: ``status()``, ``wait()``, ``results(output)``, ``cancel()``.

    ``client``: the `ZaguanClient` it calls CoreX with, left open (None: one from
    ``ZAGUAN_API_KEY`` and ``ZAGUAN_BASE_URL`` for each call)."""

    def __init__(self, record: JobRecord, *, client: ZaguanClient | None = None) -> None:
        super().__init__(record)
        self.client = _checked(client, ZaguanClient)

    def _sleep(self, seconds: float) -> None:
        """Wait between two polls: a method, so that a test replaces it on one job instead of
        patching `time.sleep`, which every thread of the process shares."""
        time.sleep(seconds)

    @contextlib.contextmanager
    def _client(self) -> Iterator[ZaguanClient]:
        if self.client is not None:
            yield self.client
            return
        with ZaguanClient() as made:
            yield made

    def _drive(self, steps: Steps) -> Any:
        with self._client() as client:
            value: Any = None
            error: Exception | None = None
            while True:
                try:
                    step = steps.send(value) if error is None else steps.throw(error)
                except StopIteration as done:
                    return done.value
                value, error = None, None
                try:
                    if isinstance(step, Call):
                        value = _method(client, step)(*step.args, **(step.kwargs or {}))
                    elif isinstance(step, Sleep):
                        self._sleep(step.seconds)
                    else:
                        value = step.function()
                except Exception as exc:  # thrown into the steps, which may expect it
                    error = exc

    def status(self) -> JobStatus:
        """Every batch read once, its ``request_counts`` summed."""
        found: JobStatus = self._drive(_steps.status(self.record))
        return found

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
        steps = _steps.wait(self.record, poll_interval, max_interval, timeout, on_progress)
        found: JobStatus = self._drive(steps)
        return found

    def cancel(self) -> JobStatus:
        """Ask CoreX to cancel every batch that has not ended; what finished stays."""
        found: JobStatus = self._drive(_steps.cancel(self.record))
        return found

    def results(self, output: str | os.PathLike[str]) -> Progress:
        """Write one ``zaguan run`` output line per input line to ``output``, in input order;
        the summary. The input file must be unchanged (its SHA-256 is checked); ``output``
        appears whole or not at all. `BatchJobError` if a batch has not ended or a result file
        is missing or cut short."""
        summary: Progress = self._drive(_steps.results(self.record, output))
        return summary


class AsyncBatchJob(_Job):
    """`BatchJob` for asyncio: the same methods, awaited, with an `AsyncZaguanClient`."""

    def __init__(self, record: JobRecord, *, client: AsyncZaguanClient | None = None) -> None:
        super().__init__(record)
        self.client = _checked(client, AsyncZaguanClient)

    async def _sleep(self, seconds: float) -> None:
        """Wait between two polls (a test replaces it, never `asyncio.sleep`)."""
        await asyncio.sleep(seconds)

    @contextlib.asynccontextmanager
    async def _client(self) -> AsyncIterator[AsyncZaguanClient]:
        if self.client is not None:
            yield self.client
            return
        async with AsyncZaguanClient() as made:
            yield made

    async def _drive(self, steps: Steps) -> Any:
        async with self._client() as client:
            value: Any = None
            error: Exception | None = None
            while True:
                try:
                    step = steps.send(value) if error is None else steps.throw(error)
                except StopIteration as done:
                    return done.value
                value, error = None, None
                try:
                    if isinstance(step, Call):
                        value = await _method(client, step)(*step.args, **(step.kwargs or {}))
                    elif isinstance(step, Sleep):
                        await self._sleep(step.seconds)
                    else:
                        value = await asyncio.to_thread(step.function)
                except Exception as exc:  # thrown into the steps, which may expect it
                    error = exc

    async def status(self) -> JobStatus:
        """`BatchJob.status`."""
        found: JobStatus = await self._drive(_steps.status(self.record))
        return found

    async def wait(
        self,
        *,
        poll_interval: float = 2.0,
        max_interval: float = 60.0,
        timeout: float | None = None,
        on_progress: Callable[[Progress], object] | None = None,
    ) -> JobStatus:
        """`BatchJob.wait`."""
        steps = _steps.wait(self.record, poll_interval, max_interval, timeout, on_progress)
        found: JobStatus = await self._drive(steps)
        return found

    async def cancel(self) -> JobStatus:
        """`BatchJob.cancel`."""
        found: JobStatus = await self._drive(_steps.cancel(self.record))
        return found

    async def results(self, output: str | os.PathLike[str]) -> Progress:
        """`BatchJob.results`."""
        summary: Progress = await self._drive(_steps.results(self.record, output))
        return summary


_NO_RECORD = JobRecord("", 0, "", 0, "", 0, None)  # until the input is checked


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
    url = None if endpoint is None else endpoint_url(endpoint)
    job = BatchJob(_NO_RECORD, client=client)
    job._drive(
        _steps.submit(input, url, completion_window, metadata, record=record, made=job._made)
    )
    return job


async def asubmit(
    input: str | os.PathLike[str],
    *,
    client: AsyncZaguanClient | None = None,
    endpoint: str | None = None,
    completion_window: Window = "24h",
    metadata: Mapping[str, str] | None = None,
    record: bool | None = None,
) -> AsyncBatchJob:
    """`submit` for asyncio: an `AsyncBatchJob`."""
    url = None if endpoint is None else endpoint_url(endpoint)
    job = AsyncBatchJob(_NO_RECORD, client=client)
    await job._drive(
        _steps.submit(input, url, completion_window, metadata, record=record, made=job._made)
    )
    return job


def open_job(job_id: str, *, client: ZaguanClient | None = None) -> BatchJob:
    """The job ``job_id`` from its record (`record_dir`); `BatchJobError` if there is none."""
    return BatchJob(load_record(job_id, record_dir()), client=client)


def list_jobs(*, client: ZaguanClient | None = None) -> list[BatchJob]:
    """Every recorded job, newest first."""
    return [BatchJob(found, client=client) for found in list_records(record_dir())]
