"""TelegramNotifier(Notifier): delivers rendered events through aiogram's Bot.

Best effort by contract: a 429 is waited out and retried, a customer who blocked the bot is
reported to `on_blocked`, anything else is logged; nothing is raised into a use case.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from shop_adapters.telegram.outgoing import EventMessages, OutgoingMessage
from shop_domain.events import ShopEvent

logger = structlog.get_logger(__name__)

MAX_ATTEMPTS = 3
BlockedHandler = Callable[[int], Awaitable[None]]


def _markup(message: OutgoingMessage) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    rows = [
        [InlineKeyboardButton(text=b.text, url=b.url, callback_data=b.callback_data) for b in row]
        for row in message.buttons
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


class TelegramNotifier:
    def __init__(
        self, bot: Bot, messages: EventMessages, on_blocked: BlockedHandler | None = None
    ) -> None:
        self._bot = bot
        self._messages = messages
        self._on_blocked = on_blocked

    async def notify(self, event: ShopEvent) -> None:
        try:
            outgoing = await self._messages.render(event)
        except Exception:  # a rendering bug must not break a payment confirmation
            logger.exception("event_rendering_failed", event=type(event).__name__)
            return
        for message in outgoing:
            await self.deliver(message)

    async def deliver(self, message: OutgoingMessage) -> bool:
        for _ in range(MAX_ATTEMPTS):
            try:
                await self._bot.send_message(
                    chat_id=message.chat_id,
                    text=message.text,
                    message_thread_id=message.thread_id,
                    reply_markup=_markup(message),
                    parse_mode="HTML",
                )
            except TelegramRetryAfter as error:
                logger.warning("telegram_rate_limited", retry_after=error.retry_after)
                await asyncio.sleep(error.retry_after)
                continue
            except TelegramForbiddenError:
                if message.is_customer and self._on_blocked is not None:
                    await self._on_blocked(message.chat_id)
                logger.info("notification_blocked", chat_id=message.chat_id)
                return False
            except TelegramAPIError as error:
                logger.warning("notification_failed", error=type(error).__name__)
                return False
            return True
        return False
