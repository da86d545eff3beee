"""Every CoreX operation, declared once: `ZaguanClient`, `AsyncZaguanClient` and their
``with_raw_response`` twins all inherit these methods (see `_operation` for how).

Adding an ordinary operation is one declaration here: the generated endpoint module, how to
read its answer, and a signature typed with the generated TypedDicts and `RequestOptions`.
"""

# A declaration's body is its docstring: the descriptor, not the function, does the work.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Unpack

import httpx2

from ._operation import download, from_dict, generated_models, operation, paginated, streamed
from ._pages import BatchesWalk, FilesWalk, HistoryWalk, MessagesBatchesWalk
from ._request import RequestOptions
from ._results import ResultBytes, ResultList
from ._streams._download import BinaryStream
from ._streams._shells import MessageStream

if TYPE_CHECKING:  # at run time, each is imported on the first call that needs it
    from zaguan_corex_client.models import (
        Batch,
        BatchList,
        CreditsBalance,
        CreditsHistory,
        CreditsHistoryEntry,
        CreditsStats,
        EmbeddingList,
        FileDeleted,
        FileList,
        FileObject,
        Health,
        ImageList,
        Message,
        MessageBatch,
        MessageBatchIndividualResponse,
        MessageBatchList,
        MessageTokensCount,
        Model,
        ModelCapabilities,
        Moderation,
        ProviderStatus,
        Transcription,
        VirtualModel,
    )

    from ._params import (
        BatchesParams,
        BatchParams,
        CountTokensParams,
        EmbeddingsParams,
        FileParams,
        FilesParams,
        HistoryParams,
        ImageEditParams,
        ImageParams,
        ImageVariationParams,
        MessageParams,
        MessagesBatchesParams,
        MessagesBatchParams,
        ModerationParams,
        SpeechParams,
        StatsParams,
        TranscriptionParams,
        TranslationParams,
    )


def _models(data: Any) -> ResultList[Model]:
    return ResultList(generated_models().ModelList.from_dict(data).data)


def _capabilities(data: Any) -> ResultList[ModelCapabilities]:
    return ResultList(generated_models().CapabilitiesList.from_dict(data).data)


def _providers(data: Any) -> ResultList[ProviderStatus]:
    return ResultList(generated_models().ProviderStatusList.from_dict(data).data)


def _virtual_models(data: Any) -> ResultList[VirtualModel]:
    return ResultList(generated_models().VirtualModelList.from_dict(data).data)


def _transcription(response: httpx2.Response) -> Transcription:
    """JSON formats are the model; ``text``, ``srt`` and ``vtt`` answer plain text, its
    ``text``."""
    model: type[Transcription] = generated_models().Transcription
    if "json" in response.headers.get("content-type", ""):
        return model.from_dict(json.loads(response.content))
    return model(text=response.text)


def _bytes(response: httpx2.Response) -> ResultBytes:
    return ResultBytes(response.content)


def _results(response: httpx2.Response) -> ResultList[MessageBatchIndividualResponse]:
    """A JSON Lines body: one result per non-blank line."""
    lines = (line for line in response.text.splitlines() if line.strip())
    parse = generated_models().MessageBatchIndividualResponse.from_dict
    return ResultList(parse(json.loads(line)) for line in lines)


