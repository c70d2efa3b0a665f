"""The long-running parts of `shop run` (polling, the job worker and scheduler, the operations
watch) as tasks of one asyncio.TaskGroup, so none can outlive the process's run.

Each is supervised: one that fails, or ends while nobody asked it to, is logged and asks the
lifecycle for a graceful stop (the others finish their work) instead of cancelling its
siblings mid-update, and the exit code becomes 1.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

import structlog

from shop_entrypoints.runner.lifecycle import Lifecycle

logger = structlog.get_logger(__name__)


class Services:
    def __init__(self, group: asyncio.TaskGroup, lifecycle: Lifecycle) -> None:
        self._group = group
        self._lifecycle = lifecycle
        self.failed: list[str] = []

    def start(self, name: str, service: Coroutine[Any, Any, object]) -> asyncio.Task[None]:
        task = self._group.create_task(self._supervise(name, service), name=name)
        task.add_done_callback(lambda _: service.close())  # cancelled before it ever ran
        return task

    async def _supervise(self, name: str, service: Coroutine[Any, Any, object]) -> None:
        try:
            await service
        except Exception:  # a service boundary: stop the shop gracefully, say why
            logger.exception("service_failed", service=name)
            self._failed(name, "failed")
            return
        if not self._lifecycle.stopping:
            logger.error("service_ended", service=name)
            self._failed(name, "ended")

    def _failed(self, name: str, how: str) -> None:
        self.failed.append(name)
        self._lifecycle.request_stop(f"{name}_{how}")
