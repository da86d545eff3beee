"""The built-in model catalogue, bands and tiers of the local CoreX server.

Every model is deterministic: what it answers is decided by `_chat`, from the flags here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BAND_CREDITS",
    "CATALOG",
    "CREATED",
    "TIER_BANDS",
    "Model",
    "capabilities_json",
    "fault_model",
    "find_model",
    "model_json",
    "required_tier",
]

#: The fixed Unix time used for `created` everywhere (2025-01-01T00:00:00Z): no clock, no drift.
CREATED = 1735689600

#: The bands each tier may use.
TIER_BANDS: dict[str, tuple[str, ...]] = {
    "free": ("A",),
    "pro": ("A", "B"),
    "enterprise": ("A", "B", "C"),
}

#: Credits debited for one successful chat completion, by the model's band.
BAND_CREDITS: dict[str, int] = {"A": 1, "B": 3, "C": 10}


@dataclass(frozen=True, slots=True)
class Model:
    """One catalogue model and how the local server makes it behave."""

    id: str
    band: str
    description: str
    #: What it serves: `chat`, `embedding`, `moderation`, `transcription`, `speech` or `image`.
    kind: str = "chat"
    #: Fills `completion_tokens_details.reasoning_tokens` (o-series, Gemini, Claude, DeepSeek).
    reasoning_tokens: bool = False
    #: Puts its reasoning inside `<think>...</think>` in the content (DeepSeek, Perplexity).
    think_tags: bool = False
    supports_tools: bool = True
    supports_vision: bool = False
    max_context_tokens: int = 128_000
    max_output_tokens: int = 16_384
    input_cost_per_1m: float = 1.0
    output_cost_per_1m: float = 4.0

    @property
    def provider(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def supports_reasoning(self) -> bool:
        return self.reasoning_tokens or self.think_tags


CATALOG: tuple[Model, ...] = (
    Model(
        "openai/gpt-4o-mini",
        "A",
        "Small, fast GPT-4o.",
        supports_vision=True,
        input_cost_per_1m=0.15,
        output_cost_per_1m=0.6,
    ),
    Model(
        "openai/o3-mini",
        "B",
        "OpenAI reasoning model (hidden reasoning).",
        reasoning_tokens=True,
        max_context_tokens=200_000,
        max_output_tokens=100_000,
        input_cost_per_1m=1.1,
        output_cost_per_1m=4.4,
    ),
    Model(
        "anthropic/claude-3-5-haiku",
        "A",
        "Fast Claude.",
        supports_vision=True,
        max_context_tokens=200_000,
        max_output_tokens=8_192,
        input_cost_per_1m=0.8,
        output_cost_per_1m=4.0,
    ),
    Model(
        "anthropic/claude-opus-4",
        "C",
        "Claude with extended thinking; band C (enterprise).",
        reasoning_tokens=True,
        supports_vision=True,
        max_context_tokens=200_000,
        max_output_tokens=32_000,
        input_cost_per_1m=15.0,
        output_cost_per_1m=75.0,
    ),
    Model(
        "google/gemini-2.0-flash",
        "A",
        "Fast Gemini.",
        supports_vision=True,
        max_context_tokens=1_048_576,
        max_output_tokens=8_192,
        input_cost_per_1m=0.1,
        output_cost_per_1m=0.4,
    ),
    Model(
        "google/gemini-2.5-pro",
        "B",
        "Gemini with reasoning.",
        reasoning_tokens=True,
        supports_vision=True,
        max_context_tokens=1_048_576,
        max_output_tokens=65_536,
        input_cost_per_1m=1.25,
        output_cost_per_1m=10.0,
    ),
    Model(
        "deepseek/deepseek-chat",
        "A",
        "DeepSeek V3 chat.",
        max_context_tokens=64_000,
        max_output_tokens=8_192,
        input_cost_per_1m=0.27,
        output_cost_per_1m=1.1,
    ),
    Model(
        "deepseek/deepseek-reasoner",
        "A",
        "DeepSeek R1: <think> in content, reasoning tokens.",
        reasoning_tokens=True,
        think_tags=True,
        supports_tools=False,
        max_context_tokens=64_000,
        max_output_tokens=8_192,
        input_cost_per_1m=0.55,
        output_cost_per_1m=2.19,
    ),
    Model(
        "perplexity/sonar",
        "A",
        "Perplexity search-grounded chat.",
        supports_tools=False,
        input_cost_per_1m=1.0,
        output_cost_per_1m=1.0,
    ),
    Model(
        "perplexity/sonar-reasoning",
        "B",
        "Perplexity reasoning: <think> in content only.",
        think_tags=True,
        supports_tools=False,
        input_cost_per_1m=1.0,
        output_cost_per_1m=5.0,
    ),
    # Models of the other OpenAI-compatible operations (`kind`); they charge like chat, by band.
    Model(
        "openai/text-embedding-3-small",
        "A",
        "Embeddings: 1536 dimensions, shortened with `dimensions`.",
        kind="embedding",
        supports_tools=False,
        max_context_tokens=8_191,
        max_output_tokens=0,
        input_cost_per_1m=0.02,
        output_cost_per_1m=0.0,
    ),
    Model(
        "openai/omni-moderation-latest",
        "A",
        "Moderation of text and images.",
        kind="moderation",
        supports_tools=False,
        supports_vision=True,
        max_output_tokens=0,
        input_cost_per_1m=0.0,
        output_cost_per_1m=0.0,
    ),
    Model(
        "openai/whisper-1",
        "A",
        "Speech to text: transcriptions and translations.",
        kind="transcription",
        supports_tools=False,
        max_context_tokens=0,
        input_cost_per_1m=0.0,
        output_cost_per_1m=6.0,
    ),
    Model(
        "openai/tts-1",
        "A",
        "Text to speech (the local server speaks WAV).",
        kind="speech",
        supports_tools=False,
        max_context_tokens=4_096,
        max_output_tokens=0,
        input_cost_per_1m=15.0,
        output_cost_per_1m=0.0,
    ),
    Model(
        "openai/dall-e-2",
        "A",
        "Images: generations, edits, variations; `url` or `b64_json`.",
        kind="image",
        supports_tools=False,
        max_context_tokens=1_000,
        max_output_tokens=0,
        input_cost_per_1m=0.0,
        output_cost_per_1m=0.0,
    ),
    Model(
        "openai/gpt-image-1",
        "B",
        "Images: generations and edits, always `b64_json`.",
        kind="image",
        supports_tools=False,
        supports_vision=True,
        max_context_tokens=32_000,
        max_output_tokens=0,
        input_cost_per_1m=5.0,
        output_cost_per_1m=40.0,
    ),
)

_BY_ID = {model.id: model for model in CATALOG}
_BY_SHORT_NAME = {model.id.split("/", 1)[1]: model for model in CATALOG}


def find_model(model_id: str) -> Model | None:
    """The catalogue model named `model_id`, provider-prefixed or not (`gpt-4o-mini`)."""
    return _BY_ID.get(model_id) or _BY_SHORT_NAME.get(model_id)


def fault_model(model_id: str) -> Model:
    """The plain band-A echo model that stands behind every `test/...` fault model name."""
    return Model(
        model_id, "A", "Fault-injection test model.", input_cost_per_1m=0.0, output_cost_per_1m=0.0
    )


def required_tier(band: str) -> str:
    """The lowest tier whose bands include `band`."""
    return next((tier for tier, bands in TIER_BANDS.items() if band in bands), "enterprise")


def model_json(model: Model) -> dict[str, object]:
    return {
        "id": model.id,
        "object": "model",
        "created": CREATED,
        "owned_by": model.provider,
        "description": model.description,
        "metadata": {
            "provider": model.provider,
            "band": model.band,
            "credits_per_request": BAND_CREDITS[model.band],
        },
    }


def _features(model: Model) -> list[str]:
    if model.kind != "chat":
        return [model.kind]
    features = ["chat", "streaming"]
    features += ["tools", "json_mode"] if model.supports_tools else []
    features += ["reasoning"] if model.supports_reasoning else []
    features += ["think_tags"] if model.think_tags else []
    return features


def _modalities(model: Model) -> list[str]:
    if model.kind in ("transcription", "speech"):
        return ["text", "audio"]
    return ["text", "image"] if model.supports_vision or model.kind == "image" else ["text"]


def capabilities_json(model: Model) -> dict[str, object]:
    return {
        "model_id": model.id,
        "provider": model.provider,
        "supports_vision": model.supports_vision,
        "supports_tools": model.supports_tools,
        "supports_reasoning": model.supports_reasoning,
        "supports_audio_input": model.kind == "transcription",
        "supports_audio_output": model.kind == "speech",
        "supports_streaming": model.kind == "chat",
        "max_context_tokens": model.max_context_tokens,
        "max_output_tokens": model.max_output_tokens,
        "input_cost_per_1m": model.input_cost_per_1m,
        "output_cost_per_1m": model.output_cost_per_1m,
        "features": _features(model),
        "modalities": _modalities(model),
        "provider_specific": {"band": model.band},
    }
