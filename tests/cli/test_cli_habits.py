"""The habits of the command lines people like (`llm`, `gh`): a prompt piped in, a default
model, global options on either side of the command, streaming on a terminal only, and
configuration mistakes named as the setting to change."""

from __future__ import annotations

import json
import warnings
from argparse import Namespace

import pytest

from tests.cli.conftest import ZAGUAN, Run, clean_env, on_terminal, one_line
from zaguan._cli._connect import client
from zaguan.testing import LocalCoreX


def test_the_prompt_can_be_piped_in(zaguan: Run) -> None:
    result = zaguan("chat", "-m", "test/echo", input="hi there\n")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Echo: hi there\n", "")


def test_piped_text_comes_first_then_the_prompt(zaguan: Run) -> None:
    # As `cat notes.txt | llm "Summarise"`: the material, then what to do with it.
    result = zaguan("chat", "Summarise", "-m", "test/echo", input="line one\nline two\n\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Echo: line one\nline two\n\nSummarise\n"


@pytest.mark.parametrize(
    ("stdin", "said"),
    [(b"", "no prompt"), (b"caf\xff\n", "the text piped in is not utf-8 (byte 0xff at offset 3)")],
    ids=["nothing", "not-text"],
)
def test_no_prompt_or_undecodable_input_is_a_usage_error(
    zaguan: Run, cli_env: dict[str, str], stdin: bytes, said: str
) -> None:
    env = {**cli_env, "PYTHONIOENCODING": "utf-8"}
    result = zaguan("chat", "-m", "test/echo", input=stdin, env=env, text=False)
    assert (result.returncode, result.stdout) == (2, b"")
    assert said in one_line(result.stderr.decode())


def test_zaguan_model_is_the_default_model(zaguan: Run, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "ZAGUAN_MODEL": "test/echo"}
    assert zaguan("chat", "hi", env=env).stdout == "Echo: hi\n"
    # -m wins over the variable: this model's answer differs (it fails).
    assert zaguan("chat", "hi", "-m", "test/fail-404", env=env).returncode == 1


def test_no_model_names_the_option_and_the_variable(zaguan: Run) -> None:
    result = zaguan("chat", "hi")
    assert (result.returncode, result.stdout) == (2, "")
    line = one_line(result.stderr)
    assert "-m/--model" in line
    assert "ZAGUAN_MODEL" in line


@pytest.mark.parametrize(
    "args",
    [
        ["--json", "chat", "hi", "-m", "test/echo"],
        ["chat", "hi", "-m", "test/echo", "--json"],
        ["--json", "chat", "hi", "--json", "-m", "test/echo"],
    ],
    ids=["before", "after", "both"],
)
def test_json_goes_before_or_after_the_command(zaguan: Run, args: list[str]) -> None:
    result = zaguan(*args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["object"] == "chat.completion"


def test_base_url_goes_before_the_command_and_a_nested_one(
    zaguan: Run, corex_server: LocalCoreX
) -> None:
    env = clean_env(ZAGUAN_API_KEY=corex_server.api_key)  # no ZAGUAN_BASE_URL
    url = corex_server.base_url
    result = zaguan("--base-url", url, "credits", "--json", "balance", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tier"] == "pro"


# test/stream-error-2 breaks streams after two pieces and answers whole answers in full:
# which of the two happened shows whether the command streamed.
BROKEN_STREAM = ["chat", "one two three", "-m", "test/stream-error-2"]


def test_on_a_terminal_the_answer_streams(cli_env: dict[str, str]) -> None:
    shown = on_terminal([*ZAGUAN, *BROKEN_STREAM], cli_env)
    assert (shown.returncode, shown.terminal) == (1, "Echo: one \n")
    assert "provider_error" in one_line(shown.stderr)


@pytest.mark.parametrize("extra", [["--no-stream"], ["--json"]], ids=["no-stream", "json"])
def test_on_a_terminal_no_stream_or_json_asks_for_the_whole_answer(
    cli_env: dict[str, str], extra: list[str]
) -> None:
    shown = on_terminal([*ZAGUAN, *BROKEN_STREAM, *extra], cli_env)
    assert shown.returncode == 0, shown.stderr
    assert "Echo: one two three" in shown.terminal


def test_into_a_pipe_the_answer_comes_whole_unless_stream_is_asked(zaguan: Run) -> None:
    assert zaguan(*BROKEN_STREAM).stdout == "Echo: one two three\n"
    assert zaguan(*BROKEN_STREAM, "--stream").returncode == 1


@pytest.mark.parametrize(
    ("env", "args", "said"),
    [
        ({}, [], "No API key: set ZAGUAN_API_KEY in the environment."),
        ({"ZAGUAN_API_KEY": "zk two"}, [], "ZAGUAN_API_KEY contains a space"),
        ({"ZAGUAN_API_KEY": "k"}, ["--base-url", "ftp://x"], "Invalid --base-url 'ftp://x'"),
        (
            {"ZAGUAN_API_KEY": "k", "ZAGUAN_BASE_URL": "http://127.0.0.1:1/v1"},
            [],
            "Invalid ZAGUAN_BASE_URL 'http://127.0.0.1:1/v1': leave out the trailing /v1",
        ),
    ],
    ids=["no-key", "key-with-space", "flag-url", "variable-url"],
)
def test_configuration_mistakes_name_the_flag_or_variable(
    zaguan: Run, env: dict[str, str], args: list[str], said: str
) -> None:
    result = zaguan("models", *args, env=clean_env(**env))
    assert (result.returncode, result.stdout) == (2, "")
    line = one_line(result.stderr)
    assert said in line
    assert "api_key=" not in line
    assert "base_url" not in line
    assert "zk two" not in line


def test_a_library_warning_is_one_line_naming_the_flag(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A client is made, never used: nothing leaves this machine.
    monkeypatch.setenv("ZAGUAN_API_KEY", "zk-test")
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        client(Namespace(base_url="http://192.0.2.1:8080")).close()
    line = one_line(capsys.readouterr().err)
    assert line.startswith("zaguan: warning: --base-url 'http://192.0.2.1:8080' is plain http://")
