"""Never executed: one mistake per line, each marked ``# E: <mypy error code>``.

test_typing.py runs ``mypy --strict`` on this file and wants exactly the marked lines back,
each with its code(s). ``make lint`` leaves the file out (pyproject.toml, [tool.mypy]).
Against an overloaded method (chat, chat_stream) mypy reports ``call-overload`` whatever the
mistake, naming a misspelt keyword's likely intent ("did you mean 'temperature'?").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import zaguan.batch
import zaguan.bulk
from zaguan import (
    AsyncZaguanClient,
    Conversation,
    RateLimit,
    RawResponse,
    Stream,
    ZaguanClient,
    function_tool,
    reasoning_tokens,
)
from zaguan._streams._shells import MessageStream
from zaguan_corex_client.models import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatMessageParam,
    Health,
    TextContentPartParam,
)

M = "openai/gpt-4o-mini"
HI: list[ChatMessageParam] = [{"role": "user", "content": "hi"}]


def sync_mistakes(client: ZaguanClient) -> None:
    client.chat(model=M, messages=HI, temprature=0.2)  # E: call-overload
    client.chat(model=M, messages=HI, temperature="hot")  # E: call-overload
    client.chat(model=M, messages=[{"role": "usr", "content": "hi"}])  # E: list-item
    client.chat(messages=HI)  # E: call-overload
    client.chat(model=M, messages=HI, reasoning_effort="extreme")  # E: call-overload
    one: ChatMessageParam = {
        "role": "user",
        "content": [{"type": "text", "txt": "x"}],  # E: list-item
    }
    part: TextContentPartParam = {"type": "txt", "text": "hi"}  # E: typeddict-item
    client.chat(model=M, messages=[one, {"role": "user", "content": [part]}])
    client.chat(model=M, messages=HI, tools=[{"type": "function", "fn": {}}])  # E: list-item
    client.chat(model=M, messages=HI, stream=True)  # E: call-overload
    client.chat(model=M, messages=HI, request_idd="r1")  # E: call-overload
    client.chat_stream(model=M, messages=HI, tool_choice="sometimes")  # E: call-overload
    client.get_credits_history(limit="10")  # E: arg-type
    client.get_credits_stats(period="year")  # E: arg-type
    reply = client.chat(model=M, messages=HI)
    print(reply.usage.total_tokens)  # E: union-attr  (usage may be absent: None)


def wrong_results(client: ZaguanClient, aclient: AsyncZaguanClient) -> None:
    client.list_models(request_idd="x")  # E: call-arg
    client.get_model("m", timeout="10")  # E: arg-type
    wrong_result: Stream = client.chat(model=M, messages=HI)  # E: assignment
    wrong_raw: RawResponse[Health] = client.with_raw_response.get_model("m")  # E: assignment
    not_awaited: ChatCompletion = aclient.chat(model=M, messages=HI)  # E: assignment
    sync_stream: Stream = aclient.chat_stream(model=M, messages=HI)  # E: assignment
    print(wrong_result, wrong_raw, not_awaited, sync_stream)


def surface_mistakes(client: ZaguanClient, aclient: AsyncZaguanClient) -> None:
    client.create_embeddings(model=M, inputs="hi")  # E: call-arg
    client.create_embeddings(model=M, input="hi", encoding_format="hex")  # E: arg-type
    client.create_speech(model=M, input="hi")  # E: call-arg
    client.messages(model=M, messages=[{"role": "user", "content": "hi"}])  # E: call-arg
    client.get_messages_batch(5)  # E: arg-type
    wrong_audio: str = client.create_speech(model=M, input="hi", voice="alloy")  # E: assignment
    client.list_messages_batches(limit="2")  # E: arg-type
    not_iterable = list(aclient.list_messages_batches())  # E: call-overload
    print(wrong_audio, not_iterable)
    RateLimit(requests_per_minute="60")  # E: arg-type
    RateLimit(60, rpm=60)  # E: call-arg
    client.with_options(rate_limit=60)  # E: arg-type
    AsyncZaguanClient(rate_limit={"requests_per_minute": 60})  # E: arg-type


def batch_mistakes(client: ZaguanClient, aclient: AsyncZaguanClient) -> None:
    client.create_file(file=b"{}", purpose=5)  # E: arg-type
    client.create_file(purpose="batch")  # E: call-arg
    client.create_batch(
        input_file_id="f",
        endpoint="/v1/audio",  # E: arg-type
        completion_window="24h",
    )
    client.create_batch(
        input_file_id="f",
        endpoint="/v1/messages",
        completion_window="1h",  # E: arg-type
    )
    client.list_files(limit="2")  # E: arg-type
    client.list_batches_page(after=5)  # E: arg-type
    client.get_file_content(5)  # E: arg-type
    wrong_content: str = client.get_file_content("file-1")  # E: assignment
    not_awaited = aclient.get_file_content_stream("file-1").read()  # E: attr-defined
    print(wrong_content, not_awaited)


def stream_mistakes(client: ZaguanClient, send: Any) -> None:
    stream = client.chat_stream(model=M, messages=HI)
    chunk_text: ChatCompletionChunk = next(stream.text_stream)  # E: assignment
    messages = MessageStream(send, "rid", ChatCompletion.from_dict)
    wrong: Health = messages.get_final_message()  # E: assignment
    print(chunk_text, wrong)


async def async_mistakes(client: AsyncZaguanClient) -> None:
    reply = client.chat(model=M, messages=HI)
    print(reply.choices)  # E: attr-defined


@dataclass
class Answer:
    city: str


def get_time(city: str) -> str:
    return city


def helper_mistakes(client: ZaguanClient) -> None:
    parsed = client.chat_parse(model=M, messages=HI, response_format=Answer).choices[0].message
    print(parsed.parsed.city)  # E: union-attr  (None for a refusal)
    if parsed.parsed is not None:
        print(parsed.parsed.country)  # E: attr-defined
    client.chat_parse(model=M, messages=HI)  # E: call-arg
    client.chat_parse(model=M, messages=HI, response_format=Answer, temprature=1)  # E: call-arg
    hot = "hot"
    client.chat_parse(model=M, messages=HI, response_format=Answer, temperature=hot)  # E: arg-type
    client.run_tools(model=M, messages=HI, tools=[get_time], max_rounds="3")  # E: arg-type
    client.run_tools(model=M, messages=HI, tools=[get_time], tool_errors="ignore")  # E: arg-type
    fmt = Answer
    client.run_tools(model=M, messages=HI, tools=[get_time], response_format=fmt)  # E: arg-type
    function_tool(get_time)(3)  # E: arg-type
    reply = client.chat(model=M, messages=HI)
    reasoning_tokens(reply)  # E: arg-type
    stream = client.chat_stream(model=M, messages=HI)
    print(stream.current_completion_snapshot.choices)  # E: union-attr
    Conversation(system=["Be terse."])  # E: arg-type


def habit_mistakes(client: ZaguanClient, aclient: AsyncZaguanClient) -> None:
    # openai's and anthropic's spellings: an error here too, not only at run time.
    client.chat.completions.create(model=M, messages=HI)  # E: attr-defined
    client.embeddings.create(model=M, input="x")  # E: attr-defined
    client.messages.create(model=M, max_tokens=9, messages=[])  # E: attr-defined
    aclient.models.list()  # E: attr-defined
    client.chat(model=M, messages=HI, tools=[get_time])  # E: list-item  (a function_tool of it)
    client.list_models().data.append("m")  # E: arg-type
    client.chat(model=M, messages=HI).model_dump(exclude_none="yes")  # E: arg-type


async def bulk_mistakes(client: AsyncZaguanClient) -> None:
    zaguan.bulk.run("in.jsonl", "out.jsonl", concurency=8)  # E: call-arg
    zaguan.bulk.run("in.jsonl", "out.jsonl", ordered="yes")  # E: arg-type
    zaguan.bulk.run("in.jsonl", "out.jsonl", client=ZaguanClient())  # E: arg-type
    summary = await zaguan.bulk.arun("in.jsonl", "out.jsonl", client=client)
    summary.done = 3  # E: misc
    print(summary.eta + 1)  # E: operator
    await zaguan.bulk.send_line(client, {"custom_id": "a"}, "run")  # E: arg-type


def batch_job_mistakes(client: ZaguanClient, aclient: AsyncZaguanClient) -> None:
    zaguan.batch.submit("in.jsonl", client=aclient)  # E: arg-type
    zaguan.batch.submit("in.jsonl", completion_window="1h")  # E: arg-type
    zaguan.batch.submit("in.jsonl", metadata={"n": 1})  # E: dict-item
    batch_job = zaguan.batch.submit("in.jsonl", client=client)
    batch_job.wait(on_progress="bar")  # E: arg-type
    batch_job.status().finished = True  # E: misc
    batch_job.results()  # E: call-arg


async def batch_async_mistakes(client: ZaguanClient) -> None:
    await zaguan.batch.asubmit("in.jsonl", client=client)  # E: arg-type
    ajob = await zaguan.batch.asubmit("in.jsonl")
    print(ajob.status().finished)  # E: attr-defined
