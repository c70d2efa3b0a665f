import pytest
from redis.asyncio import Redis
from structlog.testing import capture_logs

from shop_adapters.redis.cache import RedisCache
from shop_adapters.redis.client import RedisOptions, create_redis
from shop_domain.errors import StorageError


async def test_a_value_is_shared_and_carries_its_ttl(redis: Redis, other_redis: Redis) -> None:
    await RedisCache(redis).set("channel_member:1:2", b"1", ttl_seconds=600)

    assert await RedisCache(other_redis).get("channel_member:1:2") == b"1"
    assert 590 < await redis.ttl("shop:cache:channel_member:1:2") <= 600


async def test_delete_removes_every_key_given(redis: Redis) -> None:
    cache = RedisCache(redis)
    for key in ("a", "b", "c"):
        await cache.set(key, key.encode(), ttl_seconds=60)

    await cache.delete("a", "b", "missing")
    await cache.delete()

    assert [await cache.get(key) for key in ("a", "b", "c")] == [None, None, b"c"]


async def test_prefixes_keep_caches_apart(redis: Redis) -> None:
    await RedisCache(redis, key_prefix="bot_a").set("k", b"a", ttl_seconds=60)

    assert await RedisCache(redis, key_prefix="bot_b").get("k") is None


async def test_an_unreachable_redis_is_a_miss_but_a_failed_delete_raises(
    closed_redis_url: str,
) -> None:
    client = create_redis(closed_redis_url, RedisOptions(connect_timeout_seconds=0.2, retries=0))
    cache = RedisCache(client)
    try:
        with capture_logs() as logs:
            await cache.set("k", b"v", ttl_seconds=60)
            value = await cache.get("k")
        with pytest.raises(StorageError):
            await cache.delete("k")
    finally:
        await client.aclose(close_connection_pool=True)

    assert value is None
    assert [log["event"] for log in logs] == ["cache_set_failed", "cache_get_failed"]


async def test_a_ttl_below_one_second_is_refused(redis: Redis) -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        await RedisCache(redis).set("k", b"v", ttl_seconds=0)
