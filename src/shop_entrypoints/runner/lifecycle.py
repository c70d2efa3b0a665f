"""Lifecycle: stop taking work, let in-flight work finish within a grace period, then close
what was opened, newest first.

The runner registers one step per thing it starts. On SIGTERM/SIGINT it runs the intake steps
(polling stops, the web server stops accepting), waits for the tracked tasks (updates being
handled) up to `grace_seconds`, cancels the rest, then runs the shutdown steps in reverse
order of registration: web server, jobs, bot session, Redis, database engine, HTTP clients.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import structlog

logger = structlog.get_logger(__name__)

Step = Callable[[], Awaitable[object]]


class Lifecycle:
    def __init__(self, grace_seconds: float) -> None:
        self.grace_seconds = grace_seconds
        self._stop_requested = asyncio.Event()
        self._hurried = asyncio.Event()  # a second signal: skip what is left of the grace
        self._tasks: set[asyncio.Task[Any]] = set()
        self._intake: list[tuple[str, Step]] = []
        self._shutdown: list[tuple[str, Step]] = []
        self.stop_reason: str | None = None

    @property
    def stopping(self) -> bool:
        return self._stop_requested.is_set()

    def request_stop(self, reason: str) -> None:
        """Idempotent: the first reason wins (a signal name, or the service that ended)."""
        if self.stopping:
            logger.info("stop_already_requested", reason=reason)
            return
        self.stop_reason = reason
        logger.info("stop_requested", reason=reason, in_flight=len(self._tasks))
        self._stop_requested.set()

    def signal_received(self, name: str) -> None:
        """The first SIGTERM/SIGINT stops gracefully; another one cuts the grace period short."""
        if not self.stopping:
            self.request_stop(name)
            return
        logger.warning("stop_hurried", signal=name, in_flight=len(self._tasks))
        self._hurried.set()

    async def wait_for_stop(self) -> None:
        await self._stop_requested.wait()

    def track(self, task: asyncio.Task[Any]) -> None:
        """Work that must finish (or be cancelled) before anything is closed."""
        if task not in self._tasks and not task.done():
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    def on_stop_intake(self, name: str, step: Step) -> None:
        self._intake.append((name, step))

    def on_shutdown(self, name: str, step: Step) -> None:
        self._shutdown.append((name, step))

    async def stop_intake(self) -> None:
        for name, step in reversed(self._intake):
            await self._run(name, step, "intake_stopped")
        self._intake.clear()

    async def drain(self) -> int:
        """Wait for tracked tasks up to the grace period; returns how many were cancelled."""
        await asyncio.sleep(0)  # tasks started just now enter their first middleware
        pending = {task for task in self._tasks if task is not asyncio.current_task()}
        if not pending:
            return 0
        logger.info("draining", in_flight=len(pending), grace_seconds=self.grace_seconds)
        await self._wait_or_hurry(pending)
        late = {task for task in pending if not task.done()}
        for task in late:
            task.cancel()
        if late:
            await asyncio.gather(*late, return_exceptions=True)
            logger.warning("cancelled_at_shutdown", count=len(late))
        return len(late)

    async def _wait_or_hurry(self, pending: set[asyncio.Task[Any]]) -> None:
        finished = asyncio.ensure_future(asyncio.wait(pending, timeout=self.grace_seconds))
        hurried = asyncio.ensure_future(self._hurried.wait())
        await asyncio.wait({finished, hurried}, return_when=asyncio.FIRST_COMPLETED)
        for waiter in (finished, hurried):
            waiter.cancel()
        await asyncio.gather(finished, hurried, return_exceptions=True)

    async def shutdown(self) -> None:
        """Every shutdown step, newest first; a failing step is logged and the rest still run."""
        while self._shutdown:
            name, step = self._shutdown.pop()
            await self._run(name, step, "shutdown_step_done")

    @staticmethod
    async def _run(name: str, step: Step, done_event: str) -> None:
        try:
            await step()
        except Exception:  # shutdown boundary: one failure must not leak the rest
            logger.exception("shutdown_step_failed", step=name)
        else:
            logger.info(done_event, step=name)
