"""The optional required-channel gate: non-admins must be channel members to use the bot.

Membership comes from `getChatMember` and is cached with a TTL through the Cache port, so a
user who leaves the channel is caught within the TTL (it is never trusted forever). Only
positive answers are cached: someone who just joined passes at once on "I've joined".
"""

from __future__ import annotations

from typing import Any

import structlog
from aiogram import BaseMiddleware, Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ChatMemberRestricted, TelegramObject, Update, User

from shop_domain.ports.cache import Cache
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import ChannelCheckCallback
from shop_entrypoints.telegram.keyboards.menu import channel_keyboard
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.middlewares.payment_updates import is_payment_update
from shop_entrypoints.telegram.texts import Texts

logger = structlog.get_logger(__name__)

MEMBER = frozenset(
    {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}
)
CHECK_DATA = ChannelCheckCallback().pack()


class ChannelGate:
    def __init__(self, cache: Cache, channel_id: int, ttl_seconds: int) -> None:
        self._cache = cache
        self._channel_id = channel_id
        self._ttl = ttl_seconds

    async def is_member(self, bot: Bot, user_id: int, *, fresh: bool = False) -> bool:
        key = f"channel_member:{self._channel_id}:{user_id}"
        if not fresh and await self._cache.get(key) == b"1":
            return True
        try:
            member = await bot.get_chat_member(self._channel_id, user_id)
        except TelegramAPIError as error:
            # The bot cannot see the channel: locking every user out would be worse.
            logger.warning("channel_check_failed", reason=error.message)
            return True
        joined = member.status in MEMBER or (
            isinstance(member, ChatMemberRestricted) and member.is_member
        )
        if joined:
            await self._cache.set(key, b"1", self._ttl)
        return joined


class ChannelGateMiddleware(BaseMiddleware):
    def __init__(self, gate: ChannelGate, config: BotConfig, texts: Texts) -> None:
        self._gate = gate
        self._config = config
        self._texts = texts

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if (
            not isinstance(event, Update)
            or user is None
            or self._config.is_admin(user.id)
            or (event.message is None and event.callback_query is None)
            or is_payment_update(event)  # a paid customer is credited, member or not
        ):
            return await handler(event, data)
        check = event.callback_query is not None and event.callback_query.data == CHECK_DATA
        if await self._gate.is_member(data["bot"], user.id, fresh=check):
            return await handler(event, data)
        customer = data.get("customer")
        lang = self._config.default_language if customer is None else customer.language
        if check and event.callback_query is not None:
            await event.callback_query.answer(
                self._texts.get(lang, "channel-not-joined"), show_alert=True
            )
            return None
        text = self._texts.get(lang, "channel-required")
        markup = channel_keyboard(self._texts, lang, self._config.required_channel_url)
        await data["bot"].send_message(user.id, text, reply_markup=markup)
        if event.callback_query is not None:
            await event.callback_query.answer()
        return None
