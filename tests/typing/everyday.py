"""Never executed: everyday openai-style code that must type-check clean (`make lint` and
test_typing.py check it): nested ``is not None`` checks, tool calls, streams, pagination,
errors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypedDict, Unpack

import httpx2

import zaguan
import zaguan.batch
import zaguan.bulk
from zaguan import AsyncZaguanClient, RateLimit, ZaguanClient
from zaguan_corex_client.models import (
    BatchRequestInputParam,
    BatchRequestOutput,
    ChatMessage,
    ChatMessageParam,
    ToolParam,
)

MODEL = "openai/gpt-4o-mini"
WEATHER: ToolParam = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


def conversation() -> list[ChatMessageParam]:
    messages: list[ChatMessageParam] = [
        {"role": "system", "content": "Be terse."},
        {"role": "user", "content": [{"type": "text", "text": "What is in this image?"}]},
    ]
    messages.append(
        {
            "role": "user",
            "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}],
        }
    )
    return messages


def sync_usage(client: ZaguanClient) -> int:
    reply = client.chat(model=MODEL, messages=conversation(), temperature=0.2, tools=[WEATHER])
    message = reply.choices[0].message
    if message.content is not None:
        print(message.content.strip())
    if message.tool_calls is not None:
        for call in message.tool_calls:
            print(call.id, call.function.name, call.function.arguments)
    if reply.usage is not None:
        print(reply.usage.total_tokens)
        details = reply.usage.completion_tokens_details
        if details is not None and details.reasoning_tokens is not None:
            print(details.reasoning_tokens + 1)
    with client.chat_stream(model=MODEL, messages=conversation(), reasoning_effort="low") as stream:
        for chunk in stream:
            print(chunk.id)
        final = stream.get_final_completion()
    print(final.choices[0].finish_reason)
    total = 0
    for entry in client.iter_credits_history(limit=100, model=MODEL):
        if entry.total_tokens is not None:
            total += entry.total_tokens
    try:
        client.get_credits_stats(period="week")
    except zaguan.RateLimitError as e:
        if e.retry_after is not None:
            print(f"retry in {e.retry_after:.1f}s")
    return total


def ask(client: ZaguanClient, **fields: Unpack[zaguan.ChatParams]) -> str:
    """A typed wrapper: callers of ask() get chat()'s keyword checks."""
    reply = client.chat(**fields)
    follow_up = [*fields["messages"], reply.choices[0].message.to_dict()]
    print(
        len(follow_up), ask(client, model=MODEL, messages=[ChatMessage(role="user", content="x")])
    )
    return reply.id


async def async_usage(client: AsyncZaguanClient) -> str:
    reply = await client.chat(model=MODEL, messages=conversation(), max_completion_tokens=64)
    stream = await client.chat_stream(model=MODEL, messages=conversation())
    async for chunk in stream:
        for choice in chunk.choices:
            print(choice.delta)
    final = await stream.get_final_completion()
    async for entry in client.iter_credits_history(start_date="2026-11-01"):
        print(entry.model, entry.timestamp)
    try:
        await client.health()
    except zaguan.RateLimitError as e:
        print(e.retry_after, e.request_id)
    content = reply.choices[0].message.content
    return content if isinstance(content, str) else final.id


def budgeted(client: ZaguanClient) -> AsyncZaguanClient:
    """One rate limit for a client and its copies; an async client with its own."""
    steady = client.with_options(rate_limit=RateLimit(requests_per_minute=600))
    steady.with_options(rate_limit=None).chat(model=MODEL, messages=conversation())
    return AsyncZaguanClient(rate_limit=RateLimit(tokens_per_minute=90_000.5))


