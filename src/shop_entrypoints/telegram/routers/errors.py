"""Errors: a ShopError becomes user text by its `code`; anything else is logged with its
traceback and answered with a generic apology. The user always hears back."""

from __future__ import annotations

import structlog
from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import Chat, ErrorEvent, Update, User

from shop_domain.errors import InfrastructureError, ShopError
from shop_domain.model.customers import Customer, Language
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.error_texts import GENERIC, error_text_for
from shop_entrypoints.telegram.middlewares.log_context import update_context
from shop_entrypoints.telegram.texts import Texts

logger = structlog.get_logger(__name__)
router = Router(name=__name__)


def _language(user: User | None, customer: Customer | None, config: BotConfig) -> Language:
    if customer is not None:
        return customer.language
    code = None if user is None else user.language_code
    return Language.from_telegram(code, config.default_language)


async def _tell(update: Update, text: str) -> None:
    """An alert on the tapped button, else a message; a failed reply is only logged."""
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None:
            await update.message.answer(text)
    except TelegramAPIError as error:
        logger.info("error_reply_failed", reason=error.message)


@router.errors(ExceptionTypeFilter(ShopError))
async def on_shop_error(
    event: ErrorEvent,
    texts: Texts,
    bot_config: BotConfig,
    customer: Customer | None = None,
    event_from_user: User | None = None,
    event_chat: Chat | None = None,
) -> None:
    error = event.exception
    if not isinstance(error, ShopError):  # pragma: no cover - the filter guarantees it
        raise error
    with structlog.contextvars.bound_contextvars(
        **update_context(event.update, event_from_user, event_chat)
    ):
        if isinstance(error, InfrastructureError):
            logger.warning("shop_error", error_code=error.code)
        else:
            logger.info("shop_error", error_code=error.code)
    lang = _language(event_from_user, customer, bot_config)
    await _tell(event.update, error_text_for(texts, lang, error))


@router.errors()
async def on_unexpected_error(
    event: ErrorEvent,
    texts: Texts,
    bot_config: BotConfig,
    customer: Customer | None = None,
    event_from_user: User | None = None,
    event_chat: Chat | None = None,
) -> None:
    with structlog.contextvars.bound_contextvars(
        **update_context(event.update, event_from_user, event_chat)
    ):
        logger.error("update_failed", exc_info=event.exception)
    lang = _language(event_from_user, customer, bot_config)
    await _tell(event.update, texts.get(lang, GENERIC))
