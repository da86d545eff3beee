"""Streams, apart from the clients: bytes -> SSE events (`_sse`) -> items (an `Interpreter`
per dialect: `_chat`, `_messages`) -> results (`_accumulate`, `_accumulate_messages`), driven by
one `StreamCore` (`_lifecycle`) inside thin sync and async shells (`_shells`, `_download`)."""
