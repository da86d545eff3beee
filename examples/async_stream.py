"""Two streamed chats at once with `AsyncZaguanClient`."""

import asyncio

from _corex import corex

from zaguan import AsyncZaguanClient


async def ask(client: AsyncZaguanClient, model: str, prompt: str) -> str:
    pieces = []
    async with client.chat_stream(
        model=model, messages=[{"role": "user", "content": prompt}]
    ) as stream:
        async for chunk in stream:
            for choice in chunk.choices:
                pieces.append(choice.delta.content or "")
    return f"{model}: {''.join(pieces)}"


async def main() -> None:
    async with AsyncZaguanClient() as client:
        answers = await asyncio.gather(
            ask(client, "openai/gpt-4o-mini", "Hello"),
            ask(client, "google/gemini-2.0-flash", "Bonjour"),
        )
    print("\n".join(answers))


with corex():
    asyncio.run(main())
