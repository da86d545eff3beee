"""An input file cut into server-side batches: which API each line goes to, and where one batch
ends. Pure: `Line` s in, the bytes of each batch's requests out.

Lines of ``/v1/chat/completions`` and ``/v1/embeddings`` go to OpenAI-style batches (one
endpoint per batch, as OpenAI requires), ``/v1/messages`` lines to Anthropic message batches.
Each endpoint's lines fill batches of their own, in input order, up to the contract's limits
(``x-zaguan-limits``: OpenAI's ``BatchCreateRequest.input_file_id``, Anthropic's
``MessageBatchCreateRequest.requests``); so a mixed file holds at most one unfinished batch per
endpoint in memory, and the batches of one endpoint take its lines in order, which is how
`zaguan.batch` puts the results back in input order without keeping them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Final, Literal

from .._errors import BulkInputError
from ..bulk import Line

__all__ = ["ANTHROPIC_URL", "Api", "Chunk", "api_of", "check_custom_id", "limits", "split"]

Api = Literal["openai", "anthropic"]
ANTHROPIC_URL: Final = "/v1/messages"


def api_of(url: str) -> Api:
    """The batch API that runs lines of ``url``."""
    return "anthropic" if url == ANTHROPIC_URL else "openai"


@functools.cache
def limits(api: Api) -> tuple[int, int]:
    """``(max_lines, max_bytes)`` of one batch of ``api``, from the contract."""
    if api == "anthropic":
        from zaguan_corex_client.models import message_batch_create_request as m  # noqa: PLC0415

        found = m.LIMITS["requests"]
    else:
        from zaguan_corex_client.models import batch_create_request as o  # noqa: PLC0415

        found = o.LIMITS["input_file_id"]
    return found["max_lines"], found["max_bytes"]


@functools.cache
def _max_custom_id() -> int:
    """The longest ``custom_id`` a message batch takes (the contract's ``maxLength``)."""
    text = resources.files("zaguan_corex_client").joinpath("openapi.json").read_text("utf-8")
    schema = json.loads(text)["components"]["schemas"]["MessageBatchRequestItem"]
    length: int = schema["properties"]["custom_id"]["maxLength"]
    return length


def check_custom_id(line: Line) -> None:
    """`BulkInputError` naming the line when a message batch cannot take its ``custom_id``."""
    longest = _max_custom_id()
    if line.url == ANTHROPIC_URL and len(line.custom_id) > longest:
        problem = f"custom_id is {len(line.custom_id)} characters; a message batch takes {longest}"
        raise BulkInputError([(line.number, problem)])


def _encoded(line: Line) -> bytes:
    """The line as its batch holds it: an OpenAI input file's line (its line break included),
    or one item of a message batch's ``requests``."""
    if line.url == ANTHROPIC_URL:
        value: object = {"custom_id": line.custom_id, "params": line.body}
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
    value = {"custom_id": line.custom_id, "method": "POST", "url": line.url, "body": line.body}
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


@dataclass(slots=True)
class Chunk:
    """The requests of one batch, in input order."""

    url: str
    items: list[bytes] = field(default_factory=list)
    size: int = 0

    @property
    def api(self) -> Api:
        return api_of(self.url)

    def fits(self, item: bytes) -> bool:
        most_lines, most_bytes = limits(self.api)
        return len(self.items) < most_lines and self.size + len(item) + 1 <= most_bytes

    def add(self, item: bytes) -> None:
        self.items.append(item)
        self.size += len(item) + 1  # a message batch's comma; an input file's line is whole


def split(lines: Iterable[Line]) -> Iterator[Chunk]:
    """The batches of ``lines``: each endpoint's full chunks as they fill, then what is left of
    each, in the order the endpoints first appear. A line too big for any batch is an error."""
    open_chunks: dict[str, Chunk] = {}
    for line in lines:
        check_custom_id(line)
        item = _encoded(line)
        chunk = open_chunks.setdefault(line.url, Chunk(line.url))
        if not chunk.fits(item):
            if not chunk.items:
                _, most = limits(chunk.api)
                raise BulkInputError([(line.number, f"larger than a batch takes ({most:,} bytes)")])
            yield chunk
            chunk = open_chunks[line.url] = Chunk(line.url)
        chunk.add(item)
    yield from (chunk for chunk in open_chunks.values() if chunk.items)
