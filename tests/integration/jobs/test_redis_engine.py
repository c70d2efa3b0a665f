"""The production job engine on a real Redis: durable queueing, acknowledgement only after a
job ran, redelivery of a dead worker's job, retries with backoff, single-fire schedules."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from redis.asyncio import Redis
from redis.exceptions import ResponseError
from taskiq import ScheduledTask

from shop_adapters.jobs.engine import CONSUMER_GROUP, JobEngine, JobEngineConfig, build_job_engine
from shop_adapters.jobs.scheduler import build_scheduler
from shop_adapters.jobs.send_rate import RedisSendRateLimiter
from shop_adapters.jobs.taskiq_queue import TaskiqJobQueue
from shop_adapters.redis.locks import RedisLock
from shop_domain.ports.locks import LockLease
from shop_entrypoints.jobs.runner import run_scheduler, run_worker

Handler = Callable[..., Awaitable[None]]


async def eventually(predicate: Callable[[], object], seconds: float = 20) -> None:
    for _ in range(round(seconds / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the condition never held")


_built: list[JobEngine] = []


def engine_with(
    redis_url: str, redis: Redis, handlers: dict[str, Handler], **config: float
) -> JobEngine:
    """A shop instance's job engine; every one built is shut down after the test."""
    settings = JobEngineConfig(redis_url=redis_url, **config)  # type: ignore[arg-type]
    engine = build_job_engine(settings, RedisLock(redis))
    for name, handler in handlers.items():
        engine.broker.register_task(handler, task_name=name)
    _built.append(engine)
    return engine


@pytest.fixture(autouse=True)
async def _shut_engines_down() -> AsyncIterator[None]:
    yield
    while _built:
        await _built.pop().shutdown()
    gc.collect()  # a leaked connection warns in the test that leaked it


@asynccontextmanager
async def running(coroutine: Awaitable[None]) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.ensure_future(coroutine)
    try:
        yield task
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def until_pending(redis: Redis, count: int) -> None:
    """Until the workers' group holds `count` delivered, unacknowledged jobs."""
    for _ in range(200):
        try:
            summary = await redis.xpending("shop:jobs", CONSUMER_GROUP)
        except ResponseError:  # the first worker has not created the group yet
            summary = {"pending": -1}
        if int(summary["pending"]) == count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never {count} pending jobs")


async def test_a_job_queued_while_no_worker_runs_waits_and_is_acked_only_after_it_ran(
    redis_url: str, redis: Redis
) -> None:
    release = asyncio.Event()
    done: list[str] = []

    async def provision(job_id: str) -> None:
        await release.wait()
        done.append(job_id)

    client = engine_with(redis_url, redis, {"provision": provision})
    await TaskiqJobQueue(client.broker).enqueue("provision", {"job_id": "j1"})
    await client.shutdown()  # the bot that queued it is gone too
    worker = engine_with(redis_url, redis, {"provision": provision})
    async with running(run_worker(worker.broker, concurrency=2)):
        await until_pending(redis, 1)  # delivered and running, not acknowledged
        release.set()
        await eventually(lambda: done == ["j1"])
        await until_pending(redis, 0)


async def test_a_dead_worker_s_job_is_redelivered_to_another(redis_url: str, redis: Redis) -> None:
    started: list[str] = []
    finished: list[str] = []
    hang = asyncio.Event()

    async def provision(job_id: str) -> None:
        started.append(job_id)
        if len(started) == 1:
            await hang.wait()  # the first worker dies in here
        finished.append(job_id)

    async def ping() -> None:
        return None

    handlers: dict[str, Handler] = {"provision": provision, "ping": ping}
    first = engine_with(redis_url, redis, handlers, redelivery_idle_seconds=1)
    async with running(run_worker(first.broker)):
        await TaskiqJobQueue(first.broker).enqueue("provision", {"job_id": "j1"})
        await eventually(lambda: started == ["j1"])
    assert finished == []
    second = engine_with(redis_url, redis, handlers, redelivery_idle_seconds=1)
    async with running(run_worker(second.broker)):
        await asyncio.sleep(1.2)
        await TaskiqJobQueue(second.broker).enqueue("ping", {})  # any traffic wakes the claim
        await eventually(lambda: finished == ["j1"])
    assert started == ["j1", "j1"]
    hang.set()  # let the "dead" worker's orphaned task end before its connections close
    await asyncio.sleep(0.3)