def whole_surface(client: ZaguanClient) -> list[str]:
    """Every family beyond chat, as a user writes it."""
    vectors = client.create_embeddings(model="openai/text-embedding-3-small", input=["a", "b"])
    first = vectors.data[0].embedding
    moderation = client.create_moderation(input="hello")
    audio: bytes = client.create_speech(model="openai/tts-1", input="Hi", voice="alloy")
    text = client.create_transcription(model="openai/whisper-1", file=("hi.wav", audio)).text
    image = client.create_image(prompt="a red square", n=1).data[0]
    message = client.messages(
        model="anthropic/claude-3-5-haiku",
        max_tokens=64,
        messages=[{"role": "user", "content": "Hi"}],
    )
    with client.messages_stream(
        model="anthropic/claude-3-5-haiku",
        max_tokens=64,
        messages=[{"role": "user", "content": "Hi"}],
    ) as stream:
        pieces = list(stream.text_stream)
    final = stream.get_final_message()
    tokens = client.count_tokens(
        model="anthropic/claude-3-5-haiku", messages=[{"role": "user", "content": "Hi"}]
    ).input_tokens
    batches = [batch.id for batch in client.list_messages_batches(limit=10)]
    results = [r.custom_id for r in client.get_messages_batch_results("msgbatch_1")]
    providers = [p.provider for p in client.get_provider_status()]
    custom = client.request("GET", "/v1/new-thing", request_id="r1")
    print(first, moderation.results[0].flagged, image.url, message.id, final.stop_reason, tokens)
    return [text, *pieces, *batches, *results, *providers, str(custom)]


async def whole_surface_async(client: AsyncZaguanClient) -> str:
    vectors = await client.create_embeddings(model="openai/text-embedding-3-small", input="a")
    async with client.messages_stream(
        model="anthropic/claude-3-5-haiku",
        max_tokens=64,
        messages=[{"role": "user", "content": "Hi"}],
    ) as stream:
        pieces = [piece async for piece in stream.text_stream]
    final = await stream.get_final_message()
    batches = [batch.id async for batch in client.list_messages_batches()]
    return f"{vectors.model} {pieces} {final.id} {batches}"


