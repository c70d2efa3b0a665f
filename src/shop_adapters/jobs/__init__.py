"""Background jobs on taskiq: the broker factory (engine.py), the JobQueue adapter, retries,
the single-fire schedule sources and the global send budget."""
