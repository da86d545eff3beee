"""Anthropic's side: `POST /v1/messages` and `count_tokens` (`_routes`), the answers
(`_answers`) and their event stream (`_stream`), and message batches (`_batches`,
`_batch_store`)."""
