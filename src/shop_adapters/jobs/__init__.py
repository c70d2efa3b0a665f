"""Job queues: in-process for the embedded default (taskiq on Redis for scale-out)."""
