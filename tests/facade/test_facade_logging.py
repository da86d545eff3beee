"""The ``zaguan`` logger: one DEBUG record per attempt; never the key."""

from __future__ import annotations

import logging
import re

import httpx
import pytest
import respx
from facade_support import API_KEY, CHAT_PATH, MESSAGES, MODEL, Api, completion_json, error_json

import zaguan

LINE = re.compile(
    r"(?P<method>[A-Z]+) (?P<path>\S+) -> (?P<outcome>\S+) "
    r"request_id=(?P<rid>\S+) latency_ms=(?P<ms>\d+\.\d)"
)


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, str]]:
    records = [r for r in caplog.records if r.name == "zaguan"]
    assert all(r.levelno == logging.DEBUG for r in records)
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
        side_effect=[httpx.Response(503), httpx.ConnectError("refused"),
                     httpx.Response(401, json=error_json("authentication_error", echo))]
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


async def test_nothing_is_logged_above_debug(
    api: Api, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="zaguan")
    mock.get("/health").mock(side_effect=[httpx.Response(500), httpx.Response(200, json={})])
    with pytest.raises(zaguan.APIResponseValidationError):
        await api.call("health")
    assert [r for r in caplog.records if r.name == "zaguan"] == []
