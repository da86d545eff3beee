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
from typing import Any, Unpack

import httpx

from zaguan_corex_client.api.audio import create_speech as speech  # two methods use it
from zaguan_corex_client.api.audio import create_transcription, create_translation
from zaguan_corex_client.api.billing import (
    get_credits_balance,
    get_credits_stats,
    list_credits_history,
)
from zaguan_corex_client.api.billing.get_credits_stats import GetCreditsStatsQuery
from zaguan_corex_client.api.billing.list_credits_history import ListCreditsHistoryQuery
from zaguan_corex_client.api.capabilities import list_capabilities
from zaguan_corex_client.api.embeddings import create_embeddings
from zaguan_corex_client.api.health import get_health
from zaguan_corex_client.api.images import create_image, create_image_variation, edit_image
from zaguan_corex_client.api.messages import (
    cancel_messages_batch,
    count_message_tokens,
    create_message,
    create_messages_batch,
    get_messages_batch,
    get_messages_batch_results,
    list_messages_batches,
)
from zaguan_corex_client.api.messages.list_messages_batches import ListMessagesBatchesQuery
from zaguan_corex_client.api.models import list_models, retrieve_model
from zaguan_corex_client.api.moderations import create_moderation
from zaguan_corex_client.api.providers import get_provider_status
from zaguan_corex_client.api.virtual_models import get_virtual_model, list_virtual_models
from zaguan_corex_client.models import (
    CapabilitiesList,
    CreditsBalance,
    CreditsHistory,
    CreditsHistoryEntry,
    CreditsStats,
    EmbeddingList,
    EmbeddingRequest,
    EmbeddingRequestParam,
    Health,
    ImageEditRequest,
    ImageEditRequestParam,
    ImageGenerationRequest,
    ImageGenerationRequestParam,
    ImageList,
    ImageVariationRequest,
    ImageVariationRequestParam,
    Message,
    MessageBatch,
    MessageBatchCreateRequest,
    MessageBatchCreateRequestParam,
    MessageBatchIndividualResponse,
    MessageBatchList,
    MessageCountTokensRequest,
    MessageCountTokensRequestParam,
    MessageRequest,
    MessageRequestParam,
    MessageTokensCount,
    Model,
    ModelCapabilities,
    ModelList,
    Moderation,
    ModerationRequest,
    ModerationRequestParam,
    ProviderStatus,
    ProviderStatusList,
    SpeechRequest,
    SpeechRequestParam,
    Transcription,
    TranscriptionRequest,
    TranscriptionRequestParam,
    TranslationRequest,
    TranslationRequestParam,
    VirtualModel,
    VirtualModelList,
)

from ._download import BinaryStream
from ._operation import download, operation, paginated, streamed
from ._pages import BatchesWalk, HistoryWalk
from ._request import RequestOptions
from ._results import ResultBytes, ResultList
from ._streaming import MessageStream


class HistoryParams(ListCreditsHistoryQuery, RequestOptions, total=False):
    """The keywords of `get_credits_history`: the contract's filters and paging, and the
    per-request options."""


class StatsParams(GetCreditsStatsQuery, RequestOptions, total=False):
    """The keywords of `get_credits_stats`: the contract's query, and the per-request options."""


class EmbeddingsParams(EmbeddingRequestParam, RequestOptions, total=False):
    """The keywords of `create_embeddings`."""


class ModerationParams(ModerationRequestParam, RequestOptions, total=False):
    """The keywords of `create_moderation`."""


class TranscriptionParams(TranscriptionRequestParam, RequestOptions, total=False):
    """The keywords of `create_transcription` (``file``: a path, bytes, an open binary file or
    a ``(filename, content[, content_type])`` tuple)."""


class TranslationParams(TranslationRequestParam, RequestOptions, total=False):
    """The keywords of `create_translation` (``file`` as for `TranscriptionParams`)."""


class SpeechParams(SpeechRequestParam, RequestOptions, total=False):
    """The keywords of `create_speech`."""


class ImageParams(ImageGenerationRequestParam, RequestOptions, total=False):
    """The keywords of `create_image`."""


class ImageEditParams(ImageEditRequestParam, RequestOptions, total=False):
    """The keywords of `edit_image` (``image``, ``mask``: files, as for `TranscriptionParams`)."""


class ImageVariationParams(ImageVariationRequestParam, RequestOptions, total=False):
    """The keywords of `create_image_variation` (``image``: a file)."""


class MessageParams(MessageRequestParam, RequestOptions, total=False):
    """The keywords of `messages` and `messages_stream` (``stream`` is the method's to set)."""


