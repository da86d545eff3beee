from typing import Literal

ToolChoiceType0 = Literal["auto", "none", "required"]

TOOL_CHOICE_TYPE_0_VALUES: set[ToolChoiceType0] = {
    "auto",
    "none",
    "required",
}


def check_tool_choice_type_0(value: str) -> ToolChoiceType0:
    if value in TOOL_CHOICE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TOOL_CHOICE_TYPE_0_VALUES!r}"
    )
