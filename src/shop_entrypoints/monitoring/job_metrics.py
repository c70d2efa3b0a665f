"""JobMetricsMiddleware: every taskiq job's run time and outcome, as `shop_job_seconds`.

Add it to the broker once (`broker.add_middlewares(JobMetricsMiddleware(metrics))`) and every
task is timed; code that runs outside taskiq uses `ShopMetrics.time_job(name)` instead.
"""

from __future__ import annotations

import time
from typing import Any

from taskiq import TaskiqMessage, TaskiqMiddleware, TaskiqResult

from shop_entrypoints.monitoring.metrics import ShopMetrics


class JobMetricsMiddleware(TaskiqMiddleware):
    def __init__(self, metrics: ShopMetrics) -> None:
        super().__init__()
        self._metrics = metrics
        self._started: dict[str, float] = {}

    def pre_execute(self, message: TaskiqMessage) -> TaskiqMessage:
        self._started[message.task_id] = time.perf_counter()
        return message

    def post_execute(self, message: TaskiqMessage, result: TaskiqResult[Any]) -> None:
        started = self._started.pop(message.task_id, None)
        if started is not None:
            seconds = time.perf_counter() - started
            self._metrics.job_finished(message.task_name, seconds, ok=not result.is_err)
