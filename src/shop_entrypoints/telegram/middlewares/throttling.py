"""Per-user rate limit in front of everything else: a throttled update never reaches the
database. The user hears about it once per ban; admins are never throttled."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import structlog
from aiogram import BaseMiddleware, Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, Update, User

from shop_domain.ports.rate_limiter import RateLimiter
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.middlewares.payment_updates import is_payment_update

logger = structlog.get_logger(__name__)

# Renders the notice in the user's Telegram language (`language_code`, may be None).
ThrottleNotice = Callable[[str | None], str]


class ThrottlingMiddleware(BaseMiddleware):
    def __init__(
        self, rate_limiter: RateLimiter, admin_ids: Collection[int], notice: ThrottleNotice
    ) -> None:
        self._rate_limiter = rate_limiter
        self._admin_ids = frozenset(admin_ids)
        self._notice = notice

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if (
            user is None
            or user.id in self._admin_ids
            or not isinstance(event, Update)
            or is_payment_update(event)  # money is moving: never dropped
        ):
            return await handler(event, data)
        decision = await self._rate_limiter.hit(f"user:{user.id}")
        if decision.allowed:
            return await handler(event, data)
        logger.warning("update_throttled", retry_after=decision.retry_after_seconds)
        if decision.first_rejection:
            await self._tell(data["bot"], event, user)
        return None

    async def _tell(self, bot: Bot, update: Update, user: User) -> None:
        text = self._notice(user.language_code)
        try:
            if update.callback_query is not None:
                await bot.answer_callback_query(update.callback_query.id, text, show_alert=True)
            elif update.message is not None:
                await bot.send_message(update.message.chat.id, text)
        except TelegramAPIError as error:
            logger.info("throttle_notice_failed", reason=error.message)