class CountTokensParams(MessageCountTokensRequestParam, RequestOptions, total=False):
    """The keywords of `count_tokens`."""


class BatchParams(MessageBatchCreateRequestParam, RequestOptions, total=False):
    """The keywords of `create_messages_batch`."""


class BatchesParams(ListMessagesBatchesQuery, RequestOptions, total=False):
    """The keywords of `list_messages_batches`: Anthropic's paging, and the options."""


def _models(data: Any) -> ResultList[Model]:
    return ResultList(ModelList.from_dict(data).data)


def _capabilities(data: Any) -> ResultList[ModelCapabilities]:
    return ResultList(CapabilitiesList.from_dict(data).data)


def _providers(data: Any) -> ResultList[ProviderStatus]:
    return ResultList(ProviderStatusList.from_dict(data).data)


def _virtual_models(data: Any) -> ResultList[VirtualModel]:
    return ResultList(VirtualModelList.from_dict(data).data)


def _transcription(response: httpx.Response) -> Transcription:
    """JSON formats are the model; ``text``, ``srt`` and ``vtt`` answer plain text, its
    ``text``."""
    if "json" in response.headers.get("content-type", ""):
        return Transcription.from_dict(json.loads(response.content))
    return Transcription(text=response.text)


def _audio(response: httpx.Response) -> ResultBytes:
    return ResultBytes(response.content)


def _results(response: httpx.Response) -> ResultList[MessageBatchIndividualResponse]:
    """A JSON Lines body: one result per non-blank line."""
    lines = (line for line in response.text.splitlines() if line.strip())
    return ResultList(MessageBatchIndividualResponse.from_dict(json.loads(line)) for line in lines)


