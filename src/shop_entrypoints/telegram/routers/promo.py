"""Promo codes: ask for a code (FSM state), apply it, or cancel. A wrong code keeps the
state, so the customer can simply try again."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_domain.model.promo_codes import PromoKind
from shop_domain.services.billing.apply_promo_code import (
    ApplyPromoCode,
    ApplyPromoCodeRequest,
    ApplyPromoCodeResult,
)
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import MenuCallback, PromoCancelCallback, Screen
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.keyboards.account import promo_keyboard
from shop_entrypoints.telegram.keyboards.menu import main_menu
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

CODE_FORMAT = re.compile(r"[A-Za-z0-9_-]{2,64}")


class PromoStates(StatesGroup):
    waiting_for_code = State()


def _applied_text(result: ApplyPromoCodeResult, texts: Texts, lang: str, customer: Customer) -> str:
    if result.kind is PromoKind.BONUS_DAYS and result.expires_at is not None:
        date = format_date(result.expires_at, customer.language)
        return texts.get(lang, "promo-bonus-applied", days=result.value, date=date)
    until = (
        ""
        if result.reserved_until is None
        else format_date(result.reserved_until, customer.language)
    )
    return texts.get(lang, "promo-discount-applied", percent=result.value, until=until)


@router.callback_query(MenuCallback.filter(F.screen == Screen.PROMO))
async def on_promo(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.set_state(PromoStates.waiting_for_code)
    lang = customer.language
    await show(callback, texts.get(lang, "promo-ask"), promo_keyboard(texts, lang))


@router.callback_query(PromoCancelCallback.filter())
async def on_promo_cancel(
    callback: CallbackQuery,
    customer: Customer,
    state: FSMContext,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    await state.clear()
    lang = customer.language
    notice = texts.get(lang, "promo-cancelled")
    menu = main_menu(texts, customer, bot_config)
    await show(callback, texts.get(lang, "menu-title"), menu, notice=notice)


@router.message(PromoStates.waiting_for_code, F.text)
async def on_promo_code(
    message: Message,
    customer: Customer,
    state: FSMContext,
    apply_promo_code: ApplyPromoCode,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    lang = customer.language
    code = (message.text or "").strip()
    if not CODE_FORMAT.fullmatch(code):
        await message.answer(
            texts.get(lang, "promo-bad-format"), reply_markup=promo_keyboard(texts, lang)
        )
        return
    result = await apply_promo_code.execute(ApplyPromoCodeRequest(customer.id, code))
    await state.clear()
    text = _applied_text(result, texts, lang, customer)
    await message.answer(text, reply_markup=main_menu(texts, customer, bot_config))


@router.message(PromoStates.waiting_for_code)
async def on_promo_not_text(message: Message, customer: Customer, texts: Texts) -> None:
    lang = customer.language
    await message.answer(
        texts.get(lang, "promo-bad-format"), reply_markup=promo_keyboard(texts, lang)
    )
