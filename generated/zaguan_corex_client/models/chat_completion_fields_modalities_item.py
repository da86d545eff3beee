from typing import Literal

ChatCompletionFieldsModalitiesItem = Literal["audio", "text"]

CHAT_COMPLETION_FIELDS_MODALITIES_ITEM_VALUES: set[
    ChatCompletionFieldsModalitiesItem
] = {
    "audio",
    "text",
}


def check_chat_completion_fields_modalities_item(
    value: str,
) -> ChatCompletionFieldsModalitiesItem:
    if value in CHAT_COMPLETION_FIELDS_MODALITIES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_FIELDS_MODALITIES_ITEM_VALUES!r}"
    )
