"""`with_raw_response`: the parsed result with its status, headers, request id and latency."""

from _corex import corex

from zaguan import ZaguanClient

with corex(), ZaguanClient() as client:
    raw = client.with_raw_response.chat(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
    )
    print("status:", raw.status_code, raw.headers["content-type"])
    print("request id:", raw.request_id)
    print(f"elapsed: {raw.elapsed.total_seconds() * 1000:.1f} ms")
    print("reply:", raw.parsed.choices[0].message.content)
