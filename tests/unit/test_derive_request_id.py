"""`derive_request_id`: one id per piece of a larger piece of work, the same every time."""

from __future__ import annotations

import pytest

from zaguan import RequestValidationError
from zaguan._request import check_request_id, derive_request_id


def test_a_plain_part_stays_readable() -> None:
    assert derive_request_id("run-7", "line-12") == "run-7:line-12"
    assert derive_request_id("r1", "round-2") == "r1:round-2"


@pytest.mark.parametrize(
    "part", ["with space", "é", "a/b", "~x", "", "x" * 65, "\ud800", "line\n2", "😀"]
)
def test_any_other_part_is_hashed_into_a_valid_header_value(part: str) -> None:
    derived = derive_request_id("run-7", part)
    assert derived.startswith("run-7:~")
    assert check_request_id(derived) == derived  # visible ASCII, no spaces
    assert derive_request_id("run-7", part) == derived  # deterministic


def test_different_parts_and_bases_give_different_ids() -> None:
    parts = ["1", "01", "a b", "a  b", "~", "x" * 64, "x" * 65, "line-1", "line-1 "]
    ids = {derive_request_id(base, part) for base in ("run-1", "run-2") for part in parts}
    assert len(ids) == 2 * len(parts)


@pytest.mark.parametrize(("base", "part"), [("", "x"), ("a b", "x"), (None, "x"), ("r", 3)])
def test_bad_arguments_are_refused(base: object, part: object) -> None:
    with pytest.raises(RequestValidationError):
        derive_request_id(base, part)  # type: ignore[arg-type]
