"""Reading a multipart upload (audio, images): the form, its record, its check by the contract.

`_checks` leaves multipart bodies to their handlers; this reads the form, keeps what arrived
(`CoreXState.record_upload`, one record per attempt), then checks the fields against the
operation's `multipart/form-data` schema with the same validator and wording as a JSON body: a
text field is read as its schema's type first (``"2"`` as 2 for ``n``), a missing file is
``'file' is required``, and a text field where the schema wants a file (``format: binary``) is
a 400 naming it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from .._contract._checks import check_form, form_properties
from .._contract._spec import load_contract
from ._call import Call
from ._errors import bad_request
from ._uploads import Upload, UploadedFile

__all__ = ["Form", "read_form"]

_MULTIPART = "multipart/form-data"


@dataclass(frozen=True, slots=True)
class Form:
    """A checked multipart body: the fields as the schema's types, the files, a fingerprint."""

    fields: dict[str, Any]
    files: dict[str, UploadedFile]
    fingerprint: str

    def file(self, name: str) -> UploadedFile | None:
        return self.files.get(name)


async def _received(call: Call, path: str) -> Upload:
    media_type = call.request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != _MULTIPART:
        shown = media_type or "no Content-Type"
        raise bad_request(None, f"The request body must be {_MULTIPART}, got {shown}")
    try:
        form = await call.request.form()
    except HTTPException as exc:  # python-multipart could not parse the body
        raise bad_request(None, f"The multipart body is malformed: {exc.detail}") from exc
    fields: dict[str, str] = {}
    files: dict[str, UploadedFile] = {}
    for name, value in form.multi_items():  # a repeated name: the last one counts
        if isinstance(value, UploadFile):
            content = await value.read()
            kind = value.content_type or "application/octet-stream"
            files[name] = UploadedFile(value.filename or "", kind, content)
            fields.pop(name, None)
        else:
            fields[name] = value
            files.pop(name, None)
    await form.close()
    return Upload(path, fields, files)


def _fingerprint(upload: Upload) -> str:
    digest = hashlib.sha256(json.dumps(upload.fields, sort_keys=True).encode())
    for name, file in sorted(upload.files.items()):
        digest.update(f"\x00{name}\x00{file.filename}\x00{file.content_type}\x00".encode())
        digest.update(file.content)
    return digest.hexdigest()


async def read_form(call: Call, path: str) -> Form:
    """The multipart body of a request to the contract's `POST path`, recorded, then checked."""
    upload = await _received(call, path)
    call.state.record_upload(call.request_id, upload)
    operation = load_contract().operation("POST", path)
    assert operation is not None, path
    shown = {name: file.filename for name, file in upload.files.items()} | dict(upload.fields)
    body = check_form(operation, _MULTIPART, shown)
    for name, schema in form_properties(operation, _MULTIPART).items():
        binary = schema.get("format") == "binary"
        if binary and name in upload.fields:
            raise bad_request(name, f"'{name}' must be a file upload, got a text field")
        if not binary and name in upload.files:
            raise bad_request(name, f"'{name}' must be a text field, got a file upload")
    fields = {name: value for name, value in body.items() if name not in upload.files}
    return Form(fields, dict(upload.files), _fingerprint(upload))
