"""The caller's headers are checked before anything is sent: names and values, per call
(`RequestValidationError`) and per client (`ConfigurationError`), naming the header."""

from __future__ import annotations

from typing import Any

import pytest
import respx
from facade_support import API_KEY, BASE_URL, Api

import zaguan
from zaguan import AsyncZaguanClient, ConfigurationError, ZaguanClient

CLIENTS = pytest.mark.parametrize("cls", [ZaguanClient, AsyncZaguanClient])

BAD_NAMES: list[Any] = [
    "X Team",  # a space
    "",  # empty
    "X-Team\r\nX-Evil",  # CR/LF: header injection
    "X-Team\n",
    "X-T\u00e9am",  # non-ASCII
    "X-Team:",  # the separator
    "X-Te\x00am",
    "(X-Team)",  # delimiters of RFC 9110
    7,  # not a string
    b"X-Team",
    None,
]
BAD_VALUES: list[Any] = ["a\r\nX-Evil: 1", "a\n", "caf\u00e9", "a\x00", " a", "a ", 3, b"a", None]


@pytest.mark.parametrize("name", BAD_NAMES)
async def test_a_bad_extra_header_name_is_refused_before_sending(
    api: Api, mock: respx.MockRouter, name: Any
) -> None:
    route = mock.get("/v1/models").respond(json={"data": []})
    with pytest.raises(zaguan.RequestValidationError, match="extra_headers") as caught:
        await api.call("list_models", extra_headers={name: "v"})
    assert not route.called
    assert repr(name) in str(caught.value)  # names the header


@pytest.mark.parametrize("value", BAD_VALUES)
async def test_a_bad_extra_header_value_is_refused_naming_the_header_only(
    api: Api, mock: respx.MockRouter, value: Any
) -> None:
    route = mock.get("/v1/models").respond(json={"data": []})
    with pytest.raises(zaguan.RequestValidationError, match="X-Team") as caught:
        await api.call("list_models", extra_headers={"X-Team": value})
    assert not route.called
    assert not isinstance(value, str) or repr(value) not in str(caught.value)


@pytest.mark.parametrize("headers", [[("X-Team", "a")], "X-Team: a"])
async def test_extra_headers_that_are_no_mapping_are_refused(
    api: Api, mock: respx.MockRouter, headers: Any
) -> None:
    with pytest.raises(zaguan.RequestValidationError, match="mapping"):
        await api.call("list_models", extra_headers=headers)


@CLIENTS
@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_bad_default_header_name_is_a_configuration_error(
    cls: type[ZaguanClient], name: Any
) -> None:
    with pytest.raises(ConfigurationError, match="default_headers") as caught:
        cls(api_key=API_KEY, base_url=BASE_URL, default_headers={name: "v"})
    assert repr(name) in str(caught.value)


@CLIENTS
@pytest.mark.parametrize("value", BAD_VALUES)
def test_a_bad_default_header_value_is_a_configuration_error(
    cls: type[ZaguanClient], value: Any
) -> None:
    with pytest.raises(ConfigurationError, match="X-Team") as caught:
        cls(api_key=API_KEY, base_url=BASE_URL, default_headers={"X-Team": value})
    assert not isinstance(value, str) or repr(value) not in str(caught.value)


@CLIENTS
@pytest.mark.parametrize("name", ["X-Team", "x_team", "X.Team~1", "!#$%&'*+-.^_`|~"])
def test_every_token_name_is_accepted(cls: type[ZaguanClient], name: str) -> None:
    cls(api_key=API_KEY, base_url=BASE_URL, default_headers={name: "v"})


async def test_an_empty_value_is_sent(api: Api, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/models").respond(json={"data": []})
    await api.call("list_models", extra_headers={"X-Empty": ""})
    assert route.calls.last.request.headers["X-Empty"] == ""
