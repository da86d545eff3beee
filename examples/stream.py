"""A streamed chat: print tokens as they arrive, then read the whole completion."""

from _corex import corex

from zaguan import ZaguanClient

with corex(), ZaguanClient() as client:
    with client.chat_stream(
        model="anthropic/claude-3-5-haiku",
        messages=[{"role": "user", "content": "Tell me a short story"}],
        stream_options={"include_usage": True},
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
    print()
    final = stream.get_final_completion()
    print("finish reason:", final.choices[0].finish_reason)
    print("total tokens:", final.usage.total_tokens if final.usage else None)
