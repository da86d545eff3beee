"""One input file run by CoreX's server-side batches: submit it, wait, collect the results in
input order. Behind ``zaguan batch``.

>>> import zaguan.batch
>>> job = zaguan.batch.submit("prompts.jsonl", endpoint="chat")
>>> job.wait()
>>> summary = job.results("answers.jsonl")

`submit` reads the same JSON Lines as ``zaguan run`` (`zaguan.bulk`: Batch API request lines,
or bare bodies with an ``endpoint``), checks every line before sending anything, and sends
``/v1/chat/completions`` and ``/v1/embeddings`` lines as OpenAI-style batches (a file of
purpose ``batch`` uploaded, a batch created on it, one endpoint per batch) and
``/v1/messages`` lines as Anthropic message batches. An input over a batch's limits (the
contract's, per API) becomes several batches of one `BatchJob`. ``results`` writes
``zaguan run``'s output lines, one per input line, in input order; a line its batch never ran
(expired, cancelled, failed) gets an error record saying so. Each job is recorded locally
(`record_dir`; ``ZAGUAN_BATCH_RECORD=0`` turns it off) so that `open_job` finds it from
another process. `asubmit` and `AsyncBatchJob` are the same for asyncio.
"""

from .._errors import BatchJobError
from ._job import AsyncBatchJob, BatchJob, asubmit, list_jobs, open_job, submit
from ._record import record_dir
from ._steps import BatchState, JobStatus

__all__ = [
    "AsyncBatchJob",
    "BatchJob",
    "BatchJobError",
    "BatchState",
    "JobStatus",
    "asubmit",
    "list_jobs",
    "open_job",
    "record_dir",
    "submit",
]
