"""Never executed: `mypy --strict` checks how the stream kinds type, chat and messages.

``MessageStream`` is not public yet (the facade's ``messages_stream`` will return it);
this file pins what its generic parameter gives once a parser is plugged in.
"""

from __future__ import annotations

from typing import Any

import httpx2

from zaguan import AsyncStream, AsyncZaguanClient, Stream, ZaguanClient
from zaguan._streams._shells import AsyncMessageStream, MessageStream
from zaguan_corex_client.models import ChatCompletion, ChatCompletionChunk, ChatMessageParam

MESSAGES: list[ChatMessageParam] = [{"role": "user", "content": "Hi"}]


class Message:
    """Stands in for the generated model ``messages_stream`` will plug in."""

    @classmethod
    def from_dict(cls, body: dict[str, Any]) -> Message:
        return cls()


def sync_usage(client: ZaguanClient, send: Any) -> None:
    stream: Stream = client.chat_stream(model="openai/gpt-4o-mini", messages=MESSAGES)
    first: ChatCompletionChunk = next(stream)
    texts: list[str] = list(stream.text_stream)
    final: ChatCompletion = stream.get_final_completion()
    messages = MessageStream(send, "rid", Message.from_dict)
    with messages as entered:
        for event in entered:
            kind: str = event["type"]
            print(kind)
    message: Message = messages.get_final_message()
    plain: dict[str, Any] = MessageStream(send, "rid", dict).get_final_message()
    print(first, texts, final, message, plain)


async def async_usage(client: AsyncZaguanClient, send: Any) -> None:
    stream: AsyncStream = await client.chat_stream(model="openai/gpt-4o-mini", messages=MESSAGES)
    texts: list[str] = [text async for text in stream.text_stream]
    final: ChatCompletion = await stream.get_final_completion()
    messages = await AsyncMessageStream(send, "rid", Message.from_dict)
    message: Message = await messages.get_final_message()
    response: httpx2.Response = messages.response
    print(texts, final, message, response)
