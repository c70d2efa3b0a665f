"""The periodic scheduler: taskiq's TaskiqScheduler over the single-fire sources."""

from __future__ import annotations

from collections.abc import Sequence

from taskiq import ScheduledTask, ScheduleSource, TaskiqScheduler

from shop_adapters.jobs.engine import JobEngine
from shop_adapters.jobs.schedule_sources import SingleFirePeriodicSource
from shop_domain.ports.locks import DistributedLock


def build_scheduler(
    engine: JobEngine, schedules: Sequence[ScheduledTask], locks: DistributedLock
) -> TaskiqScheduler:
    """Every instance may run this: a tick fires once across all of them (see the sources)."""
    sources: list[ScheduleSource] = [SingleFirePeriodicSource(schedules, locks)]
    if engine.delayed is not None:
        sources.append(engine.delayed)
    return TaskiqScheduler(engine.broker, sources)
