"""Retries keep the request id, so CoreX charges once. Uses the local CoreX's faults."""

from zaguan import ZaguanClient
from zaguan.testing import LocalCoreX

with LocalCoreX() as server, ZaguanClient(server.api_key, base_url=server.base_url) as client:
    reply = client.chat(
        model="openai/gpt-4o-mini",
        messages=[{"role": "user", "content": "Hi"}],
        request_id="invoice-7",  # yours, or a UUID the SDK makes once per call
        # Fail the first two attempts with a 503 asking to retry after 0.1 s; the third succeeds.
        extra_headers={"X-CoreX-Fault": "status=503;times=2;retry_after=0.1"},
    )
    print(reply.choices[0].message.content, "as", reply._request_id)
    print("attempts:", server.attempts("invoice-7"))
    print("charges:", len(server.ledger.charges_for("invoice-7")))
