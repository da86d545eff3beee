"""An answer the output's encoding cannot spell (``PYTHONIOENCODING=ascii``) is printed, never a
traceback: text with Python's escapes, JSON with JSON's, which decode to the same answer."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Run

WORDS = "café ☕ 😀"
ANSWER = f"Echo: {WORDS}"


@pytest.fixture
def ascii_env(cli_env: dict[str, str]) -> dict[str, str]:
    return {**cli_env, "PYTHONIOENCODING": "ascii"}


@pytest.mark.parametrize("stream", [[], ["--stream"]], ids=["whole", "stream"])
def test_text_shows_what_ascii_lacks_as_escapes(
    zaguan: Run, ascii_env: dict[str, str], stream: list[str]
) -> None:
    result = zaguan("chat", WORDS, "-m", "test/echo", *stream, env=ascii_env, text=False)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == b"Echo: caf\\xe9 \\u2615 \\U0001f600\n"


def test_json_escapes_what_ascii_lacks_and_keeps_every_character(
    zaguan: Run, ascii_env: dict[str, str]
) -> None:
    result = zaguan("chat", WORDS, "-m", "test/echo", "--json", env=ascii_env, text=False)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.isascii()
    assert json.loads(result.stdout)["choices"][0]["message"]["content"] == ANSWER


def test_json_lines_of_a_stream_too(zaguan: Run, ascii_env: dict[str, str]) -> None:
    result = zaguan(
        "chat", WORDS, "-m", "test/echo", "--json", "--stream", env=ascii_env, text=False
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.isascii()
    chunks = [json.loads(line) for line in result.stdout.splitlines()]
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == ANSWER


def test_a_utf8_output_is_written_as_it_is(zaguan: Run, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "PYTHONIOENCODING": "utf-8"}
    result = zaguan("chat", WORDS, "-m", "test/echo", "--json", env=env, text=False)
    assert ANSWER.encode() in result.stdout  # readable JSON where the encoding allows it


def test_an_error_handler_chosen_by_the_user_is_kept(zaguan: Run, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "PYTHONIOENCODING": "ascii:replace"}
    result = zaguan("chat", WORDS, "-m", "test/echo", env=env, text=False)
    assert result.stdout == b"Echo: caf? ? ?\n"


def test_an_argument_that_is_not_text_is_a_usage_error(zaguan: Run) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates, which no JSON body can carry.
    result = zaguan("chat", "caf\udcff", "-m", "test/echo", text=False)
    assert (result.returncode, result.stdout) == (2, b"")
    assert b"an argument is not text in this terminal's encoding" in result.stderr
