"""The outermost update middleware: every update being handled is a tracked task, so a
graceful shutdown waits for it before closing the database or the bot session."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from shop_entrypoints.runner.lifecycle import Lifecycle


class InFlightMiddleware(BaseMiddleware):
    def __init__(self, lifecycle: Lifecycle) -> None:
        self._lifecycle = lifecycle

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        task = asyncio.current_task()
        if task is not None:
            self._lifecycle.track(task)
        return await handler(event, data)
