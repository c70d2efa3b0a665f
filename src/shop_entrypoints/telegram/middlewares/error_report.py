"""Tell the admin log chat when an update fails unexpectedly (a bug, a dead database).

Passed to `build_dispatcher(outer_middlewares=...)`, it sits inside aiogram's error handling:
it sees the exception first, reports it, and re-raises so the error router still apologises
to the user. Expected refusals (ShopError) are not reported. Only the exception's type and the
update id go out, never its message (it may hold data); one report per type per interval.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import structlog
from aiogram import BaseMiddleware, Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, Update

from shop_domain.errors import ShopError
from shop_domain.model.customers import Language
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.texts import Texts

logger = structlog.get_logger(__name__)

REPORT_INTERVAL_SECONDS = 60.0


class ErrorReportMiddleware(BaseMiddleware):
    def __init__(
        self,
        texts: Texts,
        chat_id: int,
        topic_id: int | None = None,
        language: Language = Language.RU,
        interval_seconds: float = REPORT_INTERVAL_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._texts = texts
        self._chat_id = chat_id
        self._topic_id = topic_id
        self._language = language
        self._interval = interval_seconds
        self._monotonic = monotonic
        self._last_report: dict[str, float] = {}

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            return await handler(event, data)
        except ShopError:
            raise
        except Exception as error:  # reported, then re-raised to aiogram's error handling
            bot = data.get("bot")
            if isinstance(bot, Bot) and isinstance(event, Update):
                await self._report(bot, type(error).__name__, event.update_id)
            raise

    async def _report(self, bot: Bot, error: str, update_id: int) -> None:
        now = self._monotonic()
        last = self._last_report.get(error)
        if last is not None and now - last < self._interval:
            return
        self._last_report[error] = now
        text = self._texts.get(self._language, "adm-log-error", error=error, update=update_id)
        try:
            await bot.send_message(self._chat_id, text, message_thread_id=self._topic_id)
        except TelegramAPIError as failure:
            logger.warning("error_report_failed", reason=failure.message)
