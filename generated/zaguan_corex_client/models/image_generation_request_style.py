from typing import Literal

ImageGenerationRequestStyle = Literal["natural", "vivid"]

IMAGE_GENERATION_REQUEST_STYLE_VALUES: set[ImageGenerationRequestStyle] = {
    "natural",
    "vivid",
}


def check_image_generation_request_style(value: str) -> ImageGenerationRequestStyle:
    if value in IMAGE_GENERATION_REQUEST_STYLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GENERATION_REQUEST_STYLE_VALUES!r}"
    )
