"""The job engine: taskiq's InMemoryBroker when embedded, its Redis stream broker in production.

Production: jobs live in a Redis stream read by a consumer group. A worker acknowledges a job
only after running it (the entry point runs the receiver with `WHEN_EXECUTED`); a failure is
first re-queued with backoff by `BackoffRetryMiddleware`. A job whose worker died stays
unacknowledged and is claimed by another worker after `redelivery_idle_seconds`.
"""

from __future__ import annotations

from dataclasses import dataclass

from taskiq import AsyncBroker, InMemoryBroker, ScheduleSource
from taskiq_redis import RedisStreamBroker

from shop_adapters.jobs.retries import BackoffRetryMiddleware
from shop_adapters.jobs.schedule_sources import SingleFireDelayedSource
from shop_domain.ports.locks import DistributedLock

QUEUE_NAME = "shop:jobs"
CONSUMER_GROUP = "shop-workers"
# Acknowledged jobs stay in a stream; trimming (approximate) keeps Redis memory bounded.
STREAM_MAX_LENGTH = 100_000


@dataclass(frozen=True, slots=True)
class JobEngineConfig:
    redis_url: str | None = None  # None: everything runs inside this process
    retry_attempts: int = 5
    retry_base_delay_seconds: float = 10.0
    retry_max_delay_seconds: float = 600.0
    redelivery_idle_seconds: float = 300.0
    queue_name: str = QUEUE_NAME


@dataclass(frozen=True, slots=True)
class JobEngine:
    broker: AsyncBroker
    delayed: ScheduleSource | None  # where delayed jobs and retries wait (Redis only)

    @property
    def durable(self) -> bool:
        return self.delayed is not None

    async def shutdown(self) -> None:
        """Close the broker's and the delayed source's connections (safe to call twice)."""
        await self.broker.shutdown()
        if self.delayed is not None:
            await self.delayed.shutdown()


def build_job_engine(config: JobEngineConfig, locks: DistributedLock) -> JobEngine:
    delayed: ScheduleSource | None = None
    broker: AsyncBroker
    if config.redis_url is None:
        broker = InMemoryBroker(max_async_tasks=100)
    else:
        delayed = SingleFireDelayedSource(
            config.redis_url, locks, prefix=f"{config.queue_name}:delayed"
        )
        broker = RedisStreamBroker(
            config.redis_url,
            queue_name=config.queue_name,
            consumer_group_name=CONSUMER_GROUP,
            consumer_id="0",  # a new group starts from the stream's beginning
            idle_timeout=round(config.redelivery_idle_seconds * 1000),
            unacknowledged_lock_timeout=30,  # a crashed worker cannot hold the claim lock
            xread_count=10,
            maxlen=STREAM_MAX_LENGTH,
        )
    retries = BackoffRetryMiddleware(
        attempts=config.retry_attempts,
        base_delay_seconds=config.retry_base_delay_seconds,
        max_delay_seconds=config.retry_max_delay_seconds,
        delayed=delayed,
    )
    return JobEngine(broker.with_middlewares(retries), delayed)
