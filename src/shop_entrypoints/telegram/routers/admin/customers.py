"""Customer search and the customer card: the operator types a Telegram id or @username."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_domain.services.admin.find_customer import FindCustomer
from shop_entrypoints.telegram.keyboards.admin.customers import (
    CustomerAction,
    CustomerCallback,
    cancel_to_card,
    card_keyboard,
)
from shop_entrypoints.telegram.keyboards.admin.menu import CUSTOMERS, AdminSectionCallback
from shop_entrypoints.telegram.routers.admin.customer_card import card_text
from shop_entrypoints.telegram.routers.admin.states import TYPED, AdminCustomerStates
from shop_entrypoints.telegram.routers.admin.typed_input import typed_text
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

MAX_QUERY_LENGTH = 64


async def show_card(
    event: Message | CallbackQuery,
    customer_id: str,
    find_customer: FindCustomer,
    texts: Texts,
    admin: Customer,
    notice: str | None = None,
) -> None:
    card = await find_customer.execute(customer_id)
    lang = admin.language
    keyboard = card_keyboard(texts, lang, card.customer)
    await show(event, card_text(texts, lang, card), keyboard, notice=notice)


@router.callback_query(AdminSectionCallback.filter(F.section == CUSTOMERS))
async def on_customers(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.set_state(AdminCustomerStates.waiting_for_query)
    lang = customer.language
    await show(callback, texts.get(lang, "adm-customer-ask"), cancel_to_card(texts, lang, None))


@router.message(AdminCustomerStates.waiting_for_query, TYPED)
async def on_customer_query(
    message: Message,
    customer: Customer,
    state: FSMContext,
    find_customer: FindCustomer,
    texts: Texts,
) -> None:
    query = typed_text(message)
    if len(query) > MAX_QUERY_LENGTH:
        await message.answer(texts.get(customer.language, "adm-customer-bad-query"))
        return
    await show_card(message, query, find_customer, texts, customer)
    await state.clear()


@router.callback_query(CustomerCallback.filter(F.action == CustomerAction.CARD))
async def on_card(
    callback: CallbackQuery,
    callback_data: CustomerCallback,
    customer: Customer,
    state: FSMContext,
    find_customer: FindCustomer,
    texts: Texts,
) -> None:
    await state.clear()
    await show_card(callback, str(callback_data.customer_id), find_customer, texts, customer)
