"""TelegramNotifier(Notifier): delivers rendered events through aiogram's Bot.

Best effort by contract: a 429 is waited out and retried, a customer who blocked the bot is
reported to `on_blocked`, anything else is logged; nothing is raised into a use case. A live
message (`live_key`) edits the message sent under the same key, when `live` knows it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog
from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from shop_adapters.telegram.live_messages import LiveMessageIds
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
        self,
        bot: Bot,
        messages: EventMessages,
        on_blocked: BlockedHandler | None = None,
        live: LiveMessageIds | None = None,
    ) -> None:
        self._bot = bot
        self._messages = messages
        self._on_blocked = on_blocked
        self._live = live

    async def notify(self, event: ShopEvent) -> None:
        try:
            outgoing = await self._messages.render(event)
        except Exception:  # a rendering bug must not break a payment confirmation
            logger.exception("event_rendering_failed", event=type(event).__name__)
            return
        for message in outgoing:
            await self.deliver(message)

    async def deliver(self, message: OutgoingMessage) -> bool:
        live, key = self._live, message.live_key
        if live is not None and key is not None and await self._edit_live(message, key, live):
            return True
        for _ in range(MAX_ATTEMPTS):
            try:
                sent = await self._bot.send_message(
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
            if message.live_key is not None and self._live is not None:
                await self._live.remember(message.live_key, message.chat_id, sent.message_id)
            return True
        return False

    async def _edit_live(self, message: OutgoingMessage, key: str, live: LiveMessageIds) -> bool:
        """True when the live message was edited (or already showed this text)."""
        message_id = await live.get(key, message.chat_id)
        if message_id is None:
            return False
        try:
            await self._bot.edit_message_text(
                chat_id=message.chat_id,
                message_id=message_id,
                text=message.text,
                reply_markup=_markup(message),
                parse_mode="HTML",
            )
        except TelegramBadRequest as error:
            return "message is not modified" in error.message  # else: gone, send a new one
        except TelegramAPIError as error:  # a 429 too: progress is best effort, skip this one
            logger.info("live_message_not_updated", error=type(error).__name__)
            return True
        return True
