"""Run enqueued jobs as tracked asyncio tasks in this process (the embedded default).

Jobs are not persisted: anything that must survive a restart (provisioning, reconciliation)
is also recorded in the database and picked up again by the periodic pollers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping

import structlog

from shop_domain.ports.job_queue import JobPayload

logger = structlog.get_logger(__name__)

JobHandler = Callable[[JobPayload], Awaitable[object]]


class InProcessJobQueue:
    def __init__(self, handlers: Mapping[str, JobHandler] | None = None) -> None:
        self._handlers: dict[str, JobHandler] = dict(handlers or {})
        self._tasks: set[asyncio.Task[None]] = set()

    def register(self, job: str, handler: JobHandler) -> None:
        self._handlers[job] = handler

    async def enqueue(self, job: str, payload: JobPayload, *, delay_seconds: float = 0) -> None:
        handler = self._handlers.get(job)
        if handler is None:
            logger.error("job_has_no_handler", job=job)
            return
        task = asyncio.create_task(self._run(job, handler, payload, delay_seconds))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(
        self, job: str, handler: JobHandler, payload: JobPayload, delay_seconds: float
    ) -> None:
        if delay_seconds > 0:
            await asyncio.sleep(delay_seconds)
        try:
            await handler(payload)
        except Exception:  # the job loop boundary: log and let the pollers retry
            logger.exception("job_failed", job=job)

    async def drain(self, grace_seconds: float) -> None:
        """Wait for running jobs (graceful shutdown), then cancel what is left."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=grace_seconds)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
            logger.warning("jobs_cancelled_at_shutdown", count=len(pending))

    @property
    def running(self) -> int:
        return len(self._tasks)
