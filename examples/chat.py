"""A chat completion: the reply, its usage, the credits left and the request id."""

from _corex import corex

from zaguan import ZaguanClient

with corex(), ZaguanClient() as client:
    reply = client.chat(
        model="openai/gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": "Hello from the examples"},
        ],
        temperature=0.2,
    )
    print(reply.choices[0].message.content)
    if reply.usage:
        print("tokens:", reply.usage.prompt_tokens, "+", reply.usage.completion_tokens)
    if reply.promptshield:
        print("credits left:", reply.promptshield.credits_remaining)
    print("request id:", reply._request_id)
