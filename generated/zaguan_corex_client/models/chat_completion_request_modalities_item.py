from typing import Literal

ChatCompletionRequestModalitiesItem = Literal["audio", "text"]

CHAT_COMPLETION_REQUEST_MODALITIES_ITEM_VALUES: set[
    ChatCompletionRequestModalitiesItem
] = {
    "audio",
    "text",
}


def check_chat_completion_request_modalities_item(
    value: str,
) -> ChatCompletionRequestModalitiesItem:
    if value in CHAT_COMPLETION_REQUEST_MODALITIES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_REQUEST_MODALITIES_ITEM_VALUES!r}"
    )
