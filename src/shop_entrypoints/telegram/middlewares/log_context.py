"""Bind update_id, user_id and chat_id to every log line written while an update is handled."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.types import Chat, TelegramObject, Update, User

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


def update_context(update: Update, user: User | None, chat: Chat | None) -> dict[str, int | None]:
    return {
        "update_id": update.update_id,
        "user_id": None if user is None else user.id,
        "chat_id": None if chat is None else chat.id,
    }


class LogContextMiddleware(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        with structlog.contextvars.bound_contextvars(
            **update_context(event, data.get("event_from_user"), data.get("event_chat"))
        ):
            return await handler(event, data)
