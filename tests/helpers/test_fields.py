"""`ParseParams` and `RunToolsParams` are `ChatParams` less the keywords their methods take in
another form (mypy refuses a keyword that is also a key of the ``**`` TypedDict), generated from
the contract (scripts/generate.py's ``PARAM_VARIANTS``): equal to it, key for key and type for
type, but for those."""

from __future__ import annotations

import re
from typing import Any

import pytest

from zaguan import ChatParams, ParseParams, RunToolsParams


def keys(params: Any) -> dict[str, str]:
    """Each key and its annotation, spaces, line breaks and brackets aside."""
    return {
        key: re.sub(r"[\s()]", "", getattr(value, "__forward_arg__", str(value)))
        for key, value in params.__annotations__.items()
    }


@pytest.mark.parametrize(
    ("params", "left_out"),
    [(ParseParams, {"response_format"}), (RunToolsParams, {"messages", "tools"})],
)
def test_the_params_are_chat_params_less_what_the_method_takes_itself(
    params: Any, left_out: set[str]
) -> None:
    chat = keys(ChatParams)
    assert set(chat) - set(keys(params)) == left_out
    for key, annotation in keys(params).items():
        assert annotation == chat[key], key
    assert params.__required_keys__ == ChatParams.__required_keys__ - left_out
