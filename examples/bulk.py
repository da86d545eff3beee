"""A file of requests, each charged once: `bulk.jsonl` (30 support tickets to label) through
`zaguan.bulk.run`, as `zaguan run examples/bulk.jsonl -o answers.jsonl` does."""

import json
import tempfile
from pathlib import Path

from _corex import corex

import zaguan.bulk

HERE = Path(__file__).parent

with corex(), tempfile.TemporaryDirectory() as folder:
    answers = Path(folder) / "answers.jsonl"
    summary = zaguan.bulk.run(HERE / "bulk.jsonl", answers, concurrency=8)
    print(f"lines: {summary.done} failed: {summary.failed} credits: {summary.credits:g}")
    first = json.loads(answers.read_text().splitlines()[0])
    print("a result:", first["custom_id"], first["response"]["body"]["choices"][0]["message"])
    # Run again: nothing is left to send, and nothing more is charged.
    again = zaguan.bulk.run(HERE / "bulk.jsonl", answers, resume=True)
    print(f"resumed: {again.skipped} already done, {again.done} sent")
