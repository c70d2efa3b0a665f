"""Retries with exponential backoff for failing jobs, built on taskiq's SmartRetryMiddleware.

taskiq's Redis brokers ignore a `delay` label, so a retry is stored as a one-off schedule in
Redis (the schedulers fire it when due) and survives restarts. Without Redis (the embedded
mode) the retry waits in this process.
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from taskiq import ScheduleSource
from taskiq.kicker import AsyncKicker
from taskiq.message import TaskiqMessage
from taskiq.middlewares import SmartRetryMiddleware

logger = structlog.get_logger(__name__)


class BackoffRetryMiddleware(SmartRetryMiddleware):
    def __init__(
        self,
        *,
        attempts: int,
        base_delay_seconds: float,
        max_delay_seconds: float,
        delayed: ScheduleSource | None,
    ) -> None:
        super().__init__(
            default_retry_count=attempts,
            default_retry_label=True,
            default_delay=base_delay_seconds,
            schedule_source=delayed,
        )
        self._max_delay = max_delay_seconds
        self._pending: set[asyncio.Task[None]] = set()

    def make_delay(self, message: TaskiqMessage, retries: int) -> float:
        """base x 2^(retry - 1), capped, plus up to 10% jitter so retries do not stampede."""
        base = float(message.labels.get("delay", self.default_delay))
        delay = min(base * 2.0 ** max(retries - 1, 0), self._max_delay)
        jitter: float = random.uniform(0, delay / 10)  # noqa: S311 - jitter, not a secret
        return delay + jitter

    async def on_send(
        self, kicker: AsyncKicker[Any, Any], message: TaskiqMessage, delay: float
    ) -> None:
        logger.warning("job_retry_scheduled", job=message.task_name, delay_seconds=round(delay, 1))
        if self.schedule_source is not None:
            when = datetime.now(UTC) + timedelta(seconds=delay)
            await kicker.schedule_by_time(
                self.schedule_source, when, *message.args, **message.kwargs
            )
            return
        task = asyncio.create_task(self._later(kicker, message, delay))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    @staticmethod
    async def _later(kicker: AsyncKicker[Any, Any], message: TaskiqMessage, delay: float) -> None:
        await asyncio.sleep(delay)
        await kicker.kiq(*message.args, **message.kwargs)
