"""Jobs on a local Ray: every row answered once in the output, one debit per row in the local
CoreX's ledger, when a worker dies mid-batch too; failures as columns; one rate budget."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import ray

from tests.bulk._support import chat_line
from tests.ray_data._marks import RAY
from tests.ray_data._stages import DiesOnceStage
from zaguan import RateLimit
from zaguan.ray import CoreXStage
from zaguan.testing import LocalCoreX

pytestmark = RAY


def run_job(
    server: LocalCoreX,
    rows: list[dict[str, Any]],
    stage: type[CoreXStage] = CoreXStage,
    *,
    workers: int = 2,
    batch_size: int = 8,
    **kwargs: Any,
) -> list[dict[str, Any]]:
    settings = {"api_key": server.api_key, "base_url": server.base_url, "workers": workers}
    answers = ray.data.from_items(rows).map_batches(
        stage,
        fn_constructor_kwargs=settings | kwargs,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=0.5,
        batch_format="pyarrow",
        batch_size=batch_size,
    )
    return answers.take_all()


def debits(server: LocalCoreX, run_id: str, custom_ids: list[str]) -> Counter[int]:
    """How many rows were charged how many times."""
    return Counter(len(server.ledger.charges_for(f"{run_id}:{cid}")) for cid in custom_ids)


def test_a_worker_lost_mid_batch_costs_no_second_debit(server: LocalCoreX, tmp_path: Path) -> None:
    """Half a batch is sent and charged, then its worker dies; Ray retries the task on a new
    actor, which sends the whole batch again under the same request ids."""
    rows = [chat_line(f"row-{n}", f"hello {n}") for n in range(32)]
    marker = tmp_path / "died"
    out = run_job(server, rows, DiesOnceStage, run_id="job-b", marker=str(marker))
    assert marker.exists(), "no worker died: the test tested nothing"
    ids = [r["custom_id"] for r in rows]
    assert Counter(row["custom_id"] for row in out) == Counter(ids)  # each once
    assert {row["status_code"] for row in out} == {200}
    assert debits(server, "job-b", ids) == {1: 32}
    resent = [cid for cid in ids if server.attempts(f"job-b:{cid}") == 2]
    assert len(resent) >= 4, "the rows sent before the death were not sent again"


def test_each_row_is_answered_once_charged_once_and_failures_are_columns(
    server: LocalCoreX,
) -> None:
    rows = [chat_line(f"ok-{n}", f"hello {n}") for n in range(24)]
    rows.append(chat_line("refused", model="test/fail-400"))
    rows.append(chat_line("down", model="test/fail-503"))
    rows.append(chat_line("unknown", model="nobody/nothing"))
    rows.append(chat_line("get") | {"method": "GET"})
    answers = run_job(server, rows, run_id="job-a", client_options={"max_retries": 0})
    assert sorted(row["custom_id"] for row in answers) == sorted(r["custom_id"] for r in rows)
    out = {row["custom_id"]: row for row in answers}
    ok = [f"ok-{n}" for n in range(24)]
    assert {(out[cid]["status_code"], out[cid]["error_code"]) for cid in ok} == {(200, None)}
    assert debits(server, "job-a", ok) == {1: 24}
    assert sum(out[cid]["credits"] for cid in ok) == 24
    assert out["ok-0"]["request_id"] == "job-a:ok-0"
    assert json.loads(out["ok-0"]["body"])["object"] == "chat.completion"
    refused, down, unknown, get = (out[c] for c in ("refused", "down", "unknown", "get"))
    assert (refused["status_code"], refused["error_code"]) == (400, "invalid_request_error")
    assert (down["status_code"], unknown["status_code"]) == (503, 404)
    assert down["error_message"]
    assert json.loads(unknown["body"])["error"]["type"] == "not_found_error"
    assert (get["status_code"], get["body"], get["error_code"]) == (None, None, "BulkInputError")
    assert "method must be 'POST'" in get["error_message"]
    assert server.attempts("job-a:get") == 0  # refused before sending
    assert debits(server, "job-a", ["refused", "down", "unknown"]) == {0: 3}


def fast_clock(speed: float) -> Any:
    """A clock for the server that runs ``speed`` times faster than time: its per-minute
    limits become per-second ones, so a test of them takes seconds."""
    start = dt.datetime.now(dt.UTC)
    return lambda: start + (dt.datetime.now(dt.UTC) - start) * speed


def test_the_job_stays_within_one_budget() -> None:
    """The server lets the key send 30 requests per (its) minute, a minute lasting a second
    here: 30 at once, then 30 a second, which a job without a budget exceeds. The job's
    budget is half that, split between two workers: no 429, and no faster than the budget."""
    rows = [chat_line(f"row-{n}", f"hello {n}") for n in range(90)]
    budget = RateLimit(requests_per_minute=15 * 60)  # 15 a second: at most 15 + 15 t in t s
    with LocalCoreX(rate_limits={"zk-local-pro": (30, None)}, clock=fast_clock(60)) as server:
        started = time.monotonic()
        out = run_job(
            server, rows, run_id="job-d", rate_limit=budget, client_options={"max_retries": 0}
        )
        took = time.monotonic() - started
        assert server.rate_limited() == 0
    assert {row["status_code"] for row in out} == {200}
    # A lower bound, safe on a slow machine: one worker with the whole budget would take 2.5 s.
    assert took >= (90 - 15) / 15 * 0.9