def batch_surface(client: ZaguanClient) -> list[str]:
    """Upload requests, run them as a batch, read the results (an input line typed)."""
    line: BatchRequestInputParam = {
        "custom_id": "q1",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": MODEL, "messages": [{"role": "user", "content": "Hi"}]},
    }
    uploaded = client.create_file(file=("in.jsonl", json.dumps(line).encode()), purpose="batch")
    batch = client.create_batch(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    batch = client.get_batch(batch.id)
    counts = batch.request_counts
    ids = [b.id for b in client.list_batches(limit=10)] + [f.id for f in client.list_files()]
    if batch.output_file_id is not None:
        outputs = [
            BatchRequestOutput.from_dict(json.loads(text))
            for text in client.get_file_content(batch.output_file_id).splitlines()
        ]
        ids += [
            out.custom_id for out in outputs if out.response and out.response.status_code == 200
        ]
        with client.get_file_content_stream(batch.output_file_id) as stream:
            stream.write_to("out.jsonl")
    client.cancel_batch(batch.id)
    client.delete_file(uploaded.id)
    return [*ids, f"{counts.completed}/{counts.total}"]


async def batch_surface_async(client: AsyncZaguanClient) -> int:
    batch = await client.get_batch("batch_1")
    files = [f.id async for f in client.list_files(purpose="batch_output")]
    stream = await client.get_file_content_stream(batch.error_file_id or files[0])
    async with stream:
        return len(await stream.read())


@dataclass
class Answer:
    city: str
    population: int


class Point(TypedDict):
    x: float
    y: float


@zaguan.function_tool
def get_time(city: str, utc: bool = False) -> str:
    """The local time in a city.

    Args:
        city: The city's name.
        utc: Give UTC instead.
    """
    return f"12:00 in {city}"


def helpers(client: ZaguanClient) -> int:
    completion = client.chat_parse(model=MODEL, messages=conversation(), response_format=Answer)
    answer: Answer | None = completion.choices[0].message.parsed
    if answer is not None:
        print(answer.city.upper(), answer.population + 1)
    point = client.chat_parse(model=MODEL, messages=conversation(), response_format=Point)
    parsed = point.choices[0].message.parsed
    x: float = parsed["x"] if parsed is not None else 0.0
    plain: zaguan.ParsedChatCompletion[Point] = point
    print(get_time("Paris"), x, plain.choices[0].message.refusal)
    chat = zaguan.Conversation(system="Be terse.", max_tokens=2_000)
    chat.add_user("What time is it in Paris?")
    run = client.run_tools(model=MODEL, messages=chat, tools=[get_time], max_rounds=3)
    chat.add_user("And in Oslo?")
    reply = client.chat(model=MODEL, messages=chat.messages)
    chat.add_reply(reply)
    reasoning, text = zaguan.reasoning_of(reply.choices[0].message)
    print(run.rounds, run.completion.id, reasoning or "", text)
    with client.chat_stream(model=MODEL, messages=chat.messages) as stream:
        for _ in stream:
            snapshot = stream.current_completion_snapshot
            if snapshot is not None:
                print(snapshot.choices[0].message.content)
    stream.until_done()
    return zaguan.reasoning_tokens(reply.usage)


async def helpers_async(client: AsyncZaguanClient) -> str | None:
    completion = await client.chat_parse(
        model=MODEL, messages=conversation(), response_format=Answer, temperature=0
    )
    run = await client.run_tools(model=MODEL, messages=conversation(), tools=[get_time])
    stream = await client.chat_stream(model=MODEL, messages=conversation()).until_done()
    snapshot = stream.current_completion_snapshot
    parsed = completion.choices[0].message.parsed
    city = parsed.city if parsed is not None else None
    return city or run.completion.id or (snapshot.id if snapshot else None)


def openai_habits(client: ZaguanClient) -> str:
    """A FunctionTool where a tool goes; pydantic's and openai's names on the results."""
    tool = zaguan.function_tool(get_time)
    reply = client.chat(model=MODEL, messages=conversation(), tools=[tool, WEATHER])
    with client.chat_stream(model=MODEL, messages=conversation(), tools=[tool]) as stream:
        stream.get_final_completion()
    client.chat_parse(model=MODEL, messages=conversation(), response_format=dict, tools=[tool])
    first = client.list_models().data[0].id
    dumped: dict[str, object] = reply.model_dump(exclude_none=True)
    return first + reply.model_dump_json(indent=2) + str(dumped)


async def openai_habits_async(client: AsyncZaguanClient) -> str:
    tool = zaguan.function_tool(get_time)
    reply = await client.chat(model=MODEL, messages=conversation(), tools=[tool])
    return reply.model_dump_json()


def bulk_everyday() -> None:
    def show(progress: zaguan.bulk.Progress) -> None:
        print(progress.done, progress.total, progress.eta or 0.0, progress.stopped)

    def make(http: httpx2.AsyncClient) -> AsyncZaguanClient:
        return AsyncZaguanClient(http_client=http, max_retries=5)

    summary = zaguan.bulk.run(
        "in.jsonl", "out.jsonl", client=make, endpoint="chat", concurrency=8, ordered=True,
        resume=True, max_credits=100, deadline=30, on_progress=show,
    )  # fmt: skip
    reason: zaguan.bulk.StopReason | None = summary.stopped
    print(summary.by_error.get("APITimeoutError", 0), reason)


async def bulk_lines(client: AsyncZaguanClient) -> bytes:
    line = zaguan.bulk.line_of({"custom_id": "a", "method": "POST", "url": "/v1/embeddings",
                                "body": {"model": "m", "input": "x"}}, 1)  # fmt: skip
    result = await zaguan.bulk.send_line(client, line, "job-1", deadline=10)
    return result.record() if result.ok else (result.error_code or "").encode()


def batch_everyday(client: ZaguanClient) -> int:
    job = zaguan.batch.submit("in.jsonl", client=client, endpoint="chat", metadata={"team": "a"})
    status = job.wait(poll_interval=5, timeout=3600, on_progress=lambda p: print(p.done))
    for batch in status.batches:
        print(batch.id, batch.api, batch.status, batch.completed + batch.failed, batch.total)
    summary = zaguan.batch.open_job(job.id, client=client).results("out.jsonl")
    try:
        zaguan.batch.list_jobs()[0].cancel()
    except zaguan.batch.BatchJobError as exc:
        print(exc)
    return summary.failed + status.completed


async def batch_async(client: AsyncZaguanClient) -> int:
    job = await zaguan.batch.asubmit("in.jsonl", client=client, endpoint="messages")
    status = await job.wait(on_progress=lambda p: print(p.done, p.total))
    summary = await job.results("out.jsonl")
    return summary.done + status.failed
