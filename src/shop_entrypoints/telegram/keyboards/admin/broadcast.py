"""Buttons of the broadcast section: audience choice, confirm/cancel, progress."""

from __future__ import annotations

import enum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.broadcasts import AudienceKind
from shop_domain.model.customers import Language
from shop_entrypoints.telegram.keyboards.admin.menu import HOME, section_button
from shop_entrypoints.telegram.texts import Texts


class BroadcastAction(enum.StrEnum):
    CONFIRM = "confirm"
    REFRESH = "refresh"
    CANCEL = "cancel"


class BroadcastAudienceCallback(CallbackData, prefix="abca"):
    kind: AudienceKind
    language: Language | None = None


class BroadcastCallback(CallbackData, prefix="abc"):
    action: BroadcastAction
    broadcast_id: str


AUDIENCES: tuple[tuple[AudienceKind, Language | None], ...] = (
    (AudienceKind.EVERYONE, None),
    (AudienceKind.ACTIVE, None),
    (AudienceKind.EXPIRED, None),
    (AudienceKind.TRIAL, None),
    (AudienceKind.NEVER_PAID, None),
    (AudienceKind.LANGUAGE, Language.RU),
    (AudienceKind.LANGUAGE, Language.EN),
)


def audience_label(texts: Texts, lang: str, kind: AudienceKind, language: Language | None) -> str:
    suffix = kind.value if language is None else f"{kind.value}-{language.value}"
    return texts.get(lang, f"adm-bc-audience-{suffix}")


def audience_choice(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, language in AUDIENCES:
        builder.button(
            text=audience_label(texts, lang, kind, language),
            callback_data=BroadcastAudienceCallback(kind=kind, language=language),
        )
    section_button(builder, texts, lang, HOME)
    builder.adjust(2)
    return builder.as_markup()


def _action(builder: InlineKeyboardBuilder, text: str, action: BroadcastAction, bid: str) -> None:
    builder.button(text=text, callback_data=BroadcastCallback(action=action, broadcast_id=bid))


def confirm_broadcast(texts: Texts, lang: str, broadcast_id: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    _action(builder, texts.get(lang, "adm-bc-btn-send"), BroadcastAction.CONFIRM, broadcast_id)
    _action(builder, texts.get(lang, "adm-bc-btn-cancel"), BroadcastAction.CANCEL, broadcast_id)
    builder.adjust(1)
    return builder.as_markup()


def progress_buttons(
    texts: Texts, lang: str, broadcast_id: str, *, running: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    _action(builder, texts.get(lang, "adm-btn-refresh"), BroadcastAction.REFRESH, broadcast_id)
    if running:
        _action(builder, texts.get(lang, "adm-bc-btn-stop"), BroadcastAction.CANCEL, broadcast_id)
    section_button(builder, texts, lang, HOME)
    builder.adjust(1)
    return builder.as_markup()
