"""Long polling (the default): aiogram's loop, stopped by the lifecycle rather than by its own
signal handlers, with the bot session left open for the shutdown steps to close."""

from __future__ import annotations

import asyncio

import structlog
from aiogram import Bot, Dispatcher

from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.services import Services

logger = structlog.get_logger(__name__)


class Polling:
    def __init__(self, dispatcher: Dispatcher, bot: Bot, max_concurrent_updates: int) -> None:
        self._dispatcher = dispatcher
        self._bot = bot
        self._limit = max_concurrent_updates
        self._task: asyncio.Task[None] | None = None

    async def start(self, lifecycle: Lifecycle, services: Services) -> None:
        # getUpdates answers 409 while a webhook is set; pending updates are kept.
        await self._bot.delete_webhook(drop_pending_updates=False)
        polling = self._dispatcher.start_polling(
            self._bot,
            handle_signals=False,
            close_bot_session=False,
            tasks_concurrency_limit=self._limit,
        )
        self._task = services.start("polling", polling)
        lifecycle.on_stop_intake("polling", self.stop)

    async def stop(self) -> None:
        """Stop asking for updates; updates already received keep running (tracked)."""
        task = self._task
        if task is None:
            return
        if not task.done():
            try:
                await self._dispatcher.stop_polling()
            except RuntimeError:  # not polling: not started yet, or already ended
                task.cancel()
        await asyncio.wait({task})
