"""A fake Telegram client for the end-to-end tests: users send messages, tap buttons and pay
Stars invoices through the real Dispatcher; tests read what the Bot API was asked to show.

Each update waits for the jobs it kicked (provisioning, broadcasts) before it returns.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    Message,
    PreCheckoutQuery,
    SuccessfulPayment,
    Update,
    User,
)
from taskiq import InMemoryBroker

from shop_entrypoints.telegram.texts import Texts
from tests.fakes.telegram import BOT_USER
from tests.fakes.telegram.stars import FakeStarsSession


class TelegramUsers:
    def __init__(self, session: FakeStarsSession) -> None:
        self.session = session
        self.texts = Texts()
        self.bot: Bot
        self.dispatcher: Dispatcher
        self.broker: InMemoryBroker
        self._ids = itertools.count(1)

    @staticmethod
    def user(user_id: int, lang: str | None) -> User:
        return User(id=user_id, is_bot=False, first_name=f"User{user_id}", language_code=lang)

    async def feed(self, **event: Any) -> None:
        update = Update(update_id=next(self._ids), **event)
        await self.dispatcher.feed_update(self.bot, update)
        await self.settle()

    async def send(self, user_id: int, text: str, lang: str | None = "en") -> None:
        chat = Chat(id=user_id, type="private")
        message = Message(
            message_id=next(self._ids),
            date=datetime.now(UTC),
            chat=chat,
            from_user=self.user(user_id, lang),
            text=text,
        )
        await self.feed(message=message)

    async def tap(self, user_id: int, data: str | CallbackData, lang: str | None = "en") -> None:
        """Tap a button under the newest message the bot sent to `user_id`."""
        message_id = self.session.last_message_id(user_id)
        if message_id is None:
            message_id = self.session.remember(user_id, "An old screen")
        stored = self.session.messages[user_id, message_id]
        message = Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=User(**BOT_USER),
            text=stored.text,
            caption=stored.caption,
        )
        callback = CallbackQuery(
            id=f"cb{next(self._ids)}",
            from_user=self.user(user_id, lang),
            chat_instance="chat-instance",
            message=message,
            data=data if isinstance(data, str) else data.pack(),
        )
        await self.feed(callback_query=callback)

    async def pre_checkout(self, user_id: int, payload: str, stars: int, lang: str) -> None:
        query = PreCheckoutQuery(
            id=f"pcq{next(self._ids)}",
            from_user=self.user(user_id, lang),
            currency="XTR",
            total_amount=stars,
            invoice_payload=payload,
        )
        await self.feed(pre_checkout_query=query)

    async def pay(
        self, user_id: int, payload: str, stars: int, lang: str, charge: str | None = None
    ) -> None:
        """Telegram's successful_payment service message, after the customer paid; pass the
        same `charge` again for a redelivered message."""
        if charge is None:
            charge = f"charge-{next(self._ids)}"
            self.session.pay(user_id, payload, stars, charge)
        paid = SuccessfulPayment(
            currency="XTR",
            total_amount=stars,
            invoice_payload=payload,
            telegram_payment_charge_id=charge,
            provider_payment_charge_id="",
        )
        message = Message(
            message_id=next(self._ids),
            date=datetime.now(UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=self.user(user_id, lang),
            successful_payment=paid,
        )
        await self.feed(message=message)

    async def settle(self) -> None:
        """Wait for the jobs the update kicked (provisioning, broadcasts) to finish."""
        await self.broker.wait_all()

    def screens(self, chat_id: int | None = None) -> list[str]:
        """Texts shown (sent, edited, captions), in order; only `chat_id`'s when given."""
        return self.session.screens(chat_id)

    def last_screen(self, chat_id: int | None = None) -> str:
        return self.screens(chat_id)[-1]

    def keyboard(self) -> list[InlineKeyboardButton]:
        return self.session.keyboard()

    def buttons(self) -> list[str]:
        return [button.text for button in self.keyboard()]

    def notices(self) -> list[str | None]:
        return self.session.notices()

    def text(self, lang: str, message_id: str, **args: str | int) -> str:
        return self.texts.get(lang, message_id, **args)
