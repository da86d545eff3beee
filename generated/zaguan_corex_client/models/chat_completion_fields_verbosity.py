from typing import Literal

ChatCompletionFieldsVerbosity = Literal["high", "low", "medium"]

CHAT_COMPLETION_FIELDS_VERBOSITY_VALUES: set[ChatCompletionFieldsVerbosity] = {
    "high",
    "low",
    "medium",
}


def check_chat_completion_fields_verbosity(value: str) -> ChatCompletionFieldsVerbosity:
    if value in CHAT_COMPLETION_FIELDS_VERBOSITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_FIELDS_VERBOSITY_VALUES!r}"
    )
