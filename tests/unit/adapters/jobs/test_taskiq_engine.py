"""The embedded job engine (taskiq's InMemoryBroker): queueing, delays and retries."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from taskiq import ScheduledTask
from taskiq.exceptions import ScheduledTaskCancelledError
from taskiq.message import TaskiqMessage

from shop_adapters.in_process.locks import InProcessLock
from shop_adapters.jobs.engine import JobEngineConfig, build_job_engine
from shop_adapters.jobs.retries import BackoffRetryMiddleware
from shop_adapters.jobs.schedule_sources import SingleFirePeriodicSource
from shop_adapters.jobs.send_rate import InProcessSendRateLimiter
from shop_adapters.jobs.taskiq_queue import TaskiqJobQueue
from shop_domain.errors import JobQueueUnavailableError


async def eventually(predicate: Callable[[], object], seconds: float = 2) -> None:
    for _ in range(round(seconds / 0.01)):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never held")


async def test_a_job_runs_with_its_payload_as_arguments() -> None:
    engine = build_job_engine(JobEngineConfig(), InProcessLock())
    seen: list[tuple[str, int]] = []

    async def greet(name: str, times: int) -> None:
        seen.append((name, times))

    engine.broker.register_task(greet, task_name="greet")
    queue = TaskiqJobQueue(engine.broker, engine.delayed)
    await queue.enqueue("greet", {"name": "ann", "times": 2})
    await eventually(lambda: seen == [("ann", 2)])
    assert not engine.durable
    with pytest.raises(JobQueueUnavailableError):
        await queue.enqueue("nobody_handles_this", {})


async def test_a_delayed_job_waits_its_delay() -> None:
    engine = build_job_engine(JobEngineConfig(), InProcessLock())
    ran_at: list[float] = []

    async def tick() -> None:
        ran_at.append(time.monotonic())

    engine.broker.register_task(tick, task_name="tick")
    started = time.monotonic()
    await TaskiqJobQueue(engine.broker).enqueue("tick", {}, delay_seconds=0.2)
    assert ran_at == []
    await eventually(lambda: ran_at)
    assert ran_at[0] - started >= 0.2


async def test_a_failing_job_is_retried_with_backoff_until_it_succeeds() -> None:
    config = JobEngineConfig(retry_attempts=5, retry_base_delay_seconds=0.05)
    engine = build_job_engine(config, InProcessLock())
    attempts: list[float] = []

    async def flaky() -> None:
        attempts.append(time.monotonic())
        if len(attempts) < 3:
            raise RuntimeError("panel down")

    engine.broker.register_task(flaky, task_name="flaky")
    await TaskiqJobQueue(engine.broker).enqueue("flaky", {})
    await eventually(lambda: len(attempts) == 3)
    first_gap, second_gap = attempts[1] - attempts[0], attempts[2] - attempts[1]
    assert first_gap >= 0.05
    assert second_gap >= 0.1  # doubled
    await asyncio.sleep(0.3)
    assert len(attempts) == 3


def test_backoff_doubles_and_is_capped() -> None:
    retry = BackoffRetryMiddleware(
        attempts=10, base_delay_seconds=10, max_delay_seconds=60, delayed=None
    )
    delays = [retry.make_delay(_message(), n) for n in (1, 2, 3, 4, 5)]
    for delay, base in zip(delays, [10, 20, 40, 60, 60], strict=True):
        assert base <= delay <= base * 1.1  # plus up to 10% jitter


def _message() -> TaskiqMessage:
    return TaskiqMessage(task_id="t", task_name="x", labels={}, args=[], kwargs={})


async def test_two_schedulers_fire_one_tick_once() -> None:
    locks = InProcessLock()  # shared by both, as Redis is shared by two instances
    schedule = ScheduledTask(
        task_name="poll", labels={}, args=[], kwargs={}, schedule_id="every:poll", interval=60
    )
    first = SingleFirePeriodicSource([schedule], locks)
    second = SingleFirePeriodicSource([schedule], locks)
    await first.pre_send(schedule)
    with pytest.raises(ScheduledTaskCancelledError):
        await second.pre_send(schedule)


async def test_the_in_process_send_budget_spaces_sends_and_honours_pauses() -> None:
    limiter = InProcessSendRateLimiter(rate_per_second=100)
    started = time.monotonic()
    for _ in range(11):
        await limiter.acquire()
    assert time.monotonic() - started >= 0.095
    await limiter.pause(0.2)
    paused = time.monotonic()
    await limiter.acquire()
    assert time.monotonic() - paused >= 0.19
