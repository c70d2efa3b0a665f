"""SIGTERM and SIGINT ask the lifecycle to stop (a second one: at once); nothing else happens
inside a signal handler."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from shop_entrypoints.runner.lifecycle import Lifecycle

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def stop_on_signals(lifecycle: Lifecycle) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in STOP_SIGNALS:
        with suppress(NotImplementedError):  # Windows has no loop signal handlers
            loop.add_signal_handler(sig, lifecycle.signal_received, sig.name)
            installed.append(sig)
    try:
        yield
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
