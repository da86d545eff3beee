"""`zaguan chat`: the answer, whole or streamed, as text or JSON; Ctrl-C in the middle; a reader
that leaves."""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import subprocess
import time

import httpx2
import pytest

from tests.cli.conftest import INTERRUPTIBLE, TIMEOUT, ZAGUAN, Run, one_line, started
from tests.server.test_server_streams import SEND_FAILED
from zaguan.testing import LocalCoreX


def test_chat_prints_the_answer(zaguan: Run) -> None:
    result = zaguan("chat", "hello world", "-m", "openai/gpt-4o-mini")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Echo: hello world\n", "")


def test_chat_json_is_the_completion_and_the_system_message_is_sent(zaguan: Run) -> None:
    result = zaguan("chat", "hello world", "-m", "test/echo", "--system", "be brief", "--json")
    assert result.returncode == 0, result.stderr
    completion = json.loads(result.stdout)
    assert completion["object"] == "chat.completion"
    assert completion["choices"][0]["message"]["content"] == "Echo: hello world"
    assert completion["usage"]["prompt_tokens"] == 4  # one token per word: the system's two too


def test_chat_stream_prints_the_answer(zaguan: Run) -> None:
    result = zaguan("chat", "one two three", "-m", "test/echo", "--stream")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Echo: one two three\n", "")


def test_chat_stream_json_is_one_chunk_per_line(zaguan: Run) -> None:
    result = zaguan("chat", "one two", "-m", "test/echo", "--stream", "--json")
    assert result.returncode == 0, result.stderr
    chunks = [json.loads(line) for line in result.stdout.splitlines()]
    assert {chunk["object"] for chunk in chunks} == {"chat.completion.chunk"}
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "Echo: one two"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"


def test_an_error_inside_a_stream_keeps_what_was_printed_and_is_one_line(zaguan: Run) -> None:
    result = zaguan("chat", "one two three", "-m", "test/stream-error-2", "--stream")
    assert result.returncode == 1
    assert result.stdout == "Echo: one \n"  # two words, each with its space; the line ended
    assert "provider_error" in one_line(result.stderr)


def read_until(process: subprocess.Popen[bytes], expected: bytes, timeout: float) -> bytes:
    """What ``process`` printed until ``expected`` appeared (it keeps running)."""
    assert process.stdout is not None
    seen, deadline = b"", time.monotonic() + timeout
    while expected not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"only {seen!r} after {timeout} s"
        if select.select([process.stdout], [], [], remaining)[0]:
            piece = os.read(process.stdout.fileno(), 4096)
            assert piece, f"stdout closed after {seen!r}"
            seen += piece
    return seen


def test_ctrl_c_mid_stream_exits_130_without_a_traceback(cli_env: dict[str, str]) -> None:
    # The model sends "Echo: " and "one", then only keep-alives for a minute: the words can
    # only be read here if the command printed them as they came (a pipe is block-buffered).
    command = [*INTERRUPTIBLE, "chat", "one two three", "-m", "test/stream-keepalive-2", "--stream"]
    with started(command, cli_env) as process:
        try:
            printed = read_until(process, b"Echo: one", timeout=30)
            interrupted = time.monotonic()
            process.send_signal(signal.SIGINT)
            rest, stderr = process.communicate(timeout=30)
        finally:
            process.kill()
    assert process.returncode == 130
    assert time.monotonic() - interrupted < 10
    assert printed + rest == b"Echo: one \n"
    assert b"Traceback" not in stderr
    assert stderr.strip() == b""


def test_a_reader_that_leaves_mid_stream_ends_it_quietly_on_both_sides(
    cli_env: dict[str, str], corex_server: LocalCoreX, caplog: pytest.LogCaptureFixture
) -> None:
    # `zaguan chat ... --stream | head -1`: the reader leaves, the command's next write fails.
    # Before, the server then logged "socket.send() raised exception." for each of thousands
    # of events left; the command, one line at most and no traceback.
    caplog.set_level(logging.WARNING)
    words = " ".join(["word"] * 5000)
    command = [*ZAGUAN, "chat", words, "-m", "test/echo", "--stream"]
    with started(command, cli_env) as process:
        try:
            read_until(process, b"Echo: word", timeout=TIMEOUT)
            assert process.stdout is not None
            process.stdout.close()
            _, stderr = process.communicate(timeout=TIMEOUT)
        finally:
            process.kill()
    assert stderr == b""
    for _ in range(20):  # the server's loop has had turns since the command left
        httpx2.get(f"{corex_server.base_url}/health", timeout=TIMEOUT).raise_for_status()
    assert len([r for r in caplog.records if r.getMessage() == SEND_FAILED]) <= 1
