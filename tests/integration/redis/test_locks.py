import asyncio

import pytest
from redis import exceptions as redis_errors
from redis.asyncio import Redis
from structlog.testing import capture_logs

from shop_adapters.redis.client import RedisOptions, create_redis
from shop_adapters.redis.locks import RedisLease, RedisLock
from shop_domain.errors import StorageError


async def test_only_one_of_many_contenders_gets_the_lock(redis: Redis, other_redis: Redis) -> None:
    instances = [RedisLock(redis), RedisLock(other_redis)]

    leases = await asyncio.gather(
        *(instances[i % 2].acquire("checkout:1", ttl_seconds=30) for i in range(50))
    )

    assert sum(lease is not None for lease in leases) == 1


async def test_a_released_lock_can_be_taken_again(redis: Redis, other_redis: Redis) -> None:
    first, second = RedisLock(redis), RedisLock(other_redis)
    lease = await first.acquire("checkout:1", ttl_seconds=30)
    assert lease is not None

    refused = await second.acquire("checkout:1", ttl_seconds=30)
    await lease.release()
    taken = await second.acquire("checkout:1", ttl_seconds=30)

    assert refused is None
    assert taken is not None
    assert await redis.exists("shop:lock:checkout:1") == 1


async def test_the_lease_expires_by_itself(redis: Redis, other_redis: Redis) -> None:
    lease = await RedisLock(redis).acquire("job", ttl_seconds=0.1)
    assert lease is not None
    ttl_ms = await redis.pttl("shop:lock:job")

    await asyncio.sleep(0.15)

    assert 0 < ttl_ms <= 100
    assert await RedisLock(other_redis).acquire("job", ttl_seconds=30) is not None


async def test_an_expired_lease_cannot_release_the_next_owner(
    redis: Redis, other_redis: Redis
) -> None:
    stale = await RedisLock(redis).acquire("job", ttl_seconds=0.05)
    assert stale is not None
    await asyncio.sleep(0.08)
    current = await RedisLock(other_redis).acquire("job", ttl_seconds=30)
    assert current is not None
    owner_token = await redis.get("shop:lock:job")

    with capture_logs() as logs:
        await stale.release()
        await stale.release()  # twice: still nothing

    assert await redis.get("shop:lock:job") == owner_token
    assert await RedisLock(redis).acquire("job", ttl_seconds=30) is None
    assert [log["event"] for log in logs] == ["lock_lease_lost_before_release"]


async def test_an_unreachable_redis_refuses_to_guess(closed_redis_url: str) -> None:
    client = create_redis(closed_redis_url, RedisOptions(connect_timeout_seconds=0.2, retries=0))
    try:
        with pytest.raises(StorageError, match="checkout:1"):
            await RedisLock(client).acquire("checkout:1", ttl_seconds=30)
    finally:
        await client.aclose(close_connection_pool=True)


async def test_a_failed_release_is_logged_not_raised() -> None:
    async def unreachable() -> bool:
        raise redis_errors.ConnectionError("Error 111 connecting to 127.0.0.1:6379.")

    with capture_logs() as logs:
        await RedisLease("job", unreachable).release()

    assert [(log["event"], log["error"]) for log in logs] == [
        ("lock_release_failed", "ConnectionError")
    ]


async def test_a_ttl_must_be_positive(redis: Redis) -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        await RedisLock(redis).acquire("job", ttl_seconds=0)
