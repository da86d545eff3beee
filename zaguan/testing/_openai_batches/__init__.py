"""OpenAI's side: `/v1/files` (`_files`, over `_file_store`) and `/v1/batches` (`_routes`, over
`_store`): an input file checked line by line (`_input`), each line run by the server's own
handlers (`_run`), and OpenAI's list pages (`_lists`)."""
