"""Embeddings and moderations (`_embeddings`), audio (`_audio`) and images (`_images`)."""
