"""PostgreSQL migrated once per run, emptied before each test; the real aiohttp web app on a
loopback port in front of the pipeline."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import CollectorRegistry
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.tables import Base
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_domain.services.core.handle_panel_event import HandlePanelEvent
from shop_domain.services.notification.expiry_reminders import ExpiryReminders
from shop_entrypoints.webhooks.app import build_web_app
from shop_entrypoints.webhooks.client_ip import ClientIpResolver
from shop_entrypoints.webhooks.health import HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from shop_entrypoints.webhooks.panel import PanelWebhooks
from shop_entrypoints.webhooks.payments import PaymentWebhooks
from tests.integration.webhooks.pipeline.pg_shop import PgShop


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def migrated_database(database_url: str) -> str:
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
    await upgrade(database_url)
    return database_url


@pytest.fixture
async def engine(migrated_database: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_database, pool_size=40)
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {names} CASCADE"))
    yield engine
    await engine.dispose()


@pytest.fixture
async def shop(engine: AsyncEngine) -> AsyncIterator[PgShop]:
    shop = PgShop(engine)
    yield shop
    await shop.close()


async def database_answers() -> None:
    """Readiness is not under test here."""


@pytest.fixture
async def web_client(shop: PgShop) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    rejected = RecordRejectedNotification(shop.uow, shop.clock)
    reminders = ExpiryReminders(shop.uow, shop.clock, shop.notifier)
    panel_events = HandlePanelEvent(
        shop.uow, shop.panel, shop.clock, shop.notifier, reminders, shop.provisioning_queue
    )
    app = build_web_app(
        payments=PaymentWebhooks(shop.gateways, shop.confirm, rejected, ClientIpResolver()),
        panel=PanelWebhooks(None, panel_events, rejected),
        health=HealthEndpoints({"database": database_answers}),
        metrics=WebMetrics(CollectorRegistry()),
    )
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield client
