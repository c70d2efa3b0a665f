"""`shop panel sync`: 5,000 fake-panel users synced into PostgreSQL through the real adapter,
in a bounded number of database round trips; plus the command's own exits and report."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import structlog
from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from shop_adapters.persistence.mappers import customer_to_columns
from shop_adapters.persistence.tables import CustomerRow
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId, PanelUserRef, SubscriptionId
from shop_domain.model.plans import AccessLimits
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.services.core.sync_panel_users import PanelSyncReport
from shop_entrypoints.cli import app
from shop_entrypoints.cli_panel import render_sync_report, sync_panel_users
from tests.fakes.remnawave import FakePanel
from tests.integration.panel_shop import PanelShop, adapter_for, postgres_engine
from tests.unit.fakes import FixedClock

NOW = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)
USERS = 5000
PAGE = 500
CUSTOMERS = 4000  # telegram ids 1..4000; panel users 4001..4300 belong to nobody here
logger = structlog.get_logger(__name__)


class StatementCounter:
    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        self._engine = engine.sync_engine

    def __enter__(self) -> StatementCounter:
        event.listen(self._engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        self.count += 1


@pytest.fixture
async def shop(database_url: str) -> AsyncIterator[PanelShop]:
    engine = await postgres_engine(database_url)
    fake = FakePanel(now=NOW)
    async with adapter_for(fake) as panel:
        yield PanelShop(engine, fake, panel, FixedClock(NOW))
    await engine.dispose()


async def seed(shop: PanelShop) -> None:
    """4,000 customers (half with an unlinked subscription) and 5,000 panel users: 4,000 of
    those customers, 300 strangers, 698 without a Telegram id, and 2 odd ones."""
    expires = NOW + timedelta(days=30)
    for n in range(1, USERS - 1):
        telegram_id = n if n <= CUSTOMERS + 300 else None
        shop.fake.seed_user(f"user_{n}", expires, telegram_id=telegram_id)
    shop.fake.seed_user("second_of_1", expires, telegram_id=1)  # two panel users, one customer
    shop.fake.seed_user("rival_of_2", expires, telegram_id=3)  # customer 3 is linked elsewhere
    customers = [
        Customer(CustomerId(n), Language.EN, f"C{n}", NOW) for n in range(1, CUSTOMERS + 1)
    ]
    async with shop.engine.begin() as connection:
        await connection.execute(insert(CustomerRow), [customer_to_columns(c) for c in customers])
    subscriptions = [
        Subscription(
            id=SubscriptionId(f"s{n}"),
            customer_id=CustomerId(n),
            expires_at=expires,
            limits=AccessLimits(),
            panel_user_ref=PanelUserRef("999999") if n == 3 else None,
            version=1,
        )
        for n in range(1, CUSTOMERS + 1, 2)
    ]
    async with shop.uow() as uow:
        await uow.subscriptions.add_many(subscriptions)
        await uow.commit()


async def test_5000_users_sync_in_bounded_round_trips(shop: PanelShop) -> None:
    await seed(shop)
    with StatementCounter(shop.engine) as first:
        report = await sync_panel_users(shop.uow, shop.panel, PAGE)
    assert report.scanned == USERS
    assert report.pages == USERS // PAGE
    assert (report.linked, report.imported) == (CUSTOMERS // 2 - 1, CUSTOMERS // 2)
    assert (report.without_telegram_id, report.unknown_customer) == (698, 300)
    assert sorted(report.inconsistent) == [
        "customer 3 is linked to panel user 999999, not 3",
        "telegram id 1 owns panel users 1 and 4999",
        "telegram id 3 owns panel users 3 and 5000",
    ]
    assert first.count <= 4 * report.pages  # per page: two reads, at most two batched writes
    with StatementCounter(shop.engine) as second:
        again = await sync_panel_users(shop.uow, shop.panel, PAGE)
    assert (again.linked, again.imported, again.already_linked) == (0, 0, CUSTOMERS - 1)
    assert second.count <= 2 * again.pages  # nothing to write: the two reads per page
    logger.info("panel_sync_statements", first_run=first.count, second_run=second.count)
    linked = await shop.subscription(2)
    assert linked.panel_user_ref == "2"
    assert linked.status is SubscriptionStatus.ACTIVE
    assert linked.subscription_url == shop.fake.subscription_url(shop.fake.users[2])
    assert (await shop.subscription(3)).panel_user_ref == "999999"


def test_the_report_names_linked_skipped_and_inconsistent() -> None:
    report = PanelSyncReport(scanned=30, linked=3, imported=2, already_linked=1, pages=1)
    report.without_telegram_id, report.unknown_customer = 4, 5
    report.inconsistent = [f"problem {n}" for n in range(25)]
    lines = render_sync_report(report)
    assert "linked: 5 (3 existing subscriptions, 2 mirrored)" in lines
    assert "skipped: 9 (4 without a Telegram id, 5 not customers of this shop)" in lines
    assert "inconsistent: 25" in lines
    assert lines[-1] == "  ... and 5 more"


@pytest.fixture
def panel_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SHOP_TELEGRAM__BOT_TOKEN", "42:" + "A" * 35)
    monkeypatch.setenv("SHOP_PANEL__URL", "http://127.0.0.1:9")  # nothing listens on discard
    monkeypatch.setenv("SHOP_PANEL__API_TOKEN", "secret-token-value")
    monkeypatch.setenv("SHOP_DATA_DIR", str(tmp_path))


@pytest.mark.usefixtures("panel_env")
def test_an_unreachable_panel_fails_fast_with_exit_2() -> None:
    result = CliRunner().invoke(app, ["panel", "sync"])
    assert result.exit_code == 2, result.output
    assert "panel sync stopped" in result.output
    assert "secret-token-value" not in result.output


def test_bad_configuration_exits_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SHOP_TELEGRAM__BOT_TOKEN", "SHOP_PANEL__URL", "SHOP_PANEL__API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["panel", "sync"])
    assert result.exit_code == 1
    assert "shop check-config" in result.output
