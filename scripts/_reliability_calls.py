"""The idempotency run of `scripts/reliability.py`: calls under a seeded random fault schedule.

Each call gets its own request id and a fault (the local CoreX's ``X-CoreX-Fault`` header);
afterwards the server's own records say how many attempts each id took and how often it was
charged. The sync and async calls are twins that differ by ``await``.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from zaguan import AsyncZaguanClient, ZaguanClient, ZaguanError
from zaguan.testing import FAULT_HEADER, LocalCoreX
from zaguan_corex_client.models import ChatMessageParam, InputMessageParam

#: Back-off waits are cut to this many seconds, through each client's own `_sleep` seam.
BACKOFF_CAP = 0.02
#: The per-call `timeout=` of the timeout scenarios, and the server delay that exceeds it.
CALL_TIMEOUT = 0.2
SLOW = 0.5

CHAT_MODEL = "openai/gpt-4o-mini"
MESSAGES_MODEL = "anthropic/claude-3-5-haiku"
EMBEDDINGS_MODEL = "openai/text-embedding-3-small"

#: What is called, and how often (weights).
KINDS = {"chat": 55, "chat_stream": 20, "messages": 15, "embeddings": 10}


@dataclass(frozen=True)
class Scenario:
    """One fault of the schedule: its `X-CoreX-Fault` spec, per-call timeout, and weight."""

    name: str
    spec: str | None
    weight: int
    timeout: float | None = None
    streams_only: bool = False


SCENARIOS = (
    Scenario("none", None, 40),
    Scenario("503 once", "status=503;times=1", 8),
    Scenario("502 twice", "status=502;times=2", 6),
    Scenario("500 always", "status=500", 3),
    Scenario("429 once, Retry-After 0.05", "retry_after=0.05;times=1", 8),
    Scenario("429 always, Retry-After 0.05", "retry_after=0.05", 3),
    Scenario("drop before response, once", "drop=1;times=1", 6),
    Scenario("drop before response, always", "drop=1", 3),
    Scenario(f"slow {SLOW}s > timeout, once", f"delay={SLOW};times=1", 6, CALL_TIMEOUT),
    Scenario(f"slow {SLOW}s > timeout, always", f"delay={SLOW}", 3, CALL_TIMEOUT),
    Scenario("stream dropped mid-body", "stream_drop_after=2;times=1", 8, streams_only=True),
    Scenario("stream cut, no [DONE]", "stream_cut_after=2;times=1", 4, streams_only=True),
    Scenario("stream error event", "stream_error_after=2;times=1", 4, streams_only=True),
)


@dataclass(frozen=True)
class Plan:
    """One call of the run: what it calls, its request id, its fault, its prompt."""

    request_id: str
    kind: str
    scenario: Scenario
    prompt: str

    def options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"request_id": self.request_id}
        if self.scenario.spec is not None:
            options["extra_headers"] = {FAULT_HEADER: self.scenario.spec}
        if self.scenario.timeout is not None:
            options["timeout"] = self.scenario.timeout
        return options


def schedule(seed: int, calls: int) -> list[tuple[str, Scenario]]:
    """The kinds and faults of `calls` calls, drawn from `seed` (both clients get the same)."""
    rng = random.Random(seed)
    drawn = []
    for _ in range(calls):
        kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        fits = [s for s in SCENARIOS if kind == "chat_stream" or not s.streams_only]
        drawn.append((kind, rng.choices(fits, weights=[s.weight for s in fits])[0]))
    return drawn


def plans(drawn: Sequence[tuple[str, Scenario]], prefix: str) -> list[Plan]:
    return [
        Plan(f"{prefix}-{i:05d}", kind, scenario, f"reliability {prefix} call {i}")
        for i, (kind, scenario) in enumerate(drawn)
    ]


def is_right(plan: Plan, answer: Any) -> bool:
    """Whether a call's result is the local CoreX's answer to its prompt."""
    if plan.kind == "embeddings":
        return len(answer.data) == 1 and len(answer.data[0].embedding) == 1536
    if plan.kind == "messages":
        return bool(answer.content[0].to_dict().get("text") == f"Echo: {plan.prompt}")
    return bool(answer.choices[0].message.content == f"Echo: {plan.prompt}")


class _SyncClient(ZaguanClient):
    def _sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, BACKOFF_CAP))


class _AsyncClient(AsyncZaguanClient):
    async def _sleep(self, seconds: float) -> None:
        await asyncio.sleep(min(seconds, BACKOFF_CAP))


def _messages(plan: Plan) -> tuple[list[ChatMessageParam], list[InputMessageParam]]:
    """The prompt as chat messages and as Anthropic turns."""
    return [{"role": "user", "content": plan.prompt}], [{"role": "user", "content": plan.prompt}]


def call_sync(client: ZaguanClient, plan: Plan) -> Any:
    messages, turns = _messages(plan)
    options = plan.options()
    if plan.kind == "chat":
        return client.chat(model=CHAT_MODEL, messages=messages, **options)
    if plan.kind == "chat_stream":
        with client.chat_stream(model=CHAT_MODEL, messages=messages, **options) as stream:
            for _chunk in stream:
                pass
        return stream.get_final_completion()
    if plan.kind == "messages":
        return client.messages(model=MESSAGES_MODEL, max_tokens=64, messages=turns, **options)
    return client.create_embeddings(model=EMBEDDINGS_MODEL, input=plan.prompt, **options)


async def call_async(client: AsyncZaguanClient, plan: Plan) -> Any:
    messages, turns = _messages(plan)
    options = plan.options()
    if plan.kind == "chat":
        return await client.chat(model=CHAT_MODEL, messages=messages, **options)
    if plan.kind == "chat_stream":
        async with client.chat_stream(model=CHAT_MODEL, messages=messages, **options) as stream:
            async for _chunk in stream:
                pass
        return await stream.get_final_completion()
    if plan.kind == "messages":
        return await client.messages(model=MESSAGES_MODEL, max_tokens=64, messages=turns, **options)
    return await client.create_embeddings(model=EMBEDDINGS_MODEL, input=plan.prompt, **options)


def outcome(plan: Plan, answer: Any, error: BaseException | None) -> str:
    """``ok``, ``wrong answer``, the `ZaguanError` class, or ``ESCAPED <class>`` for anything
    else (a raw httpx2/json/KeyError is an SDK defect)."""
    if error is None:
        return "ok" if is_right(plan, answer) else "wrong answer"
    if isinstance(error, ZaguanError):
        return type(error).__name__
    return f"ESCAPED {type(error).__name__}"


def run_sync(server: LocalCoreX, todo: Sequence[Plan], workers: int) -> list[str]:
    """Every call from threads sharing one sync client; the outcome of each, in order."""

    def one(plan: Plan) -> str:
        try:
            answer = call_sync(client, plan)
        except Exception as exc:
            return outcome(plan, None, exc)
        return outcome(plan, answer, None)

    client = _SyncClient(server.api_key, base_url=server.base_url)
    with client, ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, todo))


async def run_async(server: LocalCoreX, todo: Sequence[Plan], workers: int) -> list[str]:
    """Every call from one async client, `workers` at a time; the outcome of each, in order."""
    gate = asyncio.Semaphore(workers)

    async def one(plan: Plan) -> str:
        async with gate:
            try:
                answer = await call_async(client, plan)
            except Exception as exc:
                return outcome(plan, None, exc)
            return outcome(plan, answer, None)

    async with _AsyncClient(server.api_key, base_url=server.base_url) as client:
        return list(await asyncio.gather(*(one(plan) for plan in todo)))


@dataclass
class Tally:
    """The idempotency counts of one client."""

    calls: int = 0
    retries: int = 0
    successes: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    double_debits: int = 0
    charged_failures: Counter[str] = field(default_factory=Counter)
    uncharged_successes: int = 0
    recovered: int = 0
    recovery_debits: int = 0

    @property
    def defects(self) -> int:
        """Counts that must be 0: double debits, wrong answers, escaped exceptions, a success
        without its debit, a debit more after a same-id retry."""
        bad = sum(n for name, n in self.failures.items() if name.split()[0] in _DEFECTS)
        return self.double_debits + bad + self.uncharged_successes + self.recovery_debits


_DEFECTS = ("wrong", "ESCAPED")


def settle(server: LocalCoreX) -> None:
    """Let server handlers the client gave up on (timeouts) finish and charge, before counting.

    Waits until the ledger stops growing for a while, at most 30 s."""
    deadline, last, quiet_since = time.monotonic() + 30, -1, time.monotonic()
    while time.monotonic() < deadline:
        size = len(server.ledger.entries)
        if size != last:
            last, quiet_since = size, time.monotonic()
        elif time.monotonic() - quiet_since > 2 * SLOW + 0.5:
            return
        time.sleep(0.1)


def tally(server: LocalCoreX, todo: Sequence[Plan], outcomes: Sequence[str]) -> Tally:
    """Count from the server's records: attempts and debits per request id."""
    counts = Tally(calls=len(todo))
    for plan, result in zip(todo, outcomes, strict=True):
        counts.retries += max(server.attempts(plan.request_id) - 1, 0)
        charges = len(server.ledger.charges_for(plan.request_id))
        counts.double_debits += charges > 1
        if result == "ok":
            counts.successes += 1
            counts.uncharged_successes += charges == 0
        else:
            counts.failures[result] += 1
            if charges:
                counts.charged_failures[result] += 1
    return counts


def recover(
    server: LocalCoreX, todo: Sequence[Plan], outcomes: Sequence[str], counts: Tally
) -> None:
    """Retry each call that failed but was charged, with the same request id and no fault:
    it must succeed with the stored answer and no new debit."""
    with ZaguanClient(server.api_key, base_url=server.base_url) as client:
        for plan, result in zip(todo, outcomes, strict=True):
            if result == "ok" or not server.ledger.charges_for(plan.request_id):
                continue
            again = Plan(plan.request_id, plan.kind, SCENARIOS[0], plan.prompt)
            try:
                right = is_right(again, call_sync(client, again))
            except ZaguanError:
                right = False
            counts.recovered += right
            counts.recovery_debits += len(server.ledger.charges_for(plan.request_id)) - 1


def measure(server: LocalCoreX, todo: Sequence[Plan], outcomes: Sequence[str]) -> Tally:
    settle(server)
    counts = tally(server, todo, outcomes)
    recover(server, todo, outcomes, counts)
    return counts
