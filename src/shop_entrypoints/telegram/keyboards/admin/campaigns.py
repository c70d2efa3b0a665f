"""The ad campaign section's buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_entrypoints.telegram.keyboards.admin.menu import (
    CAMPAIGNS,
    HOME,
    AdminSectionCallback,
    section_button,
)
from shop_entrypoints.telegram.texts import Texts


class NewCampaignCallback(CallbackData, prefix="admcn"):
    pass


def campaigns_keyboard(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get(lang, "adm-btn-campaign-new"), callback_data=NewCampaignCallback()
    )
    builder.button(
        text=texts.get(lang, "adm-btn-refresh"),
        callback_data=AdminSectionCallback(section=CAMPAIGNS),
    )
    section_button(builder, texts, lang, HOME)
    builder.adjust(2, 1)
    return builder.as_markup()
