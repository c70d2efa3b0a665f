"""The shared `redis.asyncio.Redis` client: built from a URL with bounded timeouts.

Redis sits in front of every update (the rate limit), so a dead server must fail fast rather
than stall handlers: short timeouts and one quick retry, not redis-py's default backoff of
several seconds. Values are bytes (`decode_responses=False`); aiogram's storage expects that.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import structlog
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import RedisError

logger = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class RedisOptions:
    socket_timeout_seconds: float = 2.0
    connect_timeout_seconds: float = 2.0
    health_check_interval_seconds: int = 30
    max_connections: int = 50
    retries: int = 1


def create_redis(url: str, options: RedisOptions | None = None) -> Redis:
    """A client with a connection pool; nothing is connected until the first command."""
    options = options or RedisOptions()
    return Redis.from_url(
        url,
        socket_timeout=options.socket_timeout_seconds,
        socket_connect_timeout=options.connect_timeout_seconds,
        health_check_interval=options.health_check_interval_seconds,
        max_connections=options.max_connections,
        retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), options.retries),
        decode_responses=False,
    )


async def is_healthy(redis: Redis) -> bool:
    """True if the server answers PING (for health checks and the start-up fallback)."""
    try:
        return bool(await redis.ping())
    except RedisError as error:
        logger.warning("redis_unreachable", error=type(error).__name__)
        return False


async def open_redis(url: str, options: RedisOptions | None = None) -> Redis | None:
    """A client whose server answered PING, or None (closed again) if it did not: the caller
    then picks the in-process adapters instead of failing at start."""
    redis = create_redis(url, options)
    if await is_healthy(redis):
        return redis
    await redis.aclose(close_connection_pool=True)
    return None


async def redis_resource(url: str, options: RedisOptions | None = None) -> AsyncIterator[Redis]:
    """For the composition root's `providers.Resource`: the client, closed with its pool."""
    redis = create_redis(url, options)
    try:
        yield redis
    finally:
        await redis.aclose(close_connection_pool=True)
