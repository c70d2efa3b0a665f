"""Promo code entry and the referral screen."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_entrypoints.telegram.callbacks import MenuCallback, PromoCancelCallback, Screen
from shop_entrypoints.telegram.texts import Texts


def promo_keyboard(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get(lang, "btn-cancel"), callback_data=PromoCancelCallback())
    return builder.as_markup()


def referral_keyboard(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get(lang, "btn-share"), switch_inline_query="")
    builder.button(text=texts.get(lang, "btn-back"), callback_data=MenuCallback(screen=Screen.MAIN))
    builder.adjust(1)
    return builder.as_markup()


def share_keyboard(texts: Texts, lang: str, link: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get(lang, "btn-inline-open"), url=link)
    return builder.as_markup()
