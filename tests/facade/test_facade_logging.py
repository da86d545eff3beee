"""The ``zaguan`` logger: INFO, retries and final failures; DEBUG, one record per attempt;
never the key (`zaguan._observe._log.SecretFilter` masks one even where a message quoted it)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys

import httpx2
import pytest
import respx
from facade_support import (
    API_KEY,
    CHAT_PATH,
    MESSAGES,
    MODEL,
    Api,
    Reply,
    completion_json,
    error_json,
)

import zaguan

LINE = re.compile(
    r"(?P<method>[A-Z]+) (?P<path>\S+) -> (?P<outcome>\S+) "
    r"request_id=(?P<rid>\S+) latency_ms=(?P<ms>\d+\.\d)"
)


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, str]]:
    records = [r for r in caplog.records if r.name == "zaguan" and r.levelno == logging.DEBUG]
    matches = [LINE.fullmatch(r.getMessage()) for r in records]
    assert all(matches), [r.getMessage() for r in records]
    return [m.groupdict() for m in matches if m]


def _assert_no_key(caplog: pytest.LogCaptureFixture) -> None:
    assert API_KEY not in caplog.text
    for record in caplog.records:
        assert API_KEY not in record.getMessage()
        assert API_KEY not in repr(record.args)
        assert API_KEY not in repr(record.__dict__)


async def test_a_success_is_logged_at_debug(
    api: Api, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock.post(CHAT_PATH).respond(json=completion_json())
    await api.call("chat", model=MODEL, messages=MESSAGES, request_id="log-ok")
    [line] = _lines(caplog)
    assert line["method"] == "POST"
    assert line["path"] == CHAT_PATH
    assert line["outcome"] == "200"
    assert line["rid"] == "log-ok"
    assert float(line["ms"]) >= 0
    _assert_no_key(caplog)


async def test_every_attempt_of_a_failure_is_logged(
    api: Api, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = f"Bad key Bearer {API_KEY}"
    mock.get("/v1/models").mock(
        side_effect=[Reply(503), httpx2.ConnectError("refused"),
                     Reply(401, json=error_json("authentication_error", echo))]
    )  # fmt: skip
    with pytest.raises(zaguan.AuthenticationError) as caught:
        await api.call("list_models")
    lines = _lines(caplog)
    assert [line["outcome"] for line in lines] == ["503", "ConnectError", "401"]
    assert {line["rid"] for line in lines} == {caught.value.request_id}
    assert {(line["method"], line["path"]) for line in lines} == {("GET", "/v1/models")}
    _assert_no_key(caplog)


async def test_a_stream_is_logged(
    api: Api, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock.post(CHAT_PATH).respond(
        200, content=b"data: [DONE]\n\n", headers={"Content-Type": "text/event-stream"}
    )
    stream = await api.start(model=MODEL, messages=MESSAGES)
    await api.read(stream)
    [line] = _lines(caplog)
    assert (line["method"], line["path"], line["outcome"]) == ("POST", CHAT_PATH, "200")
    assert line["rid"] == stream.request_id
    _assert_no_key(caplog)


RETRY = re.compile(
    r"GET /v1/models attempt (?P<n>\d) of 3 failed \((?P<reason>\S+)\); "
    r"retrying in (?P<delay>\d+\.\d\d) s request_id=(?P<rid>\S+)"
)


async def test_info_logs_each_retry_and_the_final_failure_only(
    api: Api, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="zaguan")
    echo = f"Bad key Bearer {API_KEY}"
    mock.get("/v1/models").mock(
        side_effect=[Reply(503), httpx2.ConnectError("refused"),
                     Reply(401, json=error_json("authentication_error", echo))]
    )  # fmt: skip
    with pytest.raises(zaguan.AuthenticationError) as caught:
        await api.call("list_models", request_id="log-info")
    records = [r for r in caplog.records if r.name == "zaguan"]
    assert [r.levelno for r in records] == [logging.INFO] * 3  # no DEBUG line at INFO
    retries = [RETRY.fullmatch(r.getMessage()) for r in records[:2]]
    assert [(m["n"], m["reason"], m["rid"]) for m in retries if m] == [
        ("1", "503", "log-info"),
        ("2", "ConnectError", "log-info"),
    ]
    failure = records[2].getMessage()
    assert failure.startswith("GET /v1/models failed: AuthenticationError: ")
    assert failure.endswith("request_id=log-info")
    assert caught.value.request_id == "log-info"
    _assert_no_key(caplog)


async def test_a_success_logs_nothing_at_info(
    api: Api, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="zaguan")
    mock.post(CHAT_PATH).respond(json=completion_json())
    await api.call("chat", model=MODEL, messages=MESSAGES)
    assert [r for r in caplog.records if r.name.startswith("zaguan")] == []


def test_the_secret_filter_masks_keys_in_any_record(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="zaguan")
    for name in ("zaguan", "zaguan.hooks"):
        logging.getLogger(name).warning("got %s and Bearer %s", API_KEY, "zk-local-pro")
    messages = [r.getMessage() for r in caplog.records]
    assert messages == ["got *** and Bearer ***"] * 2
    _assert_no_key(caplog)


def test_zaguan_log_info_prints_a_retry_line_to_stderr() -> None:
    script = """
from zaguan import ZaguanClient
from zaguan.testing import set_testing
from zaguan.testing import LocalCoreX
set_testing(True)
with LocalCoreX() as server, ZaguanClient(server.api_key, base_url=server.base_url) as c:
    c.chat(model="test/fail-503-1", messages=[{"role": "user", "content": "hi"}],
           request_id="env-info")
"""
    env = {**os.environ, "ZAGUAN_LOG": "info", "ZAGUAN_OTEL": "off"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if " zaguan INFO " in line]
    assert len(lines) == 1, done.stderr
    assert lines[0].endswith(
        "POST /v1/chat/completions attempt 1 of 3 failed (503); retrying in 0.00 s "
        "request_id=env-info"
    )
    assert "zk-local" not in done.stderr
