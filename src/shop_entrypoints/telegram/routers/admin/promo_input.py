"""Typed promo code input: one code, a generated batch, or a code to disable.

Formats: `CODE VALUE [MAX_ACTIVATIONS]` and `PREFIX COUNT VALUE [MAX_ACTIVATIONS]`; VALUE is
days or a percent, by the kind chosen with the buttons. A bad line keeps the question open.
"""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_domain.model.promo_codes import PromoKind
from shop_domain.services.admin.manage_promo_codes import MAX_BATCH, ManagePromoCodes, PromoTerms
from shop_entrypoints.telegram.keyboards.admin.menu import PROMO_CODES, back_to
from shop_entrypoints.telegram.keyboards.admin.promo_codes import (
    WITH_KIND,
    AdminPromoCallback,
    PromoAction,
    kind_keyboard,
    promo_menu,
)
from shop_entrypoints.telegram.routers.admin.states import TYPED, AdminPromoStates
from shop_entrypoints.telegram.routers.admin.typed_input import expect_text, typed_match
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

CODE = r"[A-Za-z0-9_-]{2,32}"
ONE_CODE = re.compile(rf"({CODE})\s+(\d{{1,4}})(?:\s+(\d{{1,7}}))?")
BATCH = re.compile(rf"({CODE})\s+(\d{{1,4}})\s+(\d{{1,4}})(?:\s+(\d{{1,7}}))?")


@router.callback_query(AdminPromoCallback.filter(F.action.in_(WITH_KIND) & F.kind.is_(None)))
async def on_choose_kind(
    callback: CallbackQuery, callback_data: AdminPromoCallback, customer: Customer, texts: Texts
) -> None:
    lang = customer.language
    keyboard = kind_keyboard(texts, lang, callback_data.action)
    await show(callback, texts.get(lang, "adm-promo-ask-kind"), keyboard)


@router.callback_query(AdminPromoCallback.filter(F.action.in_(WITH_KIND) & F.kind.is_not(None)))
async def on_ask_terms(
    callback: CallbackQuery,
    callback_data: AdminPromoCallback,
    customer: Customer,
    state: FSMContext,
    texts: Texts,
) -> None:
    one = callback_data.action is PromoAction.CREATE
    await state.set_state(
        AdminPromoStates.waiting_for_code if one else AdminPromoStates.waiting_for_batch
    )
    await state.update_data(promo_kind=str(callback_data.kind))
    lang = customer.language
    question = "adm-promo-ask-code" if one else "adm-promo-ask-batch"
    await show(
        callback, texts.get(lang, question, max=MAX_BATCH), back_to(texts, lang, PROMO_CODES)
    )


@router.callback_query(AdminPromoCallback.filter(F.action == PromoAction.DISABLE))
async def on_ask_disable(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.set_state(AdminPromoStates.waiting_for_disable)
    lang = customer.language
    await show(
        callback, texts.get(lang, "adm-promo-ask-disable"), back_to(texts, lang, PROMO_CODES)
    )


def _terms(kind: str, value: str, limit: str | None, default_limit: int | None) -> PromoTerms:
    max_activations = int(limit) if limit else default_limit
    return PromoTerms(PromoKind(kind), int(value), max_activations=max_activations)


async def _bad_format(message: Message, texts: Texts, lang: str) -> None:
    await message.answer(
        texts.get(lang, "adm-promo-bad-format"), reply_markup=back_to(texts, lang, PROMO_CODES)
    )


@router.message(AdminPromoStates.waiting_for_code, TYPED)
async def on_code(
    message: Message,
    customer: Customer,
    state: FSMContext,
    manage_promo_codes: ManagePromoCodes,
    texts: Texts,
) -> None:
    lang = customer.language
    typed = typed_match(message, ONE_CODE)
    if typed is None:
        await _bad_format(message, texts, lang)
        return
    code, value, limit = typed.groups()
    kind = str((await state.get_data())["promo_kind"])
    promo = await manage_promo_codes.create(code, _terms(kind, value, limit, None))
    await state.clear()
    text = texts.get(lang, "adm-promo-created", code=promo.code)
    await message.answer(text, reply_markup=promo_menu(texts, lang))


@router.message(AdminPromoStates.waiting_for_batch, TYPED)
async def on_batch(
    message: Message,
    customer: Customer,
    state: FSMContext,
    manage_promo_codes: ManagePromoCodes,
    texts: Texts,
) -> None:
    lang = customer.language
    typed = typed_match(message, BATCH)
    if typed is None:
        await _bad_format(message, texts, lang)
        return
    prefix, count, value, limit = typed.groups()
    kind = str((await state.get_data())["promo_kind"])
    promos = await manage_promo_codes.generate(prefix, int(count), _terms(kind, value, limit, 1))
    await state.clear()
    listing = "\n".join(promo.code for promo in promos).encode()
    caption = texts.get(lang, "adm-promo-generated", count=len(promos))
    await message.answer_document(BufferedInputFile(listing, "promo_codes.txt"), caption=caption)
    await message.answer(texts.get(lang, "adm-promo"), reply_markup=promo_menu(texts, lang))


@router.message(AdminPromoStates.waiting_for_disable, TYPED)
async def on_disable(
    message: Message,
    customer: Customer,
    state: FSMContext,
    manage_promo_codes: ManagePromoCodes,
    texts: Texts,
) -> None:
    lang = customer.language
    promo = await manage_promo_codes.disable(message.text or "")
    await state.clear()
    text = texts.get(lang, "adm-promo-disabled-done", code=promo.code)
    await message.answer(text, reply_markup=promo_menu(texts, lang))


expect_text(
    router,
    AdminPromoStates.waiting_for_code,
    AdminPromoStates.waiting_for_batch,
    AdminPromoStates.waiting_for_disable,
)
