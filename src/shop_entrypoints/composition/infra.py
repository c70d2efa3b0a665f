"""Infra: everything that owns a connection, as async-generator Resources."""

from __future__ import annotations

from dependency_injector import containers, providers

from shop_adapters.payments.http import open_http_client
from shop_adapters.persistence.customer_lookup import SqlCustomerLookup
from shop_adapters.persistence.engine import session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_adapters.remnawave.client import open_panel_client
from shop_entrypoints.composition import resources
from shop_entrypoints.composition.panel import remnawave_config

#: The resources in start order; shutdown runs in reverse: bot session, FSM storage, Redis,
#: database engine, then the HTTP clients.
START_ORDER = ("payments_http", "panel_http", "engine", "redis", "fsm_storage", "bot")


class Infra(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)

    database_url = providers.Callable(resources.database_url, config.database.url, config.data_dir)
    engine = providers.Resource(
        resources.open_engine, database_url, config.database.pool_size, config.database.echo
    )
    sessions = providers.Singleton(session_factory, engine)
    uow_factory = providers.Singleton(SqlAlchemyUnitOfWorkFactory, sessions)
    # The bot's per-update customer read: one statement, outside any transaction.
    customer_lookup = providers.Singleton(SqlCustomerLookup, engine)

    redis = providers.Resource(resources.open_redis, config.redis.url)
    fsm_storage = providers.Resource(resources.open_storage, config.redis.url)

    panel_config = providers.Singleton(remnawave_config, config.panel)
    panel_http = providers.Resource(open_panel_client, panel_config)
    payments_http = providers.Resource(open_http_client)

    bot = providers.Resource(
        resources.open_bot,
        config.telegram.bot_token,
        providers.Callable(resources.api_server, config.telegram.api_server_url),
    )
