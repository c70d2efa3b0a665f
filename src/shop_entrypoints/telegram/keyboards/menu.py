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

# Each language is named in itself, the same in both catalogues: `language-name-<code>`.
LANGUAGE_NAMES = {language: f"language-name-{language.value}" for language in Language}
MAX_CACHED_MENUS = 64
# The main menu is the same for every customer of one language and trial eligibility, and
# building it (aiogram deep-copies the builder's rows) is most of a menu tap's CPU time.
# Keyed by the identity of the (immutable) texts and config, which each entry keeps alive.
_menus: dict[tuple[int, int, str, bool], tuple[Texts, BotConfig, InlineKeyboardMarkup]] = {}


def main_menu(texts: Texts, customer: Customer, config: BotConfig) -> InlineKeyboardMarkup:
    """Shared between customers: callers send it and never change it."""
    show_trial = config.trial_enabled and customer.may_start_trial
    key = (id(texts), id(config), customer.language, show_trial)
    cached = _menus.get(key)
    if cached is not None and cached[0] is texts and cached[1] is config:
        return cached[2]
    markup = _build_main_menu(texts, customer.language, show_trial, config)
    if len(_menus) >= MAX_CACHED_MENUS:
        _menus.clear()
    _menus[key] = (texts, config, markup)
    return markup


def _build_main_menu(
    texts: Texts, lang: str, show_trial: bool, config: BotConfig
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if show_trial:
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
    top = 1 if show_trial else 0
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
    for language, name_id in LANGUAGE_NAMES.items():
        name = texts.get(lang, name_id)
        builder.button(text=name, callback_data=LanguageCallback(language=language))
    builder.button(text=texts.get(lang, "btn-back"), callback_data=MenuCallback(screen=Screen.MAIN))
    builder.adjust(2, 1)
    return builder.as_markup()
