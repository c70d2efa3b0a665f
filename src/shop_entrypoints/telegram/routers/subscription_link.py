"""Revoke the subscription link and issue a new one, after a confirmation."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from shop_entrypoints.telegram.callbacks import (
    RevokeCallback,
    SubscriptionAction,
    SubscriptionCallback,
)
from shop_entrypoints.telegram.keyboards.subscription import back_to_subscription, revoke_keyboard
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query(SubscriptionCallback.filter(F.action == SubscriptionAction.REVOKE))
async def on_revoke(callback: CallbackQuery, customer: Customer, texts: Texts) -> None:
    lang = customer.language
    await show(
        callback, texts.get(lang, "revoke-confirm"), revoke_keyboard(texts, lang, customer.id)
    )


@router.callback_query(RevokeCallback.filter())
async def on_revoke_confirmed(
    callback: CallbackQuery,
    callback_data: RevokeCallback,
    customer: Customer,
    revoke_subscription_link: RevokeSubscriptionLink,
    texts: Texts,
) -> None:
    lang = customer.language
    if callback_data.owner_id != customer.id:
        await acknowledge(callback, texts.get(lang, "not-yours"), alert=True)
        return
    url = await revoke_subscription_link.execute(customer.id)
    await show(callback, texts.get(lang, "revoke-done", url=url), back_to_subscription(texts, lang))
