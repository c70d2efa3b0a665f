"""The promo code section's buttons."""

from __future__ import annotations

import enum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.promo_codes import PromoKind
from shop_entrypoints.telegram.keyboards.admin.menu import HOME, PROMO_CODES, section_button
from shop_entrypoints.telegram.texts import Texts


class PromoAction(enum.StrEnum):
    CREATE = "create"
    GENERATE = "generate"
    LIST = "list"
    DISABLE = "disable"
    EXPORT = "export"


#: Actions that first ask which kind of code (bonus days or a discount).
WITH_KIND = frozenset({PromoAction.CREATE, PromoAction.GENERATE})


class AdminPromoCallback(CallbackData, prefix="admpc"):
    action: PromoAction
    kind: PromoKind | None = None


def promo_menu(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for action in PromoAction:
        builder.button(
            text=texts.get(lang, f"adm-btn-promo-{action.value}"),
            callback_data=AdminPromoCallback(action=action),
        )
    section_button(builder, texts, lang, HOME)
    builder.adjust(2, 2, 1, 1)
    return builder.as_markup()


def kind_keyboard(texts: Texts, lang: str, action: PromoAction) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind in PromoKind:
        builder.button(
            text=texts.get(lang, f"adm-promo-kind-{kind.value}"),
            callback_data=AdminPromoCallback(action=action, kind=kind),
        )
    section_button(builder, texts, lang, PROMO_CODES)
    builder.adjust(2, 1)
    return builder.as_markup()
