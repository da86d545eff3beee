"""The local CoreX's faults, one of each kind, and the error each becomes."""

from zaguan import (
    APIConnectionError,
    InternalServerError,
    RateLimitError,
    StreamError,
    ZaguanClient,
)
from zaguan.testing import LocalCoreX

HI = [{"role": "user", "content": "one two three four five"}]

with (
    LocalCoreX() as server,
    ZaguanClient(server.api_key, base_url=server.base_url, max_retries=0) as client,
):
    try:
        client.chat(
            model="openai/gpt-4o-mini",
            messages=HI,
            extra_headers={"X-CoreX-Fault": "retry_after=3"},
        )
    except RateLimitError as error:
        print("429, retry after", error.retry_after, "s")

    try:  # the connection closes before any response
        client.chat(model="test/drop", messages=HI)
    except APIConnectionError as error:
        print("dropped:", type(error).__name__)

    for model in ["test/stream-error-2", "test/stream-cut-2"]:
        try:
            with client.chat_stream(model=model, messages=HI) as stream:
                for _ in stream:
                    pass
        except (StreamError, APIConnectionError) as error:
            print(model, "->", type(error).__name__)

    server.fault = "status=500"  # server-wide, until changed
    try:
        client.list_models()
    except InternalServerError as error:
        print("server-wide:", error.status_code, error.message)
