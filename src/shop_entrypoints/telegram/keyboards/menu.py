"""The main menu and the small screens around it: terms, channel gate, language."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.customers import Customer, Language
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import (
    ChannelCheckCallback,
    LanguageCallback,
    MenuCallback,
    Screen,
    TermsCallback,
)
from shop_entrypoints.telegram.texts import Texts

LANGUAGE_NAMES = {Language.RU: "🇷🇺 Русский", Language.EN: "🇬🇧 English"}


def main_menu(texts: Texts, customer: Customer, config: BotConfig) -> InlineKeyboardMarkup:
    lang = customer.language
    builder = InlineKeyboardBuilder()
    if config.trial_enabled and customer.may_start_trial:
        builder.button(
            text=texts.get(lang, "btn-trial", days=config.trial_days),
            callback_data=MenuCallback(screen=Screen.TRIAL),
        )
    for message_id, screen in (
        ("btn-buy", Screen.CATALOG),
        ("btn-my-subscription", Screen.SUBSCRIPTION),
        ("btn-promo", Screen.PROMO),
        ("btn-referral", Screen.REFERRAL),
        ("btn-language", Screen.LANGUAGE),
    ):
        builder.button(text=texts.get(lang, message_id), callback_data=MenuCallback(screen=screen))
    links = [
        ("btn-support", config.support_url),
        ("btn-terms", config.terms_url),
        ("btn-status", config.status_url),
    ]
    for message_id, url in links:
        if url:
            builder.button(text=texts.get(lang, message_id), url=url)
    top = 1 if config.trial_enabled and customer.may_start_trial else 0
    link_count = sum(1 for _, url in links if url)
    builder.adjust(*([1] * top), 1, 1, 2, 1, *([link_count] if link_count else []))
    return builder.as_markup()


def back_to_menu(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get(lang, "btn-menu"), callback_data=MenuCallback(screen=Screen.MAIN))
    return builder.as_markup()


def terms_keyboard(texts: Texts, lang: str, terms_url: str | None) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if terms_url:
        builder.button(text=texts.get(lang, "btn-terms-read"), url=terms_url)
    builder.button(text=texts.get(lang, "btn-terms-accept"), callback_data=TermsCallback())
    builder.adjust(1)
    return builder.as_markup()


def channel_keyboard(texts: Texts, lang: str, channel_url: str | None) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if channel_url:
        builder.button(text=texts.get(lang, "btn-channel-join"), url=channel_url)
    builder.button(text=texts.get(lang, "btn-channel-check"), callback_data=ChannelCheckCallback())
    builder.adjust(1)
    return builder.as_markup()


def language_keyboard(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for language, name in LANGUAGE_NAMES.items():
        builder.button(text=name, callback_data=LanguageCallback(language=language))
    builder.button(text=texts.get(lang, "btn-back"), callback_data=MenuCallback(screen=Screen.MAIN))
    builder.adjust(2, 1)
    return builder.as_markup()
