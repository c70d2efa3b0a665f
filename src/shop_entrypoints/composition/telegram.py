"""Telegram: the bot's texts, its BotConfig and the dispatcher with every use case by name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from aiogram import BaseMiddleware
from dependency_injector import containers, providers

from shop_domain.model.customers import Language
from shop_entrypoints.composition.bot_screens import screen_options
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.dispatcher import USE_CASES, build_dispatcher
from shop_entrypoints.telegram.middlewares.error_report import ErrorReportMiddleware
from shop_entrypoints.telegram.middlewares.metrics import UpdateRecorder
from shop_entrypoints.telegram.texts import Texts


def bot_config(
    bot_username: str,
    telegram: Mapping[str, Any],
    shop: Mapping[str, Any],
    cache: Mapping[str, Any],
    bot: Mapping[str, Any],
    rate_limit: Mapping[str, Any],
) -> BotConfig:
    return BotConfig(
        bot_username=bot_username,
        default_language=Language(telegram["default_language"]),
        admin_ids=frozenset(telegram["admin_ids"]),
        require_terms=shop["require_terms"],
        trial_enabled=shop["trial_enabled"],
        trial_days=shop["trial_days"],
        channel_check_ttl_seconds=cache["channel_member_ttl_seconds"],
        admins_skip_rate_limit=rate_limit["admin_exempt"],
        **screen_options(bot),
    )


def error_reports(texts: Texts, telegram: Mapping[str, Any]) -> list[BaseMiddleware]:
    """Unexpected update failures reach the admin log chat, when there is one."""
    if telegram["log_chat_id"] is None:
        return []
    language = Language(telegram["default_language"])
    return [
        ErrorReportMiddleware(texts, telegram["log_chat_id"], telegram["log_topic_id"], language)
    ]


def _joined(
    first: Sequence[BaseMiddleware], then: Sequence[BaseMiddleware]
) -> list[BaseMiddleware]:
    return [*first, *then]


def _by_name(container: providers.DependenciesContainer, names: Iterable[str]) -> providers.Dict:
    return providers.Dict({name: getattr(container, name) for name in names})


class Telegram(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)
    infra = providers.DependenciesContainer()
    adapters = providers.DependenciesContainer()
    use_cases = providers.DependenciesContainer()

    #: The bot's @username, learnt from getMe at start-up (deep links, referral links).
    bot_username: providers.Dependency[str] = providers.Dependency(instance_of=str)
    #: Extra outermost update middlewares: the runner's in-flight tracking.
    outer_middlewares = providers.List()

    texts: providers.Dependency[Texts] = providers.Dependency(instance_of=Texts)
    metrics: providers.Dependency[UpdateRecorder] = providers.Dependency()
    bot_config = providers.Singleton(
        bot_config,
        bot_username,
        config.telegram,
        config.shop,
        config.cache,
        config.bot,
        config.rate_limit,
    )
    dispatcher = providers.Singleton(
        build_dispatcher,
        storage=infra.fsm_storage,
        rate_limiter=adapters.rate_limiter,
        texts=texts,
        config=bot_config,
        use_cases=_by_name(use_cases, USE_CASES),
        cache=adapters.cache,
        outer_middlewares=providers.Callable(
            _joined, outer_middlewares, providers.Callable(error_reports, texts, config.telegram)
        ),
        update_metrics=metrics,
    )
