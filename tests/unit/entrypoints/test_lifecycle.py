"""Graceful shutdown: intake stops first, in-flight work finishes or is cancelled after the
grace period, then shutdown steps run newest first, even when one of them fails."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable

import pytest
from structlog.testing import capture_logs

from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.signals import stop_on_signals


def recorder(log: list[str], name: str, *, fail: bool = False) -> Callable[[], Awaitable[None]]:
    async def step() -> None:
        log.append(name)
        if fail:
            raise RuntimeError(f"{name} broke")

    return step


async def test_shutdown_steps_run_in_reverse_order_of_start() -> None:
    lifecycle = Lifecycle(grace_seconds=1)
    log: list[str] = []
    for name in ("http_clients", "database", "redis", "bot_session", "jobs", "web_server"):
        lifecycle.on_shutdown(name, recorder(log, name))

    await lifecycle.shutdown()

    assert log == ["web_server", "jobs", "bot_session", "redis", "database", "http_clients"]


async def test_a_failing_step_is_logged_and_the_rest_still_run() -> None:
    lifecycle = Lifecycle(grace_seconds=1)
    log: list[str] = []
    lifecycle.on_shutdown("database", recorder(log, "database"))
    lifecycle.on_shutdown("redis", recorder(log, "redis", fail=True))

    with capture_logs() as logs:
        await lifecycle.shutdown()

    assert log == ["redis", "database"]
    failed = [entry for entry in logs if entry["event"] == "shutdown_step_failed"]
    assert [entry["step"] for entry in failed] == ["redis"]


async def test_shutdown_runs_each_step_once() -> None:
    lifecycle = Lifecycle(grace_seconds=1)
    log: list[str] = []
    lifecycle.on_shutdown("database", recorder(log, "database"))

    await lifecycle.shutdown()
    await lifecycle.shutdown()

    assert log == ["database"]


async def test_in_flight_work_that_finishes_in_time_is_not_cancelled() -> None:
    lifecycle = Lifecycle(grace_seconds=2)
    done: list[str] = []

    async def update() -> None:
        await asyncio.sleep(0.05)
        done.append("update")

    lifecycle.track(asyncio.create_task(update()))

    assert await lifecycle.drain() == 0
    assert done == ["update"]


async def test_work_still_running_after_the_grace_period_is_cancelled() -> None:
    lifecycle = Lifecycle(grace_seconds=0.05)
    task = asyncio.create_task(asyncio.sleep(30))
    lifecycle.track(task)

    with capture_logs() as logs:
        cancelled = await lifecycle.drain()

    assert cancelled == 1
    assert task.cancelled()
    assert {"event": "cancelled_at_shutdown", "count": 1, "log_level": "warning"} in logs


async def test_intake_stops_before_draining_and_only_once() -> None:
    lifecycle = Lifecycle(grace_seconds=1)
    log: list[str] = []
    lifecycle.on_stop_intake("web_server", recorder(log, "web_server"))
    lifecycle.on_stop_intake("polling", recorder(log, "polling"))

    await lifecycle.stop_intake()
    await lifecycle.stop_intake()

    assert log == ["polling", "web_server"]


async def test_the_first_stop_reason_wins() -> None:
    lifecycle = Lifecycle(grace_seconds=1)

    lifecycle.request_stop("SIGTERM")
    lifecycle.request_stop("polling_ended")
    await asyncio.wait_for(lifecycle.wait_for_stop(), timeout=1)

    assert lifecycle.stopping
    assert lifecycle.stop_reason == "SIGTERM"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_sigterm_and_sigint_request_a_stop(sig: signal.Signals) -> None:
    lifecycle = Lifecycle(grace_seconds=1)

    with stop_on_signals(lifecycle):
        os.kill(os.getpid(), sig)
        await asyncio.wait_for(lifecycle.wait_for_stop(), timeout=2)

    assert lifecycle.stop_reason == sig.name


async def test_a_second_signal_cuts_the_grace_period_short() -> None:
    lifecycle = Lifecycle(grace_seconds=30)
    task = asyncio.create_task(asyncio.sleep(30))
    lifecycle.track(task)
    lifecycle.signal_received("SIGINT")

    draining = asyncio.create_task(lifecycle.drain())
    await asyncio.sleep(0.05)
    lifecycle.signal_received("SIGINT")

    assert await asyncio.wait_for(draining, timeout=2) == 1
    assert task.cancelled()
    assert lifecycle.stop_reason == "SIGINT"
