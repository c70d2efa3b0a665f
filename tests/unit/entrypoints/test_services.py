"""The supervised services of `shop run`: one that fails or ends early stops the shop
gracefully (its siblings are not cancelled); one stopped by a shutdown step is fine."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Dispatcher

from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.polling import Polling
from shop_entrypoints.runner.services import Services
from tests.fakes.telegram import FakeTelegramSession


async def test_a_failing_service_asks_for_a_graceful_stop_and_spares_its_siblings() -> None:
    lifecycle = Lifecycle(grace_seconds=1)
    sibling_done = asyncio.Event()

    async def broken() -> None:
        raise ConnectionError("redis went away")

    async def sibling() -> None:
        await lifecycle.wait_for_stop()
        await asyncio.sleep(0.01)  # still running after the failure: not cancelled
        sibling_done.set()

    async with asyncio.TaskGroup() as group:
        services = Services(group, lifecycle)
        services.start("job_worker", broken())
        services.start("polling", sibling())

    assert services.failed == ["job_worker"]
    assert lifecycle.stop_reason == "job_worker_failed"
    assert sibling_done.is_set()


async def test_a_service_that_ends_by_itself_is_a_failure_too() -> None:
    lifecycle = Lifecycle(grace_seconds=1)

    async def quits() -> None:
        return None

    async with asyncio.TaskGroup() as group:
        services = Services(group, lifecycle)
        services.start("operations_watch", quits())

    assert services.failed == ["operations_watch"]
    assert lifecycle.stop_reason == "operations_watch_ended"


async def test_services_stopped_by_the_shutdown_are_not_failures() -> None:
    lifecycle = Lifecycle(grace_seconds=1)

    async with asyncio.TaskGroup() as group:
        services = Services(group, lifecycle)
        forever = services.start("job_scheduler", asyncio.Event().wait())
        lifecycle.request_stop("SIGTERM")
        await asyncio.sleep(0)
        forever.cancel()

    assert services.failed == []
    assert lifecycle.stop_reason == "SIGTERM"


async def test_polling_stopped_before_it_began_does_not_hang() -> None:
    lifecycle = Lifecycle(grace_seconds=1)
    bot = Bot("42:TEST", session=FakeTelegramSession())
    polling = Polling(Dispatcher(), bot, max_concurrent_updates=5)

    async with asyncio.timeout(5), asyncio.TaskGroup() as group:
        services = Services(group, lifecycle)
        await polling.start(lifecycle, services)
        lifecycle.request_stop("SIGTERM")
        await lifecycle.stop_intake()

    assert services.failed == []
