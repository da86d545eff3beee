"""What the SDK tells about its calls: hook events (`_events`), their dispatch to the caller's
hooks (`_hooks`), the summary of a result (`_summary`), OpenTelemetry (`_otel`) and logging
(`_log`); `_setup` decides which hooks a client calls."""
