"""A deadline bounds the whole call, retries included; a timeout bounds each wait."""

import time

from zaguan import APITimeoutError, ZaguanClient
from zaguan.testing import LocalCoreX

with LocalCoreX() as server, ZaguanClient(server.api_key, base_url=server.base_url) as client:
    started = time.monotonic()
    try:
        client.chat(
            model="test/slow-1",  # the server waits 1 s before answering
            messages=[{"role": "user", "content": "Hi"}],
            timeout=30,  # each wait could be 30 s, and two retries...
            deadline=0.5,  # ...but the whole call ends after 0.5 s
        )
    except APITimeoutError as error:
        print(error)
    print(f"gave up after {time.monotonic() - started:.1f} s")