class Operations:
    """The methods every client derives from the contract's operations."""

    @operation("models.list_models", parse=_models)
    def list_models(self, **options: Unpack[RequestOptions]) -> ResultList[Model]:
        """Every model the key can use."""

    @operation("models.retrieve_model", parse=from_dict("Model"))
    def get_model(self, model_id: str, **options: Unpack[RequestOptions]) -> Model:
        """One model, by its provider-prefixed id (``"openai/gpt-4o-mini"``)."""

    @operation("capabilities.list_capabilities", parse=_capabilities)
    def get_capabilities(self, **options: Unpack[RequestOptions]) -> ResultList[ModelCapabilities]:
        """What each model supports and costs."""

    @operation("billing.get_credits_balance", parse=from_dict("CreditsBalance"))
    def get_credits_balance(self, **options: Unpack[RequestOptions]) -> CreditsBalance:
        """Credits left, tier and bands."""

    @operation(
        "billing.list_credits_history",
        parse=from_dict("CreditsHistory"),
        query="ListCreditsHistoryQuery",
    )
    def get_credits_history(self, **params: Unpack[HistoryParams]) -> CreditsHistory:
        """One page of usage history; see `iter_credits_history` to walk every page."""

    @paginated(HistoryWalk)
    def iter_credits_history(
        self, **params: Unpack[HistoryParams]
    ) -> Iterator[CreditsHistoryEntry]:
        """Every history entry matching the filters, fetching pages as needed."""

    @operation(
        "billing.get_credits_stats", parse=from_dict("CreditsStats"), query="GetCreditsStatsQuery"
    )
    def get_credits_stats(self, **params: Unpack[StatsParams]) -> CreditsStats:
        """Usage aggregated over a period, by provider, model, band and day."""

    @operation("health.get_health", parse=from_dict("Health"), auth=False)
    def health(self, **options: Unpack[RequestOptions]) -> Health:
        """Whether CoreX is up (sent without the API key)."""

    @operation(
        "embeddings.create_embeddings", parse=from_dict("EmbeddingList"), body="EmbeddingRequest"
    )
    def create_embeddings(self, **fields: Unpack[EmbeddingsParams]) -> EmbeddingList:
        """Embed ``input`` (a string, strings, or token arrays) with an embedding model."""

    @operation(
        "moderations.create_moderation", parse=from_dict("Moderation"), body="ModerationRequest"
    )
    def create_moderation(self, **fields: Unpack[ModerationParams]) -> Moderation:
        """Classify ``input`` for policy categories."""

    @operation(
        "audio.create_transcription", parse=_transcription, body="TranscriptionRequest", raw=True
    )
    def create_transcription(self, **fields: Unpack[TranscriptionParams]) -> Transcription:
        """Transcribe an audio ``file`` (multipart upload); text formats come back as ``text``."""

    @operation(
        "audio.create_translation", parse=_transcription, body="TranslationRequest", raw=True
    )
    def create_translation(self, **fields: Unpack[TranslationParams]) -> Transcription:
        """Translate an audio ``file`` into English text (multipart upload)."""

    @operation("audio.create_speech", parse=_bytes, body="SpeechRequest", raw=True)
    def create_speech(self, **fields: Unpack[SpeechParams]) -> ResultBytes:
        """Speak ``input`` with ``voice``: the audio file's bytes (``response_format``)."""

    @download("audio.create_speech", body="SpeechRequest")
    def create_speech_stream(self, **fields: Unpack[SpeechParams]) -> BinaryStream:
        """`create_speech`, read as it arrives: ``write_to(path)`` or ``iter_bytes()``, without
        holding the whole audio in memory (``async``: awaited, then ``async for``)."""

    @operation("images.create_image", parse=from_dict("ImageList"), body="ImageGenerationRequest")
    def create_image(self, **fields: Unpack[ImageParams]) -> ImageList:
        """Generate images from a ``prompt`` (``url`` or ``b64_json`` each)."""

    @operation("images.edit_image", parse=from_dict("ImageList"), body="ImageEditRequest")
    def edit_image(self, **fields: Unpack[ImageEditParams]) -> ImageList:
        """Edit an ``image`` (and optional ``mask``) as ``prompt`` says (multipart upload)."""

    @operation(
        "images.create_image_variation", parse=from_dict("ImageList"), body="ImageVariationRequest"
    )
    def create_image_variation(self, **fields: Unpack[ImageVariationParams]) -> ImageList:
        """Variations of an ``image`` (multipart upload)."""

    @operation("messages.create_message", parse=from_dict("Message"), body="MessageRequest")
    def messages(self, **fields: Unpack[MessageParams]) -> Message:
        """An Anthropic Messages API call (``model``, ``max_tokens``, ``messages``, ...)."""

    @streamed("messages.create_message", body="MessageRequest", final=from_dict("Message"))
    def messages_stream(self, **fields: Unpack[MessageParams]) -> MessageStream[Message]:
        """`messages`, streamed: Anthropic's events; ``get_final_message()`` rebuilds the
        `Message` (text and thinking joined, tool inputs parsed)."""

    @operation(
        "messages.count_message_tokens",
        parse=from_dict("MessageTokensCount"),
        body="MessageCountTokensRequest",
    )
    def count_tokens(self, **fields: Unpack[CountTokensParams]) -> MessageTokensCount:
        """The input tokens a Messages request would use."""

    @operation("providers.get_provider_status", parse=_providers)
    def get_provider_status(self, **options: Unpack[RequestOptions]) -> ResultList[ProviderStatus]:
        """The health of each provider CoreX routes to."""

    @operation("virtual_models.list_virtual_models", parse=_virtual_models)
    def list_virtual_models(self, **options: Unpack[RequestOptions]) -> ResultList[VirtualModel]:
        """The deployment aliases CoreX routes, with their targets."""

    @operation("virtual_models.get_virtual_model", parse=from_dict("VirtualModel"))
    def get_virtual_model(self, model_id: str, **options: Unpack[RequestOptions]) -> VirtualModel:
        """One virtual model, by id."""

    @operation(
        "messages.create_messages_batch",
        parse=from_dict("MessageBatch"),
        body="MessageBatchCreateRequest",
    )
    def create_messages_batch(self, **fields: Unpack[MessagesBatchParams]) -> MessageBatch:
        """Queue Messages requests (``requests=[{custom_id, params}]``) to run as one batch."""

    @operation("messages.get_messages_batch", parse=from_dict("MessageBatch"))
    def get_messages_batch(self, batch_id: str, **options: Unpack[RequestOptions]) -> MessageBatch:
        """One batch, with its status and request counts."""

    @operation(
        "messages.list_messages_batches",
        parse=from_dict("MessageBatchList"),
        query="ListMessagesBatchesQuery",
    )
    def list_messages_batches_page(
        self, **params: Unpack[MessagesBatchesParams]
    ) -> MessageBatchList:
        """One page of batches, newest first; see `list_messages_batches` to walk them all."""

    @paginated(MessagesBatchesWalk)
    def list_messages_batches(
        self, **params: Unpack[MessagesBatchesParams]
    ) -> Iterator[MessageBatch]:
        """Every batch, newest first, fetching pages as needed."""

    @operation("messages.cancel_messages_batch", parse=from_dict("MessageBatch"))
    def cancel_messages_batch(
        self, batch_id: str, **options: Unpack[RequestOptions]
    ) -> MessageBatch:
        """Ask CoreX to cancel a batch; it ends as ``canceling``, then ``ended``."""

    @operation("messages.get_messages_batch_results", parse=_results, raw=True)
    def get_messages_batch_results(
        self, batch_id: str, **options: Unpack[RequestOptions]
    ) -> ResultList[MessageBatchIndividualResponse]:
        """The results of an ended batch, one per request, in any order (``custom_id``)."""

    @operation("files.create_file", parse=from_dict("FileObject"), body="FileCreateRequest")
    def create_file(self, **fields: Unpack[FileParams]) -> FileObject:
        """Upload a ``file`` (a path, bytes, an open binary file or a ``(name, content)`` tuple;
        at most 512 MB, refused before sending) for a ``purpose`` (``"batch"``: a batch's
        input, JSON Lines of ``BatchRequestInput``)."""

    @operation("files.list_files", parse=from_dict("FileList"), query="ListFilesQuery")
    def list_files_page(self, **params: Unpack[FilesParams]) -> FileList:
        """One page of files, newest first unless ``order="asc"``; see `list_files`."""

    @paginated(FilesWalk)
    def list_files(self, **params: Unpack[FilesParams]) -> Iterator[FileObject]:
        """Every file (of a ``purpose``, when given), fetching pages as needed."""

    @operation("files.get_file", parse=from_dict("FileObject"))
    def get_file(self, file_id: str, **options: Unpack[RequestOptions]) -> FileObject:
        """One file's record (size, name, purpose); `get_file_content` reads its bytes."""

    @operation("files.delete_file", parse=from_dict("FileDeleted"))
    def delete_file(self, file_id: str, **options: Unpack[RequestOptions]) -> FileDeleted:
        """Delete a file; its id is a `NotFoundError` afterwards."""

    @operation("files.get_file_content", parse=_bytes, raw=True)
    def get_file_content(self, file_id: str, **options: Unpack[RequestOptions]) -> ResultBytes:
        """A file's bytes; a batch's output and error files are JSON Lines of
        ``BatchRequestOutput``, in any order. Large files: `get_file_content_stream`."""

    @download("files.get_file_content")
    def get_file_content_stream(
        self, file_id: str, **options: Unpack[RequestOptions]
    ) -> BinaryStream:
        """`get_file_content`, read as it arrives: ``write_to(path)`` or ``iter_bytes()``,
        without holding a result file of hundreds of MB in memory (``async``: awaited, then
        ``async for``)."""

    @operation("batches.create_batch", parse=from_dict("Batch"), body="BatchCreateRequest")
    def create_batch(self, **fields: Unpack[BatchParams]) -> Batch:
        """Run the requests of an uploaded ``input_file_id`` against ``endpoint``
        (``completion_window="24h"``); the batch starts ``validating``."""

    @operation("batches.get_batch", parse=from_dict("Batch"))
    def get_batch(self, batch_id: str, **options: Unpack[RequestOptions]) -> Batch:
        """One batch: its ``status``, ``request_counts`` and result files."""

    @operation("batches.list_batches", parse=from_dict("BatchList"), query="ListBatchesQuery")
    def list_batches_page(self, **params: Unpack[BatchesParams]) -> BatchList:
        """One page of batches, newest first; see `list_batches` to walk them all."""

    @paginated(BatchesWalk)
    def list_batches(self, **params: Unpack[BatchesParams]) -> Iterator[Batch]:
        """Every batch, newest first, fetching pages as needed."""

    @operation("batches.cancel_batch", parse=from_dict("Batch"))
    def cancel_batch(self, batch_id: str, **options: Unpack[RequestOptions]) -> Batch:
        """Ask CoreX to cancel a batch: ``cancelling``, then ``cancelled``, keeping what
        finished in its output and error files."""
