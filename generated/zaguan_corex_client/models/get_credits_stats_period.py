from typing import Literal

GetCreditsStatsPeriod = Literal["day", "month", "week"]

GET_CREDITS_STATS_PERIOD_VALUES: set[GetCreditsStatsPeriod] = {
    "day",
    "month",
    "week",
}


def check_get_credits_stats_period(value: str) -> GetCreditsStatsPeriod:
    if value in GET_CREDITS_STATS_PERIOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_CREDITS_STATS_PERIOD_VALUES!r}"
    )
