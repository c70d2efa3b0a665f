"""The job worker and scheduler inside `shop run`: started after the bot is built, stopped
after the web server (jobs in flight get the grace period; Redis-stream jobs not finished by
then are redelivered later, since they are acknowledged only after they ran)."""

from __future__ import annotations

import asyncio
from contextlib import suppress

import structlog
from taskiq import InMemoryBroker

from shop_adapters.jobs.engine import JobEngine
from shop_adapters.jobs.scheduler import build_scheduler
from shop_domain.ports.locks import DistributedLock
from shop_entrypoints.jobs.runner import run_scheduler, run_worker
from shop_entrypoints.jobs.schedules import periodic_schedules
from shop_entrypoints.jobs.tasks import JobUseCases, register_jobs
from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.services import Services
from shop_entrypoints.settings.jobs import JobSettings

logger = structlog.get_logger(__name__)


class JobRunner:
    def __init__(self, engine: JobEngine, use_cases: JobUseCases, locks: DistributedLock) -> None:
        self._engine = engine
        self._use_cases = use_cases
        self._locks = locks
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, settings: JobSettings, lifecycle: Lifecycle, services: Services) -> None:
        registered = register_jobs(self._engine.broker, self._use_cases)
        schedules = periodic_schedules(settings, registered)
        scheduler = build_scheduler(self._engine, schedules, self._locks)
        worker = run_worker(self._engine.broker, concurrency=settings.worker_concurrency)
        self._tasks = [
            services.start("job_worker", worker),
            services.start("job_scheduler", run_scheduler(scheduler)),
        ]

        async def stop() -> None:
            await self.stop(lifecycle.grace_seconds)

        lifecycle.on_shutdown("jobs", stop)

    async def start_producer(self) -> None:
        """A process that runs no jobs still names them (the queue refuses unknown jobs) and
        starts the broker to queue them; the job engine resource closes it at shutdown."""
        register_jobs(self._engine.broker, self._use_cases)
        await self._engine.broker.startup()

    async def stop(self, grace_seconds: float) -> None:
        """The scheduler stops kicking; in-process jobs may finish; then the worker stops."""
        worker, scheduler = self._tasks
        await _cancel(scheduler)
        broker = self._engine.broker
        if isinstance(broker, InMemoryBroker):
            try:
                async with asyncio.timeout(grace_seconds):
                    await broker.wait_all()
            except TimeoutError:
                logger.warning("jobs_still_running_at_shutdown")
        await _cancel(worker)


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
