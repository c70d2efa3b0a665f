"""Named locks with a lease in this process (the embedded default, one instance).

A lease expires `ttl_seconds` after it was granted, exactly like `RedisLock`: a holder that
hangs cannot block everyone forever. Only the lease that holds the lock can release it; a
lease that expired and was superseded releases nothing.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from functools import partial

import structlog

logger = structlog.get_logger(__name__)


class InProcessLock:
    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._now = monotonic
        self._held: dict[str, tuple[str, float]] = {}

    async def acquire(self, name: str, ttl_seconds: float) -> InProcessLease | None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        now = self._now()
        held = self._held.get(name)
        if held is not None and now < held[1]:
            return None
        token = secrets.token_hex(16)
        self._held[name] = (token, now + ttl_seconds)
        return InProcessLease(name, partial(self._release, name, token))

    def _release(self, name: str, token: str) -> bool:
        """True if `token` still held the lock; a stale token never frees someone else's."""
        held = self._held.get(name)
        if held is None or held[0] != token:
            return False
        del self._held[name]
        return self._now() < held[1]

    def is_held(self, name: str) -> bool:
        held = self._held.get(name)
        return held is not None and self._now() < held[1]


class InProcessLease:
    def __init__(self, name: str, release: Callable[[], bool]) -> None:
        self.name = name
        self._release = release
        self._released = False

    async def release(self) -> None:
        if self._released:
            return
        self._released = True
        if not self._release():
            logger.warning("lock_lease_lost_before_release", lock=self.name)
