"""A short tour of the zaguan SDK against CoreX: `make demo`.

Starts the embedded local CoreX server (`zaguan.testing.LocalCoreX`) unless
$ZAGUAN_BASE_URL and $ZAGUAN_API_KEY point at a running CoreX.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import TextIO

from zaguan import BandAccessDeniedError, ZaguanClient

WEATHER_SCHEMA = {
    "type": "object",
    "properties": {"city": {"type": "string"}},
    "required": ["city"],
}
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather of a city.",
            "parameters": WEATHER_SCHEMA,
        },
    }
]


def use_color(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Bold only on a terminal, and never while $NO_COLOR is non-empty (https://no-color.org):
    escape codes are noise in a pipe, a log file or a CI transcript."""
    return stream.isatty() and not environ.get("NO_COLOR")


HUMAN_PACE = 0.05
"""Seconds between two events of the local server's streams: about 20 words a second."""


def stream_pace(stream: TextIO) -> float:
    """A human pace on a terminal, so that a streamed answer is seen arriving word by word (the
    local server would send it all in a millisecond); none in a pipe, where no one watches."""
    return HUMAN_PACE if stream.isatty() else 0.0


def heading(title: str) -> None:
    if use_color(sys.stdout, os.environ):
        print(f"\n\033[1m== {title}\033[0m")
    else:
        print(f"\n== {title}")


@contextlib.contextmanager
def corex() -> Iterator[tuple[ZaguanClient, dict[str, str]]]:
    """A client for $ZAGUAN_BASE_URL, or for a local server started here; and the environment
    that points the command line at the same server."""
    if os.environ.get("ZAGUAN_BASE_URL"):
        with ZaguanClient() as client:
            yield client, dict(os.environ)
        return
    from zaguan.testing import LocalCoreX  # noqa: PLC0415  # only when no CoreX is configured

    with (
        LocalCoreX(stream_pace=stream_pace(sys.stdout)) as server,
        ZaguanClient(server.api_key, base_url=server.base_url) as client,
    ):
        print(f"local CoreX serving on {server.base_url}")
        env = {**os.environ, "ZAGUAN_BASE_URL": server.base_url, "ZAGUAN_API_KEY": server.api_key}
        yield client, env


def command_line(env: dict[str, str]) -> None:
    """The `zaguan` command, streaming an answer from the same server."""
    heading("the command line: zaguan chat ... --stream")
    argv = ["zaguan", "chat", "Hello from the terminal", "-m", "openai/gpt-4o-mini", "--stream"]
    print("$ " + " ".join(arg if " " not in arg else repr(arg) for arg in argv))
    sys.stdout.flush()  # the command writes to the same terminal
    subprocess.run([sys.executable, "-m", "zaguan", *argv[1:]], env=env, check=True)


def tour(client: ZaguanClient) -> None:
    heading("health")
    health = client.health()
    print(f"status={health.status} version={health.version}")

    heading("chat")
    raw = client.with_raw_response.chat(
        model="openai/gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": "Hello from the zaguan SDK"},
        ],
        temperature=0.2,
    )
    reply = raw.parsed
    print(f"reply: {reply.choices[0].message.content!r}")
    print(f"usage: {reply.usage.to_dict() if reply.usage else None}")
    millis = raw.elapsed.total_seconds() * 1000
    print(f"request id {raw.request_id}, HTTP {raw.status_code} in {millis:.1f} ms")
    shield = reply.promptshield
    if shield:
        print(f"credits: used {shield.credits_used}, left {shield.credits_remaining}")

    heading("streamed answer, token by token (a reasoning model)")
    with client.chat_stream(
        model="deepseek/deepseek-reasoner",
        messages=[{"role": "user", "content": "Stream these words one by one please"}],
        stream_options={"include_usage": True},
    ) as stream:
        for chunk in stream:
            for choice in chunk.choices:
                print(choice.delta.content or "", end="", flush=True)
        print()
        final = stream.get_final_completion()
    details = final.usage.completion_tokens_details if final.usage else None
    reasoning = details.reasoning_tokens if details else "-"
    print(f"request id {stream.request_id}; reasoning tokens: {reasoning}")

    heading("tool call")
    messages: list[dict[str, object]] = [
        {"role": "user", "content": "What is the weather in Quito? Use get_weather."}
    ]
    first = client.chat(model="openai/gpt-4o-mini", messages=messages, tools=TOOLS)
    call = (first.choices[0].message.tool_calls or [])[0]
    print(f"finish_reason={first.choices[0].finish_reason}: ", end="")
    print(f"{call.function.name}({call.function.arguments})")
    messages.append(first.choices[0].message.to_dict())
    messages.append(
        {"role": "tool", "tool_call_id": call.id, "content": json.dumps({"temp_c": 14})}
    )
    second = client.chat(model="openai/gpt-4o-mini", messages=messages, tools=TOOLS)
    print(f"after the tool result: {second.choices[0].message.content!r}")

    heading("embeddings")
    vectors = client.create_embeddings(
        model="openai/text-embedding-3-small", input=["zaguan", "corex"]
    )
    size = len(vectors.data[0].embedding)
    print(f"{len(vectors.data)} vectors of {size} dimensions, request id {vectors._request_id}")

    heading("Anthropic Messages, streamed, with a tool call")
    with client.messages_stream(
        model="anthropic/claude-3-5-haiku",
        max_tokens=256,
        messages=[{"role": "user", "content": "What is the weather in Lima?"}],
        tools=[{"name": "get_weather", "input_schema": WEATHER_SCHEMA}],
        tool_choice={"type": "tool", "name": "get_weather"},
    ) as stream:
        for event in stream:
            delta = event.get("delta") or {}
            if delta.get("type") == "input_json_delta":
                print(delta["partial_json"], end="", flush=True)
        print()
    message = stream.get_final_message()
    for block in message.content:
        print(f"  {block.to_dict()}")
    print(f"stop_reason={message.stop_reason}")

    heading("models and capabilities")
    capabilities = {c.model_id: c for c in client.get_capabilities()}
    for model in client.list_models():
        cap = capabilities.get(model.id)
        flags = "".join(
            mark if ok else "-"
            for mark, ok in (("T", cap and cap.supports_tools), ("V", cap and cap.supports_vision),
                             ("R", cap and cap.supports_reasoning))
        )  # fmt: skip
        print(f"  {model.id:<30} {flags}  owned by {model.owned_by}")
    print("  (T tools, V vision, R reasoning)")

    heading("credits")
    balance = client.get_credits_balance()
    left = f"{balance.credits_remaining} of {balance.credits_total} left"
    print(f"tier {balance.tier}, bands {balance.bands}: {left}")
    for entry in client.iter_credits_history(limit=2):  # pages of 2, walked to the end
        when = f"{entry.timestamp:%H:%M:%S}"
        print(f"  {when} {entry.model:<28} {entry.status:<8} -{entry.credits_debited}")
    stats = client.get_credits_stats(period="day")
    print(f"today: {stats.total_requests} requests, {stats.total_credits_used} credits")

    heading("a handled error")
    try:
        client.chat(model="anthropic/claude-opus-4", messages=[{"role": "user", "content": "Hi"}])
    except BandAccessDeniedError as error:
        print(f"{type(error).__name__}: band {error.band} needs tier {error.required_tier}, "
              f"this key is {error.current_tier}")  # fmt: skip
        print(f"  str(error): {error}")


def main() -> int:
    with corex() as (client, env):
        tour(client)
        command_line(env)
    print("\ndone.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
