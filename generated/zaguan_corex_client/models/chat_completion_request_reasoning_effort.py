from typing import Literal

ChatCompletionRequestReasoningEffort = Literal["high", "low", "medium", "minimal"]

CHAT_COMPLETION_REQUEST_REASONING_EFFORT_VALUES: set[
    ChatCompletionRequestReasoningEffort
] = {
    "high",
    "low",
    "medium",
    "minimal",
}


def check_chat_completion_request_reasoning_effort(
    value: str,
) -> ChatCompletionRequestReasoningEffort:
    if value in CHAT_COMPLETION_REQUEST_REASONING_EFFORT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_REQUEST_REASONING_EFFORT_VALUES!r}"
    )
