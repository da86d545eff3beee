"""`zaguan models`, `zaguan capabilities` and `zaguan embed`: tables, JSON, filters."""

from __future__ import annotations

import json

from tests.cli.conftest import Run, one_line
from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX
from zaguan.testing._catalog._models import CATALOG


def rows(table: str) -> list[list[str]]:
    """A printed table's lines, split into cells (cells hold no double space)."""
    return [[cell for cell in line.split("  ") if cell] for line in table.splitlines()]


def test_models_table_lists_every_model(zaguan: Run) -> None:
    result = zaguan("models")
    assert result.returncode == 0, result.stderr
    header, *lines = rows(result.stdout)
    assert [cell.strip() for cell in header] == ["ID", "PROVIDER", "DESCRIPTION"]
    assert [line[0].strip() for line in lines] == [model.id for model in CATALOG]
    assert lines[0][1].strip() == "openai"


def test_models_json_filtered_by_provider(zaguan: Run) -> None:
    result = zaguan("models", "--provider", "anthropic", "--json")
    assert result.returncode == 0, result.stderr
    ids = [model["id"] for model in json.loads(result.stdout)]
    assert ids == [model.id for model in CATALOG if model.id.startswith("anthropic/")]
    assert ids


def test_capabilities_table(zaguan: Run) -> None:
    result = zaguan("capabilities")
    assert result.returncode == 0, result.stderr
    header, first, *others = rows(result.stdout)
    assert header[0].strip() == "MODEL"
    assert "TOOLS" in [cell.strip() for cell in header]
    assert [cell.strip() for cell in first[:3]] == ["openai/gpt-4o-mini", "128000", "yes"]
    assert len(others) == len(CATALOG) - 1


def test_capabilities_of_one_model_by_its_unprefixed_name(zaguan: Run) -> None:
    table = zaguan("capabilities", "gpt-4o-mini")
    assert table.returncode == 0, table.stderr
    assert ["model_id", "openai/gpt-4o-mini"] in [
        [cell.strip() for cell in line] for line in rows(table.stdout)
    ]
    as_json = json.loads(zaguan("capabilities", "openai/o3-mini", "--json").stdout)
    assert (as_json["model_id"], as_json["supports_reasoning"]) == ("openai/o3-mini", True)


def test_capabilities_of_an_unknown_model_fails_in_one_line(zaguan: Run) -> None:
    result = zaguan("capabilities", "no/such-model")
    assert (result.returncode, result.stdout) == (1, "")
    assert "'no/such-model'" in one_line(result.stderr)


def test_embed_summary_and_json(zaguan: Run, corex_server: LocalCoreX) -> None:
    summary = zaguan("embed", "hello there", "-m", "openai/text-embedding-3-small")
    assert summary.returncode == 0, summary.stderr
    assert ["dimensions", "1536"] in [[c.strip() for c in line] for line in rows(summary.stdout)]
    as_json = zaguan("embed", "hello there", "-m", "openai/text-embedding-3-small", "--json")
    vector = json.loads(as_json.stdout)["data"][0]["embedding"]
    with ZaguanClient(corex_server.api_key, base_url=corex_server.base_url) as client:
        expected = client.create_embeddings(
            model="openai/text-embedding-3-small", input="hello there"
        )
    assert vector == expected.data[0].embedding