class Operations:
    """The methods every client derives from the contract's operations."""

    @operation(list_models, parse=_models)
    def list_models(self, **options: Unpack[RequestOptions]) -> ResultList[Model]:
        """Every model the key can use."""

    @operation(retrieve_model, parse=Model.from_dict)
    def get_model(self, model_id: str, **options: Unpack[RequestOptions]) -> Model:
        """One model, by its provider-prefixed id (``"openai/gpt-4o-mini"``)."""

    @operation(list_capabilities, parse=_capabilities)
    def get_capabilities(self, **options: Unpack[RequestOptions]) -> ResultList[ModelCapabilities]:
        """What each model supports and costs."""

    @operation(get_credits_balance, parse=CreditsBalance.from_dict)
    def get_credits_balance(self, **options: Unpack[RequestOptions]) -> CreditsBalance:
        """Credits left, tier and bands."""

    @operation(list_credits_history, parse=CreditsHistory.from_dict, query=ListCreditsHistoryQuery)
    def get_credits_history(self, **params: Unpack[HistoryParams]) -> CreditsHistory:
        """One page of usage history; see `iter_credits_history` to walk every page."""

    @paginated(HistoryWalk)
    def iter_credits_history(
        self, **params: Unpack[HistoryParams]
    ) -> Iterator[CreditsHistoryEntry]:
        """Every history entry matching the filters, fetching pages as needed."""

    @operation(get_credits_stats, parse=CreditsStats.from_dict, query=GetCreditsStatsQuery)
    def get_credits_stats(self, **params: Unpack[StatsParams]) -> CreditsStats:
        """Usage aggregated over a period, by provider, model, band and day."""

    @operation(get_health, parse=Health.from_dict, auth=False)
    def health(self, **options: Unpack[RequestOptions]) -> Health:
        """Whether CoreX is up (sent without the API key)."""

    @operation(create_embeddings, parse=EmbeddingList.from_dict, body=EmbeddingRequest)
    def create_embeddings(self, **fields: Unpack[EmbeddingsParams]) -> EmbeddingList:
        """Embed ``input`` (a string, strings, or token arrays) with an embedding model."""

    @operation(create_moderation, parse=Moderation.from_dict, body=ModerationRequest)
    def create_moderation(self, **fields: Unpack[ModerationParams]) -> Moderation:
        """Classify ``input`` for policy categories."""

    @operation(create_transcription, parse=_transcription, body=TranscriptionRequest, raw=True)
    def create_transcription(self, **fields: Unpack[TranscriptionParams]) -> Transcription:
        """Transcribe an audio ``file`` (multipart upload); text formats come back as ``text``."""

    @operation(create_translation, parse=_transcription, body=TranslationRequest, raw=True)
    def create_translation(self, **fields: Unpack[TranslationParams]) -> Transcription:
        """Translate an audio ``file`` into English text (multipart upload)."""

    @operation(speech, parse=_audio, body=SpeechRequest, raw=True)
    def create_speech(self, **fields: Unpack[SpeechParams]) -> ResultBytes:
        """Speak ``input`` with ``voice``: the audio file's bytes (``response_format``)."""

    @download(speech, body=SpeechRequest)
    def create_speech_stream(self, **fields: Unpack[SpeechParams]) -> BinaryStream:
        """`create_speech`, read as it arrives: ``write_to(path)`` or ``iter_bytes()``, without
        holding the whole audio in memory (``async``: awaited, then ``async for``)."""

    @operation(create_image, parse=ImageList.from_dict, body=ImageGenerationRequest)
    def create_image(self, **fields: Unpack[ImageParams]) -> ImageList:
        """Generate images from a ``prompt`` (``url`` or ``b64_json`` each)."""

    @operation(edit_image, parse=ImageList.from_dict, body=ImageEditRequest)
    def edit_image(self, **fields: Unpack[ImageEditParams]) -> ImageList:
        """Edit an ``image`` (and optional ``mask``) as ``prompt`` says (multipart upload)."""

    @operation(create_image_variation, parse=ImageList.from_dict, body=ImageVariationRequest)
    def create_image_variation(self, **fields: Unpack[ImageVariationParams]) -> ImageList:
        """Variations of an ``image`` (multipart upload)."""

    @operation(create_message, parse=Message.from_dict, body=MessageRequest)
    def messages(self, **fields: Unpack[MessageParams]) -> Message:
        """An Anthropic Messages API call (``model``, ``max_tokens``, ``messages``, ...)."""

    @streamed(create_message, body=MessageRequest, final=Message.from_dict)
    def messages_stream(self, **fields: Unpack[MessageParams]) -> MessageStream[Message]:
        """`messages`, streamed: Anthropic's events; ``get_final_message()`` rebuilds the
        `Message` (text and thinking joined, tool inputs parsed)."""

    @operation(
        count_message_tokens, parse=MessageTokensCount.from_dict, body=MessageCountTokensRequest
    )
    def count_tokens(self, **fields: Unpack[CountTokensParams]) -> MessageTokensCount:
        """The input tokens a Messages request would use."""

    @operation(get_provider_status, parse=_providers)
    def get_provider_status(self, **options: Unpack[RequestOptions]) -> ResultList[ProviderStatus]:
        """The health of each provider CoreX routes to."""

    @operation(list_virtual_models, parse=_virtual_models)
    def list_virtual_models(self, **options: Unpack[RequestOptions]) -> ResultList[VirtualModel]:
        """The deployment aliases CoreX routes, with their targets."""

    @operation(get_virtual_model, parse=VirtualModel.from_dict)
    def get_virtual_model(self, model_id: str, **options: Unpack[RequestOptions]) -> VirtualModel:
        """One virtual model, by id."""

    @operation(create_messages_batch, parse=MessageBatch.from_dict, body=MessageBatchCreateRequest)
    def create_messages_batch(self, **fields: Unpack[BatchParams]) -> MessageBatch:
        """Queue Messages requests (``requests=[{custom_id, params}]``) to run as one batch."""

    @operation(get_messages_batch, parse=MessageBatch.from_dict)
    def get_messages_batch(self, batch_id: str, **options: Unpack[RequestOptions]) -> MessageBatch:
        """One batch, with its status and request counts."""

    @operation(
        list_messages_batches, parse=MessageBatchList.from_dict, query=ListMessagesBatchesQuery
    )
    def list_messages_batches_page(self, **params: Unpack[BatchesParams]) -> MessageBatchList:
        """One page of batches, newest first; see `list_messages_batches` to walk them all."""

    @paginated(BatchesWalk)
    def list_messages_batches(self, **params: Unpack[BatchesParams]) -> Iterator[MessageBatch]:
        """Every batch, newest first, fetching pages as needed."""

    @operation(cancel_messages_batch, parse=MessageBatch.from_dict)
    def cancel_messages_batch(
        self, batch_id: str, **options: Unpack[RequestOptions]
    ) -> MessageBatch:
        """Ask CoreX to cancel a batch; it ends as ``canceling``, then ``ended``."""

    @operation(get_messages_batch_results, parse=_results, raw=True)
    def get_messages_batch_results(
        self, batch_id: str, **options: Unpack[RequestOptions]
    ) -> ResultList[MessageBatchIndividualResponse]:
        """The results of an ended batch, one per request, in any order (``custom_id``)."""
