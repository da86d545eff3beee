from typing import Literal

BatchRequestInputMethod = Literal["POST"]

BATCH_REQUEST_INPUT_METHOD_VALUES: set[BatchRequestInputMethod] = {
    "POST",
}


def check_batch_request_input_method(value: str) -> BatchRequestInputMethod:
    if value in BATCH_REQUEST_INPUT_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BATCH_REQUEST_INPUT_METHOD_VALUES!r}"
    )
