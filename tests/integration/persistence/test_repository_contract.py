"""The repository contract, run against the in-memory fake, SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.ids import (
    CampaignId,
    CustomerId,
    PanelUserRef,
    PaymentId,
    PlanId,
    PromoCodeId,
    SubscriptionId,
)
from shop_domain.model.money import Money
from shop_domain.model.payments import PaymentStatus
from shop_domain.model.promo_codes import ActivationStatus, PromoActivation, PromoCode, PromoKind
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.model.provisioning import ProvisioningReason, provisioning_job
from shop_domain.model.referrals import ReferralReward
from tests.integration.persistence.conftest import UowFactory
from tests.integration.persistence.records import (
    T0,
    customer,
    order,
    plan,
    seed_pending_payment,
    subscription,
)


async def test_customer_round_trip_and_lookups(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1, terms_accepted_at=T0))
        await uow.customers.add(customer(2, referred_by=CustomerId(1), username="MixedCase"))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.customers.get(CustomerId(1)) == customer(1, terms_accepted_at=T0)
        assert (await uow.customers.get_by_referral_code("R0000002")) is not None
        found = await uow.customers.get_by_username("@mixedcase")
        assert found is not None
        assert found.id == 2
        assert await uow.customers.count_referrals(CustomerId(1)) == 1
        many = await uow.customers.get_many([CustomerId(1), CustomerId(2), CustomerId(3)])
        assert sorted(many) == [1, 2]
        assert await uow.customers.get(CustomerId(404)) is None


async def test_customer_update_and_duplicate(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.commit()
    async with uow_factory() as uow:
        await uow.customers.update(customer(1).ban().mark_paid())
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.customers.get(CustomerId(1))
        assert stored is not None
        assert stored.is_banned
        assert stored.has_paid

    async def add_again() -> None:
        async with uow_factory() as uow:
            await uow.customers.add(customer(1))
            await uow.commit()

    with pytest.raises(ConcurrentUpdateError):
        await add_again()


async def test_uncommitted_work_is_rolled_back(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
    async with uow_factory() as uow:
        assert await uow.customers.get(CustomerId(1)) is None


async def test_plan_round_trip_keeps_exact_prices(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.plans.save(plan("basic"))
        await uow.plans.save(replace(plan("premium"), sort_order=-1))
        await uow.commit()
    async with uow_factory() as uow:
        await uow.plans.save(replace(plan("basic"), name="Basic+"))
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.plans.get(PlanId("basic"))
        assert stored == replace(plan("basic"), name="Basic+")
        assert stored.price(30, "RUB") == Money.of("199.90", "RUB")
        assert [p.id for p in await uow.plans.list_all()] == ["premium", "basic"]


async def test_subscription_one_per_customer_and_expiring_window(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        for customer_id, days in ((1, 1), (2, 3), (3, 10)):
            await uow.customers.add(customer(customer_id))
            await uow.subscriptions.add(subscription(customer_id, days))
        await uow.commit()
    async with uow_factory() as uow:
        window = await uow.subscriptions.expiring_between(T0, T0 + timedelta(days=5), 10)
        assert [s.customer_id for s in window] == [1, 2]
        locked = await uow.subscriptions.lock_by_customer(CustomerId(2))
        assert locked == subscription(2, 3)
        many = await uow.subscriptions.get_many_by_customers([CustomerId(1), CustomerId(3)])
        assert sorted(many) == [1, 3]

    async def second_subscription() -> None:
        async with uow_factory() as uow:
            await uow.subscriptions.add(replace(subscription(1), id=SubscriptionId("other")))
            await uow.commit()

    with pytest.raises(ConcurrentUpdateError):
        await second_subscription()


async def test_subscription_batch_writes(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        for customer_id in (1, 2, 3):
            await uow.customers.add(customer(customer_id))
        await uow.subscriptions.add_many([subscription(1), subscription(2)])
        await uow.commit()
    async with uow_factory() as uow:
        linked = [
            s.linked_to_panel(PanelUserRef("7"), "https://sub/7")
            for s in (subscription(1), subscription(2))
        ]
        await uow.subscriptions.update_many(linked)
        await uow.subscriptions.update_many([])
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.subscriptions.get_by_customer(CustomerId(2))
        assert stored is not None
        assert stored.subscription_url == "https://sub/7"


async def test_payment_compare_and_set_transitions(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        pending = await seed_pending_payment(uow, 1, "p1")
        await uow.commit()
    async with uow_factory() as uow:
        paid = await uow.payments.transition(pending.id, PaymentStatus.PAID, T0)
        assert paid is not None
        assert paid.status is PaymentStatus.PAID
        assert paid.paid_at == T0
        assert await uow.payments.transition(pending.id, PaymentStatus.PAID, T0) is None
        assert await uow.payments.transition(pending.id, PaymentStatus.FAILED, T0) is None
        await uow.commit()
    async with uow_factory() as uow:
        refunded = await uow.payments.transition(pending.id, PaymentStatus.REFUNDED, T0)
        assert refunded is not None
        assert refunded.refunded_at == T0
        assert await uow.payments.transition(PaymentId("nope"), PaymentStatus.PAID, T0) is None


async def test_provider_payment_id_is_unique(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        first = await seed_pending_payment(uow, 1, "p1")
        second = await seed_pending_payment(uow, 1, "p2", with_customer=False)
        await uow.payments.attach_checkout(first.id, "prov-1", "https://pay/1")
        await uow.commit()
    async with uow_factory() as uow:
        found = await uow.payments.get_by_provider_id("fakepay", "prov-1")
        assert found is not None
        assert found.checkout_url == "https://pay/1"

    async def reuse_provider_id() -> None:
        async with uow_factory() as uow:
            await uow.payments.attach_checkout(second.id, "prov-1", None)
            await uow.commit()

    with pytest.raises(ConcurrentUpdateError):
        await reuse_provider_id()


async def test_payment_queries(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await seed_pending_payment(uow, 1, "p1")
        await seed_pending_payment(uow, 1, "p2", with_customer=False)
        await uow.commit()
    async with uow_factory() as uow:
        await uow.payments.transition(PaymentId("p2"), PaymentStatus.PAID, T0 + timedelta(hours=1))
        await uow.commit()
    async with uow_factory() as uow:
        stale = await uow.payments.pending_older_than(T0 + timedelta(minutes=1), 10)
        assert [p.id for p in stale] == ["p1"]
        assert len(await uow.payments.list_for_customer(CustomerId(1), 10)) == 2
        assert await uow.payments.revenue_since(T0) == [Money.of("199.90", "RUB")]
        assert await uow.payments.revenue_since(T0 + timedelta(days=1)) == []
        stored_order = await uow.orders.get(order("o-p1", 1).id)
        assert stored_order == order("o-p1", 1)


async def test_inbox_recognises_a_replayed_event(uow_factory: UowFactory) -> None:
    event = ProviderEvent("fakepay", "evt-1", T0, b'{"x": "\xd0\xb9"}', verified=True)
    async with uow_factory() as uow:
        assert await uow.provider_events.record(event)
        assert not await uow.provider_events.record(event)
        await uow.provider_events.set_outcome("fakepay", "evt-1", EventOutcome.CREDITED, "p1")
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.provider_events.record(event)
        assert await uow.provider_events.record(replace(event, provider="other"))


async def test_promo_code_counter_and_activations(uow_factory: UowFactory) -> None:
    code = PromoCode(
        PromoCodeId("c1"), "SALE", PromoKind.DISCOUNT_PERCENT, 20, T0, max_activations=2
    )
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.promo_codes.add(code)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.promo_codes.claim_activation(code.id)
        assert await uow.promo_codes.claim_activation(code.id)
        assert not await uow.promo_codes.claim_activation(code.id)
        await uow.promo_codes.release_activation(code.id)
        activation = PromoActivation.for_code(code, CustomerId(1), T0)
        assert await uow.promo_codes.add_activation(activation)
        assert not await uow.promo_codes.add_activation(activation)
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.promo_codes.get_by_code("SALE")
        assert stored is not None
        assert stored.activations == 1
        assert [a.promo_code_id for a in await uow.promo_codes.reserved_for(CustomerId(1))] == [
            "c1"
        ]
        expired = await uow.promo_codes.reservations_expired_by(T0 + timedelta(hours=1), 10)
        assert len(expired) == 1
        await uow.promo_codes.update_activation(replace(activation, status=ActivationStatus.USED))
        await uow.promo_codes.update(code.disable())
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.promo_codes.reserved_for(CustomerId(1)) == []
        assert not await uow.promo_codes.claim_activation(code.id)  # disabled
        assert await uow.promo_codes.get_activation(code.id, CustomerId(1)) is not None


async def test_referral_rewards(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await seed_pending_payment(uow, 2, "p1")
        await uow.referral_rewards.add(
            ReferralReward(PaymentId("p1"), CustomerId(1), CustomerId(2), 7, 3)
        )
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.referral_rewards.total_inviter_days(CustomerId(1)) == 7
        reward = await uow.referral_rewards.get_by_payment(PaymentId("p1"))
        assert reward is not None
        await uow.referral_rewards.update(replace(reward, reversed=True))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.referral_rewards.total_inviter_days(CustomerId(1)) == 0


async def test_campaign_stats(uow_factory: UowFactory) -> None:
    campaign = AdCampaign(CampaignId("c1"), "autumn", "Autumn", T0)
    async with uow_factory() as uow:
        await uow.campaigns.add(campaign)
        await uow.customers.add(customer(1, campaign_id=campaign.id, has_used_trial=True))
        await uow.customers.add(customer(2, campaign_id=campaign.id))
        await seed_pending_payment(uow, 2, "p1", with_customer=False)
        await uow.commit()
    async with uow_factory() as uow:
        await uow.payments.transition(PaymentId("p1"), PaymentStatus.PAID, T0)
        await uow.commit()
    async with uow_factory() as uow:
        stats = await uow.campaigns.stats(campaign.id)
        assert stats is not None
        assert (stats.starts, stats.trials, stats.purchases) == (2, 1, 1)
        assert stats.revenue == (Money.of("199.90", "RUB"),)
        assert await uow.campaigns.get_by_code("autumn") == campaign
        assert await uow.campaigns.list_all() == [campaign]
        assert await uow.campaigns.stats(CampaignId("nope")) is None


async def test_outbox_due_ordering(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.subscriptions.add(subscription(1))
        for name, delay in (("late", 10), ("early", 0), ("middle", 5)):
            job = provisioning_job(
                job_id=name,
                subscription_id=subscription(1).id,
                customer_id=CustomerId(1),
                reason=ProvisioningReason.PAYMENT,
                now=T0 + timedelta(seconds=delay),
            )
            await uow.outbox.add(job)
        await uow.commit()
    async with uow_factory() as uow:
        due = await uow.outbox.due(T0 + timedelta(seconds=6), 10)
        assert [j.id for j in due] == ["early", "middle"]
        await uow.outbox.update(due[0].succeeded(T0))
        await uow.outbox.update(due[1].failed("vpn_panel_unavailable", T0 + timedelta(seconds=6)))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.outbox.due(T0 + timedelta(seconds=10), 10) == [
            await uow.outbox.get("late")
        ]
        stored = await uow.outbox.get("middle")
        assert stored is not None
        assert (stored.attempts, stored.last_error) == (1, "vpn_panel_unavailable")


async def test_statistics_counts(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.customers.add(customer(2, created_at=T0 + timedelta(days=2)))
        await uow.subscriptions.add(subscription(1))
        await uow.subscriptions.add(replace(subscription(2), is_trial=True))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.customers.count_created_since(None) == 2
        assert await uow.customers.count_created_since(T0 + timedelta(days=1)) == 1
        assert await uow.subscriptions.count_active(T0, trial=False) == 1
        assert await uow.subscriptions.count_active(T0, trial=True) == 1
        assert await uow.subscriptions.count_active(T0 + timedelta(days=31), trial=False) == 0


async def test_promo_code_listing_and_counter_safe_update(uow_factory: UowFactory) -> None:
    first = PromoCode(PromoCodeId("a"), "A1", PromoKind.BONUS_DAYS, 3, T0)
    second = PromoCode(PromoCodeId("b"), "B1", PromoKind.BONUS_DAYS, 3, T0 + timedelta(hours=1))
    async with uow_factory() as uow:
        await uow.promo_codes.add(second)
        await uow.promo_codes.add(first)
        await uow.promo_codes.claim_activation(first.id)
        await uow.commit()
    async with uow_factory() as uow:
        await uow.promo_codes.update(replace(first, activations=0, value=5))
        await uow.commit()
    async with uow_factory() as uow:
        listed = await uow.promo_codes.list_all()
        assert [c.code for c in listed] == ["A1", "B1"]
        assert (listed[0].value, listed[0].activations) == (5, 1)