async def test_a_failing_job_is_retried_with_backoff_through_redis(
    redis_url: str, redis: Redis
) -> None:
    attempts: list[float] = []

    async def flaky() -> None:
        attempts.append(time.monotonic())
        if len(attempts) < 3:
            raise RuntimeError("provider down")

    engine = engine_with(
        redis_url, redis, {"flaky": flaky}, retry_base_delay_seconds=1, retry_attempts=4
    )
    scheduler = build_scheduler(engine, [], RedisLock(redis))
    async with (
        running(run_worker(engine.broker)),
        running(run_scheduler(scheduler, refresh_seconds=0.5)),
    ):
        await TaskiqJobQueue(engine.broker, engine.delayed).enqueue("flaky", {})
        await eventually(lambda: len(attempts) == 3, seconds=30)
    assert attempts[1] - attempts[0] >= 1
    assert attempts[2] - attempts[1] >= 2


@dataclass
class WatchedLock:
    """The real RedisLock, noting which ticks this instance tried and won."""

    lock: RedisLock
    tried: list[str] = field(default_factory=list)
    won: list[str] = field(default_factory=list)

    async def acquire(self, name: str, ttl_seconds: float) -> LockLease | None:
        self.tried.append(name)
        lease = await self.lock.acquire(name, ttl_seconds)
        if lease is not None:
            self.won.append(name)
        return lease


async def test_a_periodic_schedule_fires_once_per_tick_across_two_instances(
    redis_url: str, redis: Redis
) -> None:
    runs: list[float] = []

    async def poll() -> None:
        runs.append(time.time())

    schedule = ScheduledTask(
        task_name="poll", labels={}, args=[], kwargs={}, schedule_id="every:poll", interval=1
    )
    clients = [Redis.from_url(redis_url) for _ in "ab"]  # one Redis connection per instance
    locks = [WatchedLock(RedisLock(client)) for client in clients]
    instances = [engine_with(redis_url, client, {"poll": poll}) for client in clients]
    schedulers = [
        build_scheduler(e, [schedule], lock) for e, lock in zip(instances, locks, strict=True)
    ]
    async with (
        running(run_worker(instances[0].broker)),
        running(run_worker(instances[1].broker)),
        running(run_scheduler(schedulers[0])),
        running(run_scheduler(schedulers[1])),
    ):
        await asyncio.sleep(5.5)
        won = [tick for lock in locks for tick in lock.won]
        await eventually(lambda: len(runs) == len(won))  # every tick won ran, once
    for client in clients:
        await client.aclose()
    assert all(lock.tried for lock in locks)  # both schedulers competed for the ticks
    assert len(won) == len(set(won))  # a tick is won by one instance only
    assert 3 <= len(won) <= 7
    assert sum(len(lock.tried) for lock in locks) > len(won)  # the losers sent nothing


async def test_the_send_budget_is_shared_and_a_429_pauses_every_worker(
    redis_url: str, redis: Redis
) -> None:
    first = RedisSendRateLimiter(redis, rate_per_second=50)
    other_worker = Redis.from_url(redis_url)
    second = RedisSendRateLimiter(other_worker, rate_per_second=50)
    started = time.monotonic()
    await asyncio.gather(*(limiter.acquire() for limiter in [first, second] * 13))
    assert time.monotonic() - started >= 0.48  # 26 slots at 20 ms, whoever asks
    await first.pause(0.5)
    paused = time.monotonic()
    await second.acquire()
    assert time.monotonic() - paused >= 0.45
    await other_worker.aclose()
