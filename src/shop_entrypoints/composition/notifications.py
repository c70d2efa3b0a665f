"""The notifier: domain events rendered for the customer (EventTexts) and for the operators'
log chat (AdminLogMessages), delivered through the bot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram import Bot

from shop_adapters.telegram.live_messages import LiveMessageIds
from shop_adapters.telegram.notifier import TelegramNotifier
from shop_domain.model.customers import Language
from shop_domain.ports.cache import Cache
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_entrypoints.notifications.admin_log import AdminLogMessages
from shop_entrypoints.notifications.combined import CombinedEventMessages
from shop_entrypoints.notifications.event_texts import EventTexts
from shop_entrypoints.telegram.texts import Texts


def notifier(
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    texts: Texts,
    telegram: Mapping[str, Any],
    cache: Cache | None = None,
) -> TelegramNotifier:
    language = Language(telegram["default_language"])
    messages = CombinedEventMessages(
        EventTexts(texts, uow_factory, language),
        AdminLogMessages(texts, telegram["log_chat_id"], telegram["log_topic_id"], language),
    )
    live = None if cache is None else LiveMessageIds(cache)
    return TelegramNotifier(bot, messages, live=live)
