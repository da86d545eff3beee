from typing import Literal

ImageResponseFormat = Literal["b64_json", "url"]

IMAGE_RESPONSE_FORMAT_VALUES: set[ImageResponseFormat] = {
    "b64_json",
    "url",
}


def check_image_response_format(value: str) -> ImageResponseFormat:
    if value in IMAGE_RESPONSE_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_RESPONSE_FORMAT_VALUES!r}"
    )
