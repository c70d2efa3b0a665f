import asyncio

import pytest
from redis.asyncio import Redis
from structlog.testing import capture_logs

from shop_adapters.redis.client import RedisOptions, create_redis
from shop_adapters.redis.rate_limiter import RedisRateLimiter
from shop_domain.ports.rate_limiter import RateDecision
from tests.fakes.manual_clock import ManualClock


def limiter(
    redis: Redis, clock: ManualClock | None, *, limit: int = 3, ban_seconds: float = 30
) -> RedisRateLimiter:
    return RedisRateLimiter(
        redis, max_requests=limit, window_seconds=10, ban_seconds=ban_seconds, clock=clock
    )


async def test_a_hit_leaves_the_window_exactly_window_seconds_later(redis: Redis) -> None:
    clock = ManualClock()
    rate = limiter(redis, clock, ban_seconds=0)
    await rate.hit("user:1")  # t = 0
    clock.advance(1)
    await rate.hit("user:1")
    await rate.hit("user:1")  # t = 1

    clock.advance(8.999)
    inside = await rate.hit("user:1")
    clock.advance(0.001)
    at_edge = await rate.hit("user:1")
    full_again = await rate.hit("user:1")

    assert inside == RateDecision(allowed=False, retry_after_seconds=0.001, first_rejection=True)
    assert at_edge.allowed
    assert full_again == RateDecision(allowed=False, retry_after_seconds=1, first_rejection=True)


async def test_a_ban_is_announced_once_and_ends_with_a_fresh_budget(redis: Redis) -> None:
    clock = ManualClock()
    rate = limiter(redis, clock)
    decisions = [await rate.hit("user:1") for _ in range(25)]
    clock.advance(29.999)
    late = await rate.hit("user:1")
    clock.advance(0.001)
    after = [await rate.hit("user:1") for _ in range(4)]

    assert sum(decision.allowed for decision in decisions) == 3
    assert [decision.first_rejection for decision in decisions].count(True) == 1
    assert decisions[3] == RateDecision(False, retry_after_seconds=30, first_rejection=True)
    assert late == RateDecision(allowed=False, retry_after_seconds=0.001)
    assert [decision.allowed for decision in after] == [True, True, True, False]


async def test_two_instances_share_one_budget(redis: Redis, other_redis: Redis) -> None:
    clock = ManualClock()
    first, second = limiter(redis, clock, limit=5), limiter(other_redis, clock, limit=5)

    decisions = [await (first if i % 2 else second).hit("user:7") for i in range(12)]

    assert sum(decision.allowed for decision in decisions) == 5
    assert [decision.first_rejection for decision in decisions].count(True) == 1


async def test_a_hundred_concurrent_hits_allow_exactly_the_limit(
    redis: Redis, other_redis: Redis
) -> None:
    # Server time here (no injected clock): the path production takes.
    instances = [limiter(redis, None, limit=20), limiter(other_redis, None, limit=20)]

    decisions = await asyncio.gather(*(instances[i % 2].hit("user:9") for i in range(100)))

    assert sum(decision.allowed for decision in decisions) == 20
    assert [decision.first_rejection for decision in decisions].count(True) == 1
    assert all(0 < d.retry_after_seconds <= 30 for d in decisions if not d.allowed)


async def test_server_time_moves_the_window(redis: Redis) -> None:
    rate = RedisRateLimiter(redis, max_requests=2, window_seconds=0.2, ban_seconds=0)
    passed = [(await rate.hit("user:1")).allowed for _ in range(3)]

    await asyncio.sleep(0.25)

    assert passed == [True, True, False]
    assert (await rate.hit("user:1")).allowed


async def test_keys_expire_with_the_window_and_the_ban(redis: Redis) -> None:
    rate = limiter(redis, ManualClock())
    await rate.hit("user:1")
    hits_ttl = await redis.pttl("shop:rate:{user:1}:hits")
    for _ in range(3):
        await rate.hit("user:1")

    assert 9_000 < hits_ttl <= 10_000
    assert 29_000 < await redis.pttl("shop:rate:{user:1}:ban") <= 30_000
    assert await redis.exists("shop:rate:{user:1}:hits") == 0  # a ban clears the window


async def test_keys_have_separate_budgets(redis: Redis) -> None:
    rate = limiter(redis, ManualClock(), limit=1)
    await rate.hit("user:1")

    assert not (await rate.hit("user:1")).allowed
    assert (await rate.hit("user:2")).allowed


async def test_an_unreachable_redis_fails_open_with_a_warning(closed_redis_url: str) -> None:
    client = create_redis(closed_redis_url, RedisOptions(connect_timeout_seconds=0.2, retries=0))
    rate = limiter(client, None, limit=1)
    try:
        with capture_logs() as logs:
            decisions = [await rate.hit("user:1") for _ in range(3)]
    finally:
        await client.aclose(close_connection_pool=True)

    assert decisions == [RateDecision(allowed=True)] * 3
    warnings = [log for log in logs if log["event"] == "rate_limiter_failed_open"]
    assert len(warnings) == 1  # not one per update
    assert warnings[0]["log_level"] == "warning"
    assert warnings[0]["error"] == "ConnectionError"


async def test_a_failing_script_fails_open_and_recovery_is_logged(redis: Redis) -> None:
    rate = limiter(redis, None)
    await redis.set("shop:rate:{user:1}:hits", b"not a sorted set")  # WRONGTYPE in the script
    with capture_logs() as logs:
        during = await rate.hit("user:1")
        await redis.delete("shop:rate:{user:1}:hits")
        after = [await rate.hit("user:1") for _ in range(2)]

    assert during == RateDecision(allowed=True)
    assert all(decision.allowed for decision in after)
    assert [(log["event"], log.get("error")) for log in logs] == [
        ("rate_limiter_failed_open", "ResponseError"),
        ("rate_limiter_recovered", None),
    ]


@pytest.mark.parametrize(
    ("max_requests", "window_seconds", "ban_seconds"), [(0, 10, 0), (1, 0.0001, 0), (1, 10, -1)]
)
def test_a_nonsensical_policy_is_refused(
    max_requests: int, window_seconds: float, ban_seconds: float
) -> None:
    with pytest.raises(ValueError, match="max_requests"):
        RedisRateLimiter(
            Redis(),
            max_requests=max_requests,
            window_seconds=window_seconds,
            ban_seconds=ban_seconds,
        )
