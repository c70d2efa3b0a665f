"""The optional terms gate: with `require_terms`, a customer who has not accepted the terms
gets the terms screen for every message and button, not only after /start.

/start (it shows the terms itself), the accept button and the language switch pass, so a
customer can read the terms in their language first. Admins, inline queries and payment
updates are never stopped. It runs after the channel gate: channel first, then terms.
"""

from __future__ import annotations

from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import (
    LanguageCallback,
    MenuCallback,
    Screen,
    TermsCallback,
)
from shop_entrypoints.telegram.keyboards.menu import terms_keyboard
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.middlewares.payment_updates import is_payment_update
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

OPEN_BUTTONS = frozenset({TermsCallback().pack(), MenuCallback(screen=Screen.LANGUAGE).pack()})
LANGUAGE_PREFIX = LanguageCallback.__prefix__ + LanguageCallback.__separator__


def _is_start(update: Update) -> bool:
    message = update.message
    if message is None or not message.text:
        return False
    command = message.text.partition(" ")[0]
    return command.split("@", 1)[0] == "/start"


def passes(update: Update) -> bool:
    """Updates a customer may send before accepting the terms."""
    if update.message is None and update.callback_query is None:
        return True  # inline queries and the like show no screen
    if is_payment_update(update) or _is_start(update):
        return True
    data = None if update.callback_query is None else update.callback_query.data
    return data is not None and (data in OPEN_BUTTONS or data.startswith(LANGUAGE_PREFIX))


class TermsGateMiddleware(BaseMiddleware):
    def __init__(self, config: BotConfig, texts: Texts) -> None:
        self._config = config
        self._texts = texts

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        customer: Customer | None = data.get("customer")
        if (
            not isinstance(event, Update)
            or customer is None
            or customer.accepted_terms
            or self._config.is_admin(customer.id)
            or passes(event)
        ):
            return await handler(event, data)
        lang = customer.language
        text = self._texts.get(lang, "terms-required")
        markup = terms_keyboard(self._texts, lang, self._config.terms_url)
        if event.callback_query is not None:
            await show(event.callback_query, text, markup)
        elif event.message is not None:
            await event.message.answer(text, reply_markup=markup)
        return None
