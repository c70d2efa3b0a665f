"""aiogram's FSM storage: `RedisStorage` when Redis answers, `MemoryStorage` when it cannot.

Keys carry the bot id (`<prefix>:<bot_id>:<chat_id>:<user_id>:<destiny>:state|data`), so two
bots may share one Redis database without reading each other's dialogs. State and data get
TTLs, so an abandoned dialog does not live in Redis forever.

Memory is the fallback, never a crash: without Redis, dialogs are lost on restart and are not
shared between instances, and a warning says exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis

from shop_adapters.redis.client import RedisOptions, open_redis

logger = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class FsmOptions:
    state_ttl_seconds: int = 86_400  # 0: no TTL
    data_ttl_seconds: int = 86_400  # 0: no TTL
    key_prefix: str = "shop:fsm"


def build_redis_fsm_storage(redis: Redis, options: FsmOptions | None = None) -> RedisStorage:
    """The storage owns `redis` from now on: the dispatcher closes it at shutdown."""
    options = options or FsmOptions()
    return RedisStorage(
        redis,
        key_builder=DefaultKeyBuilder(
            prefix=options.key_prefix, with_bot_id=True, with_destiny=True
        ),
        state_ttl=options.state_ttl_seconds or None,
        data_ttl=options.data_ttl_seconds or None,
    )


async def open_fsm_storage(
    url: str | None,
    options: FsmOptions | None = None,
    redis_options: RedisOptions | None = None,
) -> BaseStorage:
    """Redis storage on its own client (the dispatcher closes it), or memory with a warning."""
    redis = None if url is None else await open_redis(url, redis_options)
    if redis is None:
        logger.warning(
            "fsm_storage_in_memory",
            reason="redis_not_configured" if url is None else "redis_unreachable",
            consequence="dialogs are lost on restart and not shared between instances",
        )
        return MemoryStorage()
    return build_redis_fsm_storage(redis, options)
