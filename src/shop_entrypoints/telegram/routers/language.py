"""Switch between Russian and English; the choice is stored on the customer."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.services.core.change_language import ChangeLanguage
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import LanguageCallback, MenuCallback, Screen
from shop_entrypoints.telegram.keyboards.menu import language_keyboard, main_menu
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query(MenuCallback.filter(F.screen == Screen.LANGUAGE))
async def on_language_menu(callback: CallbackQuery, customer: Customer, texts: Texts) -> None:
    lang = customer.language
    await show(callback, texts.get(lang, "language-title"), language_keyboard(texts, lang))


@router.callback_query(LanguageCallback.filter())
async def on_language_chosen(
    callback: CallbackQuery,
    callback_data: LanguageCallback,
    customer: Customer,
    change_language: ChangeLanguage,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    customer = await change_language.execute(customer.id, callback_data.language)
    lang = customer.language
    notice = texts.get(lang, "language-changed")
    menu = main_menu(texts, customer, bot_config)
    await show(callback, texts.get(lang, "menu-title"), menu, notice=notice)
