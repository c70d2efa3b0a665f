"""The shared cache in Redis: small byte values under a prefix, each with a TTL.

A cache that cannot answer is a miss, not an outage: `get` and `set` log a warning and carry
on. `delete` raises `StorageError`, because a failed invalidation would leave a stale value
that the caller believes is gone.
"""

from __future__ import annotations

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shop_domain.errors import StorageError

logger = structlog.get_logger(__name__)


class RedisCache:
    def __init__(self, redis: Redis, *, key_prefix: str = "shop:cache") -> None:
        self._redis = redis
        self._prefix = key_prefix

    def _key(self, key: str) -> str:
        return f"{self._prefix}:{key}"

    async def get(self, key: str) -> bytes | None:
        try:
            value = await self._redis.get(self._key(key))
        except RedisError as error:
            logger.warning("cache_get_failed", error=type(error).__name__)
            return None
        if isinstance(value, str):  # a client built with decode_responses=True
            return value.encode()
        return value

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None:
        if ttl_seconds < 1:
            raise ValueError("ttl_seconds must be at least 1")
        try:
            await self._redis.set(self._key(key), value, ex=ttl_seconds)
        except RedisError as error:
            logger.warning("cache_set_failed", error=type(error).__name__)

    async def delete(self, *keys: str) -> None:
        if not keys:
            return
        try:
            await self._redis.delete(*(self._key(key) for key in keys))
        except RedisError as error:
            raise StorageError("the cache could not delete its entries") from error
