"""The admin main menu: one button per section. A section's router handles
`AdminSectionCallback(section=...)`; "broadcast" belongs to the broadcast router."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_entrypoints.telegram.texts import Texts

HOME = "home"
STATISTICS = "stats"
CUSTOMERS = "customers"
PLANS = "plans"
PROMO_CODES = "promo"
CAMPAIGNS = "campaigns"
BROADCAST = "broadcast"

SECTIONS: tuple[str, ...] = (STATISTICS, CUSTOMERS, PLANS, PROMO_CODES, CAMPAIGNS, BROADCAST)


class AdminSectionCallback(CallbackData, prefix="adm"):
    section: str


def admin_menu(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for section in SECTIONS:
        builder.button(
            text=texts.get(lang, f"adm-btn-{section}"),
            callback_data=AdminSectionCallback(section=section),
        )
    builder.adjust(2)
    return builder.as_markup()


def section_button(builder: InlineKeyboardBuilder, texts: Texts, lang: str, section: str) -> None:
    """A "back" button to `section` (HOME: the admin menu)."""
    message_id = "adm-btn-home" if section == HOME else "adm-btn-back"
    builder.button(
        text=texts.get(lang, message_id), callback_data=AdminSectionCallback(section=section)
    )


def back_to(texts: Texts, lang: str, section: str = HOME) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    section_button(builder, texts, lang, section)
    return builder.as_markup()
