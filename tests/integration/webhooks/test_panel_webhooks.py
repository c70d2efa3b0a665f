"""Panel webhooks end to end: the fake panel's own sender posts signed deliveries over loopback
HTTP to the real aiohttp app, which verifies them and syncs a real store (SQLite and PostgreSQL)
through the real adapter reading the fake panel back."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from prometheus_client import CollectorRegistry
from sqlalchemy import text

from shop_adapters.remnawave.webhook_parser import RemnawaveWebhookParser
from shop_domain.events import ExpiryReminderDue, TrafficLimitReached
from shop_domain.model.subscriptions import SubscriptionStatus
from shop_domain.services.billing.confirm_payment import ConfirmPayment
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_entrypoints.webhooks.app import build_web_app
from shop_entrypoints.webhooks.client_ip import ClientIpResolver
from shop_entrypoints.webhooks.health import HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from shop_entrypoints.webhooks.panel import PanelWebhooks
from shop_entrypoints.webhooks.payments import PaymentWebhooks
from tests.fakes.remnawave import DEFAULT_SECRET, FakePanel
from tests.fakes.remnawave.client import panel_client
from tests.integration.panel_shop import PanelShop, adapter_for, postgres_engine, sqlite_engine
from tests.unit.fakes import FakePaymentGateways, FixedClock
from tests.unit.services.shop_harness import default_policy

NOW = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)


async def store_answers() -> None:
    """Readiness is not under test here."""


@pytest.fixture(params=["sqlite", "postgresql"])
async def engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["3.3.2", "2.7.1"], ids=["v3", "v2"])
def fake(request: pytest.FixtureRequest) -> FakePanel:
    return FakePanel(now=NOW, panel_version=request.param, expiration_offsets_hours=[-72, 24])


@pytest.fixture
async def shop(
    engine_kind: str, fake: FakePanel, tmp_path: Path, database_url: str
) -> AsyncIterator[PanelShop]:
    if engine_kind == "sqlite":
        engine = await sqlite_engine(tmp_path)
    else:
        engine = await postgres_engine(database_url)
    async with adapter_for(fake) as panel:
        yield PanelShop(engine, fake, panel, FixedClock(NOW))
    await engine.dispose()


def build_app(shop: PanelShop, secret: str | None) -> web.Application:
    rejected = RecordRejectedNotification(shop.uow, shop.clock)
    confirm = ConfirmPayment(
        shop.uow, shop.clock, PaymentCrediting(default_policy()), ProvisioningQueue(shop.jobs),
        shop.notifier,
    )  # fmt: skip
    parser = RemnawaveWebhookParser(secret)
    return build_web_app(
        payments=PaymentWebhooks(FakePaymentGateways(), confirm, rejected, ClientIpResolver()),
        panel=PanelWebhooks(parser, shop.handle_panel_event, rejected),
        health=HealthEndpoints({"store": store_answers}),
        metrics=WebMetrics(CollectorRegistry()),
    )


@pytest.fixture
async def server(shop: PanelShop) -> AsyncIterator[str]:
    """The real web app on a loopback port; the fake panel's webhook URL points at it."""
    async with TestServer(build_app(shop, DEFAULT_SECRET), host="127.0.0.1") as test_server:
        url = str(test_server.make_url("/panel/webhook"))
        shop.fake.outbox.urls = [url]
        yield url


async def panel_api(shop: PanelShop, method: str, path: str, **kwargs: object) -> httpx.Response:
    async with panel_client(shop.fake) as api:
        return await api.request(method, path, **kwargs)  # type: ignore[arg-type]


def key(shop: PanelShop, user_id: int) -> str:
    return str(shop.ref_of(shop.fake.users[user_id]))


async def inbox_count(shop: PanelShop, outcome: str | None = None) -> int:
    query = "SELECT count(*) FROM provider_events WHERE provider = 'remnawave'"
    if outcome is not None:
        query += f" AND outcome = '{outcome}'"
    async with shop.engine.connect() as connection:
        return int((await connection.execute(text(query))).scalar_one())


async def test_a_signed_cyrillic_delivery_syncs_the_status(shop: PanelShop, server: str) -> None:
    user = await shop.add_linked_customer(101, NOW + timedelta(days=10), description="Иван Петров")
    response = await panel_api(shop, "POST", f"/api/users/{key(shop, user.id)}/actions/disable")
    assert response.status_code == 200
    ((url, status, body, headers),) = await shop.fake.flush_webhooks()
    assert "Иван Петров".encode() in body
    assert status == 200
    assert (await shop.subscription(101)).status is SubscriptionStatus.DISABLED
    assert await inbox_count(shop, "received") == 1
    async with httpx.AsyncClient() as client:  # the panel re-sends it (at-least-once)
        again = await client.post(url, content=body, headers=headers)
    assert again.json() == {"ok": True, "outcome": "duplicate"}
    assert await inbox_count(shop) == 1


