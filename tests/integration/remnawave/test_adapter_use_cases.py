"""The real use cases over real PostgreSQL and `RemnawavePanel` on the fake panel (3.x, 2.x).

A trial is provisioned end to end, then read back with live usage, its devices are managed,
its link is revoked, and a panel-wide sync finds it already linked.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest
import pytest_asyncio
from sqlalchemy import text

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.events import SubscriptionReady
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId
from shop_domain.model.plans import GIB, AccessLimits, TrialOffer
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.services.core.get_subscription_overview import GetSubscriptionOverview
from shop_domain.services.core.manage_devices import (
    ManageDevices,
    ManageDevicesRequest,
    device_token,
)
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from shop_domain.services.core.start_trial import StartTrial
from shop_domain.services.core.sync_panel_users import SyncPanelUsers
from tests.fakes.remnawave import FakePanel
from tests.integration.remnawave.adapter_rig import VERSIONS, Rig, adapter_rig
from tests.unit.fakes import FakeNotifier

CUSTOMER = CustomerId(4242)
TRIAL = TrialOffer(
    enabled=True, days=3, limits=AccessLimits(traffic_limit_bytes=10 * GIB, device_limit=2)
)


class PanelClock:
    """The shop's clock follows the fake panel's, so expiry rules agree on both sides."""

    def __init__(self, fake: FakePanel) -> None:
        self._fake = fake

    def now(self) -> datetime:
        return self._fake.now()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def migrated(database_url: str) -> str:
    """Bring the schema to head (a no-op when another module already did); tests truncate."""
    await upgrade(database_url)
    return database_url


@pytest.fixture
async def uow_factory(migrated: str) -> AsyncIterator[SqlAlchemyUnitOfWorkFactory]:
    engine = create_engine(migrated)
    async with engine.begin() as connection:
        await connection.execute(text(
            "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables"
            " WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP"
            " EXECUTE 'TRUNCATE ' || quote_ident(t) || ' CASCADE'; END LOOP; END $$"
        ))  # fmt: skip
    yield SqlAlchemyUnitOfWorkFactory(session_factory(engine))
    await engine.dispose()


@pytest.fixture(params=VERSIONS)
async def rig(request: pytest.FixtureRequest) -> AsyncIterator[Rig]:
    async with adapter_rig(request.param) as built:
        yield built


async def test_a_trial_round_trip_through_the_real_use_cases(
    rig: Rig, uow_factory: SqlAlchemyUnitOfWorkFactory
) -> None:
    clock, notifier = PanelClock(rig.fake), FakeNotifier()
    provision = ProvisionSubscription(uow_factory, rig.panel, clock, notifier)
    async with uow_factory() as uow:
        customer = Customer(CUSTOMER, Language.EN, "CODE4242", created_at=clock.now())
        await uow.customers.add(customer)
        await uow.commit()

    started = await StartTrial(
        uow_factory, clock, ShopPolicy(trial=TRIAL), provision, notifier
    ).execute(CUSTOMER)

    assert started.provisioned
    (stored,) = rig.fake.users.values()
    assert (stored.username, stored.telegram_id, stored.status) == ("tg_4242", 4242, "ACTIVE")
    assert stored.expire_at == clock.now() + timedelta(days=3)
    assert (stored.traffic_limit_bytes, stored.hwid_device_limit) == (10 * GIB, 2)
    assert started.subscription.subscription_url == rig.fake.subscription_url(stored)
    assert not [e for e in notifier.events if isinstance(e, SubscriptionReady)]  # on screen

    rig.fake.set_traffic(stored.id, 3 * GIB)
    overview = await GetSubscriptionOverview(uow_factory, rig.panel, clock).execute(CUSTOMER)
    assert overview.panel_reachable
    assert overview.used_traffic_bytes == 3 * GIB

    rig.fake.add_device(stored.id, "HWID-PHONE-0001", platform="iOS")
    devices = ManageDevices(uow_factory, rig.panel)
    listed = await devices.execute(ManageDevicesRequest(CUSTOMER))
    assert [d.hwid for d in listed.devices] == ["HWID-PHONE-0001"]
    token = device_token("HWID-PHONE-0001")
    after = await devices.execute(ManageDevicesRequest(CUSTOMER, disconnect_token=token))
    assert after.devices == ()
    assert rig.fake.devices == {}

    old_url = rig.fake.subscription_url(stored)
    new_url = await RevokeSubscriptionLink(uow_factory, rig.panel).execute(CUSTOMER)
    assert new_url != old_url
    assert new_url == rig.fake.subscription_url(stored)
    async with uow_factory() as uow:
        subscription = await uow.subscriptions.get_by_customer(CUSTOMER)
    assert subscription is not None
    assert subscription.subscription_url == new_url

    report = await SyncPanelUsers(uow_factory, rig.panel).execute(page_size=10)
    assert (report.scanned, report.already_linked, report.inconsistent) == (1, 1, [])


async def test_a_panel_outage_leaves_the_trial_pending_and_a_retry_provisions_it(
    rig: Rig, uow_factory: SqlAlchemyUnitOfWorkFactory
) -> None:
    clock, notifier = PanelClock(rig.fake), FakeNotifier()
    provision = ProvisionSubscription(uow_factory, rig.panel, clock, notifier)
    async with uow_factory() as uow:
        await uow.customers.add(Customer(CUSTOMER, Language.RU, "CODE4242", created_at=clock.now()))
        await uow.commit()
    await rig.panel.start()
    rig.fake.fail_next("POST", "/api/users", drop=True)

    started = await StartTrial(
        uow_factory, clock, ShopPolicy(trial=TRIAL), provision, notifier
    ).execute(CUSTOMER)

    assert not started.provisioned
    assert rig.fake.users == {}
    async with uow_factory() as uow:
        (job,) = await uow.outbox.due(clock.now() + timedelta(hours=1), 10)
    outcome = await provision.execute(job.id)
    assert outcome.succeeded
    assert len(rig.fake.users) == 1
