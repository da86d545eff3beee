"""`/v1/files...`: OpenAI's Files API over the server's `FileStore`.

An upload (`multipart/form-data`, `file` and `purpose`) is checked like any multipart body,
then stored as sent; the contract's `x-zaguan-limits` of `file` (512 MB) is enforced twice: a
`Content-Length` that cannot fit is refused before the body is read, then the file itself is
measured (413 ``file_too_large`` naming both sizes). Any `purpose` string is accepted (the
contract's set is open). A retried upload with the same request id answers the file it made
(409 with another body). Files belong to their key; another key's file is a 404, as is an id
never issued or deleted. Lists are newest first (``order=asc``: oldest first), ``purpose``
filters, ``after`` an id of the filtered list (else 400), ``limit`` up to 10,000 (the default).
Content is answered as ``application/octet-stream``, byte for byte.
"""

from __future__ import annotations

from starlette.responses import Response

from .._contract._spec import load_contract
from .._core._call import Call, json_response
from .._core._errors import ApiError
from .._core._multipart import read_form
from .._credits._charge import conflict_error
from ._file_store import StoredFile
from ._lists import list_json, page

__all__ = [
    "create_file",
    "delete_file",
    "find_file",
    "get_file",
    "get_file_content",
    "list_files",
]

DEFAULT_LIMIT = 10_000
# Room in a `Content-Length` for the multipart envelope around the file: a body longer than the
# limit plus this cannot hold a file within the limit.
_ENVELOPE = 64 * 1024


def _max_bytes() -> int:
    return load_contract().limits("FileCreateRequest", "file")["max_bytes"]


def _too_large(size: int, limit: int, *, at_least: bool = False) -> ApiError:
    more = "more than " if at_least else ""
    message = (
        f"The upload is {more}{size} bytes; at most {limit} bytes"
        f" ({limit / (1 << 20):g} MB) per file"
    )
    return ApiError(413, message, code="file_too_large", param="file")


def find_file(call: Call, file_id: str, param: str = "file_id") -> StoredFile:
    """The key's file `file_id`, or a 404 naming it (and `param`)."""
    stored = call.state.files.find(call.ledger, file_id)
    if stored is None:
        raise ApiError(404, f"No such file: {file_id!r}", param=param)
    return stored


async def create_file(call: Call) -> Response:
    limit = _max_bytes()
    declared = call.request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + _ENVELOPE:
        raise _too_large(int(declared) - _ENVELOPE, limit, at_least=True)
    form = await read_form(call, "/v1/files")
    upload = form.files["file"]
    if upload.size > limit:
        raise _too_large(upload.size, limit)
    now = int(call.state.clock().timestamp())

    def make(file_id: str) -> StoredFile:
        name = upload.filename or "upload"
        purpose = str(form.fields["purpose"])
        return StoredFile(
            file_id, call.ledger, name, purpose, upload.content, now, form.fingerprint
        )

    stored, new = call.state.files.create(call.request_id, make)
    if not new and (stored.fingerprint != form.fingerprint or stored.owner is not call.ledger):
        raise conflict_error(call.request_id)
    return json_response(stored.to_json())


async def list_files(call: Call) -> Response:
    query = call.request.query_params
    files = call.state.files.owned(call.ledger)
    if "purpose" in query:
        files = [stored for stored in files if stored.purpose == query["purpose"]]
    if query.get("order", "desc") == "desc":
        files.reverse()
    shown, more = page(files, query, DEFAULT_LIMIT, "file")
    return json_response(list_json(shown, more, StoredFile.to_json))


async def get_file(call: Call) -> Response:
    return json_response(find_file(call, call.request.path_params["file_id"]).to_json())


async def delete_file(call: Call) -> Response:
    stored = find_file(call, call.request.path_params["file_id"])
    call.state.files.delete(call.ledger, stored.id)
    return json_response({"id": stored.id, "object": "file", "deleted": True})


async def get_file_content(call: Call) -> Response:
    stored = find_file(call, call.request.path_params["file_id"])
    return Response(stored.content, media_type="application/octet-stream")
