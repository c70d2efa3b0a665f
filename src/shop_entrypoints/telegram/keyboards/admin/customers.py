"""The customer card's buttons. A destructive action asks first: its "yes" button carries
a one-time token that the handler also keeps in the operator's FSM data, so a second tap,
an old confirmation or forged data does nothing."""

from __future__ import annotations

import enum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.keyboards.admin.menu import (
    CUSTOMERS,
    HOME,
    AdminSectionCallback,
    section_button,
)
from shop_entrypoints.telegram.texts import Texts


class CustomerAction(enum.StrEnum):
    CARD = "card"
    DAYS = "days"
    BAN = "ban"
    UNBAN = "unban"
    MESSAGE = "msg"
    RESET_TRIAL = "trial"
    REVOKE = "revoke"


#: Actions that ask "are you sure?" first.
DESTRUCTIVE = frozenset({CustomerAction.BAN, CustomerAction.RESET_TRIAL, CustomerAction.REVOKE})


class CustomerCallback(CallbackData, prefix="admc"):
    action: CustomerAction
    customer_id: int


class ConfirmCallback(CallbackData, prefix="admok"):
    action: CustomerAction
    customer_id: int
    token: str


def card_keyboard(texts: Texts, lang: str, customer: Customer) -> InlineKeyboardMarkup:
    ban = CustomerAction.UNBAN if customer.is_banned else CustomerAction.BAN
    actions = (
        CustomerAction.DAYS,
        ban,
        CustomerAction.MESSAGE,
        CustomerAction.RESET_TRIAL,
        CustomerAction.REVOKE,
    )
    builder = InlineKeyboardBuilder()
    for action in actions:
        builder.button(
            text=texts.get(lang, f"adm-btn-customer-{action.value}"),
            callback_data=CustomerCallback(action=action, customer_id=customer.id),
        )
    builder.button(
        text=texts.get(lang, "adm-btn-customer-search"),
        callback_data=AdminSectionCallback(section=CUSTOMERS),
    )
    section_button(builder, texts, lang, HOME)
    builder.adjust(2, 2, 1, 2)
    return builder.as_markup()


def confirm_keyboard(
    texts: Texts, lang: str, action: CustomerAction, customer_id: int, token: str
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get(lang, "adm-btn-confirm"),
        callback_data=ConfirmCallback(action=action, customer_id=customer_id, token=token),
    )
    builder.button(
        text=texts.get(lang, "btn-cancel"),
        callback_data=CustomerCallback(action=CustomerAction.CARD, customer_id=customer_id),
    )
    return builder.as_markup()


def cancel_to_card(texts: Texts, lang: str, customer_id: int | None) -> InlineKeyboardMarkup:
    """While the bot waits for typed input: back to the card, or to the admin menu."""
    if customer_id is None:
        builder = InlineKeyboardBuilder()
        section_button(builder, texts, lang, HOME)
        return builder.as_markup()
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get(lang, "btn-cancel"),
        callback_data=CustomerCallback(action=CustomerAction.CARD, customer_id=customer_id),
    )
    return builder.as_markup()
