"""`POST /v1/chat/completions`: its route (`_routes`), what an answer depends on (`_request`)
and the deterministic answers and chunks (`_answers`)."""
