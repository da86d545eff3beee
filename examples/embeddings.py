"""Embeddings: one vector per input, and their cosine similarity."""

import math

from _corex import corex

from zaguan import ZaguanClient

with corex(), ZaguanClient() as client:
    result = client.create_embeddings(
        model="openai/text-embedding-3-small",
        input=["the cat sat", "the cat sat", "a dog ran"],
        dimensions=256,
    )
    vectors = [item.embedding for item in result.data]
    print(len(vectors), "vectors of", len(vectors[0]), "dimensions")

    def cosine(a: list[float], b: list[float]) -> float:
        dot = sum(x * y for x, y in zip(a, b, strict=True))
        return dot / (math.hypot(*a) * math.hypot(*b))

    print(f"same text: {cosine(vectors[0], vectors[1]):.3f}")
    print(f"other text: {cosine(vectors[0], vectors[2]):.3f}")
