"""`zaguan credits balance|history|stats`: tables, JSON, filters, and history across pages."""

from __future__ import annotations

import json

from tests.cli.conftest import Run, one_line
from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX


def spend(server: LocalCoreX, chats: int, model: str = "test/echo") -> None:
    """``chats`` chats in this process (fast), each a history entry of ``model``."""
    with ZaguanClient(server.api_key, base_url=server.base_url) as client:
        for number in range(chats):
            client.chat(model=model, messages=[{"role": "user", "content": f"hi {number}"}])


def fields(output: str) -> dict[str, str]:
    return dict(line.split(None, 1) for line in output.splitlines())


def test_balance_fields(zaguan: Run, corex_server: LocalCoreX) -> None:
    spend(corex_server, 2)
    table = zaguan("credits", "balance")
    assert table.returncode == 0, table.stderr
    shown = fields(table.stdout)
    assert (shown["tier"], shown["credits_remaining"], shown["bands"]) == ("pro", "9998", "A, B")


def test_history_follows_pages(zaguan: Run, corex_server: LocalCoreX) -> None:
    # More entries than a page holds (100 at most): only following the cursor shows them all.
    spend(corex_server, 103)
    every = zaguan("credits", "history", "--all", "--json")
    assert every.returncode == 0, every.stderr
    entries = json.loads(every.stdout)
    ledger = corex_server.ledger.entries
    assert [entry["request_id"] for entry in entries] == [e.request_id for e in reversed(ledger)]
    table = zaguan("credits", "history", "--limit", "101")
    header, *lines = table.stdout.splitlines()
    assert header.split()[:3] == ["TIME", "MODEL", "STATUS"]
    assert len(lines) == 101
    assert [line.split()[-1] for line in lines] == [e["request_id"] for e in entries[:101]]


def test_history_filters_and_default_limit(zaguan: Run, corex_server: LocalCoreX) -> None:
    spend(corex_server, 21)
    spend(corex_server, 1, model="openai/gpt-4o-mini")
    latest = zaguan("credits", "history").stdout.splitlines()
    assert len(latest) == 1 + 20  # the header and the 20 newest
    assert latest[1].split()[1] == "openai/gpt-4o-mini"
    only = json.loads(
        zaguan("credits", "history", "--model", "openai/gpt-4o-mini", "--json").stdout
    )
    assert [entry["model"] for entry in only] == ["openai/gpt-4o-mini"]


def test_stats_summary_and_per_model_table(zaguan: Run, corex_server: LocalCoreX) -> None:
    spend(corex_server, 3)
    result = zaguan("credits", "stats", "--period", "week")
    assert result.returncode == 0, result.stderr
    summary, by_model = result.stdout.split("\n\n")
    assert fields(summary)["total_requests"] == "3"
    assert fields(summary)["period"] == "week"
    assert by_model.splitlines()[1].split()[:4] == ["test/echo", "3", "15", "3"]  # 5 tokens a chat


def test_a_malformed_day_is_a_usage_error(zaguan: Run) -> None:
    result = zaguan("credits", "history", "--since", "2026-13-01")
    assert (result.returncode, result.stdout) == (2, "")
    assert "YYYY-MM-DD" in one_line(result.stderr)
