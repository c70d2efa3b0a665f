"""TelegramBroadcastSender(BroadcastSender): one broadcast message to one chat via aiogram.

Every attempt first takes a slot from the global send budget. A 429 pauses that budget for
every worker by `retry_after` and the message is tried again: a rate limit never drops it.
"""

from __future__ import annotations

import asyncio

import structlog
from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from shop_domain.errors import ShopError
from shop_domain.model.broadcasts import BroadcastContent, DeliveryStatus, MediaKind
from shop_domain.model.ids import CustomerId
from shop_domain.ports.send_rate import SendRateLimiter

logger = structlog.get_logger(__name__)

MAX_ATTEMPTS = 100  # 429s are waited out; only a Bot API that never recovers ends this
_GONE = ("chat not found", "user is deactivated", "peer_id_invalid")


def _markup(content: BroadcastContent) -> InlineKeyboardMarkup | None:
    if not content.buttons:
        return None
    rows = [[InlineKeyboardButton(text=b.text, url=b.url)] for b in content.buttons]
    return InlineKeyboardMarkup(inline_keyboard=rows)


class TelegramBroadcastSender:
    def __init__(self, bot: Bot, rate: SendRateLimiter) -> None:
        self._bot = bot
        self._rate = rate

    async def send(self, chat_id: CustomerId, content: BroadcastContent) -> DeliveryStatus:
        for _ in range(MAX_ATTEMPTS):
            try:
                await self._rate.acquire()
            except ShopError:
                await asyncio.sleep(1)  # the shared budget is unreachable: wait, never burst
                continue
            try:
                await self._send_once(chat_id, content)
            except TelegramRetryAfter as error:
                logger.warning("broadcast_rate_limited", retry_after=error.retry_after)
                await self._pause(error.retry_after)
                continue
            except TelegramForbiddenError:
                return DeliveryStatus.BLOCKED
            except TelegramBadRequest as error:
                gone = any(marker in error.message.lower() for marker in _GONE)
                logger.info("broadcast_refused", chat_gone=gone, error=error.message[:120])
                return DeliveryStatus.BLOCKED if gone else DeliveryStatus.FAILED
            except TelegramAPIError as error:
                logger.warning("broadcast_send_failed", error=type(error).__name__)
                return DeliveryStatus.FAILED
            return DeliveryStatus.SENT
        return DeliveryStatus.FAILED

    async def _pause(self, seconds: float) -> None:
        try:
            await self._rate.pause(seconds)
        except ShopError:
            await asyncio.sleep(seconds)

    async def _send_once(self, chat_id: int, content: BroadcastContent) -> None:
        markup = _markup(content)
        if content.media_kind is MediaKind.PHOTO and content.media_file_id:
            await self._bot.send_photo(
                chat_id,
                content.media_file_id,
                caption=content.text or None,
                parse_mode="HTML",
                reply_markup=markup,
            )
        elif content.media_kind is MediaKind.VIDEO and content.media_file_id:
            await self._bot.send_video(
                chat_id,
                content.media_file_id,
                caption=content.text or None,
                parse_mode="HTML",
                reply_markup=markup,
            )
        else:
            await self._bot.send_message(
                chat_id, content.text, parse_mode="HTML", reply_markup=markup
            )
