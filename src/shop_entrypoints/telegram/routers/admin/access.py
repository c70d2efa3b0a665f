"""Who may use the admin bot: the Telegram ids in `telegram.admin_ids`, nobody else.

The admin router applies `AdminFilter` to every message and button of every admin
sub-router, so no admin handler runs for anyone else: their update falls through to the
user-side routers and the fallback, which answer as for any unknown command or stale button.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import TelegramObject, User

from shop_entrypoints.telegram.bot_config import BotConfig


class AdminFilter(Filter):
    async def __call__(
        self,
        event: TelegramObject,
        bot_config: BotConfig,
        event_from_user: User | None = None,
    ) -> bool:
        if event_from_user is None:
            return False
        return bot_config.is_admin(event_from_user.id)


def admin_only(router: Router) -> Router:
    """Gate every message and button reaching `router` or its sub-routers. Messages count in
    private chats only: `/admin` in a group (the log chat) would show the shop's data there."""
    router.message.filter(F.chat.type == ChatType.PRIVATE, AdminFilter())
    router.callback_query.filter(AdminFilter())
    return router
