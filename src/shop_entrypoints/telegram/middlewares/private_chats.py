"""The bot talks in private chats only.

Screens hold personal data (the subscription link, devices, the referral code). If the bot is
added to a group, a /start there would post the menu for everyone, and anyone's tap would edit
it to show *their* subscription in front of the group. So messages from groups and channels
are ignored before they cost a database read, and a button on a message outside a private
chat only gets a short notice. Inline queries (the share card) come from no chat and pass.
Admins' taps pass everywhere: buttons under the admin log chat's posts are theirs.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message, TelegramObject, Update, User

from shop_domain.model.customers import Language
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.texts import Texts

logger = structlog.get_logger(__name__)


def _outside_private(message: object) -> bool:
    return isinstance(message, Message) and message.chat.type != ChatType.PRIVATE


class PrivateChatsMiddleware(BaseMiddleware):
    def __init__(
        self, texts: Texts, default_language: Language, admin_ids: Collection[int] = ()
    ) -> None:
        self._texts = texts
        self._default = default_language
        self._admin_ids = frozenset(admin_ids)

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        if _outside_private(event.message) or _outside_private(event.edited_message):
            logger.debug("group_message_ignored")
            return None
        callback = event.callback_query
        if (
            callback is None
            or not _outside_private(callback.message)
            or callback.from_user.id in self._admin_ids
        ):
            return await handler(event, data)
        user: User = callback.from_user
        lang = Language.from_telegram(user.language_code, self._default)
        try:
            await callback.answer(self._texts.get(lang, "private-only"), show_alert=True)
        except TelegramAPIError as error:
            logger.info("callback_answer_failed", reason=error.message)
        return None
