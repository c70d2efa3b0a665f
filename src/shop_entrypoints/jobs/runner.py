"""Entry functions for `shop worker` and the scheduler: they take built engines and run until
cancelled (the caller's TaskGroup stops them on the shutdown signal).

`run_worker` owns the broker's start-up and shutdown; `run_scheduler` only kicks jobs through
it, so one process may run both, or either alone.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import structlog
from taskiq import AcknowledgeType, AsyncBroker, InMemoryBroker, TaskiqScheduler
from taskiq.api import run_receiver_task
from taskiq.cli.scheduler.run import SchedulerLoop

logger = structlog.get_logger(__name__)


async def run_worker(broker: AsyncBroker, *, concurrency: int = 20) -> None:
    """Consume jobs; each is acknowledged only after it ran (a failure was re-queued first)."""
    broker.is_worker_process = True
    await broker.startup()
    logger.info("job_worker_started", broker=type(broker).__name__, concurrency=concurrency)
    try:
        if isinstance(broker, InMemoryBroker):
            await asyncio.Event().wait()  # in-process jobs run as they are kicked
        else:
            await run_receiver_task(
                broker,
                max_async_tasks=concurrency,
                ack_time=AcknowledgeType.WHEN_EXECUTED,
                propagate_exceptions=False,
            )
    finally:
        await broker.shutdown()
        logger.info("job_worker_stopped")


async def run_scheduler(scheduler: TaskiqScheduler, *, refresh_seconds: float = 15) -> None:
    """Fire periodic and delayed jobs; safe to run on every instance (ticks fire once)."""
    for source in scheduler.sources:
        await source.startup()
    logger.info("job_scheduler_started", sources=len(scheduler.sources))
    try:
        await SchedulerLoop(scheduler).run(
            update_interval=timedelta(seconds=refresh_seconds),
            loop_interval=timedelta(seconds=1),
            send_timeout=10,
        )
    finally:
        for source in scheduler.sources:
            await source.shutdown()
        logger.info("job_scheduler_stopped")
