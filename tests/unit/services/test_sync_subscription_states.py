from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from shop_domain.model.ids import CustomerId, PanelUserRef, SubscriptionId
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.vpn_panel import PanelUser, PanelUserStatus
from shop_domain.services.core.provisioning_queue import PROVISION_JOB, ProvisioningQueue
from shop_domain.services.core.sync_subscription_states import (
    StateSyncReport,
    SyncSubscriptionStates,
)
from tests.unit.services.shop_harness import BASIC_LIMITS, Shop


async def linked(
    shop: Shop, customer_id: int, panel_status: PanelUserStatus, **panel: object
) -> None:
    await shop.add_customer(customer_id)
    ref = PanelUserRef(str(customer_id))
    subscription = Subscription(
        SubscriptionId(f"s{customer_id}"),
        CustomerId(customer_id),
        expires_at=shop.clock.now() + timedelta(days=10),
        limits=BASIC_LIMITS,
        panel_user_ref=ref,
        subscription_url="https://sub.test/x",
        version=1,
    )
    async with shop.uow() as uow:
        await uow.subscriptions.add(subscription)
        await uow.commit()
    user = PanelUser(
        ref=ref,
        username=f"tg_{customer_id}",
        short_uuid="s",
        status=panel_status,
        expires_at=subscription.expires_at,
        subscription_url="https://sub.test/x",
        limits=BASIC_LIMITS,
        telegram_id=customer_id,
    )
    shop.panel.users[ref] = replace(user, **panel)  # type: ignore[arg-type]


def sync(shop: Shop) -> SyncSubscriptionStates:
    return SyncSubscriptionStates(
        shop.uow, shop.clock, shop.panel, ProvisioningQueue(shop.job_queue)
    )


async def test_drift_is_adopted_or_pushed_back_by_the_webhook_rule(shop: Shop) -> None:
    await linked(shop, 1, PanelUserStatus.ACTIVE)  # in step
    await linked(shop, 2, PanelUserStatus.LIMITED)  # traffic ran out: adopt the panel's status
    await linked(shop, 3, PanelUserStatus.EXPIRED)  # paid days cut: push ours again
    shorter = shop.clock.now() + timedelta(days=2)
    await linked(shop, 4, PanelUserStatus.ACTIVE, expires_at=shorter)  # a push half-failed

    report = await sync(shop).execute(page_size=2)

    assert report == StateSyncReport(checked=4, status_updated=1, pushed_again=2)
    async with shop.uow() as uow:
        limited = await uow.subscriptions.get_by_customer(CustomerId(2))
    assert limited is not None
    assert limited.status is SubscriptionStatus.LIMITED
    assert [name for name, _ in shop.job_queue.jobs] == [PROVISION_JOB, PROVISION_JOB]
    await shop.run_queued_jobs()
    assert shop.panel.users[PanelUserRef("4")].expires_at > shorter
    assert await sync(shop).execute() == StateSyncReport(checked=4)


async def test_an_unreachable_panel_ends_the_pass_without_changes(shop: Shop) -> None:
    await linked(shop, 1, PanelUserStatus.LIMITED)
    shop.panel.down = True
    report = await sync(shop).execute()
    assert report.panel_down
    assert shop.job_queue.jobs == []
