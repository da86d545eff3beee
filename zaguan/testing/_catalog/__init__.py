"""The built-in model catalogue, bands and tiers (`_models`), and the provider status and
virtual models served from it (`_directory`)."""
