"""The customer card's actions: add days, ban or unban, message, reset trial, revoke link.

Ban, trial reset and revoke ask first. The confirmation's token lives in the operator's FSM
data and is spent by the first "yes": a double tap or an old confirmation is stale.
"""

from __future__ import annotations

import secrets

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.services.admin.find_customer import FindCustomer
from shop_domain.services.admin.reset_trial import ResetTrial
from shop_domain.services.admin.set_customer_ban import SetCustomerBan
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.keyboards.admin.customers import (
    DESTRUCTIVE,
    ConfirmCallback,
    CustomerAction,
    CustomerCallback,
    confirm_keyboard,
)
from shop_entrypoints.telegram.routers.admin.customers import show_card
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

CONFIRM_KEY = "admin_confirm"


@router.callback_query(CustomerCallback.filter(F.action.in_(DESTRUCTIVE)))
async def on_destructive_action(  # noqa: PLR0917 - aiogram injects by name
    callback: CallbackQuery,
    callback_data: CustomerCallback,
    customer: Customer,
    state: FSMContext,
    find_customer: FindCustomer,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    action, target = callback_data.action, callback_data.customer_id
    lang = customer.language
    if action is CustomerAction.BAN and bot_config.is_admin(target):
        await acknowledge(callback, texts.get(lang, "adm-ban-admin-refused"), alert=True)
        return
    await find_customer.execute(str(target))  # a foreign or forged id stops here
    token = secrets.token_hex(4)
    await state.set_state(None)
    await state.update_data({CONFIRM_KEY: f"{action.value}:{target}:{token}"})
    question = texts.get(lang, f"adm-confirm-{action.value}", id=target)
    await show(callback, question, confirm_keyboard(texts, lang, action, target, token))


async def _spend_token(state: FSMContext, data: ConfirmCallback) -> bool:
    pending = (await state.get_data()).get(CONFIRM_KEY)
    expected = f"{data.action.value}:{data.customer_id}:{data.token}"
    if pending != expected:
        return False
    await state.update_data({CONFIRM_KEY: None})
    return True


@router.callback_query(ConfirmCallback.filter(F.action.in_(DESTRUCTIVE)))
async def on_confirmed(  # noqa: PLR0913, PLR0917 - aiogram injects by name
    callback: CallbackQuery,
    callback_data: ConfirmCallback,
    customer: Customer,
    state: FSMContext,
    find_customer: FindCustomer,
    set_customer_ban: SetCustomerBan,
    reset_trial: ResetTrial,
    revoke_subscription_link: RevokeSubscriptionLink,
    texts: Texts,
) -> None:
    lang = customer.language
    if not await _spend_token(state, callback_data):
        await acknowledge(callback, texts.get(lang, "stale-button"), alert=True)
        return
    target = CustomerId(callback_data.customer_id)
    action = callback_data.action
    if action is CustomerAction.BAN:
        await set_customer_ban.execute(target, banned=True)
    elif action is CustomerAction.RESET_TRIAL:
        await reset_trial.execute(target)
    else:
        await revoke_subscription_link.execute(target)
    notice = texts.get(lang, f"adm-done-{action.value}")
    await show_card(callback, str(target), find_customer, texts, customer, notice)


@router.callback_query(CustomerCallback.filter(F.action == CustomerAction.UNBAN))
async def on_unban(
    callback: CallbackQuery,
    callback_data: CustomerCallback,
    customer: Customer,
    find_customer: FindCustomer,
    set_customer_ban: SetCustomerBan,
    texts: Texts,
) -> None:
    target = CustomerId(callback_data.customer_id)
    await set_customer_ban.execute(target, banned=False)
    notice = texts.get(customer.language, "adm-done-unban")
    await show_card(callback, str(target), find_customer, texts, customer, notice)