async def test_forged_and_unsigned_deliveries_are_refused_and_change_nothing(
    shop: PanelShop, server: str
) -> None:
    user = await shop.add_linked_customer(102, NOW + timedelta(days=10))
    await panel_api(shop, "POST", f"/api/users/{key(shop, user.id)}/actions/disable")
    shop.fake.corrupt_webhook_signatures()
    body = shop.fake.outbox.pending[0].body
    ((_, status, _, _),) = await shop.fake.flush_webhooks()
    assert status == 401  # retried by the panel, refused every time
    url = shop.fake.outbox.urls[0]
    async with httpx.AsyncClient() as client:
        unsigned = await client.post(
            url, content=body, headers={"Content-Type": "application/json"}
        )
        tampered = body.replace(b'"DISABLED"', b'"ACTIVE"')
        replayed = await client.post(
            url, content=tampered, headers={"X-Remnawave-Signature": "0" * 64}
        )
    assert (unsigned.status_code, replayed.status_code) == (401, 401)
    assert (await shop.subscription(102)).status is SubscriptionStatus.ACTIVE
    assert await inbox_count(shop, "received") == 0
    assert await inbox_count(shop, "rejected") >= 2


async def test_without_a_secret_the_endpoint_refuses(shop: PanelShop) -> None:
    await shop.add_linked_customer(103, NOW + timedelta(days=10))
    async with TestServer(build_app(shop, None), host="127.0.0.1") as unconfigured:
        shop.fake.outbox.urls = [str(unconfigured.make_url("/panel/webhook"))]
        shop.fake.emit_user("user.disabled", next(iter(shop.fake.users.values())))
        ((_, status, _, _),) = await shop.fake.flush_webhooks()
    assert status == 401
    assert await inbox_count(shop, "received") == 0


async def test_a_duplicated_expiry_warning_sends_one_reminder(shop: PanelShop, server: str) -> None:
    await shop.add_linked_customer(104, NOW + timedelta(hours=72, seconds=20))
    shop.fake.tick()
    assert shop.fake.pending_webhooks[0]["event"] in ("user.expiration", "user.expires_in_72_hours")
    shop.fake.duplicate_webhooks(3)
    results = await shop.fake.flush_webhooks()
    assert [status for _, status, _, _ in results] == [200, 200, 200]
    reminders = shop.notifier.of_type(ExpiryReminderDue)
    assert len(reminders) == 1
    assert await inbox_count(shop) == 1


async def test_reordered_deliveries_end_in_the_panels_current_state(
    shop: PanelShop, server: str
) -> None:
    user = await shop.add_linked_customer(105, NOW + timedelta(days=10))
    ref = key(shop, user.id)
    await panel_api(shop, "POST", f"/api/users/{ref}/actions/disable")
    await panel_api(shop, "POST", f"/api/users/{ref}/actions/enable")
    shop.fake.reorder_webhooks()  # "enabled" arrives first, the stale "disabled" after it
    shop.fake.duplicate_webhooks()
    events = [json.loads(item.body)["event"] for item in shop.fake.outbox.pending]
    assert events == ["user.enabled", "user.enabled", "user.disabled", "user.disabled"]
    await shop.fake.flush_webhooks()
    assert (await shop.subscription(105)).status is SubscriptionStatus.ACTIVE
    assert await inbox_count(shop) == 2


async def test_limited_then_expired_and_device_events(shop: PanelShop, server: str) -> None:
    user = await shop.add_linked_customer(106, NOW + timedelta(days=1), traffic_limit_bytes=1000)
    shop.fake.set_traffic(user.id, 1000)
    shop.fake.tick()
    shop.fake.add_device(user.id, "hwid-0000000001")
    shop.fake.emit_user("user.first_connected", user)
    shop.fake.duplicate_webhooks()
    results = await shop.fake.flush_webhooks()
    assert {status for _, status, _, _ in results} == {200}
    assert (await shop.subscription(106)).status is SubscriptionStatus.LIMITED
    assert len(shop.notifier.of_type(TrafficLimitReached)) == 1
    shop.fake.advance(timedelta(days=2))
    shop.clock.current = shop.fake.now()
    shop.fake.tick()  # expired a day ago: user.expired plus the +24 h expiry warning
    shop.fake.duplicate_webhooks()
    await shop.fake.flush_webhooks()
    subscription = await shop.subscription(106)
    assert subscription.status is SubscriptionStatus.EXPIRED
    assert len(shop.notifier.of_type(ExpiryReminderDue)) == 1
    assert await inbox_count(shop) == 5  # limited, device added, first connected, expired x2
