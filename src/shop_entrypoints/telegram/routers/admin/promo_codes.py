"""Promo codes: the section menu, the list, and the CSV export (sent as a document)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.model.promo_codes import PromoCode
from shop_domain.services.admin.manage_promo_codes import ManagePromoCodes
from shop_entrypoints.telegram.keyboards.admin.menu import (
    PROMO_CODES,
    AdminSectionCallback,
    back_to,
)
from shop_entrypoints.telegram.keyboards.admin.promo_codes import (
    AdminPromoCallback,
    PromoAction,
    promo_menu,
)
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

LISTED = 30  # the newest codes on the list screen; the CSV has them all


@router.callback_query(AdminSectionCallback.filter(F.section == PROMO_CODES))
async def on_promo_codes(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.clear()
    lang = customer.language
    await show(callback, texts.get(lang, "adm-promo"), promo_menu(texts, lang))


def _line(texts: Texts, lang: str, promo: PromoCode) -> str:
    value = texts.get(lang, f"adm-promo-value-{promo.kind.value}", value=promo.value)
    limit = "∞" if promo.max_activations is None else str(promo.max_activations)
    state = "adm-promo-active" if promo.is_active else "adm-promo-disabled"
    return texts.get(
        lang,
        "adm-promo-line",
        code=promo.code,
        value=value,
        used=promo.activations,
        limit=limit,
        state=texts.get(lang, state),
    )


@router.callback_query(AdminPromoCallback.filter(F.action == PromoAction.LIST))
async def on_list(
    callback: CallbackQuery,
    customer: Customer,
    manage_promo_codes: ManagePromoCodes,
    texts: Texts,
) -> None:
    lang = customer.language
    codes = sorted(await manage_promo_codes.list_codes(), key=lambda p: p.created_at, reverse=True)
    lines = [_line(texts, lang, promo) for promo in codes[:LISTED]]
    header = texts.get(lang, "adm-promo-list", count=len(codes), shown=len(lines))
    await show(callback, "\n".join([header, *lines]), back_to(texts, lang, PROMO_CODES))


@router.callback_query(AdminPromoCallback.filter(F.action == PromoAction.EXPORT))
async def on_export(
    callback: CallbackQuery,
    customer: Customer,
    manage_promo_codes: ManagePromoCodes,
    texts: Texts,
) -> None:
    lang = customer.language
    document = BufferedInputFile(
        (await manage_promo_codes.export_csv()).encode(), "promo_codes.csv"
    )
    if callback.bot is not None:
        caption = texts.get(lang, "adm-promo-export")
        await callback.bot.send_document(callback.from_user.id, document, caption=caption)
    await acknowledge(callback)
