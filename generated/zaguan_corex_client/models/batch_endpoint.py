from typing import Literal

BatchEndpoint = Literal["/v1/chat/completions", "/v1/embeddings", "/v1/messages"]

BATCH_ENDPOINT_VALUES: set[BatchEndpoint] = {
    "/v1/chat/completions",
    "/v1/embeddings",
    "/v1/messages",
}


def check_batch_endpoint(value: str) -> BatchEndpoint:
    if value in BATCH_ENDPOINT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BATCH_ENDPOINT_VALUES!r}"
    )
