"""Load (or register) the customer once per update and hand it to handlers as `customer`.

A returning user costs one read here and none in the handlers. For /start the deep-link
payload goes along, so referral, campaign and promo links are honoured on first contact;
the result is also passed on as `registration`. Banned customers stop here.
"""

from __future__ import annotations

from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from shop_domain.services.core.register_customer import (
    RegisterCustomer,
    RegisterCustomerRequest,
)
from shop_entrypoints.telegram.middlewares.log_context import Handler
from shop_entrypoints.telegram.middlewares.payment_updates import is_payment_update
from shop_entrypoints.telegram.texts import Texts


def start_payload(update: Update) -> str | None:
    """`/start ref_ABC` -> `ref_ABC`; anything that is not /start -> None."""
    message = update.message
    if message is None or not message.text:
        return None
    command, _, payload = message.text.partition(" ")
    if command.split("@", 1)[0] != "/start":
        return None
    return payload.strip() or None


class CustomerMiddleware(BaseMiddleware):
    def __init__(self, register_customer: RegisterCustomer, texts: Texts) -> None:
        self._register = register_customer
        self._texts = texts

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot or not isinstance(event, Update):
            return await handler(event, data)
        registration = await self._register.execute(
            RegisterCustomerRequest(
                telegram_id=user.id,
                username=user.username,
                first_name=user.first_name,
                language_code=user.language_code,
                start_payload=start_payload(event),
            )
        )
        customer = registration.customer
        data["customer"] = customer
        data["registration"] = registration
        if not customer.is_banned or is_payment_update(event):  # the domain refuses it there
            return await handler(event, data)
        text = self._texts.get(customer.language, "banned")
        if event.callback_query is not None:
            await event.callback_query.answer(text, show_alert=True)
        elif event.message is not None:
            await event.message.answer(text)
        return None
