"""What the server received in a multipart upload, kept per request id for tests to inspect."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Upload", "UploadedFile"]


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """One file part: its name and type as the client sent them, and its bytes."""

    filename: str
    content_type: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True, slots=True)
class Upload:
    """One multipart request as received: the text fields as sent (strings), and the files.

    ``server.uploads(request_id)`` lists one per attempt, so a test can check that a retry sent
    the same bytes: ``first, retry = server.uploads("rid"); assert first == retry``.
    """

    path: str
    fields: Mapping[str, str]
    files: Mapping[str, UploadedFile]
