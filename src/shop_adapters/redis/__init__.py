"""Redis adapters: the shared client, rate limits, FSM storage, cache and locks for
several shop instances."""
