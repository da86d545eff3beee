"""Helpers built on top of the client, as ``openai.lib`` and ``anthropic.lib`` keep theirs:
structured outputs (`chat_parse`), tools (`function_tool`, `run_tools`), `Conversation`,
reasoning, and the JSON Schema of Python types they share. Their public names are exported
from `zaguan` (loaded on first use)."""
