"""Input lines read into `Line`s and output lines built from answers: pure, no server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from zaguan.bulk import BulkInputError, Line, line_of, parse_line
from zaguan.bulk._lines import endpoint_url
from zaguan.bulk._records import credits_of, json_text, read_record, record_bytes, record_id
from zaguan_corex_client.models import BatchRequestOutput

CHAT = "/v1/chat/completions"
BODY = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}


def request_line(**fields: Any) -> bytes:
    line = {"custom_id": "a-1", "method": "POST", "url": CHAT, "body": BODY, **fields}
    return json.dumps({k: v for k, v in line.items() if v is not ...}).encode() + b"\n"


def problem(raw: bytes, endpoint: str | None = None, number: int = 7) -> str:
    with pytest.raises(BulkInputError) as caught:
        parse_line(raw, number, endpoint)
    [(where, text)] = caught.value.problems
    assert where == number
    assert str(caught.value) == f"line {number}: {text}"
    return text


def test_a_request_line_is_read_as_it_is() -> None:
    assert parse_line(request_line(), 3) == Line(3, "a-1", CHAT, BODY)


@pytest.mark.parametrize(
    ("endpoint", "url"),
    [
        ("chat", CHAT),
        ("embeddings", "/v1/embeddings"),
        ("messages", "/v1/messages"),
        (CHAT, CHAT),
    ],
)
def test_a_bare_body_goes_to_the_endpoint_with_its_line_number_as_custom_id(
    endpoint: str, url: str
) -> None:
    line = parse_line(json.dumps(BODY).encode() + b"\r\n", 12, endpoint_url(endpoint))
    assert line == Line(12, "12", url, BODY)


def test_an_unknown_endpoint_names_the_known_ones() -> None:
    with pytest.raises(BulkInputError, match=r"chat \(/v1/chat/completions\).*'completions'"):
        endpoint_url("completions")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\n", "blank line"),
        (b"   \r\n", "blank line"),
        (b'{"custom_id": "a"\n', "not JSON: Expecting ',' delimiter (column 18)"),
        (b'{"model": "m", "x": NaN}\n', "not JSON: NaN is not a JSON value"),
        (b'{"model": "caf\xe9"}\n', "not UTF-8 text (byte 15 is 0xe9)"),
        (b"[1, 2]\n", "expected a JSON object, got an array"),
        (b'"text"\n', "expected a JSON object, got a string"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_a_line_that_is_not_a_json_object_says_why(raw: bytes, expected: str) -> None:
    assert expected in problem(raw, CHAT)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"custom_id": ...}, "missing 'custom_id'"),
        ({"method": ...}, "missing 'method'"),
        ({"body": ...}, "missing 'body'"),
        ({"custom_id": ""}, "custom_id must be a non-empty string, got a string"),
        ({"custom_id": 5}, "custom_id must be a non-empty string, got a number"),
        ({"method": "GET"}, "method must be 'POST', got 'GET'"),
        ({"url": "/v1/completions"}, "url must be one of /v1/chat/completions, /v1/embeddings"),
        ({"body": []}, "body must be a JSON object, got an array"),
        ({"body": {**BODY, "stream": True}}, '"stream": true is not for a bulk run'),
    ],
)
def test_a_bad_request_line_says_what_is_wrong(fields: dict[str, Any], expected: str) -> None:
    assert expected in problem(request_line(**fields))


def test_a_request_line_must_use_the_runs_endpoint_when_it_has_one() -> None:
    text = problem(request_line(url="/v1/embeddings"), CHAT)
    assert text == "url /v1/embeddings is not the run's endpoint, /v1/chat/completions"


def test_a_bare_body_without_an_endpoint_says_how_to_give_one() -> None:
    assert "needs the run's endpoint (chat, embeddings or messages)" in problem(b'{"model": "m"}')


def test_a_request_lines_other_fields_are_ignored_as_server_side_batches_do() -> None:
    assert parse_line(request_line(metadata={"a": 1}), 2) == Line(2, "a-1", CHAT, BODY)


def test_line_of_reads_parsed_rows_as_parse_line_reads_text() -> None:
    row = json.loads(request_line())
    assert line_of(row, 4) == parse_line(request_line(), 4)
    with pytest.raises(BulkInputError, match="line 0: expected a JSON object, got null"):
        line_of(None, 0)


# -- output lines


def test_an_answer_line_is_a_batch_api_output_line_with_the_body_byte_for_byte() -> None:
    body = b'{"id": "chatcmpl-1",\n  "n": 1.50, "text": "caf\xc3\xa9"}'
    raw = record_bytes("a-1", "run:a-1", status_code=200, body=json_text(body))
    assert raw.endswith(b"\n")
    assert raw.count(b"\n") == 1
    assert b'"body":{"id": "chatcmpl-1",   "n": 1.50, "text": "caf\xc3\xa9"}' in raw
    line = json.loads(raw)
    assert line == {
        "id": record_id("run:a-1"),
        "custom_id": "a-1",
        "response": {"status_code": 200, "request_id": "run:a-1", "body": json.loads(body)},
        "error": None,
    }
    assert BatchRequestOutput.from_dict(line).custom_id == "a-1"  # the contract's output line


def test_a_line_without_an_answer_has_a_null_response_and_its_error() -> None:
    raw = record_bytes("a-1", "run:a-1", error=("APITimeoutError", "Request timed out."))
    line = json.loads(raw)
    assert line["response"] is None
    assert line["error"] == {"code": "APITimeoutError", "message": "Request timed out."}
    assert BatchRequestOutput.from_dict(line).error is not None


@pytest.mark.parametrize(
    ("content", "parsed", "expected"),
    [
        (b"", None, b"null"),
        (b"<html>Bad gateway</html>", None, b'"<html>Bad gateway</html>"'),
        (b'\xef\xbb\xbf{"a": 1}', {"a": 1}, b'{"a":1}'),  # a BOM: written anew
        ('{"a": "é"}'.encode("utf-16"), {"a": "é"}, '{"a":"é"}'.encode()),
        (b"\xff\xfe garbage", None, b'"\xef\xbf\xbd\xef\xbf\xbd garbage"'),
    ],
)
def test_json_text_is_always_one_json_value_on_one_line(
    content: bytes, parsed: Any, expected: bytes
) -> None:
    assert json_text(content, parsed) == expected


def test_odd_ids_and_messages_stay_valid_json() -> None:
    raw = record_bytes('\ud800 "x"\n', "run:~ab", error=("E", "line\nbreak \udcff"))
    assert raw.count(b"\n") == 1
    assert json.loads(raw)["custom_id"] == '\ud800 "x"\n'


def test_record_ids_are_stable_and_distinct() -> None:
    assert record_id("r:1") == record_id("r:1") != record_id("r:2")
    assert record_id("r:1").startswith("batch_req_")


def test_read_record_gives_what_resume_needs() -> None:
    body = json_text(b'{"promptshield": {"credits_used": 3, "credits_remaining": 7}}')
    record = read_record(record_bytes("a", "run:a", status_code=200, body=body))
    assert (record.custom_id, record.request_id, record.credits) == ("a", "run:a", 3.0)
    failed = read_record(record_bytes("b", "run:b", error=("APITimeoutError", "late")))
    assert (failed.custom_id, failed.request_id, failed.credits) == ("b", None, 0.0)
    for bad in (b"[]", b'{"id": "x"}', b'{"custom_id": "a", "response": {}}'):
        with pytest.raises(ValueError, match="not a result line"):
            read_record(bad)
    with pytest.raises(json.JSONDecodeError):
        read_record(b"{")


@pytest.mark.parametrize(
    ("body", "credits"),
    [
        ({"promptshield": {"credits_used": 2.5}}, 2.5),
        ({"promptshield": {"credits_used": True}}, 0.0),
        ({"promptshield": {"credits_used": -4}}, 0.0),
        ({"promptshield": {"credits_used": float("inf")}}, 0.0),
        ({"promptshield": None}, 0.0),
        ({"usage": {}}, 0.0),
        ([1], 0.0),
    ],
)
def test_credits_of_reads_promptshield_and_ignores_nonsense(body: object, credits: float) -> None:
    assert credits_of(body) == credits
