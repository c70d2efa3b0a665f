"""A shop wired to a real store and the real panel adapter over the fake Remnawave panel.

Used by the panel webhook and panel sync tests: SQLite files or the PostgreSQL test database
(migrated once per run, emptied per test), `RemnawavePanel` speaking HTTP to `FakePanel`
through `httpx.ASGITransport`, and hand-written fakes for the notifier and job queue.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.tables import Base
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_adapters.remnawave import RemnawaveConfig, RemnawavePanel, RetryPolicy
from shop_adapters.remnawave.client import build_panel_client
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId, PanelUserRef, SubscriptionId
from shop_domain.model.plans import AccessLimits
from shop_domain.model.subscriptions import Subscription
from shop_domain.services.core.handle_panel_event import HandlePanelEvent
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.ids import new_id
from shop_domain.services.notification.expiry_reminders import ExpiryReminders
from tests.fakes.remnawave import FakePanel
from tests.fakes.remnawave.records import FakeUser
from tests.unit.fakes import FakeJobQueue, FakeNotifier, FixedClock

_migrated: set[str] = set()


async def postgres_engine(url: str) -> AsyncEngine:
    """The test database, migrated on first use in this run, with every table emptied."""
    if url not in _migrated:
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
        await upgrade(url)
        _migrated.add(url)
    engine = create_engine(url)
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {names} CASCADE"))
    return engine


async def sqlite_engine(directory: Path) -> AsyncEngine:
    url = f"sqlite+aiosqlite:///{directory / 'shop.sqlite3'}"
    await upgrade(url)
    return create_engine(url)


@asynccontextmanager
async def adapter_for(fake: FakePanel) -> AsyncIterator[RemnawavePanel]:
    """The production adapter, talking plain http:// to the fake (so it adds X-Forwarded-*)."""
    config = RemnawaveConfig(
        url="http://panel.test",
        api_token=fake.api_token,
        retry=RetryPolicy(attempts=2, backoff_seconds=0.0, max_backoff_seconds=0.0),
    )
    client = build_panel_client(config, transport=httpx.ASGITransport(app=fake.app))
    panel = RemnawavePanel(client, config, now=fake.now)
    try:
        await panel.start()
        yield panel
    finally:
        await panel.aclose()


@dataclass
class PanelShop:
    engine: AsyncEngine
    fake: FakePanel
    panel: RemnawavePanel
    clock: FixedClock
    notifier: FakeNotifier = field(default_factory=FakeNotifier)
    jobs: FakeJobQueue = field(default_factory=FakeJobQueue)

    def __post_init__(self) -> None:
        self.uow = SqlAlchemyUnitOfWorkFactory(session_factory(self.engine))
        reminders = ExpiryReminders(self.uow, self.clock, self.notifier)
        self.handle_panel_event = HandlePanelEvent(
            self.uow, self.panel, self.clock, self.notifier, reminders, ProvisioningQueue(self.jobs)
        )

    def ref_of(self, user: FakeUser) -> PanelUserRef:
        return PanelUserRef(user.uuid if self.fake.dialect == 2 else str(user.id))

    async def add_customer(self, telegram_id: int, now: datetime) -> None:
        async with self.uow() as uow:
            await uow.customers.add(
                Customer(CustomerId(telegram_id), Language.RU, f"R{telegram_id}", now)
            )
            await uow.commit()

    async def add_linked_customer(
        self, telegram_id: int, expires_at: datetime, **fields: object
    ) -> FakeUser:
        """A customer whose subscription is linked to its (new) panel user."""
        await self.add_customer(telegram_id, self.clock.now())
        user = self.fake.seed_user(
            f"tg_{telegram_id}", expires_at, telegram_id=telegram_id, **fields
        )
        subscription = Subscription(
            id=SubscriptionId(new_id()),
            customer_id=CustomerId(telegram_id),
            expires_at=expires_at,
            limits=AccessLimits(traffic_limit_bytes=user.traffic_limit_bytes),
            panel_user_ref=self.ref_of(user),
            subscription_url=self.fake.subscription_url(user),
            version=1,
        )
        async with self.uow() as uow:
            await uow.subscriptions.add(subscription)
            await uow.commit()
        return user

    async def subscription(self, telegram_id: int) -> Subscription:
        async with self.uow() as uow:
            found = await uow.subscriptions.get_by_customer(CustomerId(telegram_id))
        assert found is not None
        return found
