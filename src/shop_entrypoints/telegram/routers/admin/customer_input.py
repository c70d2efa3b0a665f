"""Typed input for a customer: days to add, or a message to send them."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.services.admin.find_customer import FindCustomer
from shop_domain.services.admin.grant_days import MAX_GRANT_DAYS, GrantDays
from shop_domain.services.admin.message_customer import MessageCustomer
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.keyboards.admin.customers import (
    CustomerAction,
    CustomerCallback,
    cancel_to_card,
)
from shop_entrypoints.telegram.routers.admin.customers import show_card
from shop_entrypoints.telegram.routers.admin.states import TYPED, AdminCustomerStates
from shop_entrypoints.telegram.routers.admin.typed_input import expect_text, typed_number
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

_QUESTIONS: dict[CustomerAction, tuple[State, str]] = {
    CustomerAction.DAYS: (AdminCustomerStates.waiting_for_days, "adm-days-ask"),
    CustomerAction.MESSAGE: (AdminCustomerStates.waiting_for_message, "adm-message-ask"),
}


@router.callback_query(CustomerCallback.filter(F.action.in_(_QUESTIONS)))
async def on_ask(
    callback: CallbackQuery,
    callback_data: CustomerCallback,
    customer: Customer,
    state: FSMContext,
    find_customer: FindCustomer,
    texts: Texts,
) -> None:
    target = callback_data.customer_id
    await find_customer.execute(str(target))  # a foreign or forged id stops here
    waiting, message_id = _QUESTIONS[callback_data.action]
    await state.set_state(waiting)
    await state.update_data(customer_id=target)
    lang = customer.language
    text = texts.get(lang, message_id, id=target, max=MAX_GRANT_DAYS)
    await show(callback, text, cancel_to_card(texts, lang, target))


@router.message(AdminCustomerStates.waiting_for_days, TYPED)
async def on_days(
    message: Message,
    customer: Customer,
    state: FSMContext,
    grant_days: GrantDays,
    find_customer: FindCustomer,
    texts: Texts,
) -> None:
    lang = customer.language
    target = CustomerId(int((await state.get_data())["customer_id"]))
    days = typed_number(message, MAX_GRANT_DAYS, minimum=1)
    if days is None:
        text = texts.get(lang, "adm-days-bad", max=MAX_GRANT_DAYS)
        await message.answer(text, reply_markup=cancel_to_card(texts, lang, target))
        return
    await state.clear()
    expires_at = await grant_days.execute(target, days)
    await message.answer(
        texts.get(lang, "adm-days-done", days=days, date=format_date(expires_at, lang))
    )
    await show_card(message, str(target), find_customer, texts, customer)


@router.message(AdminCustomerStates.waiting_for_message, TYPED)
async def on_message_text(
    message: Message,
    customer: Customer,
    state: FSMContext,
    message_customer: MessageCustomer,
    find_customer: FindCustomer,
    texts: Texts,
) -> None:
    target = CustomerId(int((await state.get_data())["customer_id"]))
    await message_customer.execute(target, message.text or "")
    await state.clear()
    await message.answer(texts.get(customer.language, "adm-message-sent"))
    await show_card(message, str(target), find_customer, texts, customer)


expect_text(router, AdminCustomerStates.waiting_for_days, AdminCustomerStates.waiting_for_message)
