"""The ``openai`` and ``anthropic`` spellings of CoreX's operations, answered with zaguan's.

zaguan has one method per operation (``client.chat(...)``), where those SDKs have a tree of
resources (``client.chat.completions.create(...)``). Code ported from them meets an
`AttributeError` that names the method to call, not "'function' object has no attribute
'completions'". The clients raise it for a missing first name (``client.embeddings``); a method
that is the first name of a spelling (``chat``, ``messages``) carries a `Habit` for the next
one, which raises it on any use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, NoReturn

HABITS: Final[Mapping[str, tuple[str, str]]] = {
    # openai
    "chat.completions.create": ("chat", "with stream=True: client.chat_stream(...)"),
    "chat.completions.parse": ("chat_parse", ""),
    "chat.completions.stream": ("chat_stream", ""),
    "beta.chat.completions.parse": ("chat_parse", ""),
    "beta.chat.completions.stream": ("chat_stream", ""),
    "beta.chat.completions.run_tools": ("run_tools", ""),
    "completions.create": ("chat", "CoreX serves chat completions, not legacy completions"),
    "embeddings.create": ("create_embeddings", ""),
    "moderations.create": ("create_moderation", ""),
    "models.list": ("list_models", ""),
    "models.retrieve": ("get_model", ""),
    "images.generate": ("create_image", ""),
    "images.edit": ("edit_image", ""),
    "images.create_variation": ("create_image_variation", ""),
    "audio.speech.create": ("create_speech", "as it arrives: client.create_speech_stream(...)"),
    "audio.transcriptions.create": ("create_transcription", ""),
    "audio.translations.create": ("create_translation", ""),
    "files.create": ("create_file", ""),
    "files.list": ("list_files", ""),
    "files.retrieve": ("get_file", ""),
    "files.delete": ("delete_file", ""),
    "files.content": (
        "get_file_content",
        "read as it arrives: client.get_file_content_stream(...)",
    ),
    "batches.create": ("create_batch", ""),
    "batches.retrieve": ("get_batch", ""),
    "batches.list": ("list_batches", ""),
    "batches.cancel": ("cancel_batch", ""),
    # anthropic
    "messages.create": ("messages", ""),
    "messages.stream": ("messages_stream", ""),
    "messages.count_tokens": ("count_tokens", ""),
    "messages.batches.create": ("create_messages_batch", ""),
    "messages.batches.retrieve": ("get_messages_batch", ""),
    "messages.batches.list": ("list_messages_batches", ""),
    "messages.batches.cancel": ("cancel_messages_batch", ""),
    "messages.batches.results": ("get_messages_batch_results", ""),
}
"""``openai`` / ``anthropic`` call path -> (zaguan's method, a note). The ``messages`` tree is
anthropic's, the rest openai's."""


def advice(path: str) -> str | None:
    """What to call instead of ``client.<path>`` (a whole spelling, or the start of some), or
    None when no spelling starts so."""
    sdk = "anthropic" if path.partition(".")[0] == "messages" else "openai"
    if path in HABITS:
        method, note = HABITS[path]
        return f"client.{path}() is {sdk}'s spelling; zaguan's is client.{method}(...)" + (
            f" ({note})" if note else ""
        )
    found = [
        f"client.{method}(...) for {habit}()"
        for habit, (method, _) in HABITS.items()
        if habit.startswith(f"{path}.")
    ]
    if not found:
        return None
    return f"client.{path} is {sdk}'s; zaguan has one method per operation: {'; '.join(found)}"


def habit_error(owner: object, name: str) -> AttributeError:
    """The `AttributeError` of ``owner.<name>``: the usual one, with advice when ``name`` starts
    an openai or anthropic spelling (``name=`` and ``obj=`` keep Python's "Did you mean")."""
    text = advice(name) or f"{type(owner).__name__!r} object has no attribute {name!r}"
    return AttributeError(text, name=name, obj=owner)


class Habit:
    """Where ``openai`` or ``anthropic`` have a namespace beneath a zaguan method
    (``client.chat.completions``): any attribute or call raises, naming zaguan's method."""

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    def __getattr__(self, name: str) -> NoReturn:
        if name.startswith("_"):  # copy and pickle probe a new instance before _path is set
            raise AttributeError(name, name=name, obj=self)
        path = f"{self._path}.{name}"
        raise AttributeError(advice(path) or advice(self._path), name=name, obj=self)

    def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
        # An AttributeError still: to the caller, ``client.messages.create`` is what is missing.
        raise AttributeError(advice(self._path), obj=self)

    def __repr__(self) -> str:
        return f"<{advice(self._path)}>"


def attach(method: Callable[..., Any], name: str) -> None:
    """Give the function ``method`` (the client method ``name``) a `Habit` for each spelling
    that continues past its name: ``chat`` gets ``completions``, ``messages`` gets ``create``,
    ``stream``, ... (a bound method reads its function's attributes)."""
    for habit in HABITS:
        first, _, rest = habit.partition(".")
        if first == name and rest:
            second = rest.split(".")[0]
            setattr(method, second, Habit(f"{name}.{second}"))
