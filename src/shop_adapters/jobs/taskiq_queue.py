"""TaskiqJobQueue(JobQueue): hands a job to taskiq by name; the payload becomes its kwargs.

A delayed job waits in Redis as a one-off schedule (production) or, embedded, as a sleeping
task in this process (lost on restart: the database pollers cover anything that matters).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import structlog
from redis.exceptions import RedisError
from taskiq import ScheduleSource
from taskiq.abc.broker import AsyncBroker
from taskiq.exceptions import TaskiqError
from taskiq.kicker import AsyncKicker

from shop_domain.errors import JobQueueUnavailableError
from shop_domain.ports.job_queue import JobPayload

logger = structlog.get_logger(__name__)

Kicker = AsyncKicker[..., object]


class TaskiqJobQueue:
    def __init__(self, broker: AsyncBroker, delayed: ScheduleSource | None = None) -> None:
        self._broker = broker
        self._delayed = delayed
        self._waiting: set[asyncio.Task[None]] = set()

    async def enqueue(self, job: str, payload: JobPayload, *, delay_seconds: float = 0) -> None:
        if self._broker.find_task(job) is None:
            logger.error("job_has_no_handler", job=job)
            raise JobQueueUnavailableError(f"no job named {job!r}")
        kicker: Kicker = AsyncKicker(job, self._broker, {})
        try:
            if delay_seconds <= 0:
                await kicker.kiq(**payload)
            elif self._delayed is not None:
                when = datetime.now(UTC) + timedelta(seconds=delay_seconds)
                await kicker.schedule_by_time(self._delayed, when, **payload)
            else:
                waiting = asyncio.create_task(self._later(kicker, payload, delay_seconds))
                self._waiting.add(waiting)
                waiting.add_done_callback(self._waiting.discard)
        except (RedisError, OSError, TaskiqError) as error:
            logger.warning("job_enqueue_failed", job=job, error=type(error).__name__)
            raise JobQueueUnavailableError(f"job {job!r} could not be queued") from error

    @staticmethod
    async def _later(kicker: Kicker, payload: JobPayload, delay_seconds: float) -> None:
        await asyncio.sleep(delay_seconds)
        await kicker.kiq(**payload)
