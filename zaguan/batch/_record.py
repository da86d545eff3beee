"""The local record of submitted jobs: one small JSON file per job, so that a job is found again
after the process that submitted it has ended (``zaguan batch status JOB``).

Where: ``$ZAGUAN_BATCH_DIR`` when set, else ``$XDG_STATE_HOME/zaguan/batches`` (by default
``~/.local/state/zaguan/batches``), one ``<job id>.json`` each. ``ZAGUAN_BATCH_RECORD=0``
(or ``record=False``) writes none. A record holds the job's id, when it was submitted, the
input file's path, size and SHA-256 (its results are put back in its order), the endpoint, and
each batch's id, API, endpoint and number of lines: never a key, nor CoreX's URL. Each write is
whole or nothing (a temporary file renamed over the old one).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from .._errors import BatchJobError
from ._split import Api

__all__ = ["JobBatch", "JobRecord", "list_records", "load_record", "record_dir", "save_record"]

_FORMAT: Final = "zaguan-batch-job/1"
_JOB_ID = re.compile(r"job_[0-9a-f]{32}")
_OFF = frozenset({"0", "false", "no", "off"})


def record_dir() -> Path:
    """Where job records live (see the module's docs)."""
    chosen = os.environ.get("ZAGUAN_BATCH_DIR")
    if chosen:
        return Path(chosen)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "zaguan" / "batches"


def recording() -> bool:
    """Whether jobs are recorded: unless ``ZAGUAN_BATCH_RECORD`` says 0, false, no or off."""
    return os.environ.get("ZAGUAN_BATCH_RECORD", "1").strip().lower() not in _OFF


@dataclass(frozen=True, slots=True)
class JobBatch:
    """One server-side batch of a job."""

    id: str
    api: Api
    url: str
    """The endpoint of its lines."""
    lines: int


@dataclass(frozen=True, slots=True)
class JobRecord:
    """What is kept of a job."""

    id: str
    created_at: int
    """Unix seconds."""
    input: str
    """The input file's absolute path."""
    input_size: int
    input_sha256: str
    lines: int
    endpoint: str | None
    batches: tuple[JobBatch, ...] = ()


def _path(job_id: str, folder: Path) -> Path:
    if not isinstance(job_id, str) or not _JOB_ID.fullmatch(job_id):
        raise BatchJobError(f"{job_id!r} is not a job id (job_ followed by 32 hex digits)")
    return folder / f"{job_id}.json"


def save_record(record: JobRecord, folder: Path) -> Path:
    """Write ``record`` into ``folder`` (made if missing), replacing its earlier version whole."""
    path = _path(record.id, folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"format": _FORMAT, **asdict(record)}, indent=1).encode() + b"\n"
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def load_record(job_id: str, folder: Path) -> JobRecord:
    """The record of ``job_id``; `BatchJobError` when there is none or it is unreadable."""
    path = _path(job_id, folder)
    try:
        data: Any = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise BatchJobError(
            f"no job {job_id} in {folder} (ZAGUAN_BATCH_DIR chooses the folder; a job submitted "
            "with recording off is not kept)"
        ) from None
    except (OSError, ValueError, RecursionError) as exc:
        raise BatchJobError(f"{path} is not a job record: {exc}") from None
    try:
        if not isinstance(data, dict) or data.pop("format", None) != _FORMAT:
            raise ValueError(f"not {_FORMAT}")
        batches = tuple(JobBatch(**batch) for batch in data.pop("batches"))
        record = JobRecord(**data, batches=batches)
        _check(record, job_id)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BatchJobError(f"{path} is not a job record: {exc}") from None
    return record


def _check(record: JobRecord, job_id: str) -> None:
    if record.id != job_id:
        raise ValueError(f"it holds job {record.id!r}")
    texts = (record.input, record.input_sha256, *(b.id for b in record.batches))
    numbers = (record.lines, record.input_size, *(b.lines for b in record.batches))
    if not all(isinstance(text, str) for text in texts):
        raise ValueError("a field that must be text is not")
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        raise ValueError("a count that must be a whole number is not")
    if any(batch.api not in ("openai", "anthropic") for batch in record.batches):
        raise ValueError("a batch of an unknown API")


def list_records(folder: Path) -> list[JobRecord]:
    """Every readable record in ``folder``, newest first (unreadable ones are left out)."""
    found = []
    for path in folder.glob("job_*.json") if folder.is_dir() else ():
        try:
            found.append(load_record(path.stem, folder))
        except BatchJobError:
            continue
    return sorted(found, key=lambda record: (record.created_at, record.id), reverse=True)
