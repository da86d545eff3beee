"""Tools: `function_tool` describes a typed Python function for the model, and `ToolRun` is
the pure state of `run_tools` (the clients only send its requests and call the functions).

The run: send the conversation with the tools; when the reply calls tools, append it, call
each function with its arguments (read from JSON into the parameters' types, as
`chat_parse` reads answers), append each result as a ``tool`` message, and send again;
stop when a reply calls none. ``max_rounds`` bounds the rounds of calls
(`ToolRoundsExceededError` past it).

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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, ParamSpec, TypeVar, cast

from zaguan_corex_client.models import ChatCompletion, ChatMessageParam, ToolParam

from .._errors import ToolCallError, ToolRoundsExceededError
from ._conversation import Conversation
from ._schema import Mismatch, build_fields, hints, is_pydantic, json_schema

P = ParamSpec("P")
R = TypeVar("R")

ToolErrors = Literal["report", "raise"]


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
        except ValueError as exc:
            raise ToolCallError(f"{self.name}: the arguments are not JSON ({exc})") from None
        if not isinstance(value, dict):
            raise ToolCallError(f"{self.name}: the arguments are not a JSON object")
        try:
            return build_fields(self._types, value, "$", self._optional)
        except Mismatch as exc:
            raise ToolCallError(f"{self.name}: {exc}") from None


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
    required with ``strict=True``, as OpenAI's strict mode wants). ``*args``, ``**kwargs``
    and unannotated parameters raise `TypeError`.
    """
    summary, documented = _docstring(inspect.getdoc(function) or "")
    annotations = hints(function)
    types: dict[str, Any] = {}
    optional: set[str] = set()
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            raise TypeError(f"{function.__name__}: a tool cannot take *args or **kwargs")
        if parameter.name not in annotations:
            raise TypeError(f"{function.__name__}: parameter {parameter.name!r} needs a type")
        types[parameter.name] = annotations[parameter.name]
        if parameter.default is not parameter.empty:
            optional.add(parameter.name)
    properties = {
        key: {**json_schema(tp), **({"description": documented[key]} if key in documented else {})}
        for key, tp in types.items()
    }
    required = list(types) if strict else [key for key in types if key not in optional]
    schema = {"type": "object", "properties": properties, "required": required}
    return FunctionTool(
        function, name or function.__name__, summary if description is None else description,
        {**schema, "additionalProperties": False}, strict, types, frozenset(optional),
    )  # fmt: skip


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
    """The state of one `run_tools` call; pure (the clients send and call)."""

    def __init__(
        self,
        messages: Conversation | Iterable[Any],
        tools: Iterable[FunctionTool[..., Any] | Callable[..., Any]],
        fields: Mapping[str, Any],
        *,
        max_rounds: int,
        tool_errors: ToolErrors,
        is_async: bool,
    ) -> None:
        if tool_errors not in ("report", "raise"):
            raise ValueError(f"tool_errors must be 'report' or 'raise', got {tool_errors!r}")
        if "tools" in fields or "messages" in fields:
            raise TypeError("pass messages= and tools= once")
        made = [tool if isinstance(tool, FunctionTool) else function_tool(tool) for tool in tools]
        self.tools = {tool.name: tool for tool in made}
        if not is_async and any(inspect.iscoroutinefunction(t.function) for t in made):
            raise TypeError("async tool functions need AsyncZaguanClient.run_tools")
        self.conversation = (
            messages if isinstance(messages, Conversation) else Conversation(messages)
        )
        self.fields = fields
        self.max_rounds = max_rounds
        self.tool_errors = tool_errors
        self.rounds = 0
        self.last: ChatCompletion  # the latest answer, set by `calls`

    def request(self) -> dict[str, Any]:
        """The next chat request's fields."""
        tools = [tool.definition for tool in self.tools.values()]
        return {**self.fields, "messages": self.conversation.messages, "tools": tools}

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
