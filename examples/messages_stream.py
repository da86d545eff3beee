"""Anthropic's Messages API through CoreX: named events, extended thinking, the final message."""

from _corex import corex

from zaguan import ZaguanClient

with corex(), ZaguanClient() as client:
    with client.messages_stream(
        model="anthropic/claude-3-5-haiku",
        max_tokens=2048,
        thinking={"type": "enabled", "budget_tokens": 1024},
        messages=[{"role": "user", "content": "Why is the sky blue?"}],
    ) as stream:
        for event in stream:
            if event["type"] == "content_block_start":
                print("block:", event["content_block"]["type"])
    message = stream.get_final_message()
    print("stop reason:", message.stop_reason)
    print("text:", message.content[-1].to_dict()["text"])
    print("output tokens:", message.usage.output_tokens)
