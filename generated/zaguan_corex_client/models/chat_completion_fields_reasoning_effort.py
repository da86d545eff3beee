from typing import Literal

ChatCompletionFieldsReasoningEffort = Literal["high", "low", "medium", "minimal"]

CHAT_COMPLETION_FIELDS_REASONING_EFFORT_VALUES: set[
    ChatCompletionFieldsReasoningEffort
] = {
    "high",
    "low",
    "medium",
    "minimal",
}


def check_chat_completion_fields_reasoning_effort(
    value: str,
) -> ChatCompletionFieldsReasoningEffort:
    if value in CHAT_COMPLETION_FIELDS_REASONING_EFFORT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_FIELDS_REASONING_EFFORT_VALUES!r}"
    )
