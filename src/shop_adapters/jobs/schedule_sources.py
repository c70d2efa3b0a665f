"""Schedule sources that fire once across every running scheduler.

Each instance of the shop may run a scheduler (no single point of failure); before sending, a
scheduler claims the schedule's current tick with a lease in the shared lock (Redis `SET NX`).
Only the first claimant sends; the lease is never released, it expires with the tick.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import timedelta

import structlog
from taskiq import ScheduledTask, ScheduleSource
from taskiq.exceptions import ScheduledTaskCancelledError
from taskiq.serializers import JSONSerializer
from taskiq_redis import ListRedisScheduleSource

from shop_domain.ports.locks import DistributedLock

logger = structlog.get_logger(__name__)

ONE_OFF_CLAIM_SECONDS = 24 * 3600.0


def _interval_seconds(task: ScheduledTask) -> float:
    interval = task.interval
    if isinstance(interval, timedelta):
        return interval.total_seconds()
    return float(interval or 60)


class SingleFirePeriodicSource(ScheduleSource):
    """Fixed interval schedules (from settings); tick n of a schedule fires on one instance."""

    def __init__(self, schedules: Sequence[ScheduledTask], locks: DistributedLock) -> None:
        self._schedules = list(schedules)
        self._locks = locks

    async def get_schedules(self) -> list[ScheduledTask]:
        return list(self._schedules)

    async def pre_send(self, task: ScheduledTask) -> None:
        every = _interval_seconds(task)
        tick = int(time.time() // every)
        lease = await self._locks.acquire(f"schedule:{task.schedule_id}:{tick}", every)
        if lease is None:
            logger.debug("schedule_tick_taken_elsewhere", schedule=task.schedule_id, tick=tick)
            raise ScheduledTaskCancelledError


class SingleFireDelayedSource(ListRedisScheduleSource):
    """One-off jobs due later (delayed enqueues and retries), stored in Redis as JSON."""

    def __init__(self, url: str, locks: DistributedLock, *, prefix: str = "shop:delayed") -> None:
        super().__init__(url, prefix=prefix, serializer=JSONSerializer())
        self._locks = locks

    async def pre_send(self, task: ScheduledTask) -> None:
        lease = await self._locks.acquire(f"delayed:{task.schedule_id}", ONE_OFF_CLAIM_SECONDS)
        if lease is None:
            raise ScheduledTaskCancelledError

    async def shutdown(self) -> None:
        await self._connection_pool.disconnect()
