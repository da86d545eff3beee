"""Tools: `function_tool` describes a typed Python function for the model, and `ToolRun` is
the pure state of `run_tools` (the clients only send its requests and call the functions).

The run: send the conversation with the tools; when the reply calls tools, append it, call
each function with its arguments (read from JSON into the parameters' types, as
`chat_parse` reads answers), append each result as a ``tool`` message, and send again;
stop when a reply calls none. ``max_rounds`` bounds the rounds of calls
(`ToolRoundsExceededError` past it).

Each request of a run is a round with its own request id: ``<id>:round-<n>`` derived from
the caller's ``request_id`` (``derive_request_id``), so that re-running the same run re-sends
the same ids and CoreX answers them from its record instead of charging them again (one id
for every round would be refused: the same id with another body is a 409); a fresh id each
round without one. ``deadline`` bounds the whole run, tools included: it is fixed when the
run starts, every round gets what is left, and a round is not sent once it has passed.

A tool's failure (the function raised, the model named no such tool, or sent arguments
that do not fit) is by default reported to the model as that call's result, ``"Error:
<Type>: <message>"``, so that it can correct itself, as ``openai``'s runner does; with
``tool_errors="raise"`` it is raised instead (the function's own exception as it is,
`ToolCallError` for the model's mistakes).
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, ParamSpec, TypeVar, cast, get_args

from zaguan_corex_client.models import ChatCompletion, ChatMessageParam, ToolParam

from .._config import check_seconds
from .._errors import (
    APITimeoutError,
    ConfigurationError,
    RequestValidationError,
    ToolCallError,
    ToolRoundsExceededError,
)
from .._request import (
    NO_BOUNDS,
    Bounds,
    Call,
    check_request_id,
    derive_request_id,
    new_request_id,
)
from ._conversation import Conversation
from ._schema import Mismatch, build_fields, hints, is_pydantic, json_schema

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

ToolErrors = Literal["report", "raise"]
_TOOL_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")
"""The tool names every provider accepts (OpenAI's rule; Anthropic's and Gemini's are wider)."""


@dataclass(frozen=True, slots=True)
class FunctionTool(Generic[P, R]):
    """A Python function as a chat tool (see `function_tool`); calling it calls the function."""

    function: Callable[P, R]
    name: str
    description: str
    parameters: dict[str, Any]
    """The JSON Schema of the arguments."""
    strict: bool = False
    _types: Mapping[str, Any] = dataclasses.field(default_factory=dict, repr=False)
    _optional: frozenset[str] = frozenset()

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self.function(*args, **kwargs)

    @property
    def definition(self) -> ToolParam:
        """The tool as the request's ``tools`` lists it."""
        function: dict[str, Any] = {"name": self.name, "parameters": self.parameters}
        if self.description:
            function["description"] = self.description
        if self.strict:
            function["strict"] = True
        return cast(ToolParam, {"type": "function", "function": function})

    def arguments(self, text: str) -> dict[str, Any]:
        """The keyword arguments a call's JSON ``text`` stands for; `ToolCallError` if it is
        not JSON or does not fit the parameters."""
        try:
            value = json.loads(text or "{}")
            if not isinstance(value, dict):
                raise ToolCallError(f"{self.name}: the arguments are not a JSON object")
            return build_fields(self._types, value, "$", self._optional)
        except Mismatch as exc:  # the constructor's or pydantic's error stays the cause
            raise ToolCallError(f"{self.name}: {exc}") from exc.__cause__
        except RecursionError:
            raise ToolCallError(f"{self.name}: the arguments are nested too deeply") from None
        except ValueError as exc:  # json.loads's
            raise ToolCallError(f"{self.name}: the arguments are not JSON ({exc})") from None


def function_tool(
    function: Callable[P, R],
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool = False,
) -> FunctionTool[P, R]:
    """A tool from a typed function: its name, its docstring's description, and its
    parameters' JSON Schema (descriptions from the docstring's ``Args:`` section).

    >>> def get_weather(city: str, unit: Literal["C", "F"] = "C") -> str:
    ...     '''The current weather in a city.
    ...
    ...     Args:
    ...         city: The city's name, e.g. "Paris".
    ...         unit: The temperature unit.
    ...     '''
    >>> tool = function_tool(get_weather)  # or @function_tool on the definition
    >>> tool.definition["function"]["name"]
    'get_weather'

    Parameters take the types `chat_parse` does; one with a default is optional (all are
    required with ``strict=True``, as OpenAI's strict mode wants). ``*args``, ``**kwargs``,
    positional-only and unannotated parameters raise `TypeError` (the model passes arguments
    by name); a name outside ``^[a-zA-Z0-9_-]{1,64}$`` (what every provider accepts; a
    lambda's ``<lambda>`` is not) raises `ValueError`.
    """
    if not callable(function):
        raise TypeError(f"a tool is a typed function, got {function!r}")
    tool_name = _tool_name(function, name)
    summary, documented = _docstring(inspect.getdoc(function) or "")
    annotations = hints(function)
    types: dict[str, Any] = {}
    optional: set[str] = set()
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            raise TypeError(f"{tool_name}: a tool cannot take *args or **kwargs")
        if parameter.kind is parameter.POSITIONAL_ONLY:
            raise TypeError(
                f"{tool_name}: parameter {parameter.name!r} is positional-only, but a tool's "
                "arguments are passed by name (remove the '/')"
            )
        if parameter.name not in annotations:
            raise TypeError(f"{tool_name}: parameter {parameter.name!r} needs a type")
        types[parameter.name] = annotations[parameter.name]
        if parameter.default is not parameter.empty:
            optional.add(parameter.name)
    properties = {
        key: {**json_schema(tp), **({"description": documented[key]} if key in documented else {})}
        for key, tp in types.items()
    }
    required = list(types) if strict else [key for key in types if key not in optional]
    schema = {"type": "object", "properties": properties, "required": required}
    if description is not None and not isinstance(description, str):
        raise TypeError(f"{tool_name}: description must be a string, got {description!r}")
    return FunctionTool(
        function, tool_name, summary if description is None else description,
        {**schema, "additionalProperties": False}, strict, types, frozenset(optional),
    )  # fmt: skip


def _tool_name(function: Callable[..., Any], name: object) -> str:
    """``name``, or the function's own, if every provider accepts it as a tool name."""
    given = getattr(function, "__name__", None) if name is None else name
    if not isinstance(given, str):
        raise TypeError(f"a tool's name must be a string, got {given!r}")
    if not _TOOL_NAME.fullmatch(given):
        hint = "" if name is not None else " (pass name= to function_tool)"
        raise ValueError(
            f"the tool name {given!r} is not 1 to 64 letters, digits, '_' or '-' "
            f"(^[a-zA-Z0-9_-]{{1,64}}$, what the providers accept){hint}"
        )
    return given


_SECTION = re.compile(r"^(Args|Arguments|Parameters|Returns|Raises|Yields|Examples?|Notes?):\s*$")
_ARGUMENT = re.compile(r"^(\*{0,2}\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")


def _docstring(doc: str) -> tuple[str, dict[str, str]]:
    """The description (the text before the first section) and the ``Args:`` entries of a
    Google-style docstring; continuation lines (indented deeper) are joined with a space."""
    lines = doc.splitlines()
    headers = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    summary = "\n".join(lines[: headers[0]] if headers else lines).strip()
    documented: dict[str, str] = {}
    for start in headers:
        if lines[start].split(":")[0] in ("Args", "Arguments", "Parameters"):
            documented.update(_arguments(lines[start + 1 :]))
    return summary, documented


def _arguments(lines: list[str]) -> dict[str, str]:
    """The entries of one ``Args:`` section, ``lines`` being what follows its header."""
    entries: dict[str, list[str]] = {}
    indent: int | None = None  # the entries' own indentation, set by the first
    for line in lines:
        if line and not line[0].isspace():
            break  # the next section
        depth, text = len(line) - len(line.lstrip()), line.strip()
        match = _ARGUMENT.match(text)
        if match and (indent is None or depth <= indent):
            indent = depth
            entries[match.group(1)] = [match.group(2)]
        elif entries and text:
            entries[next(reversed(entries))].append(text)
    return {name: " ".join(words).strip() for name, words in entries.items()}


async def settle(value: Any) -> Any:
    """``value``, awaited if it is awaitable (what an async tool function returned)."""
    return await value if inspect.isawaitable(value) else value


def tool_content(value: object) -> str:
    """A function's return value as a tool message's content: a string as it is, anything
    else as JSON (dataclasses and pydantic models as their fields, other objects by
    ``str``)."""
    if isinstance(value, str):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    elif is_pydantic(type(value)):
        value = cast(Any, value).model_dump(mode="json")
    return json.dumps(value, default=str, ensure_ascii=False)


@dataclass(slots=True)
class PendingCall:
    """One call the model asked for: its id, the tool (None: none has that name), the JSON."""

    id: str
    name: str
    arguments: str
    tool: FunctionTool[..., Any] | None

    def start(self) -> Any:
        """Call the function (an async one returns its awaitable, for the caller to await)."""
        if self.tool is None:
            raise ToolCallError(f"the model called {self.name!r}, which is no tool of this run")
        return self.tool.function(**self.tool.arguments(self.arguments))


@dataclass(frozen=True, slots=True)
class ToolRunResult:
    """What `run_tools` ends with: the model's answer, every message (the reply included),
    and the rounds of tool calls it took."""

    completion: ChatCompletion
    messages: list[ChatMessageParam]
    rounds: int


class ToolRun:
    """The state of one `run_tools` call; pure (the clients send and call). Every argument
    is checked here, before the first round is sent."""

    def __init__(
        self,
        messages: Conversation | Iterable[Any],
        tools: Iterable[FunctionTool[..., Any] | Callable[..., Any]],
        fields: Mapping[str, Any],
        *,
        max_rounds: int,
        tool_errors: ToolErrors,
        is_async: bool,
        deadline: float | None = None,
    ) -> None:
        """``deadline`` is the client's, which a ``deadline`` in ``fields`` overrides."""
        if isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1:
            raise RequestValidationError(f"max_rounds must be an integer >= 1, got {max_rounds!r}")
        if not isinstance(tool_errors, str) or tool_errors not in get_args(ToolErrors):
            raise RequestValidationError(
                f"tool_errors must be 'report' or 'raise', got {tool_errors!r}"
            )
        if "tools" in fields or "messages" in fields:
            raise RequestValidationError("pass messages= and tools= once")
        self.tools = _tools_by_name(tools)
        if not is_async and any(
            inspect.iscoroutinefunction(t.function) for t in self.tools.values()
        ):
            raise RequestValidationError("async tool functions need AsyncZaguanClient.run_tools")
        self.fields = dict(fields)
        self.request_id = _run_request_id(self.fields)
        self.bounds = _run_bounds(self.fields.pop("deadline", deadline))
        self.conversation = (
            messages if isinstance(messages, Conversation) else Conversation(messages)
        )
        self.max_rounds = max_rounds
        self.tool_errors = tool_errors
        self.rounds = 0
        self.last: ChatCompletion  # the latest answer, set by `calls`

    def request(self) -> dict[str, Any]:
        """The next round's chat fields, with its request id; `APITimeoutError` instead
        when the run's deadline has passed (the round is not sent)."""
        number = self.rounds + 1
        if self.request_id is None:
            request_id = new_request_id()
        else:
            request_id = derive_request_id(self.request_id, f"round-{number}")
        if self.bounds.passed():
            text = self.bounds.deadline_error_text(f"before round {number}")
            raise APITimeoutError(text, request_id=request_id)
        tools = [tool.definition for tool in self.tools.values()]
        return {**self.fields, "request_id": request_id, "messages": self.conversation.messages,
                "tools": tools}  # fmt: skip

    def bound(self, call: Call[T]) -> Call[T]:
        """``call`` (a round's) held to the run's deadline, not one of its own."""
        bounds = dataclasses.replace(
            call.bounds, deadline=self.bounds.deadline, deadline_at=self.bounds.deadline_at
        )
        return dataclasses.replace(call, bounds=bounds)

    def calls(self, completion: ChatCompletion) -> list[PendingCall]:
        """Append ``completion``'s reply; the calls it asks for (none: the run is over)."""
        self.last = completion
        if not completion.choices:  # nothing to append; nothing asked
            return []
        self.conversation.add_reply(completion)
        requested = completion.choices[0].message.tool_calls or []
        if not requested:
            return []
        if self.rounds >= self.max_rounds:
            raise ToolRoundsExceededError(self.rounds, completion, self.conversation.history)
        self.rounds += 1
        return [
            PendingCall(
                c.id, c.function.name, c.function.arguments, self.tools.get(c.function.name)
            )
            for c in requested
        ]

    def call_tool(self, call: PendingCall) -> None:
        """Call ``call``'s tool (a sync client's run) and append its result or failure."""
        try:
            self.done(call, call.start())
        except Exception as exc:  # the tool's own failure: reported, or raised
            self.failed(call, exc)

    async def acall_tool(self, call: PendingCall) -> None:
        """`call_tool`, awaiting an async tool's result (an async client's run)."""
        try:
            self.done(call, await settle(call.start()))
        except Exception as exc:  # the tool's own failure: reported, or raised
            self.failed(call, exc)

    def done(self, call: PendingCall, value: object) -> None:
        """Append the result of ``call``."""
        self.conversation.add_tool_result(call.id, tool_content(value))

    def failed(self, call: PendingCall, error: Exception) -> None:
        """Report ``error`` to the model as the result of ``call``, or raise it."""
        if self.tool_errors == "raise":
            raise error
        self.conversation.add_tool_result(call.id, f"Error: {type(error).__name__}: {error}")

    def result(self) -> ToolRunResult:
        """The run's outcome, once `calls` found none to make."""
        return ToolRunResult(self.last, list(self.conversation.history), self.rounds)


def _tools_by_name(tools: object) -> dict[str, FunctionTool[..., Any]]:
    """The run's tools by name: `FunctionTool` s, or functions made into them; every name once."""
    if isinstance(tools, str | bytes | Mapping) or not isinstance(tools, Iterable):
        raise RequestValidationError(
            f"tools must be an iterable of FunctionTools or functions, got {tools!r}"
        )
    by_name: dict[str, FunctionTool[..., Any]] = {}
    for given in tools:
        if isinstance(given, FunctionTool):
            tool = given
        elif callable(given) and not isinstance(given, type):
            tool = function_tool(given)
        else:
            raise RequestValidationError(
                f"a tool is a FunctionTool or a typed function, got {given!r}"
            )
        if tool.name in by_name:
            raise RequestValidationError(
                f"two tools are named {tool.name!r}: the model could not tell them apart "
                "(give one another name with function_tool(..., name=))"
            )
        by_name[tool.name] = tool
    return by_name


def _run_request_id(fields: dict[str, Any]) -> str | None:
    """The caller's request id of the run (``request_id``, else an ``X-Request-Id`` in
    ``extra_headers``), taken out of ``fields``: each round sends one derived from it."""
    request_id = fields.pop("request_id", None)
    extra = fields.get("extra_headers")
    if isinstance(extra, Mapping):
        named = [name for name in extra if isinstance(name, str) and name.lower() == "x-request-id"]
        if named:
            request_id = extra[named[0]] if request_id is None else request_id
            fields["extra_headers"] = {k: v for k, v in extra.items() if k not in named}
    return None if request_id is None else check_request_id(request_id)  # refused now if bad


def _run_bounds(deadline: Any) -> Bounds:
    """The run's deadline, fixed when it starts."""
    try:
        seconds = check_seconds(deadline, "deadline")
    except ConfigurationError as exc:  # a per-call option, as `build_call` reports it
        raise RequestValidationError(str(exc)) from None
    if seconds is None:
        return NO_BOUNDS
    return Bounds(seconds, time.monotonic() + seconds)
