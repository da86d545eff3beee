"""`run_tools` as a whole: one request id per round (derived from the caller's, so that a
re-run is answered from CoreX's record and not charged again), one deadline for the whole
run, and its bounds checked before anything is sent; both clients against the local CoreX,
whose ledger says what was charged."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.adapter import Api
from zaguan import APITimeoutError, RequestValidationError
from zaguan.testing import LocalCoreX

MODEL = "openai/gpt-4o-mini"  # band A: one credit a round
FULL = 10_000
SLOW = {"X-CoreX-Fault": "delay=0.4"}  # every round waits this long for its answer


def ask(prompt: str) -> list[dict[str, Any]]:
    return [{"role": "user", "content": prompt}]


def weather(city: str) -> str:
    """The weather in a city."""
    return f"sunny in {city}"


async def test_each_round_has_its_own_id_derived_from_the_callers(
    api: Api, server: LocalCoreX
) -> None:
    run = await api("run_tools", model=MODEL, messages=ask("weather?"), tools=[weather],
                    request_id="trip-1")  # fmt: skip
    assert run.rounds == 1  # two requests: the call, then the answer
    assert [server.attempts(f"trip-1:round-{n}") for n in (1, 2, 3)] == [1, 1, 0]
    assert server.attempts("trip-1") == 0
    assert run.completion._request_id == "trip-1:round-2"
    assert [len(server.ledger.charges_for(f"trip-1:round-{n}")) for n in (1, 2)] == [1, 1]
    assert server.ledger.balance == FULL - 2  # one debit a round


async def test_a_rerun_with_the_same_id_is_not_charged_again(api: Api, server: LocalCoreX) -> None:
    first = await api("run_tools", model=MODEL, messages=ask("weather?"), tools=[weather],
                      request_id="trip-2")  # fmt: skip
    again = await api("run_tools", model=MODEL, messages=ask("weather?"), tools=[weather],
                      request_id="trip-2")  # fmt: skip
    assert again.messages == first.messages
    assert again.completion.to_dict() == first.completion.to_dict()
    assert server.ledger.balance == FULL - 2  # zero extra for the re-run
    assert [server.attempts(f"trip-2:round-{n}") for n in (1, 2)] == [2, 2]


async def test_an_id_in_extra_headers_is_derived_alike(api: Api, server: LocalCoreX) -> None:
    run = await api("run_tools", model=MODEL, messages=ask("weather?"), tools=[weather],
                    extra_headers={"x-request-id": "trip-3"})  # fmt: skip
    assert run.completion._request_id == "trip-3:round-2"
    assert server.attempts("trip-3:round-1") == 1
    assert server.ledger.balance == FULL - 2


async def test_without_an_id_each_round_gets_a_fresh_one(api: Api, server: LocalCoreX) -> None:
    await api("run_tools", model=MODEL, messages=ask("weather?"), tools=[weather])
    ids = [entry.request_id for entry in server.ledger.entries]
    assert len(ids) == len(set(ids)) == 2
    assert server.ledger.balance == FULL - 2


async def test_the_deadline_bounds_the_whole_run(api: Api, server: LocalCoreX) -> None:
    """Each round alone fits the deadline; the rounds together do not. The second round gets
    what is left, so the run ends at the deadline instead of after every round's answer."""
    deadline = 1.0
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match=r"deadline of 1 s passed"):
        await api("run_tools", model=MODEL, messages=ask("slow_weather?"), tools=[slow_weather],
                  deadline=deadline, extra_headers=SLOW)  # fmt: skip
    elapsed = time.monotonic() - started
    # Round 1 (0.4 s) and the tool (0.3 s) leave 0.3 s for round 2, which needs 0.4 s.
    assert deadline - 0.05 <= elapsed < deadline + 1.0  # timers may fire a little early
    # Round 1 is charged; round 2 only if the server finished its 0.4 s before it noticed the
    # client leave, which a loaded machine decides: never a third round, nor one charged twice.
    assert FULL - 2 <= server.ledger.balance <= FULL - 1
    ids = [entry.request_id for entry in server.ledger.entries]
    assert len(ids) == len(set(ids))


def slow_weather(city: str) -> str:
    """The weather, slowly."""
    time.sleep(0.3)
    return "sunny"


async def test_a_round_that_starts_past_the_deadline_is_not_sent(
    api: Api, server: LocalCoreX
) -> None:
    def slower_weather(city: str) -> str:
        """The weather, more slowly than the deadline allows (tool time counts)."""
        time.sleep(0.7)
        return "sunny"

    with pytest.raises(APITimeoutError) as caught:
        await api("run_tools", model=MODEL, messages=ask("slower_weather?"),
                  tools=[slower_weather], deadline=1.0, request_id="trip-5",
                  extra_headers=SLOW)  # fmt: skip
    assert str(caught.value).startswith("The call's deadline of 1 s passed before round 2.")
    assert caught.value.request_id == "trip-5:round-2"
    assert server.attempts("trip-5:round-2") == 0  # never sent
    assert server.ledger.balance == FULL - 1


async def test_the_clients_deadline_bounds_the_run_too(server: LocalCoreX) -> None:
    from zaguan import ZaguanClient  # noqa: PLC0415

    with ZaguanClient(server.api_key, base_url=server.base_url, deadline=1.0) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError, match="deadline of 1 s"):
            client.run_tools(model=MODEL, messages=ask("slow_weather?"), tools=[slow_weather],
                             extra_headers=SLOW)  # fmt: skip
        assert time.monotonic() - started < 2.0
        # deadline=None lifts the client's deadline for this run, as for any call.
        run = client.run_tools(model=MODEL, messages=ask("slow_weather?"), tools=[slow_weather],
                               extra_headers=SLOW, deadline=None)  # fmt: skip
    assert run.rounds == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_rounds": None}, "max_rounds must be an integer >= 1, got None"),
        ({"max_rounds": "2"}, "max_rounds must be an integer >= 1, got '2'"),
        ({"max_rounds": -1}, "max_rounds must be an integer >= 1, got -1"),
        ({"max_rounds": 0}, "max_rounds must be an integer >= 1, got 0"),
        ({"max_rounds": True}, "max_rounds must be an integer >= 1, got True"),
        ({"tool_errors": "ignore"}, "tool_errors must be 'report' or 'raise', got 'ignore'"),
        ({"tool_errors": ["raise"]}, "tool_errors must be 'report' or 'raise'"),
        ({"deadline": -1}, "deadline must be a positive number of seconds or None, got -1"),
        ({"deadline": float("nan")}, "deadline must be a positive number"),
        ({"request_id": "two words"}, "request_id must not contain spaces"),
        ({"tools": None}, "tools must be an iterable of FunctionTools or functions, got None"),
        ({"tools": [42]}, "a tool is a FunctionTool or a typed function, got 42"),
    ],
)
async def test_bad_bounds_are_refused_before_sending(
    api: Api, server: LocalCoreX, options: dict[str, Any], message: str
) -> None:
    kwargs: dict[str, Any] = {"model": MODEL, "messages": ask("weather?"), "tools": [weather]}
    with pytest.raises(RequestValidationError) as caught:
        await api("run_tools", **{**kwargs, **options})
    assert str(caught.value).startswith(message)
    assert server.ledger.balance == FULL
    assert server.ledger.entries == ()
