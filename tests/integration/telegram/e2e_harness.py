"""The whole shop as `shop run` builds it, minus the network: end-to-end bot tests.

`build_container(Settings)` with the real resources (database engine, in-process limiter and
locks, taskiq's in-memory job engine with the shop's jobs registered) and only two overrides:
the bot's session is a fake Bot API (`FakeStarsSession`) and the panel's httpx client talks
to the in-process `FakePanel` through `httpx.ASGITransport`, so the real `RemnawavePanel`
adapter speaks HTTP. The store is a migrated SQLite file or the PostgreSQL test database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from aiogram import Bot, Dispatcher
from dependency_injector import providers
from taskiq import InMemoryBroker

from shop_adapters.jobs.engine import JobEngine
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.remnawave.client import build_panel_client
from shop_adapters.remnawave.config import RemnawaveConfig
from shop_adapters.remnawave.panel import RemnawavePanel
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_entrypoints.container import Container, build_container
from shop_entrypoints.jobs.tasks import JobUseCases, register_jobs
from shop_entrypoints.runner.preflight import check_bot, check_panel
from shop_entrypoints.runner.resolve import provide, resolve
from shop_entrypoints.settings import Settings
from tests.fakes.remnawave import FakePanel
from tests.fakes.remnawave.records import FakeUser
from tests.fakes.telegram.stars import FakeStarsSession
from tests.integration.panel_shop import postgres_engine
from tests.integration.telegram.e2e_telegram import TelegramUsers

TOKEN = "123456789:" + "A" * 35
ADMIN = 7
PANEL_URL = "http://panel.test"
TRIAL_SQUAD = "00000000-0000-4000-8000-0000000000a1"
STORES = ["sqlite", "postgresql"]


async def store_url(store: str, tmp_path: Path, database_url: str) -> str:
    """A migrated, empty database: a fresh SQLite file, or the PostgreSQL test database."""
    if store == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'shop.sqlite3'}"
        await upgrade(url)
        return url
    engine = await postgres_engine(database_url)  # migrated once per run, emptied now
    await engine.dispose()
    return database_url


def shop_settings(url: str, **sections: Any) -> Settings:
    base: dict[str, Any] = {
        "telegram": {"bot_token": TOKEN, "admin_ids": [ADMIN]},
        "panel": {"url": PANEL_URL, "api_token": "test-token"},
        "database": {"url": url},
        "shop": {"currencies": ["RUB", "XTR"], "trial_internal_squads": [TRIAL_SQUAD]},
        "payments": {"stars": {"enabled": True}},
        "rate_limit": {"max_requests": 1000},
        "jobs": {"retry_attempts": 1},  # a failing job fails the test instead of waiting
        "bot": {"guide_links": {"android": "https://guides.test/android"}},
    }
    for name, values in sections.items():
        base[name] = {**base.get(name, {}), **values}
    return Settings(_env_file=None, **base)


class E2EShop(TelegramUsers):
    """One running shop: Telegram users on one side, the store and the fake panel on the other."""

    def __init__(self, container: Container, fake: FakePanel, session: FakeStarsSession) -> None:
        super().__init__(session)
        self.container = container
        self.fake = fake
        self.uow: UnitOfWorkFactory

    async def customer(self, telegram_id: int) -> Customer | None:
        async with self.uow() as uow:
            return await uow.customers.get(CustomerId(telegram_id))

    async def subscription(self, telegram_id: int) -> Subscription | None:
        async with self.uow() as uow:
            return await uow.subscriptions.get_by_customer(CustomerId(telegram_id))

    def panel_user(self, telegram_id: int) -> FakeUser:
        (user,) = [u for u in self.fake.users.values() if u.telegram_id == telegram_id]
        return user


@asynccontextmanager
async def running_shop(settings: Settings, fake: FakePanel | None = None) -> AsyncIterator[E2EShop]:
    """Start the shop as `shop run` does (resources, preflight, jobs); stop it afterwards."""
    if fake is None:
        fake = FakePanel(now=datetime.now(UTC), hwid_enabled=True)
        fake.seed_squad("Trial", TRIAL_SQUAD)
    session = FakeStarsSession()
    container = build_container(settings)
    shop = E2EShop(container, fake, session)
    bot = Bot(settings.telegram.bot_token.get_secret_value(), session=session)
    container.infra.bot.override(providers.Object(bot))
    panel_config = await resolve(container.infra.panel_config, RemnawaveConfig)
    panel_http = build_panel_client(panel_config, httpx.ASGITransport(app=fake.app))
    container.infra.panel_http.override(providers.Object(panel_http))
    try:
        opening = container.init_resources()
        if opening is not None:
            await opening
        shop.bot = bot
        shop.uow = await provide(container.infra.uow_factory)
        me = await check_bot(bot)
        await check_panel(await resolve(container.adapters.panel, RemnawavePanel))
        container.telegram.bot_username.override(providers.Object(me.username))
        shop.dispatcher = await resolve(container.telegram.dispatcher, Dispatcher)
        engine = await resolve(container.adapters.job_engine, JobEngine)
        assert isinstance(engine.broker, InMemoryBroker)
        shop.broker = engine.broker
        register_jobs(shop.broker, await resolve(container.jobs.job_use_cases, JobUseCases))
        shop.broker.is_worker_process = True
        await shop.broker.startup()
        yield shop
        await shop.settle()
    finally:
        closing = container.shutdown_resources()
        if closing is not None:
            await closing
        await panel_http.aclose()
