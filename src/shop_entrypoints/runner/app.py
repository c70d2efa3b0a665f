"""`shop run`: one process with the bot (polling or webhook), the web server and the jobs;
`shop bot` / `shop web` / `shop worker`: one of those parts each (runner/roles.py).

Start: migrate the database (unless turned off), open the resources in order, check the bot
token and the panel, build the dispatcher, start the jobs, the web server, then take updates.
Stop (SIGTERM/SIGINT): take no new updates or requests, let in-flight ones finish within
`lifecycle.shutdown_timeout_seconds`, cancel the rest, close everything newest first.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress

import structlog
from aiogram import Bot, Dispatcher
from aiohttp import web
from dependency_injector import providers

from shop_adapters.jobs.engine import JobEngine
from shop_adapters.persistence import migrations_runner
from shop_adapters.remnawave.panel import RemnawavePanel
from shop_entrypoints.composition.infra import START_ORDER
from shop_entrypoints.container import Container, build_container
from shop_entrypoints.jobs.tasks import JobUseCases
from shop_entrypoints.monitoring.watch import OperationsWatch
from shop_entrypoints.runner.in_flight import InFlightMiddleware
from shop_entrypoints.runner.jobs import JobRunner
from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.polling import Polling
from shop_entrypoints.runner.preflight import StartupError, check_bot, check_panel
from shop_entrypoints.runner.resolve import provide, resolve
from shop_entrypoints.runner.roles import EVERYTHING, RunRoles
from shop_entrypoints.runner.services import Services
from shop_entrypoints.runner.signals import stop_on_signals
from shop_entrypoints.runner.web_server import WebServer
from shop_entrypoints.runner.webhook_mode import WebhookMode
from shop_entrypoints.settings import Settings

logger = structlog.get_logger(__name__)


async def run_shop(settings: Settings, roles: RunRoles = EVERYTHING) -> int:
    """Run until stopped; 0 after a graceful stop, 1 when start-up or a service failed."""
    return await ShopRun(settings, roles).run()


class ShopRun:
    def __init__(self, settings: Settings, roles: RunRoles = EVERYTHING) -> None:
        self._settings = settings
        self._roles = roles
        self._webhook_mode = settings.telegram.webhook_url is not None
        self._container: Container = build_container(settings)
        self._lifecycle = Lifecycle(settings.lifecycle.shutdown_timeout_seconds)
        self._services: Services  # set by run(), inside its TaskGroup

    async def run(self) -> int:
        async with asyncio.TaskGroup() as group:
            self._services = Services(group, self._lifecycle)
            code = await self._run()
        return 1 if self._services.failed else code

    async def _run(self) -> int:
        with stop_on_signals(self._lifecycle):  # also while stopping: a 2nd signal hurries
            try:
                self._roles.check(self._settings)
                bot, dispatcher = await self._start()
                if self._webhook_mode and self._roles.serves_http(webhook_mode=True):
                    return await self._serve_webhook(bot, dispatcher)
                if self._roles.takes_updates(webhook_mode=False):
                    return await self._serve_polling(bot, dispatcher)
                return await self._serve_without_updates()
            except StartupError as error:
                logger.error("startup_failed", reason=str(error))
                return 1
            finally:  # stops every service, so the TaskGroup can end
                await self._stop()

    async def _stop(self) -> None:
        lifecycle = self._lifecycle
        await lifecycle.stop_intake()
        await lifecycle.drain()
        await lifecycle.shutdown()
        closing = self._container.shutdown_resources()  # whatever was opened lazily
        if closing is not None:
            await closing
        logger.info("shop_stopped", reason=lifecycle.stop_reason)

    async def _start(self) -> tuple[Bot, Dispatcher]:
        """Migrate, open the resources in order, check the credentials, start the jobs."""
        container, lifecycle = self._container, self._lifecycle
        if self._settings.database.upgrade_on_start:
            await migrations_runner.upgrade(self._settings.database_url)
            logger.info("database_upgraded")
        resources = [(name, getattr(container.infra, name)) for name in START_ORDER]
        for name, resource in [*resources, ("job_engine", container.adapters.job_engine)]:
            await resource.init()
            lifecycle.on_shutdown(name, resource.shutdown)
        bot = await resolve(container.infra.bot, Bot)
        me = await check_bot(bot)
        await check_panel(await resolve(container.adapters.panel, RemnawavePanel))
        container.telegram.bot_username.override(providers.Object(me.username))
        middlewares = providers.List(InFlightMiddleware(lifecycle))
        container.telegram.outer_middlewares.override(middlewares)
        dispatcher = await resolve(container.telegram.dispatcher, Dispatcher)
        await self._start_jobs()
        if self._roles.jobs:
            await self._start_watch()
        logger.info("shop_started", part=self._roles.name)
        return bot, dispatcher

    async def _start_jobs(self) -> None:
        container = self._container
        engine = await resolve(container.adapters.job_engine, JobEngine)
        use_cases = await resolve(container.jobs.job_use_cases, JobUseCases)
        jobs = JobRunner(engine, use_cases, await provide(container.adapters.locks))
        if self._roles.jobs:
            jobs.start(self._settings.jobs, self._lifecycle, self._services)
        else:  # queue jobs for the workers, run none here
            await jobs.start_producer()

    async def _start_watch(self) -> None:
        """The operations watch (gauges, alerts) until shutdown; it never ends on its own."""
        watch = await resolve(self._container.monitoring.watch, OperationsWatch)
        task = self._services.start("operations_watch", watch.run())

        async def stop() -> None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

        self._lifecycle.on_shutdown("operations_watch", stop)

    async def _start_web_server(self, app: web.Application) -> None:
        web_settings, lifecycle = self._settings.web, self._lifecycle
        server = WebServer(
            app, web_settings.host, web_settings.port, shutdown_timeout=lifecycle.grace_seconds
        )
        await server.start()
        lifecycle.on_stop_intake("web_server", server.stop_accepting)
        lifecycle.on_shutdown("web_server", server.close)

    async def _serve_polling(self, bot: Bot, dispatcher: Dispatcher) -> int:
        if self._roles.web:
            await self._start_web_server(await resolve(self._container.web.app, web.Application))
        if not self._lifecycle.stopping:  # a signal may arrive while starting
            polling = Polling(dispatcher, bot, self._settings.telegram.max_concurrent_updates)
            await polling.start(self._lifecycle, self._services)
            await self._lifecycle.wait_for_stop()
        return 0

    async def _serve_webhook(self, bot: Bot, dispatcher: Dispatcher) -> int:
        telegram = self._settings.telegram
        secret = telegram.webhook_secret
        webhook = WebhookMode(
            dispatcher,
            bot,
            str(telegram.webhook_url),
            None if secret is None else secret.get_secret_value(),
            telegram.max_concurrent_updates,
        )
        app = await resolve(self._container.web.app, web.Application)
        webhook.mount(app, self._lifecycle)
        await self._start_web_server(app)
        await webhook.start()
        await self._lifecycle.wait_for_stop()
        return 0

    async def _serve_without_updates(self) -> int:
        """`shop web` in polling mode, `shop worker`: serve until the stop signal."""
        if self._roles.web:
            await self._start_web_server(await resolve(self._container.web.app, web.Application))
        await self._lifecycle.wait_for_stop()
        return 0
