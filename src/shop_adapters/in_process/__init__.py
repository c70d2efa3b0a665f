"""In-process adapters for the embedded default: one process, no Redis."""
