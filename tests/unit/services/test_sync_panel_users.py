from dataclasses import replace
from datetime import timedelta

from shop_domain.model.ids import CustomerId, PanelUserRef, SubscriptionId
from shop_domain.model.subscriptions import SubscriptionStatus, new_subscription
from shop_domain.ports.vpn_panel import DesiredAccess
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import BASIC_LIMITS, Shop


async def seed_panel_user(shop: Shop, telegram_id: int) -> None:
    await shop.panel.ensure_user(DesiredAccess(telegram_id, T0 + timedelta(days=10), BASIC_LIMITS))


async def test_panel_sync_links_and_imports_by_telegram_id(shop: Shop) -> None:
    for customer in (1, 2, 3):
        await shop.add_customer(customer)
    await shop.start_trial.execute(CustomerId(1))  # already linked
    for telegram_id in (2, 3, 4):
        await seed_panel_user(shop, telegram_id)
    async with shop.uow() as uow:  # customer 2 has a subscription the panel link is missing
        await uow.subscriptions.add(
            new_subscription(
                subscription_id=SubscriptionId("s2"),
                customer_id=CustomerId(2),
                now=T0,
                days=5,
                limits=BASIC_LIMITS,
                plan_id=None,
                is_trial=False,
            )
        )
        await uow.commit()
    shop.panel.calls.clear()
    report = await shop.sync_panel.execute(page_size=2)
    assert report.scanned == 4
    assert report.pages == 2
    assert (report.already_linked, report.linked, report.imported) == (1, 1, 1)
    assert report.unknown_customer == 1
    async with shop.uow() as uow:
        imported = await uow.subscriptions.get_by_customer(CustomerId(3))
    assert imported is not None
    assert imported.status is SubscriptionStatus.ACTIVE
    assert imported.expires_at == T0 + timedelta(days=10)
    assert shop.panel.calls == ["iter_users"]


async def test_panel_sync_reports_inconsistencies(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    ref = next(iter(shop.panel.users))
    duplicate = shop.panel.users[ref]
    shop.panel.users[PanelUserRef("77")] = replace(duplicate, ref=PanelUserRef("77"))
    shop.panel.users[PanelUserRef("78")] = replace(
        duplicate, ref=PanelUserRef("78"), telegram_id=None
    )
    report = await shop.sync_panel.execute()
    assert report.without_telegram_id == 1
    assert len(report.inconsistent) == 1
    assert "77" in report.inconsistent[0]
