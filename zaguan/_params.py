"""The typed keywords of the client methods: the contract's fields (TypedDicts generated from
it) and the per-request options. Only for type checkers and readers: ``import zaguan`` does not
import this module (it loads the generated models); ``zaguan.ChatParams`` and the others
exported do, on first use.
"""

from __future__ import annotations

from zaguan_corex_client.api.batches.list_batches import ListBatchesQuery
from zaguan_corex_client.api.billing.get_credits_stats import GetCreditsStatsQuery
from zaguan_corex_client.api.billing.list_credits_history import ListCreditsHistoryQuery
from zaguan_corex_client.api.files.list_files import ListFilesQuery
from zaguan_corex_client.api.messages.list_messages_batches import ListMessagesBatchesQuery
from zaguan_corex_client.models import (
    BatchCreateRequestParam,
    ChatCompletionFieldsParam,
    EmbeddingRequestParam,
    FileCreateRequestParam,
    ImageEditRequestParam,
    ImageGenerationRequestParam,
    ImageVariationRequestParam,
    MessageBatchCreateRequestParam,
    MessageCountTokensRequestParam,
    MessageRequestParam,
    ModerationRequestParam,
    SpeechRequestParam,
    TranscriptionRequestParam,
    TranslationRequestParam,
)
from zaguan_corex_client.models.chat_completion_fields import (
    ChatCompletionFieldsLessMessagesToolsParam,
    ChatCompletionFieldsLessResponseFormatParam,
)

from ._request import RequestOptions


class ChatParams(ChatCompletionFieldsParam, RequestOptions, total=False):
    """The keywords of `chat` and `chat_stream`: the contract's chat fields (all but ``stream``,
    which the method chosen sets) and the per-request options.

    ``extra_body`` is the per-request option (fields merged into the body's top level, as with
    ``openai``); the contract's own ``extra_body`` field is an alias of
    ``provider_specific_params``, which sends it.
    """


class ParseParams(ChatCompletionFieldsLessResponseFormatParam, RequestOptions, total=False):
    """The keywords of `chat_parse` besides ``response_format`` (a type there): those of
    `chat`. The generated TypedDict leaves it out (scripts/generate.py's ``PARAM_VARIANTS``):
    mypy refuses a keyword that is also a key of the ``**`` TypedDict."""


class RunToolsParams(ChatCompletionFieldsLessMessagesToolsParam, RequestOptions, total=False):
    """The keywords of `run_tools` besides ``messages`` and ``tools`` (a `Conversation` and
    Python functions there): those of `chat`."""


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


class MessagesBatchParams(MessageBatchCreateRequestParam, RequestOptions, total=False):
    """The keywords of `create_messages_batch`."""


class MessagesBatchesParams(ListMessagesBatchesQuery, RequestOptions, total=False):
    """The keywords of `list_messages_batches`: Anthropic's paging, and the options."""


class FileParams(FileCreateRequestParam, RequestOptions, total=False):
    """The keywords of `create_file` (``file`` as for `TranscriptionParams`, at most 512 MB;
    ``purpose``: ``"batch"`` for a batch's input)."""


class FilesParams(ListFilesQuery, RequestOptions, total=False):
    """The keywords of `list_files`: OpenAI's paging (``after``, ``limit``), ``order`` and
    ``purpose``, and the options."""


class BatchParams(BatchCreateRequestParam, RequestOptions, total=False):
    """The keywords of `create_batch`."""


class BatchesParams(ListBatchesQuery, RequestOptions, total=False):
    """The keywords of `list_batches`: OpenAI's paging (``after``, ``limit``), and the options."""
