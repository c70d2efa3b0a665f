"""/start: greet (with the deep-link outcome), then the terms screen or the main menu."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_domain.model.promo_codes import PromoKind
from shop_domain.services.core.accept_terms import AcceptTerms
from shop_domain.services.core.register_customer import RegisterCustomerResult
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import ChannelCheckCallback, TermsCallback
from shop_entrypoints.telegram.error_texts import error_text
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.keyboards.menu import main_menu, terms_keyboard
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


def _greeting(registration: RegisterCustomerResult, texts: Texts) -> str:
    customer = registration.customer
    lang = customer.language
    name = customer.first_name or customer.username or "👋"
    lines = [texts.get(lang, "welcome-new" if registration.is_new else "welcome-back", name=name)]
    promo = registration.promo
    if promo is not None and promo.kind is PromoKind.BONUS_DAYS:
        lines.append(texts.get(lang, "start-promo-bonus", days=promo.value))
    elif promo is not None and promo.reserved_until is not None:
        until = format_date(promo.reserved_until, lang)
        lines.append(texts.get(lang, "start-promo-discount", percent=promo.value, until=until))
    if registration.promo_error is not None:
        reason = error_text(texts, lang, registration.promo_error)
        lines.append(texts.get(lang, "start-promo-failed", reason=reason))
    return "\n\n".join(lines)


@router.message(CommandStart())
async def on_start(
    message: Message,
    customer: Customer,
    registration: RegisterCustomerResult,
    state: FSMContext,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    await state.clear()
    lang = customer.language
    greeting = _greeting(registration, texts)
    if bot_config.require_terms and not customer.accepted_terms:
        text = f"{greeting}\n\n{texts.get(lang, 'terms-required')}"
        await message.answer(text, reply_markup=terms_keyboard(texts, lang, bot_config.terms_url))
        return
    await message.answer(greeting, reply_markup=main_menu(texts, customer, bot_config))


@router.callback_query(TermsCallback.filter())
async def on_accept_terms(
    callback: CallbackQuery,
    customer: Customer,
    accept_terms: AcceptTerms,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    customer = await accept_terms.execute(customer.id)
    lang = customer.language
    notice = texts.get(lang, "terms-accepted")
    menu = main_menu(texts, customer, bot_config)
    await show(callback, texts.get(lang, "menu-title"), menu, notice=notice)


@router.callback_query(ChannelCheckCallback.filter())
async def on_channel_check(
    callback: CallbackQuery, customer: Customer, texts: Texts, bot_config: BotConfig
) -> None:
    """The channel gate let this tap through, so the user is a member now."""
    menu = main_menu(texts, customer, bot_config)
    await show(callback, texts.get(customer.language, "menu-title"), menu)
