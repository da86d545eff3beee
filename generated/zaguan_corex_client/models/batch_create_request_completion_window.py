from typing import Literal

BatchCreateRequestCompletionWindow = Literal["24h"]

BATCH_CREATE_REQUEST_COMPLETION_WINDOW_VALUES: set[
    BatchCreateRequestCompletionWindow
] = {
    "24h",
}


def check_batch_create_request_completion_window(
    value: str,
) -> BatchCreateRequestCompletionWindow:
    if value in BATCH_CREATE_REQUEST_COMPLETION_WINDOW_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BATCH_CREATE_REQUEST_COMPLETION_WINDOW_VALUES!r}"
    )
