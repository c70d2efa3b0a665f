from __future__ import annotations

from typing import Protocol


class LockLease(Protocol):
    async def release(self) -> None: ...


class DistributedLock(Protocol):
    """A lock shared by every instance of the shop (Redis in production, in-process alone)."""

    async def acquire(self, name: str, ttl_seconds: float) -> LockLease | None:
        """A lease if the lock was free, else None; the lease expires after `ttl_seconds`."""
        ...
