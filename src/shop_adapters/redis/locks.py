"""A lock shared by every instance of the shop: `SET NX PX` with a random token in Redis.

The lease expires by itself after `ttl_seconds`, so a crashed holder cannot block anyone for
longer. Release runs a compare-and-delete script: only the owner's token frees the lock, and a
lease that expired (and may already belong to someone else) frees nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from functools import partial

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shop_domain.errors import StorageError

logger = structlog.get_logger(__name__)

_RELEASE_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisLock:
    def __init__(self, redis: Redis, *, key_prefix: str = "shop:lock") -> None:
        self._redis = redis
        self._prefix = key_prefix
        self._compare_and_delete = redis.register_script(_RELEASE_SCRIPT)

    async def acquire(self, name: str, ttl_seconds: float) -> RedisLease | None:
        """A lease, or None if someone holds the lock; `StorageError` if Redis fails, since
        neither answer could be trusted then."""
        ttl_ms = round(ttl_seconds * 1000)
        if ttl_ms < 1:
            raise ValueError("ttl_seconds must be positive")
        key = f"{self._prefix}:{name}"
        token = secrets.token_hex(16)
        try:
            acquired = await self._redis.set(key, token, nx=True, px=ttl_ms)
        except RedisError as error:
            raise StorageError(f"the lock {name!r} could not be taken") from error
        if not acquired:
            return None
        return RedisLease(name, partial(self._release_token, key, token))

    async def _release_token(self, key: str, token: str) -> bool:
        return bool(await self._compare_and_delete(keys=[key], args=[token]))


class RedisLease:
    def __init__(self, name: str, release: Callable[[], Awaitable[bool]]) -> None:
        self.name = name
        self._release = release
        self._released = False

    async def release(self) -> None:
        """Never raises: the lease expires on its own if Redis cannot be told."""
        if self._released:
            return
        self._released = True
        try:
            released = await self._release()
        except RedisError as error:
            logger.warning("lock_release_failed", lock=self.name, error=type(error).__name__)
            return
        if not released:
            logger.warning("lock_lease_lost_before_release", lock=self.name)
