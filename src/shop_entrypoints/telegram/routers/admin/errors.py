"""A refused admin action (a ShopError) is told to the operator in operator terms:
`adm-error-<code>` when the catalogue has it, else the customer-facing text. The update is
handled here, so the shop-wide error router never sees it; anything else still goes there."""

from __future__ import annotations

from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from shop_domain.errors import ShopError
from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.error_texts import error_text_for
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.screens import acknowledge
from shop_entrypoints.telegram.texts import Texts

logger = structlog.get_logger(__name__)


def admin_error_text(texts: Texts, lang: str, error: ShopError) -> str:
    for cls in type(error).__mro__:
        code = getattr(cls, "code", None)
        if isinstance(code, str) and texts.has(lang, f"adm-error-{code}"):
            return texts.get(lang, f"adm-error-{code}")
    return error_text_for(texts, lang, error)


class AdminErrorsMiddleware(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            return await handler(event, data)
        except ShopError as error:
            logger.info("admin_action_refused", error_code=error.code)
            customer: Customer = data["customer"]
            texts: Texts = data["texts"]
            text = admin_error_text(texts, customer.language, error)
            if isinstance(event, CallbackQuery):
                await acknowledge(event, text, alert=True)
            elif isinstance(event, Message):
                await event.answer(text)
            return None
