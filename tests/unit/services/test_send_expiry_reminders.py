from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from shop_domain.events import ExpiryReminderDue
from shop_domain.model.ids import CustomerId, SubscriptionId
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.services.notification.send_expiry_reminders import (
    ReminderSchedule,
    SendExpiryReminders,
)
from tests.unit.services.shop_harness import BASIC_LIMITS, Shop


async def subscribed(shop: Shop, customer_id: int, expires_in: timedelta) -> Subscription:
    await shop.add_customer(customer_id)
    subscription = Subscription(
        SubscriptionId(f"s{customer_id}"),
        CustomerId(customer_id),
        expires_at=shop.clock.now() + expires_in,
        limits=BASIC_LIMITS,
    )
    async with shop.uow() as uow:
        await uow.subscriptions.add(subscription)
        await uow.commit()
    return subscription


def job(shop: Shop, batch_size: int = 500) -> SendExpiryReminders:
    schedule = ReminderSchedule(offsets_hours=(-72, -24, 0, 24), batch_size=batch_size)
    return SendExpiryReminders(shop.uow, shop.clock, shop.reminders, schedule)


def hours_left(shop: Shop) -> list[tuple[int, int]]:
    return [
        (e.customer_id, e.hours_left)
        for e in shop.notifier.of_type(ExpiryReminderDue)
        if isinstance(e, ExpiryReminderDue)
    ]


async def test_each_offset_is_sent_once_when_its_moment_comes(shop: Shop) -> None:
    await subscribed(shop, 1, timedelta(hours=80))
    reminders = job(shop)
    assert await reminders.execute() == 0  # 80 h left: the 72 h reminder is not due yet
    shop.clock.advance(hours=9)
    assert await reminders.execute() == 1
    assert await reminders.execute() == 0  # the next run, or a second scheduler: nothing
    shop.clock.advance(hours=48)  # 23 h left
    assert await reminders.execute() == 1
    shop.clock.advance(hours=23, minutes=30)  # expired half an hour ago
    assert await reminders.execute() == 1
    assert hours_left(shop) == [(1, 71), (1, 23), (1, -1)]


async def test_a_reminder_the_panel_webhook_already_sent_is_not_repeated(shop: Shop) -> None:
    subscription = await subscribed(shop, 1, timedelta(hours=20))
    assert await shop.reminders.send_once(subscription, -24)  # user.expiration webhook came first
    assert await job(shop).execute() == 0
    assert len(hours_left(shop)) == 1


async def test_only_the_latest_due_offset_is_sent_and_old_moments_are_skipped(
    shop: Shop,
) -> None:
    await subscribed(shop, 1, timedelta(hours=23))  # bought late: "3 days" is long past
    await subscribed(shop, 2, timedelta(hours=-30))  # expired 30 h ago: +24 h is due
    await subscribed(shop, 3, timedelta(hours=-40))  # the +24 h moment passed 16 h ago
    assert await job(shop).execute() == 2
    assert hours_left(shop) == [(2, -30), (1, 23)]


async def test_disabled_access_gets_no_reminder(shop: Shop) -> None:
    subscription = await subscribed(shop, 1, timedelta(hours=23))
    async with shop.uow() as uow:
        await uow.subscriptions.update(replace(subscription, status=SubscriptionStatus.DISABLED))
        await uow.commit()
    assert await job(shop).execute() == 0


async def test_reminders_page_through_many_due_subscriptions(shop: Shop) -> None:
    for customer_id in range(1, 6):
        await subscribed(shop, customer_id, timedelta(hours=23))  # one instant for all five
    for customer_id in range(6, 9):
        await subscribed(shop, customer_id, timedelta(hours=20, minutes=customer_id))
    assert await job(shop, batch_size=2).execute() == 8
