"""Last in line: a button nobody handles (an old keyboard, unknown or forged data) gets a
short "out of date" notice; stray private messages get a pointer to the menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.screens import acknowledge
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query()
async def on_stale_button(callback: CallbackQuery, customer: Customer, texts: Texts) -> None:
    await acknowledge(callback, texts.get(customer.language, "stale-button"), alert=True)


@router.message(F.chat.type == ChatType.PRIVATE)
async def on_unknown_message(message: Message, customer: Customer, texts: Texts) -> None:
    await message.answer(texts.get(customer.language, "unknown-message"))
