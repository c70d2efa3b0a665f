"""The repository contract at the edges where money is decided, on memory, SQLite and
PostgreSQL alike: every payment transition, what counts as revenue, window boundaries."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.ids import CampaignId, CustomerId, PaymentId, SubscriptionId
from shop_domain.model.money import Money
from shop_domain.model.payments import PaymentStatus, can_transition
from shop_domain.model.referrals import ReferralReward
from tests.integration.persistence.conftest import UowFactory
from tests.integration.persistence.records import T0, customer, order, payment, subscription

MINUTE = timedelta(minutes=1)
PAIRS = list(itertools.product(PaymentStatus, PaymentStatus))


async def test_transition_follows_the_state_machine_exactly(uow_factory: UowFactory) -> None:
    """The compare-and-set WHERE allows precisely the domain's transitions, no more."""
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        for n, (source, _) in enumerate(PAIRS):
            await uow.orders.add(order(f"o{n}", 1))
            await uow.payments.add(payment(f"p{n}", f"o{n}", 1, status=source))
        await uow.commit()
    now = T0 + MINUTE
    async with uow_factory() as uow:
        for n, (source, target) in enumerate(PAIRS):
            moved = await uow.payments.transition(PaymentId(f"p{n}"), target, now)
            if not can_transition(source, target):
                assert moved is None, (source, target)
                continue
            assert moved is not None, (source, target)
            assert moved.status is target
            assert moved.paid_at == (now if target is PaymentStatus.PAID else None)
            assert moved.refunded_at == (now if target is PaymentStatus.REFUNDED else None)
        await uow.commit()
    async with uow_factory() as uow:
        for n, (source, target) in enumerate(PAIRS):
            stored = await uow.payments.get(PaymentId(f"p{n}"))
            assert stored is not None
            assert stored.status is (target if can_transition(source, target) else source)


async def test_revenue_counts_credited_payments_per_currency(uow_factory: UowFactory) -> None:
    rub, usd = Money.of("199.90", "RUB"), Money.of("5.00", "USD")
    rows = [  # status, paid_at offset in minutes (None = never paid), amount
        (PaymentStatus.PAID, 1, rub),
        (PaymentStatus.PROVISIONED, 2, rub),
        (PaymentStatus.PAID, 3, usd),
        (PaymentStatus.REFUNDED, 4, rub),  # money given back
        (PaymentStatus.PENDING, None, rub),  # money not taken
        (PaymentStatus.PAID, -1, rub),  # before the period
    ]
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        for n, (status, minutes, amount) in enumerate(rows):
            paid_at = None if minutes is None else T0 + minutes * MINUTE
            await uow.orders.add(order(f"o{n}", 1))
            await uow.payments.add(
                payment(f"p{n}", f"o{n}", 1, status=status, paid_at=paid_at, amount=amount)
            )
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.payments.revenue_since(T0) == [Money.of("399.80", "RUB"), usd]


async def test_payment_queries_order_and_limit(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        for n in range(3):
            await uow.orders.add(order(f"o{n}", 1))
            await uow.payments.add(payment(f"p{n}", f"o{n}", 1, created_at=T0 + n * MINUTE))
        await uow.commit()
    async with uow_factory() as uow:
        stale = await uow.payments.pending_older_than(T0 + 2 * MINUTE, 10)
        assert [p.id for p in stale] == ["p0", "p1"]  # strictly older, oldest first
        assert [p.id for p in await uow.payments.pending_older_than(T0 + 2 * MINUTE, 1)] == ["p0"]
        newest = await uow.payments.list_for_customer(CustomerId(1), 2)
        assert [p.id for p in newest] == ["p2", "p1"]
        assert await uow.payments.list_for_customer(CustomerId(2), 10) == []
        assert await uow.payments.get(PaymentId("p1")) == payment(
            "p1", "o1", 1, created_at=T0 + MINUTE
        )


async def test_expiring_window_is_half_open(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        for customer_id, days in ((1, 0), (2, 1), (3, 2)):
            await uow.customers.add(customer(customer_id))
            await uow.subscriptions.add(subscription(customer_id, days))
        await uow.commit()
    async with uow_factory() as uow:
        window = await uow.subscriptions.expiring_between(T0, T0 + timedelta(days=2), 10)
        assert [s.customer_id for s in window] == [1, 2]  # start included, end excluded
        first = await uow.subscriptions.expiring_between(T0, T0 + timedelta(days=3), 1)
        assert [s.customer_id for s in first] == [1]


async def test_subscription_update_and_lock_without_subscription(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.customers.add(customer(2))
        await uow.subscriptions.add(subscription(1))
        await uow.commit()
    renewed = replace(subscription(1), expires_at=T0 + timedelta(days=60), version=2)
    async with uow_factory() as uow:
        assert await uow.subscriptions.lock_by_customer(CustomerId(2)) is None
        assert await uow.subscriptions.lock_by_customer(CustomerId(1)) == subscription(1)
        await uow.subscriptions.update(renewed)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.subscriptions.get(SubscriptionId("s1")) == renewed
        assert await uow.subscriptions.get(SubscriptionId("nope")) is None


async def test_one_referral_reward_per_payment(uow_factory: UowFactory) -> None:
    reward = ReferralReward(PaymentId("p1"), CustomerId(1), CustomerId(2), 7, 3)
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.customers.add(customer(2))
        await uow.orders.add(order("o1", 2))
        await uow.payments.add(payment("p1", "o1", 2))
        await uow.referral_rewards.add(reward)
        await uow.commit()

    async def reward_again() -> None:
        async with uow_factory() as uow:
            await uow.referral_rewards.add(replace(reward, inviter_days=30))
            await uow.commit()

    with pytest.raises(ConcurrentUpdateError):
        await reward_again()
    async with uow_factory() as uow:
        assert await uow.referral_rewards.total_inviter_days(CustomerId(1)) == 7


async def test_campaign_stats_count_only_credited_money_of_its_customers(
    uow_factory: UowFactory,
) -> None:
    autumn = AdCampaign(CampaignId("c1"), "autumn", "Autumn", T0)
    spring = AdCampaign(CampaignId("c2"), "spring", "Spring", T0)
    usd = Money.of("5.00", "USD")
    rows = [  # customer, campaign, status, amount
        (1, autumn.id, PaymentStatus.PAID, Money.of("199.90", "RUB")),
        (2, autumn.id, PaymentStatus.PROVISIONED, usd),
        (3, autumn.id, PaymentStatus.REFUNDED, Money.of("199.90", "RUB")),
        (4, spring.id, PaymentStatus.PAID, Money.of("199.90", "RUB")),
    ]
    async with uow_factory() as uow:
        await uow.campaigns.add(autumn)
        await uow.campaigns.add(spring)
        for customer_id, campaign_id, status, amount in rows:
            await uow.customers.add(customer(customer_id, campaign_id=campaign_id))
            await uow.orders.add(order(f"o{customer_id}", customer_id))
            await uow.payments.add(
                payment(
                    f"p{customer_id}",
                    f"o{customer_id}",
                    customer_id,
                    status=status,
                    paid_at=T0,
                    amount=amount,
                )
            )
        await uow.commit()
    async with uow_factory() as uow:
        stats = await uow.campaigns.stats(autumn.id)
    assert stats is not None
    assert (stats.starts, stats.trials, stats.purchases) == (3, 0, 2)
    assert stats.revenue == (Money.of("199.90", "RUB"), usd)
