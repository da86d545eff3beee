"""``zaguan batch``: a JSON Lines file run by CoreX's server-side batches (`zaguan.batch`)."""

from __future__ import annotations

import sys
from argparse import Namespace
from datetime import UTC, datetime

from .. import batch
from .._client import ZaguanClient
from ._connect import client as make_client
from ._errors import API_ERROR, FAILED_LINES, CommandError
from ._output import emit_json, table
from ._progress import Display, summary_fields, summary_lines


def run(args: Namespace) -> int:
    """Serve ``zaguan batch <what>``; the exit status."""
    if args.what == "list":
        return _list(args)
    with make_client(args) as client:
        if args.what == "submit":
            job = batch.submit(args.input, client=client, endpoint=args.endpoint)
            _submitted(job, args)
            if not args.wait:
                return 0
        else:
            job = batch.open_job(args.job, client=client)  # no record: status 2, from `main`
        try:
            return _act(job, client, args)
        except batch.BatchJobError as exc:
            raise CommandError(f"zaguan: {exc}", API_ERROR) from None


def _act(job: batch.BatchJob, client: ZaguanClient, args: Namespace) -> int:
    if args.what in ("submit", "wait"):
        display = Display()
        status = job.wait(poll_interval=args.poll, on_progress=display)
        _show(status, args)
        if not args.json:
            print(f"results: zaguan batch results {job.id} -o OUTPUT")
    elif args.what == "status":
        _show(job.status(), args)
    elif args.what == "cancel":
        _show(job.cancel(), args)
    else:
        summary = job.results(args.output)
        if args.json:
            emit_json(summary_fields(summary))
        else:
            for line in [*summary_lines(summary)[:-1], f"output: {args.output}"]:
                print(line)
        return FAILED_LINES if summary.failed else 0
    return 0


def _submitted(job: batch.BatchJob, args: Namespace) -> None:
    batches = job.record.batches
    if args.json and not args.wait:
        emit_json({"job": job.id, "lines": job.record.lines, "batches": [b.id for b in batches]})
        return
    out = sys.stderr if args.json else sys.stdout  # --wait --json: stdout is the end's JSON
    print(f"job {job.id}: {job.record.lines:,} lines in {len(batches)} batch(es)", file=out)
    for item in batches:
        print(f"  {item.id}  {item.url}  {item.lines:,} lines", file=out)
    out.flush()


def _show(status: batch.JobStatus, args: Namespace) -> None:
    if args.json:
        emit_json({
            "job": status.job_id, "finished": status.finished, "total": status.total,
            "completed": status.completed, "failed": status.failed,
            "batches": [
                {"id": b.id, "api": b.api, "status": b.status, "total": b.total,
                 "completed": b.completed, "failed": b.failed}
                for b in status.batches
            ],
        })  # fmt: skip
        return
    state = "ended" if status.finished else "running"
    print(
        f"job {status.job_id} {state}: {status.completed:,} completed, {status.failed:,} "
        f"failed, of {status.total:,} lines"
    )
    rows = [(b.id, b.api, b.status, f"{b.completed + b.failed:,}/{b.total:,}", b.failed)
            for b in status.batches]  # fmt: skip
    table(("BATCH", "API", "STATUS", "DONE", "FAILED"), rows)


def _list(args: Namespace) -> int:
    jobs = batch.list_jobs()
    if args.json:
        emit_json([
            {"job": j.id, "created_at": j.record.created_at, "input": j.record.input,
             "lines": j.record.lines, "batches": [b.id for b in j.record.batches]}
            for j in jobs
        ])  # fmt: skip
        return 0
    if not jobs:
        print(f"no jobs recorded in {batch.record_dir()}")
        return 0
    rows = [(j.id, _when(j.record.created_at), j.record.lines, len(j.record.batches),
             j.record.input) for j in jobs]  # fmt: skip
    table(("JOB", "SUBMITTED", "LINES", "BATCHES", "INPUT"), rows)
    return 0


def _when(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M")
