"""One contract, two implementations: the in-process adapters (one shop instance) and the
Redis ones (many) must give the same answers, so switching SHOP_REDIS__URL changes where
state lives, never how the bot behaves."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis

from shop_adapters.in_process.cache import InMemoryCache
from shop_adapters.in_process.locks import InProcessLock
from shop_adapters.in_process.rate_limiter import InMemoryRateLimiter
from shop_adapters.redis.cache import RedisCache
from shop_adapters.redis.locks import RedisLock
from shop_adapters.redis.rate_limiter import RedisRateLimiter
from shop_domain.ports.cache import Cache
from shop_domain.ports.locks import DistributedLock
from shop_domain.ports.rate_limiter import RateDecision, RateLimiter
from tests.fakes.manual_clock import ManualClock


@dataclass
class Backend:
    clock: ManualClock  # drives the rate limiters of both backends
    limiter: Callable[[int, float, float], RateLimiter]  # (max_requests, window, ban)
    cache: Cache
    locks: DistributedLock
    elapse: Callable[[float], Awaitable[None]]  # lets cache and lock TTLs run out


def memory_backend() -> Backend:
    clock, ttl_clock = ManualClock(), ManualClock()

    async def elapse(seconds: float) -> None:
        ttl_clock.advance(seconds)

    return Backend(
        clock=clock,
        limiter=lambda n, window, ban: InMemoryRateLimiter(
            max_requests=n, window_seconds=window, ban_seconds=ban, monotonic=clock
        ),
        cache=InMemoryCache(monotonic=ttl_clock),
        locks=InProcessLock(monotonic=ttl_clock),
        elapse=elapse,
    )


def redis_backend(redis: Redis) -> Backend:
    clock = ManualClock()
    return Backend(
        clock=clock,
        limiter=lambda n, window, ban: RedisRateLimiter(
            redis, max_requests=n, window_seconds=window, ban_seconds=ban, clock=clock
        ),
        cache=RedisCache(redis),
        locks=RedisLock(redis),
        elapse=asyncio.sleep,
    )


@pytest.fixture(params=["memory", "redis"])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "memory":
        return memory_backend()
    return redis_backend(request.getfixturevalue("redis"))


async def hits(limiter: RateLimiter, count: int, key: str = "user:1") -> list[RateDecision]:
    return [await limiter.hit(key) for _ in range(count)]


async def test_limit_then_one_announced_ban(backend: Backend) -> None:
    decisions = await hits(backend.limiter(3, 10, 30), 6)

    assert decisions == [
        *[RateDecision(allowed=True)] * 3,
        RateDecision(allowed=False, retry_after_seconds=30, first_rejection=True),
        RateDecision(allowed=False, retry_after_seconds=30),
        RateDecision(allowed=False, retry_after_seconds=30),
    ]


async def test_without_a_ban_the_window_slides(backend: Backend) -> None:
    limiter = backend.limiter(2, 10, 0)
    first = await hits(limiter, 1)
    backend.clock.advance(4)
    second = await hits(limiter, 2)
    backend.clock.advance(5.5)
    third = await hits(limiter, 1)
    backend.clock.advance(0.5)
    fourth = await hits(limiter, 2)

    assert first + second == [
        RateDecision(allowed=True),
        RateDecision(allowed=True),
        RateDecision(allowed=False, retry_after_seconds=6, first_rejection=True),
    ]
    assert third == [RateDecision(allowed=False, retry_after_seconds=0.5)]
    assert fourth == [
        RateDecision(allowed=True),
        RateDecision(allowed=False, retry_after_seconds=4, first_rejection=True),
    ]


async def test_a_ban_ends_with_a_fresh_budget(backend: Backend) -> None:
    limiter = backend.limiter(2, 60, 30)
    await hits(limiter, 3)
    backend.clock.advance(30)

    assert [d.allowed for d in await hits(limiter, 3)] == [True, True, False]
    assert (await limiter.hit("user:2")).allowed


async def test_cache_round_trip_overwrite_and_delete(backend: Backend) -> None:
    cache = backend.cache
    missing = await cache.get("a")
    await cache.set("a", b"1", ttl_seconds=60)
    await cache.set("a", b"2", ttl_seconds=60)
    await cache.set("b", b"3", ttl_seconds=60)
    stored = (await cache.get("a"), await cache.get("b"))
    await cache.delete("a", "b", "never-set")

    assert missing is None
    assert stored == (b"2", b"3")
    assert (await cache.get("a"), await cache.get("b")) == (None, None)


async def test_cache_entries_expire(backend: Backend) -> None:
    await backend.cache.set("a", b"1", ttl_seconds=1)
    await backend.elapse(1.05)

    assert await backend.cache.get("a") is None


async def test_cache_refuses_a_ttl_below_one_second(backend: Backend) -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        await backend.cache.set("a", b"1", ttl_seconds=0)


async def test_lock_is_exclusive_until_released(backend: Backend) -> None:
    lease = await backend.locks.acquire("checkout:1", 30)
    refused = await backend.locks.acquire("checkout:1", 30)
    assert lease is not None
    await lease.release()
    await lease.release()

    assert refused is None
    assert await backend.locks.acquire("checkout:1", 30) is not None


async def test_lock_lease_expires_and_a_stale_lease_frees_nothing(backend: Backend) -> None:
    stale = await backend.locks.acquire("job", 0.1)
    assert stale is not None
    await backend.elapse(0.15)
    current = await backend.locks.acquire("job", 30)
    await stale.release()

    assert current is not None
    assert await backend.locks.acquire("job", 30) is None


async def test_lock_refuses_a_ttl_that_is_not_positive(backend: Backend) -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        await backend.locks.acquire("job", 0)
